import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from grappe.events.ical import CalendarItem, calendar_for, event_item
from tests.events.factories import EventFactory


@pytest.mark.django_db
def test_calendar_for_events_reads_back():
    event = EventFactory(
        title_fr="Journée BIO Innovation", title_en="BIO Innovation day", city="Besançon"
    )
    data = calendar_for([event_item(event)], name="Événements")
    calendar = Calendar.from_ical(data)
    entries = list(calendar.walk("VEVENT"))
    assert len(entries) == 1
    entry = entries[0]
    assert str(entry["summary"]) == "BIO Innovation day"
    assert "Besançon" in str(entry["location"])
    assert entry.decoded("dtstart") == event.starts_at
    assert str(entry["uid"]).startswith(f"event-{event.pk}@")
    assert str(entry["url"]).endswith(event.get_absolute_url())


def test_calendar_for_plain_items_and_refuses_naive_times():
    start = timezone.now()
    item = CalendarItem(
        uid="m-1@x",
        summary="Rendez-vous",
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=20),
    )
    calendar = Calendar.from_ical(calendar_for([item], name="Agenda"))
    assert str(calendar["x-wr-calname"]) == "Agenda"
    naive = CalendarItem(
        uid="m-2@x",
        summary="x",
        starts_at=datetime.datetime(2026, 1, 1),
        ends_at=datetime.datetime(2026, 1, 2),
    )
    with pytest.raises(ValueError, match="aware"):
        calendar_for([naive], name="Agenda")
