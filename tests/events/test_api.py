"""The events API: the same services as the pages; 422 names the field, 409 a wrong state,
401/403/404 on permission; refusals write nothing."""

import datetime
import json

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grappe.core.services import create_api_token
from grappe.events import services
from grappe.events.choices import Audience, RegistrationStatus
from grappe.events.models import Event, Registration
from tests.api.conftest import ApiClient, error_fields
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
Status = RegistrationStatus


def api(user=None) -> ApiClient:
    return ApiClient(create_api_token(user=user, name="tests").raw if user else None)


def test_the_public_lists_public_coming_events(event):
    EventFactory(audience=Audience.MEMBERS)
    response = api().get("/events")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["slug"] == event.slug
    assert item["registration"] == "open"
    assert item["seats_left"] == 2


def test_members_see_members_only_events_and_the_public_gets_404(member):
    event = EventFactory(audience=Audience.MEMBERS)
    assert api().get(f"/events/{event.slug}").status_code == 404
    assert api(member).get(f"/events/{event.slug}").json()["audience"] == "members"
    assert api(member).get("/events").json()["count"] == 1


def test_the_list_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    for _ in range(20):
        EventFactory()
    client = api()
    with django_assert_max_num_queries(4):
        assert client.get("/events", {"limit": 50}).json()["count"] == 20


def test_a_member_registers_in_one_click_then_cancels(member, event):
    client = api(member)
    response = client.post(f"/events/{event.slug}/registrations")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["is_member"]
    assert body["ticket_url"].endswith(f"/evenements/inscriptions/{body['id']}/billet.pdf")
    mine = client.get("/me/registrations").json()
    assert [item["id"] for item in mine["items"]] == [body["id"]]
    cancelled = client.post(f"/registrations/{body['id']}/cancel")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    again = client.post(f"/registrations/{body['id']}/cancel")
    assert again.status_code == 409
    assert "already cancelled" in again.json()["detail"]


def test_the_waiting_list_by_the_api(member, other_member, event):
    event.capacity = 1
    event.save(update_fields=["capacity"])
    api(member).post(f"/events/{event.slug}/registrations")
    response = api(other_member).post(f"/events/{event.slug}/registrations")
    assert response.json()["status"] == "waiting"
    assert response.json()["ticket_url"] is None


# Bad input ---------------------------------------------------------------------------------


def assert_nothing_written(event, count=0):
    assert Registration.objects.filter(event=event).count() == count


def test_before_opening_and_after_closing_are_409(member):
    early = EventFactory(registration_opens_at=timezone.now() + datetime.timedelta(days=1))
    late = EventFactory(registration_closes_at=timezone.now() - datetime.timedelta(days=1))
    client = api(member)
    for event, words in ((early, "opens on"), (late, "closed")):
        response = client.post(f"/events/{event.slug}/registrations")
        assert response.status_code == 409
        assert words in response.json()["detail"]
        assert_nothing_written(event)


def test_twice_is_409(member, event):
    client = api(member)
    client.post(f"/events/{event.slug}/registrations")
    response = client.post(f"/events/{event.slug}/registrations")
    assert response.status_code == 409
    assert "already registered" in response.json()["detail"]
    assert_nothing_written(event, count=1)


def test_beyond_capacity_without_waiting_list_is_409(member, other_member):
    event = EventFactory(capacity=1, has_waiting_list=False)
    api(member).post(f"/events/{event.slug}/registrations")
    response = api(other_member).post(f"/events/{event.slug}/registrations")
    assert response.status_code == 409
    assert "full" in response.json()["detail"]
    assert_nothing_written(event, count=1)
    assert Event.objects.get(pk=event.pk).seats_taken == 1


