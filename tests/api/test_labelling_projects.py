"""Projects over the API: who reads what (full, public summary, nothing), drafting and
editing with their refusals, bad input naming the field with nothing written, re-labelling."""

import datetime

import pytest
from django.utils import timezone

from grappe.core.models import ActivityLog
from grappe.labelling.choices import Confidentiality, Status
from grappe.labelling.models import Application, Project
from tests.api.conftest import error_fields
from tests.api.labelling_world import build_world, labelled, put
from tests.factories import (
    ApplicationFactory,
    FundingCallFactory,
    OrganisationFactory,
    ProjectFactory,
    UserFactory,
    member_contact,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def world():
    return build_world()


def public_labelled(**fields) -> Project:
    project = ProjectFactory(public_summary_fr="Résumé public.", **fields)
    ApplicationFactory(
        project=project,
        status=Status.COMPLETED,
        decided_at=timezone.make_aware(datetime.datetime(2019, 6, 1, 12)),
    )
    return project


def views(api, **params) -> dict[str, str]:
    response = api.get("/projects", params)
    assert response.status_code == 200, response.content
    return {item["acronym"]: item["view"] for item in response.json()["items"]}


def test_the_staff_see_every_project_in_full(world, api_as):
    public_labelled(acronym="OSTEOFIX")
    ProjectFactory(acronym="SECRET", confidentiality=Confidentiality.RESTRICTED)
    assert views(api_as(world.staff)) == {
        "MICROVALVE": "full", "OSTEOFIX": "full", "SECRET": "full"
    }  # fmt: skip


def test_a_contact_sees_its_projects_in_full_and_the_public_summaries_of_others(world, api_as):
    public_labelled(acronym="OSTEOFIX")
    public_labelled(acronym="SECRET", confidentiality=Confidentiality.RESTRICTED)
    ProjectFactory(acronym="NOTYET")  # not labelled: nothing public
    for user in (world.contact, world.lab_contact):
        assert views(api_as(user)) == {"MICROVALVE": "full", "OSTEOFIX": "public"}
        assert views(api_as(user), mine="true") == {"MICROVALVE": "full"}
    assert views(api_as(world.outsider)) == {"OSTEOFIX": "public"}


def test_the_public_reads_only_labelled_unrestricted_summaries(world, anonymous_api):
    osteofix = public_labelled(acronym="OSTEOFIX")
    public_labelled(acronym="SECRET", confidentiality=Confidentiality.RESTRICTED)
    response = anonymous_api.get("/projects")
    (item,) = response.json()["items"]
    assert item["acronym"] == "OSTEOFIX"
    assert item["labelled_in"] == 2019
    assert item["public_summary_fr"] == "Résumé public."
    assert not {"summary_fr", "partners", "total_budget", "applications"} & set(item)
    detail = anonymous_api.get(f"/projects/{osteofix.pk}").json()
    assert detail["view"] == "public"


def test_a_project_nobody_may_read_is_a_404(world, api_as, anonymous_api):
    secret = public_labelled(acronym="SECRET", confidentiality=Confidentiality.RESTRICTED)
    draft_id = world.project.pk
    for api in (anonymous_api, api_as(world.outsider), api_as(world.experts[0])):
        assert api.get(f"/projects/{draft_id}").status_code == 404
        assert api.get(f"/projects/{secret.pk}").status_code == 404
    assert api_as(world.staff).get("/projects/999999").status_code == 404
    detail = api_as(world.contact).get(f"/projects/{draft_id}").json()
    assert detail["view"] == "full"
    assert detail["total_budget"] == "600000.00"
    assert {p["organisation"]["slug"]: p["role"] for p in detail["partners"]} == {
        "decolletage-comtois": "lead", "femto-lab": "partner"
    }  # fmt: skip
    assert detail["applications"][0]["status"] == "draft"


def test_filters(world, api_as):
    public_labelled(acronym="OSTEOFIX")
    staff = api_as(world.staff)
    assert set(views(staff, market="sante")) == {"MICROVALVE"}
    assert set(views(staff, q="osteo")) == {"OSTEOFIX"}


def test_listing_projects_takes_a_fixed_number_of_queries(
    world, api_as, django_assert_max_num_queries
):
    staff = api_as(world.staff)
    for number in range(3):
        public_labelled(acronym=f"P{number}")
    with django_assert_max_num_queries(14):
        assert staff.get("/projects").status_code == 200
    for number in range(3, 15):
        public_labelled(acronym=f"P{number}")
    with django_assert_max_num_queries(14):
        assert len(staff.get("/projects").json()["items"]) == 16
    with django_assert_max_num_queries(16):
        assert api_as(world.contact).get("/projects").status_code == 200


LEAD = "decolletage-comtois"
PROJECT = {
    "acronym": "NANOVIS",
    "title": "Vis nanostructurées",
    "summary_fr": "Des vis.",
    "trl_start": 3,
    "trl_target": 6,
    "duration_months": 24,
    "lead": "decolletage-comtois",
    "total_budget": "500000",
    "partners": [
        {"organisation": "decolletage-comtois", "budget": "300000", "requested_aid": "100000"},
        {"organisation": "femto-lab", "budget": "200000", "requested_aid": "150000"},
    ],
    "markets": ["sante"],
    "processes": ["decolletage"],
}


def test_a_member_contact_drafts_a_project_of_its_organisation(world, api_as):
    response = api_as(world.contact).post("/projects", {**PROJECT, "call": world.call.pk})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["acronym"] == "NANOVIS"
    assert body["lead"]["slug"] == "decolletage-comtois"
    assert [t["code"] for t in body["markets"]] == ["sante"]
    assert body["applications"][0]["status"] == "draft"
    assert Project.objects.get(acronym="NANOVIS").created_by == world.contact


def test_drafting_is_refused_to_the_public_and_to_non_members(world, api_as, anonymous_api):
    assert anonymous_api.post("/projects", PROJECT).status_code == 401
    assert api_as(UserFactory()).post("/projects", PROJECT).status_code == 403
    # A member's contact may lead only with their own organisation.
    response = api_as(world.outsider).post("/projects", {**PROJECT, "call": world.call.pk})
    assert error_fields(response) == ["lead"]
    assert not Project.objects.filter(acronym="NANOVIS").exists()


BAD_PROJECTS = [
    ({"total_budget": "600000"}, "total_budget"),
    ({"trl_target": 2}, "trl_target"),
    ({"trl_start": 12}, "trl_start"),
    ({"lead": "nobody"}, "lead"),
    ({"markets": ["mars"]}, "markets.0"),
    ({"processes": ["sante"]}, "processes.0"),
    ({"co_labelled_with": ["femto-lab"]}, "co_labelled_with"),
    ({"partners": [{"organisation": "femto-lab", "budget": "500000"}]}, "partners"),
    (
        {
            "partners": [
                {
                    "organisation": "decolletage-comtois",
                    "budget": "500000",
                    "requested_aid": "600000",
                }
            ]
        },
        "partners-0-requested_aid",
    ),
    ({"total_budget": "-5"}, "total_budget"),
    ({"acronym": "X" * 31}, "acronym"),
    ({"title": "a\x00b"}, "title"),
    ({"call": 999999}, "call"),
    ({"colour": "blue"}, "colour"),
]


@pytest.mark.parametrize(("change", "field"), BAD_PROJECTS)
def test_bad_projects_are_422_naming_the_field_and_nothing_is_written(world, api_as, change, field):
    api = api_as(world.contact)
    before = (Project.objects.count(), ActivityLog.objects.count())
    response = api.post("/projects", {**PROJECT, "call": world.call.pk, **change})
    assert field in error_fields(response)
    assert (Project.objects.count(), ActivityLog.objects.count()) == before


def test_a_call_whose_deadline_passed_is_refused(world, api_as):
    past = FundingCallFactory(deadline=timezone.localdate() - datetime.timedelta(days=1))
    response = api_as(world.contact).post("/projects", {**PROJECT, "call": past.pk})
    assert error_fields(response) == ["call"]


def test_the_consortium_edits_its_draft(world, api_as):
    api = api_as(world.contact)
    path = f"/projects/{world.project.pk}"
    response = api.patch(path, {"title": "Micro-valve en PEEK", "markets": []})
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Micro-valve en PEEK"
    assert response.json()["markets"] == []
    response = put(
        api,
        f"/projects/{world.project.pk}/partners",
        {"partners": [{"organisation": "decolletage-comtois", "budget": "600000"}]},
    )
    assert response.status_code == 200, response.content
    slugs = [p["organisation"]["slug"] for p in response.json()["partners"]]
    assert slugs == ["decolletage-comtois"]


def test_others_cannot_edit_and_bad_edits_write_nothing(world, api_as, anonymous_api):
    path = f"/projects/{world.project.pk}"
    for api in (anonymous_api, api_as(world.outsider), api_as(world.experts[0])):
        assert api.patch(path, {"title": "Volé"}).status_code == 404
    response = api_as(world.contact).patch(path, {"total_budget": "1"})
    assert error_fields(response) == ["total_budget"]
    world.project.refresh_from_db()
    assert world.project.title == "Micro-valve implantable"


def test_a_submitted_project_cannot_change_409(world, api_as):
    api = api_as(world.contact)
    assert api.post(f"/applications/{world.application.pk}/submit").status_code == 200
    response = api.patch(f"/projects/{world.project.pk}", {"title": "Trop tard"})
    assert response.status_code == 409
    assert "draft" in response.json()["detail"]


def test_a_labelled_project_is_labelled_again_on_another_call(world, api_as):
    labelled(world)
    other = FundingCallFactory(name="Concours i-Nov, vague 20")
    api = api_as(world.contact)
    response = api.post(f"/projects/{world.project.pk}/applications", {"call": other.pk})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["round_number"] == 2
    assert body["status"] == "draft"
    # The same call again is refused; a round in progress must end first.
    response = api.post(f"/projects/{world.project.pk}/applications", {"call": world.call.pk})
    assert response.status_code == 409
    assert Application.objects.filter(project=world.project).count() == 2


def test_the_staff_draft_for_any_lead_and_others_may_not(world, api_as):
    other = OrganisationFactory(slug="atelier-jura")
    member_contact(organisation=other)
    alone = [{"organisation": "atelier-jura", "budget": "500000"}]
    body = {**PROJECT, "lead": "atelier-jura", "partners": alone}
    assert api_as(world.staff).post("/projects", body).status_code == 201
    assert (
        api_as(world.contact).post("/projects", {**body, "call": world.call.pk}).status_code == 422
    )
