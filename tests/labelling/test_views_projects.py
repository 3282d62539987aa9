"""Member pages over HTTP: my projects, drafting with the consortium editor, edit, resubmit."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from grappe.labelling.choices import PartnerRole, Status
from grappe.labelling.models import Application, Partner, Project
from tests.factories import (
    FundingCallFactory,
    OrganisationFactory,
    ProjectFactory,
    member_contact,
)
from tests.labelling.conftest import move

pytestmark = pytest.mark.django_db


def project_post(call, lead, partner_org, market, process, **overrides) -> dict:
    """The POST of the draft form: two partners, 500 k€ in all."""
    data = {
        "acronym": "NANOGRIP",
        "title": "Micro-gripper for watch assembly",
        "summary_fr": "Une micro-pince.",
        "markets": [market.pk],
        "processes": [process.pk],
        "trl_start": "3",
        "trl_target": "6",
        "duration_months": "24",
        "lead": lead.pk,
        "total_budget": "500000",
        "confidentiality": "standard",
        "call": call.pk if call else "",
        "partners-0-organisation": lead.pk,
        "partners-0-role": PartnerRole.LEAD,
        "partners-0-budget": "300000",
        "partners-0-requested_aid": "150000",
        "partners-1-organisation": partner_org.pk,
        "partners-1-role": PartnerRole.PARTNER,
        "partners-1-budget": "200000",
        "partners-1-requested_aid": "100000",
    }
    data.update(overrides)
    return data


@pytest.fixture
def form_data(call, lead, partner_org, market, process):
    return project_post(call, lead, partner_org, market, process)


# My projects ------------------------------------------------------------------------------


def test_my_projects_asks_the_anonymous_to_log_in(client):
    response = client.get(reverse("labelling:my_projects"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_my_projects_lists_my_organisations_projects_with_their_status(client, contact, project):
    other = ProjectFactory(acronym="SECRET")  # another consortium's project
    client.force_login(contact)
    response = client.get(reverse("labelling:my_projects"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "MICROVALVE" in html
    assert 'data-status="draft"' in html
    assert other.acronym not in html


def test_my_projects_query_count_does_not_grow(
    client, contact, lead, call, django_assert_max_num_queries
):
    for number in range(12):
        project = ProjectFactory(acronym=f"P{number}", lead=lead)
        Application.objects.create(project=project, call=call)
        Application.objects.create(
            project=project, call=FundingCallFactory(), round_number=2, status=Status.SUBMITTED
        )
    client.force_login(contact)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("labelling:my_projects"))
    assert response.content.decode().count("data-project=") == 12


# Drafting ---------------------------------------------------------------------------------


def test_the_draft_form_offers_my_organisations_and_the_open_calls(client, contact, lead, call):
    closed = FundingCallFactory(name="Closed call", deadline=datetime.date(2020, 1, 1))
    client.force_login(contact)
    response = client.get(reverse("labelling:project_create"))
    html = response.content.decode()
    assert response.status_code == 200
    assert call.name in html
    assert closed.name not in html
    # The lead's row is ready.
    assert response.context["rows"].forms[0].initial["organisation"] == lead.pk


def test_a_member_drafts_a_project_with_its_consortium(client, contact, form_data, lead):
    client.force_login(contact)
    response = client.post(reverse("labelling:project_create"), form_data)
    project = Project.objects.get(acronym="NANOGRIP")
    application = project.applications.get()
    assert response.status_code == 302
    assert response.url == application.get_absolute_url()
    assert application.status == Status.DRAFT
    assert project.total_budget == Decimal("500000")
    partners = {p.organisation_id: p for p in project.partners.all()}
    assert partners[lead.pk].role == PartnerRole.LEAD
    assert sum(p.budget for p in partners.values()) == Decimal("500000")


def test_budgets_that_do_not_add_up_name_the_total_and_write_nothing(client, contact, form_data):
    client.force_login(contact)
    form_data["total_budget"] = "600000"
    response = client.post(reverse("labelling:project_create"), form_data)
    assert response.status_code == 200
    assert "add up to 500000" in " ".join(response.context["form"].errors["total_budget"])
    assert not Project.objects.filter(acronym="NANOGRIP").exists()
    assert Partner.objects.count() == 0


def test_aid_above_a_partners_budget_is_an_error_on_its_row(client, contact, form_data):
    client.force_login(contact)
    form_data["partners-1-requested_aid"] = "250000"
    response = client.post(reverse("labelling:project_create"), form_data)
    row = response.context["rows"].used[1]
    assert response.status_code == 200
    assert "above its budget" in " ".join(row.errors["requested_aid"])
    assert 'class="invalid-feedback d-block">' in response.content.decode()
    assert not Project.objects.exists()


def test_a_call_whose_deadline_has_passed_cannot_be_chosen(client, contact, form_data):
    past = FundingCallFactory(deadline=datetime.date.today() - datetime.timedelta(days=1))
    client.force_login(contact)
    form_data["call"] = past.pk
    response = client.post(reverse("labelling:project_create"), form_data)
    assert response.status_code == 200
    assert "call" in response.context["form"].errors
    assert not Project.objects.exists()


def test_a_partner_row_without_budget_is_refused(client, contact, form_data):
    client.force_login(contact)
    form_data["partners-1-budget"] = ""
    response = client.post(reverse("labelling:project_create"), form_data)
    assert "budget" in response.context["rows"].used[1].errors
    assert not Project.objects.exists()


def test_rows_are_added_and_removed_with_htmx_without_writing(client, contact, form_data):
    client.force_login(contact)
    url = reverse("labelling:project_create")
    added = client.post(url, {**form_data, "add_partner": "1"}, headers={"HX-Request": "true"})
    html = added.content.decode()
    assert added.status_code == 200
    assert 'id="consortium"' in html
    assert "<html" not in html
    assert 'name="partners-2-organisation"' in html
    assert "invalid-feedback" not in html  # nothing is validated yet
    assert '<strong data-total="budgets">500,000.00 €</strong>' in html
    assert added.context["rows"].forms[2]["role"].value() == PartnerRole.PARTNER

    removed = client.post(url, {**form_data, "remove_partner": "0"}, headers={"HX-Request": "true"})
    html = removed.content.decode()
    assert 'name="partners-1-organisation"' not in html
    assert 'value="200000"' in html  # the second row, now the first
    assert not Project.objects.exists()


def test_the_sums_follow_the_rows(client, contact, form_data):
    client.force_login(contact)
    form_data["total_budget"] = "450000"
    response = client.post(
        reverse("labelling:project_create"),
        {**form_data, "recompute": "1"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert 'id="partner-totals"' in html
    assert 'id="consortium"' not in html
    assert '<strong data-total="budgets">500,000.00 €</strong>' in html
    assert '<strong data-total="aid">250,000.00 €</strong>' in html
    assert 'data-total="mismatch"' in html


def test_without_javascript_adding_a_row_shows_the_whole_page(client, contact, form_data):
    client.force_login(contact)
    response = client.post(reverse("labelling:project_create"), {**form_data, "add_partner": "1"})
    assert "<html" in response.content.decode()
    assert len(response.context["rows"].forms) == 3


def test_a_contact_of_a_non_member_cannot_draft(client):
    client.force_login(member_contact())  # a member: allowed
    assert client.get(reverse("labelling:project_create")).status_code == 200
    outsider = member_contact()
    outsider_org = outsider.person.affiliations.get().organisation
    outsider_org.memberships.all().delete()
    client.force_login(outsider)
    assert client.get(reverse("labelling:project_create")).status_code == 403


# The project page, edit, resubmit -----------------------------------------------------------


def test_the_project_page_is_404_for_another_member(client, project, contact):
    client.force_login(contact)
    assert client.get(project.get_absolute_url()).status_code == 200
    client.force_login(member_contact())
    assert client.get(project.get_absolute_url()).status_code == 404


def test_the_consortium_edits_its_draft(
    client, contact, project, lead, partner_org, market, process
):
    client.force_login(contact)
    url = reverse("labelling:project_edit", kwargs={"pk": project.pk})
    assert client.get(url).status_code == 200
    data = project_post(None, lead, partner_org, market, process, acronym="MICROVALVE2")
    data.pop("call")
    data.update(
        {
            "total_budget": "600000",
            "partners-0-budget": "400000",
            "partners-0-requested_aid": "200000",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.acronym == "MICROVALVE2"


def test_a_submitted_project_can_no_longer_be_edited(client, contact, application):
    move(application, Status.SUBMITTED)
    client.force_login(contact)
    url = reverse("labelling:project_edit", kwargs={"pk": application.project_id})
    assert client.get(url).status_code == 403


def test_a_project_not_labelled_is_submitted_again_to_another_call(client, contact, application):
    move(application, Status.NOT_LABELLED)
    new_call = FundingCallFactory(name="ANR 2027")
    client.force_login(contact)
    url = reverse("labelling:project_resubmit", kwargs={"pk": application.project_id})
    assert client.get(url).status_code == 200
    response = client.post(url, {"call": new_call.pk})
    second = Application.objects.get(project=application.project, round_number=2)
    assert response.status_code == 302
    assert response.url == second.get_absolute_url()
    assert second.call == new_call
    # The history of rounds shows on the new round's page.
    page = client.get(second.get_absolute_url()).content.decode()
    assert 'id="rounds"' in page
    assert "#1" in page


def test_a_running_round_cannot_be_doubled(client, contact, application):
    client.force_login(contact)
    url = reverse("labelling:project_resubmit", kwargs={"pk": application.project_id})
    response = client.post(url, {"call": FundingCallFactory().pk}, follow=True)
    assert Application.objects.filter(project=application.project).count() == 1
    assert any("must end" in str(message) for message in response.context["messages"])


def test_the_lead_must_be_one_of_my_organisations(client, contact, form_data):
    stranger = OrganisationFactory()
    client.force_login(contact)
    form_data["lead"] = stranger.pk
    response = client.post(reverse("labelling:project_create"), form_data)
    assert "lead" in response.context["form"].errors
    assert not Project.objects.exists()
