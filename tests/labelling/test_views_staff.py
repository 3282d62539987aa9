"""Staff pages over HTTP: refused to members, the pipeline, experts, grid, calls, funding,
committees and the dashboard."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from grappe.labelling import services
from grappe.labelling.choices import Status
from grappe.labelling.models import (
    AgendaItem,
    Application,
    CommitteeMeeting,
    Criterion,
    FundingCall,
    FundingLine,
    ReviewAssignment,
)
from tests.factories import (
    AffiliationFactory,
    ApplicationFactory,
    CommitteeMeetingFactory,
    FundingCallFactory,
    PersonFactory,
    member_contact,
)
from tests.labelling.conftest import before_committee, move

pytestmark = pytest.mark.django_db

STAFF_PAGES = [
    ("labelling:pipeline", {}),
    ("labelling:dashboard", {}),
    ("labelling:criteria", {}),
    ("labelling:call_list", {}),
    ("labelling:call_create", {}),
    ("labelling:committee_list", {}),
    ("labelling:committee_create", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), STAFF_PAGES)
def test_staff_pages_refuse_members_and_ask_the_anonymous_to_log_in(client, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("login"))
    client.force_login(member_contact())
    assert client.get(url).status_code == 403


def test_object_pages_refuse_the_consortium_itself(client, application, contact, criteria):
    meeting = CommitteeMeetingFactory()
    client.force_login(contact)
    for url in (
        reverse("labelling:assignments", kwargs={"pk": application.pk}),
        reverse("labelling:funding", kwargs={"pk": application.pk}),
        reverse("labelling:criterion_edit", kwargs={"pk": criteria[0].pk}),
        reverse("labelling:call_edit", kwargs={"pk": application.call_id}),
        meeting.get_absolute_url(),
    ):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(reverse("labelling:letter_issue", kwargs={"pk": application.pk})).status_code
        == 403
    )


# The pipeline -----------------------------------------------------------------------------


def test_the_pipeline_shows_columns_with_counts_and_filters_by_call(client, staff, application):
    other_call = FundingCallFactory(name="ANR 2027")
    ApplicationFactory(call=other_call, status=Status.SUBMITTED)
    ApplicationFactory(call=other_call, status=Status.SUBMITTED)
    client.force_login(staff)
    response = client.get(reverse("labelling:pipeline"))
    columns = {column["status"]: column for column in response.context["columns"]}
    assert response.status_code == 200
    assert columns[Status.DRAFT]["count"] == 1
    assert columns[Status.SUBMITTED]["count"] == 2
    filtered = client.get(reverse("labelling:pipeline"), {"appel": other_call.pk})
    columns = {column["status"]: column for column in filtered.context["columns"]}
    assert columns[Status.DRAFT]["count"] == 0
    assert columns[Status.SUBMITTED]["count"] == 2
    partial = client.get(
        reverse("labelling:pipeline"), {"appel": other_call.pk}, headers={"HX-Request": "true"}
    )
    assert "<html" not in partial.content.decode()
    assert 'id="board"' in partial.content.decode()


def test_the_pipeline_query_count_does_not_grow(client, staff, django_assert_max_num_queries):
    call = FundingCallFactory()
    for status in (Status.SUBMITTED, Status.UNDER_REVIEW, Status.LABELLED):
        for _number in range(15):
            ApplicationFactory(call=call, status=status)
    client.force_login(staff)
    with django_assert_max_num_queries(32):
        response = client.get(reverse("labelling:pipeline"))
    columns = {column["status"]: column for column in response.context["columns"]}
    assert columns[Status.LABELLED]["count"] == 15
    assert columns[Status.LABELLED]["more"] == 3


def test_the_dashboard_shows_the_figures(client, staff, application):
    move(
        application, Status.LABELLED, decided_at=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC)
    )
    client.force_login(staff)
    response = client.get(reverse("labelling:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["figures"].labelled_projects == 1
    assert 'id="per-year"' in html
    assert "progress-bar" in html
    assert client.get(reverse("labelling:dashboard"), {"annee": "2025"}).status_code == 200
    assert client.get(reverse("labelling:dashboard"), {"annee": "soon"}).status_code == 200


# Experts ----------------------------------------------------------------------------------


def test_a_conflicted_candidate_is_flagged_and_refused(
    client, staff, application, experts, partner_org
):
    move(application, Status.SUBMITTED)
    conflicted, free = experts
    AffiliationFactory(person=PersonFactory(user=conflicted), organisation=partner_org)
    client.force_login(staff)
    url = reverse("labelling:assignments", kwargs={"pk": application.pk})
    html = client.get(url).content.decode()
    row = html.split(f'data-expert="{conflicted.username}"')[1].split("</tr>")[0]
    assert "data-conflicted" in row
    assert "disabled" in row
    assert "FEMTO-ST" in row
    refused = client.post(url, {"expert": conflicted.pk})
    assert refused.status_code == 200
    assert "conflict of interest" in refused.content.decode()
    assert not ReviewAssignment.objects.exists()
    assert client.post(url, {"expert": free.pk}).status_code == 302
    assert ReviewAssignment.objects.get().expert == free


def test_an_expert_is_withdrawn_after_confirmation(client, staff, application, experts):
    move(application, Status.SUBMITTED)
    assignment = services.assign_expert(actor=staff, application=application, expert=experts[0])
    client.force_login(staff)
    url = reverse(
        "labelling:unassign", kwargs={"pk": application.pk, "assignment_pk": assignment.pk}
    )
    assert client.get(url).status_code == 200
    assert ReviewAssignment.objects.exists()
    assert client.post(url).status_code == 302
    assert not ReviewAssignment.objects.exists()


def test_no_expert_is_assigned_to_a_draft(client, staff, application, experts):
    client.force_login(staff)
    url = reverse("labelling:assignments", kwargs={"pk": application.pk})
    response = client.post(url, {"expert": experts[0].pk}, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert not ReviewAssignment.objects.exists()


# The grid and the calls -------------------------------------------------------------------


def test_the_staff_edit_the_scoring_grid(client, staff, criteria):
    client.force_login(staff)
    url = reverse("labelling:criteria")
    bad = client.post(url, {"new-code": "impact", "new-label_fr": "Impact", "new-weight": "0"})
    assert bad.status_code == 200
    assert "weight" in bad.context["form"].errors
    new = {"new-code": "impact", "new-label_fr": "Impact régional", "new-weight": "2",
           "new-position": "4", "new-is_active": "on"}  # fmt: skip
    assert client.post(url, new).status_code == 302
    assert Criterion.objects.get(code="impact").label_en == "Impact régional"
    edit = reverse("labelling:criterion_edit", kwargs={"pk": criteria[0].pk})
    data = {"label_fr": "Innovation", "label_en": "Innovation", "weight": "4.5", "position": "0"}
    assert client.post(edit, data).status_code == 302
    criteria[0].refresh_from_db()
    assert criteria[0].weight == Decimal("4.5")
    assert not criteria[0].is_active  # unticked


def test_the_staff_create_and_edit_a_call(client, staff):
    client.force_login(staff)
    data = {
        "name": "i-Nov vague 14",
        "funder": "bpi_inov",
        "addressee": "Bpifrance",
        "deadline": "2030-05-01",
    }
    assert (
        client.post(reverse("labelling:call_create"), {**data, "funder": "lottery"}).status_code
        == 200
    )
    assert client.post(reverse("labelling:call_create"), data).status_code == 302
    call = FundingCall.objects.get(name="i-Nov vague 14")
    edit = reverse("labelling:call_edit", kwargs={"pk": call.pk})
    assert client.post(edit, {**data, "deadline": "2030-06-01"}).status_code == 302
    call.refresh_from_db()
    assert call.deadline == datetime.date(2030, 6, 1)


# Funding and results ----------------------------------------------------------------------


def test_the_staff_record_the_funding_per_partner(client, staff, application, contact):
    move(application, Status.LABELLED)
    lead_partner, other = application.project.partners.order_by("role")
    client.force_login(staff)
    url = reverse("labelling:funding", kwargs={"pk": application.pk})
    assert client.get(url).status_code == 200
    too_much = {
        "lines-0-partner": other.pk,
        "lines-0-funder": "pspc_regions",
        "lines-0-amount": "999999",
    }
    response = client.post(url, too_much)
    assert response.status_code == 200
    assert "above its budget" in " ".join(response.context["rows"].errors)
    assert not FundingLine.objects.exists()
    lines = {
        "lines-0-partner": lead_partner.pk,
        "lines-0-funder": "pspc_regions",
        "lines-0-amount": "150000",
        "lines-1-partner": other.pk,
        "lines-1-funder": "region_bfc",
        "lines-1-amount": "80000",
        "lines-2-partner": "",
        "lines-2-funder": "pspc_regions",
        "lines-2-amount": "",
    }
    assert client.post(url, lines).status_code == 302
    application.refresh_from_db()
    assert application.status == Status.FUNDED
    assert FundingLine.objects.count() == 2
    # The consortium then reports a result.
    client.force_login(contact)
    add = reverse("labelling:result_add", kwargs={"pk": application.pk})
    assert client.post(add, {"kind": "patent", "quantity": "0"}).status_code == 200
    assert client.post(add, {"kind": "patent", "quantity": "2"}).status_code == 302
    assert application.results.get().quantity == 2


def test_funding_is_not_recorded_for_a_draft(client, staff, application):
    client.force_login(staff)
    url = reverse("labelling:funding", kwargs={"pk": application.pk})
    partner = application.project.partners.first()
    data = {"lines-0-partner": partner.pk, "lines-0-funder": "anr", "lines-0-amount": "10"}
    response = client.post(url, data, headers={"Accept": "application/json"})
    assert response.status_code == 409
    assert not FundingLine.objects.exists()


# The committee ----------------------------------------------------------------------------


def test_the_committee_meets_and_labels(client, staff, application, experts, criteria, partner_org):
    before_committee(application, staff, experts, criteria)
    conflicted_member = member_contact(organisation=partner_org)
    client.force_login(staff)
    today = datetime.date.today()
    response = client.post(
        reverse("labelling:committee_create"),
        {"held_on": today.isoformat(), "title": "Comité de juin", "location": "Besançon",
         "members": [staff.pk, conflicted_member.pk]},
    )  # fmt: skip
    meeting = CommitteeMeeting.objects.get()
    assert response.status_code == 302
    assert client.get(meeting.get_absolute_url()).status_code == 200
    agenda = reverse("labelling:agenda_add", kwargs={"pk": meeting.pk})
    assert client.post(agenda, {"application": application.pk}).status_code == 302
    item = AgendaItem.objects.get()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Abstaining" in page  # the partner's contact abstains
    decide = reverse("labelling:agenda_decide", kwargs={"pk": meeting.pk, "item_pk": item.pk})
    missing = client.post(decide, {f"item-{item.pk}-decision": "labelled_with_reservations"})
    assert missing.status_code == 200
    assert "reservations" in missing.context["items"][0]["form"].errors
    assert client.post(decide, {f"item-{item.pk}-decision": "labelled"}).status_code == 302
    application.refresh_from_db()
    assert application.status == Status.LABELLED


def test_a_committee_that_has_not_met_cannot_decide(client, staff, application, experts, criteria):
    before_committee(application, staff, experts, criteria)
    meeting = CommitteeMeetingFactory(held_on=datetime.date.today() + datetime.timedelta(days=7))
    item = services.add_to_agenda(actor=staff, meeting=meeting, application=application)
    client.force_login(staff)
    assert "data-decision-form" not in client.get(meeting.get_absolute_url()).content.decode()
    decide = reverse("labelling:agenda_decide", kwargs={"pk": meeting.pk, "item_pk": item.pk})
    response = client.post(decide, {f"item-{item.pk}-decision": "labelled"})
    assert response.status_code == 409
    assert "has not met yet" in response.content.decode()
    assert Application.objects.get(pk=application.pk).status == Status.COMMITTEE
    # An undecided item is taken off the agenda after confirmation.
    remove = reverse("labelling:agenda_remove", kwargs={"pk": meeting.pk, "item_pk": item.pk})
    assert client.get(remove).status_code == 200
    assert client.post(remove).status_code == 302
    assert not AgendaItem.objects.exists()


def test_the_committee_list_and_the_meeting_form(client, staff):
    CommitteeMeetingFactory.create_batch(3)
    client.force_login(staff)
    assert client.get(reverse("labelling:committee_list")).status_code == 200
    response = client.post(reverse("labelling:committee_create"), {"title": ""})
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"held_on", "title"}
