"""The calendar, an event's page in each of its states, the iCalendar feeds."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from grappe.events import services
from grappe.events.choices import Audience, EventKind
from tests.events.factories import EventFactory, in_days

pytestmark = pytest.mark.django_db


def test_the_calendar_lists_coming_public_events_to_the_public(client):
    coming = EventFactory(title_en="Coming workshop")
    EventFactory(
        title_en="Past workshop",
        starts_at=in_days(-10),
        registration_opens_at=None,
        registration_closes_at=None,
    )
    EventFactory(title_en="Members day", audience=Audience.MEMBERS)
    response = client.get(reverse("events:calendar"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Coming workshop" in text
    assert "Past workshop" not in text
    assert "Members day" not in text
    assert coming.get_absolute_url() in text


def test_members_and_staff_see_members_only_events(client, member, staff):
    event = EventFactory(title_en="Members day", audience=Audience.MEMBERS)
    assert client.get(event.get_absolute_url()).status_code == 404
    for user in (member, staff):
        client.force_login(user)
        assert "Members day" in client.get(reverse("events:calendar")).content.decode()
        assert client.get(event.get_absolute_url()).status_code == 200


def test_the_calendar_filters_by_kind_and_answers_htmx_with_the_list(client):
    EventFactory(title_en="A training", kind=EventKind.TRAINING)
    EventFactory(title_en="A workshop", kind=EventKind.WORKSHOP)
    response = client.get(reverse("events:calendar"), {"type": "training"}, HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert "A training" in text
    assert "A workshop" not in text
    assert "<html" not in text


def test_the_calendar_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(30):
        EventFactory()
    with django_assert_max_num_queries(6):
        response = client.get(reverse("events:calendar"))
    assert response.status_code == 200


def test_the_event_page_shows_date_venue_prices_and_seats(client):
    event = EventFactory(
        title_en="Clean room day",
        venue="TEMIS",
        city="Besançon",
        capacity=30,
        price_member=0,
        price_non_member=120,
    )
    text = client.get(event.get_absolute_url()).content.decode()
    assert "Clean room day" in text
    assert "TEMIS" in text
    assert "Besançon" in text
    assert "120" in text
    assert "free" in text
    assert "30 seats left" in text
    assert 'data-phase="open"' in text


@pytest.mark.parametrize(
    ("attributes", "phase"),
    [
        ({"registration_opens_at": timezone.now() + datetime.timedelta(days=3)}, "not_open"),
        ({"registration_closes_at": timezone.now() - datetime.timedelta(days=1)}, "closed"),
    ],
)
def test_the_event_page_says_why_one_cannot_register(client, attributes, phase):
    event = EventFactory(**attributes)
    assert f'data-phase="{phase}"' in client.get(event.get_absolute_url()).content.decode()


def test_a_full_event_offers_its_waiting_list_or_says_it_is_full(client, member, other_member):
    with_list = EventFactory(capacity=1)
    without = EventFactory(capacity=1, has_waiting_list=False)
    for event in (with_list, without):
        services.register_member(actor=member, event=event)
    client.force_login(other_member)
    assert 'data-phase="waiting_list"' in client.get(with_list.get_absolute_url()).content.decode()
    assert 'data-phase="full"' in client.get(without.get_absolute_url()).content.decode()


def test_the_b2b_block_is_included_for_b2b_events_only(client):
    plain = EventFactory()
    b2b = EventFactory(b2b_enabled=True)
    assert 'id="b2b-block"' not in client.get(plain.get_absolute_url()).content.decode()
    assert client.get(b2b.get_absolute_url()).status_code == 200


def test_the_feed_holds_the_coming_public_events(client):
    EventFactory(title_en="Public one")
    EventFactory(title_en="Members one", audience=Audience.MEMBERS)
    response = client.get(reverse("events:feed"))
    assert response["Content-Type"].startswith("text/calendar")
    summaries = [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert summaries == ["Public one"]


def test_one_event_as_ics(client):
    event = EventFactory(title_en="Workshop")
    response = client.get(reverse("events:event_ics", args=[event.slug]))
    assert response.status_code == 200
    assert b"SUMMARY:Workshop" in response.content