def test_a_non_member_is_refused(outsider, staff):
    public = EventFactory()
    members_only = EventFactory(audience=Audience.MEMBERS)
    assert api().post(f"/events/{public.slug}/registrations").status_code == 401
    assert api(outsider).post(f"/events/{public.slug}/registrations").status_code == 403
    assert api(outsider).post(f"/events/{members_only.slug}/registrations").status_code == 404
    # The staff see the members-only event, but register only as a member's contact.
    assert api(staff).post(f"/events/{members_only.slug}/registrations").status_code == 403
    assert not Registration.objects.exists()


def test_unknown_event_is_404(member):
    assert api(member).post("/events/nope/registrations").status_code == 404


# Permissions -------------------------------------------------------------------------------


def test_a_participant_sees_and_cancels_only_their_own(member, other_member, event):
    registration = services.register_member(actor=member, event=event)
    other = api(other_member)
    assert other.get(f"/registrations/{registration.pk}").status_code == 404
    assert other.post(f"/registrations/{registration.pk}/cancel").status_code == 404
    assert other.get("/me/registrations").json()["count"] == 0
    assert api().get("/me/registrations").status_code == 401
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_staff_only_endpoints(member, staff, event):
    registration = RegistrationFactory(event=event)
    for path in (f"/events/{event.slug}/registrations", f"/events/{event.slug}/attendance"):
        assert api(member).get(path).status_code == 403
        assert api(staff).get(path).status_code == 200
    response = api(member).post("/check-in", {"token": registration.token})
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_by_token_and_attendance(staff, event):
    registration = RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Status.WAITING)
    client = api(staff)
    response = client.post("/check-in", {"token": registration.token})
    assert response.status_code == 200
    assert response.json()["checked_in_at"]
    again = client.post("/check-in", {"token": registration.token})
    assert again.status_code == 409
    assert "Already checked in" in again.json()["detail"]
    figures = client.get(f"/events/{event.slug}/attendance").json()
    assert figures["confirmed"] == 1
    assert figures["waiting"] == 1
    assert figures["checked_in"] == 1
    assert figures["rate"] == 100.0


def test_check_in_refuses_a_waiting_or_unknown_token(staff, event):
    waiting = RegistrationFactory(event=event, status=Status.WAITING)
    client = api(staff)
    response = client.post("/check-in", {"token": waiting.token})
    assert response.status_code == 409
    assert "waiting list" in response.json()["detail"]
    assert client.post("/check-in", {"token": "unknown"}).status_code == 404
    assert error_fields(client.post("/check-in", {"token": ""})) == ["token"]
    assert error_fields(client.post("/check-in", {})) == ["token"]


def test_registrations_list_sorts_and_names_a_bad_sort(staff, event):
    RegistrationFactory(event=event, last_name="Zola")
    RegistrationFactory(event=event, last_name="Aaron")
    client = api(staff)
    items = client.get(f"/events/{event.slug}/registrations", {"ordering": "-name"}).json()
    assert [item["last_name"] for item in items["items"]] == ["Zola", "Aaron"]
    response = client.get(f"/events/{event.slug}/registrations", {"ordering": "bogus"})
    assert error_fields(response) == ["ordering"]


# Random input never makes the API fail -----------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=70),
)
bodies = st.one_of(
    st.dictionaries(
        st.sampled_from(["token", "status", "ordering"]) | st.text(max_size=8), scalars
    ),
    scalars,
    st.lists(scalars, max_size=3),
)
queries = st.dictionaries(
    st.sampled_from(["kind", "when", "status", "ordering", "limit", "offset"]),
    st.text(max_size=12)
    | st.sampled_from(["-1", "coming", "past", "training", "waiting", "-name"]),
    max_size=4,
)
FUZZ = settings(
    max_examples=30,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(body=bodies, params=queries)
def test_random_bodies_and_queries_are_answered_below_500(staff, event, body, params):
    client = api(staff)
    for response in (
        client.post("/check-in", raw=json.dumps(body)),
        client.get("/events", params),
        client.get(f"/events/{event.slug}/registrations", params),
    ):
        assert response.status_code < 500, response.content
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()
