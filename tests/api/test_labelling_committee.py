"""The committee over the API (staff only): meetings and members, the agenda, decisions and
the abstentions of conflicted members."""

import datetime

import pytest
from django.utils import timezone

from grappe.labelling.choices import Status
from grappe.labelling.models import AgendaItem, CommitteeMeeting
from tests.api.conftest import error_fields
from tests.api.labelling_world import (
    before_committee,
    build_world,
    delete,
    on_agenda,
    put,
    submitted,
)
from tests.factories import CommitteeMeetingFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def world():
    return build_world()


def test_the_staff_create_a_meeting_and_the_others_may_not(world, api_as, anonymous_api):
    body = {
        "held_on": (TODAY() + datetime.timedelta(days=10)).isoformat(),
        "title": "Comité de décembre",
        "location": "Besançon",
        "members": [world.staff.pk, world.lab_contact.pk],
    }
    assert anonymous_api.post("/committee-meetings", body).status_code == 401
    for user in (world.contact, world.experts[0]):
        assert api_as(user).post("/committee-meetings", body).status_code == 403
        assert api_as(user).get("/committee-meetings").status_code == 403
    response = api_as(world.staff).post("/committee-meetings", body)
    assert response.status_code == 201, response.content
    assert {m["username"] for m in response.json()["members"]} == {"api-staff", "lab-contact"}
    assert response.json()["agenda"] == []
    staff = api_as(world.staff)
    unknown = staff.post("/committee-meetings", {**body, "members": [999999]})
    assert error_fields(unknown) == ["members.0"]
    no_such_day = staff.post("/committee-meetings", {**body, "held_on": "2026-02-30"})
    assert error_fields(no_such_day) == ["held_on"]
    assert CommitteeMeeting.objects.count() == 1


def test_listing_meetings_takes_a_fixed_number_of_queries(
    world, api_as, django_assert_max_num_queries
):
    staff = api_as(world.staff)
    CommitteeMeetingFactory.create_batch(2, members=[world.staff, world.contact])
    with django_assert_max_num_queries(6):
        assert staff.get("/committee-meetings").json()["count"] == 2
    CommitteeMeetingFactory.create_batch(10, members=[world.staff, world.contact])
    with django_assert_max_num_queries(6):
        assert staff.get("/committee-meetings").json()["count"] == 12


def test_the_agenda_takes_applications_before_the_committee(world, api_as):
    meeting = CommitteeMeetingFactory(members=[world.staff, world.lab_contact])
    staff = api_as(world.staff)
    agenda = f"/committee-meetings/{meeting.pk}/agenda"
    submitted(world)
    response = staff.post(agenda, {"application": world.application.pk})
    assert response.status_code == 409
    assert error_fields(staff.post(agenda, {"application": 999999})) == ["application"]
    before_committee(world)
    response = staff.post(agenda, {"application": world.application.pk})
    assert response.status_code == 201, response.content
    item = response.json()
    # The laboratory's contact sits on the committee: a partner, she abstains.
    assert [a["member"]["username"] for a in item["abstentions"]] == ["lab-contact"]
    assert "partner of the project" in item["abstentions"][0]["reason"]
    detail = staff.get(f"/committee-meetings/{meeting.pk}").json()
    assert [i["application"]["id"] for i in detail["agenda"]] == [world.application.pk]
    refused = api_as(world.contact).post(agenda, {"application": world.application.pk})
    assert refused.status_code == 403


def test_members_change_and_the_conflicted_abstain(world, api_as):
    meeting = on_agenda(world)
    staff = api_as(world.staff)
    response = put(
        staff,
        f"/committee-meetings/{meeting.pk}/members",
        {"members": [world.staff.pk, world.conflicted.pk]},
    )
    assert response.status_code == 200, response.content
    abstaining = {a["member"]["username"] for a in response.json()["agenda"][0]["abstentions"]}
    assert "conflicted" in abstaining


def test_the_decision_labels_the_application(world, api_as):
    meeting = on_agenda(world)
    item = AgendaItem.objects.get(meeting=meeting)
    staff = api_as(world.staff)
    decide = f"/agenda-items/{item.pk}/decision"
    assert api_as(world.contact).post(decide, {"decision": "labelled"}).status_code == 403
    misplaced = staff.post(decide, {"decision": "labelled", "reservations": "x"})
    assert error_fields(misplaced) == ["reservations"]
    assert error_fields(staff.post(decide, {"decision": "funded"})) == ["decision"]
    response = staff.post(decide, {"decision": "labelled"})
    assert response.status_code == 200, response.content
    assert response.json()["decision"] == "labelled"
    world.application.refresh_from_db()
    assert world.application.status == Status.LABELLED
    again = staff.post(decide, {"decision": "not_labelled"})
    assert again.status_code == 409
    assert delete(staff, f"/agenda-items/{item.pk}").status_code == 409


def test_no_decision_before_the_meeting(world, api_as):
    meeting = on_agenda(world, held_on=TODAY() + datetime.timedelta(days=7))
    item = AgendaItem.objects.get(meeting=meeting)
    staff = api_as(world.staff)
    response = staff.post(f"/agenda-items/{item.pk}/decision", {"decision": "labelled"})
    assert response.status_code == 409
    assert "not met yet" in response.json()["detail"]
    assert delete(api_as(world.staff), f"/agenda-items/{item.pk}").status_code == 204
    assert not AgendaItem.objects.exists()
