"""The B2B meetings' API: my profile, the catalogue, requests and their moves, my agenda, the
staff's slots, meetings, scheduling and publication; 422 naming the field, 409 on a wrong
state, 403/404 on permissions."""

import pytest

from grappe.core.models import Facet
from grappe.events.models import Meeting, MeetingRequest, MeetingSlot
from tests.api.conftest import error_fields
from tests.events.b2b_factories import b2b_event, participant, slots
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return b2b_event(slug="micronora")


def test_my_profile_read_and_replaced(api_as, event, alice):
    TermFactory(code="decolletage", facet=Facet.PROCESS)
    slot = slots(event)[0]
    api = api_as(alice.user)
    assert api.get("/events/micronora/b2b/profile").json()["organisation"] == "Alpha Décolletage"
    response = api.client.put(
        "/api/v1/events/micronora/b2b/profile",
        {
            "offer": "Vis",
            "offered_terms": ["decolletage"],
            "unavailable_slots": [slot.pk],
            "is_listed": True,
        },
        content_type="application/json",
        headers=api.headers,
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert [t["code"] for t in body["offered_terms"]] == ["decolletage"]
    assert body["unavailable_slots"] == [slot.pk]
    unknown = api.client.put(
        "/api/v1/events/micronora/b2b/profile",
        {"offered_terms": ["nope"]},
        content_type="application/json",
        headers=api.headers,
    )
    assert error_fields(unknown) == ["offered_terms.0"]


def test_requests_created_accepted_and_refused(api_as, event, alice, bruno):
    carla = participant(event, username="carla")
    as_alice, as_bruno, as_carla = api_as(alice.user), api_as(bruno.user), api_as(carla.user)
    created = as_alice.post(
        "/events/micronora/b2b/requests",
        {"recipient": bruno.profile.pk, "message": "Bonjour", "priority": 3},
    )
    assert created.status_code == 201, created.content
    request_id = created.json()["id"]
    assert (
        as_alice.post("/events/micronora/b2b/requests", {"recipient": bruno.profile.pk}).status_code
        == 409
    )
    assert error_fields(
        as_alice.post("/events/micronora/b2b/requests", {"recipient": alice.profile.pk})
    ) == ["recipient"]
    assert error_fields(
        as_alice.post("/events/micronora/b2b/requests", {"recipient": 999_999})
    ) == ["recipient"]
    assert error_fields(
        as_alice.post(
            "/events/micronora/b2b/requests", {"recipient": bruno.profile.pk, "priority": 5}
        )
    ) == ["priority"]
    assert MeetingRequest.objects.count() == 1
    # Another participant does not even see it; the requester cannot accept it.
    assert as_carla.post(f"/b2b/requests/{request_id}/accept").status_code == 404
    assert as_alice.post(f"/b2b/requests/{request_id}/accept").status_code == 403
    accepted = as_bruno.post(f"/b2b/requests/{request_id}/accept")
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "accepted"
    assert Meeting.objects.get().weight == 3
    assert as_bruno.post(f"/b2b/requests/{request_id}/decline").status_code == 409
    assert as_alice.post(f"/b2b/requests/{request_id}/withdraw").status_code == 409
    mine = as_bruno.get("/events/micronora/b2b/requests").json()
    assert [r["id"] for r in mine["received"]] == [request_id]
    assert as_carla.get("/events/micronora/b2b/requests").json() == {"received": [], "sent": []}


def test_the_catalogue_is_for_participants_and_staff(api_as, event, alice, bruno, staff, member):
    assert api_as(alice.user).get("/events/micronora/b2b/participants").json()["count"] == 1
    assert api_as(staff).get("/events/micronora/b2b/participants").json()["count"] == 2
    assert api_as(member).get("/events/micronora/b2b/participants").status_code == 403
    assert api_as(None).get("/events/micronora/b2b/participants").status_code == 401
    found = api_as(alice.user).get("/events/micronora/b2b/participants", {"q": "beta"})
    assert found.json()["count"] == 0  # accents are kept in a plain search
    found = api_as(alice.user).get("/events/micronora/b2b/participants", {"q": "Bêta"})
    assert [p["organisation"] for p in found.json()["items"]] == ["Bêta Médical"]


def test_staff_plan_schedule_and_publish_then_agendas(api_as, event, alice, bruno, staff):
    api = api_as(staff)
    day = event.starts_at.date().isoformat()
    session = {"session": "matin", "day": day, "starts": "09:00", "ends": "10:00", "tables": 2}
    created = api.post(
        "/events/micronora/b2b/sessions", session | {"meeting_minutes": 20, "pause_minutes": 0}
    )
    assert created.status_code == 201, created.content
    assert len(created.json()) == 3
    assert error_fields(
        api.post(
            "/events/micronora/b2b/sessions",
            session | {"starts": "11:00", "ends": "12:00", "tables": 0},
        )
    ) == ["tables"]
    assert error_fields(
        api.post("/events/micronora/b2b/sessions", session | {"starts": "09:30"})
    ) == ["starts"]
    first = created.json()[0]["id"]
    bad_tables = api.client.put(
        "/api/v1/events/micronora/b2b/slots/tables",
        {"tables": {str(first): 0}},
        content_type="application/json",
        headers=api.headers,
    )
    assert error_fields(bad_tables) == [f"tables.{first}"]
    assert MeetingSlot.objects.get(pk=first).tables == 2
    assert api.post("/events/micronora/b2b/publish").status_code == 409  # no run yet
    meeting = api.post(
        "/events/micronora/b2b/meetings", {"first": alice.profile.pk, "second": bruno.profile.pk}
    )
    assert meeting.status_code == 201
    assert (
        api.post(
            "/events/micronora/b2b/meetings",
            {"first": alice.profile.pk, "second": bruno.profile.pk},
        ).status_code
        == 409
    )
    run = api.post("/events/micronora/b2b/scheduling")
    assert run.status_code == 201
    assert run.json()["meetings_scheduled"] == 1
    assert api.get("/events/micronora/b2b/scheduling").json()["id"] == run.json()["id"]
    published = api.post("/events/micronora/b2b/publish")
    assert published.json()["published_meetings"] == 1
    agenda = api_as(alice.user).get("/events/micronora/b2b/agenda").json()
    assert agenda["published"] is True
    assert agenda["items"][0]["counterpart"]["organisation"] == "Bêta Médical"
    assert agenda["items"][0]["table"] == 1
    assert agenda["items"][0]["starts_at"]


def test_participants_may_not_use_the_staff_endpoints(api_as, event, alice):
    api = api_as(alice.user)
    assert api.get("/events/micronora/b2b/slots").status_code == 403
    assert api.post("/events/micronora/b2b/scheduling").status_code == 403
    assert api.post("/events/micronora/b2b/publish").status_code == 403
    assert (
        api.post(
            "/events/micronora/b2b/sessions",
            {"session": "x", "day": "2026-01-01", "starts": "09:00", "ends": "10:00", "tables": 1},
        ).status_code
        == 403
    )
    assert api_as(None).get("/events/micronora/b2b/agenda").status_code == 401


def test_an_event_without_b2b_is_not_found(api_as, alice):
    b2b_event(slug="plain", b2b_enabled=False)
    assert api_as(alice.user).get("/events/plain/b2b/profile").status_code == 404


def test_cancel_a_meeting(api_as, event, alice, bruno, staff):
    api = api_as(staff)
    meeting = api.post(
        "/events/micronora/b2b/meetings", {"first": alice.profile.pk, "second": bruno.profile.pk}
    ).json()
    gone = api.client.delete(f"/api/v1/b2b/meetings/{meeting['id']}", headers=api.headers)
    assert gone.status_code == 200
    assert gone.json()["cancelled_at"]
    again = api.client.delete(f"/api/v1/b2b/meetings/{meeting['id']}", headers=api.headers)
    assert again.status_code == 409
