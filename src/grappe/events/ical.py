"""iCalendar (.ics) files: the feed of public events, one event, a participant's B2B agenda.

Everything that goes into a calendar is first a `CalendarItem` (plain values), so that the
events pages and the B2B agendas write their files with the same function, `calendar_for`:

    calendar_for([event_item(event) for event in events], name="Événements du PMT")
    calendar_for([CalendarItem(uid=..., summary=..., starts_at=..., ends_at=...)], name=...)

Times are written in UTC (aware datetimes are required), which every calendar program reads.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from grappe.events.models import Event

PRODUCT_ID = "-//Grappe//Events//FR"
CONTENT_TYPE = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class CalendarItem:
    """One entry of a calendar. `uid` must be stable: a calendar program that subscribed
    to the feed updates the entry with that uid instead of adding a second one."""

    uid: str
    summary: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    location: str = ""
    description: str = ""
    url: str = ""
    updated_at: datetime.datetime | None = None


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{_host()}"


def event_item(event: Event) -> CalendarItem:
    """An event as a calendar entry, in the active language, linking to its page."""
    place = ", ".join(part for part in (event.venue, event.address, event.city) if part)
    return CalendarItem(
        uid=event_uid(event),
        summary=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        location=place or event.online_url,
        description=event.description,
        url=settings.GRAPPE_SITE_URL + event.get_absolute_url(),
        updated_at=event.updated_at,
    )


def calendar_for(items: Iterable[CalendarItem], *, name: str) -> bytes:
    """An iCalendar file (RFC 5545) holding the items, named `name` for calendar programs."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = _utc(timezone.now())
    for item in items:
        entry = CalendarEvent()
        entry.add("uid", item.uid)
        entry.add("dtstamp", stamp)
        entry.add("dtstart", _utc(item.starts_at))
        entry.add("dtend", _utc(item.ends_at))
        entry.add("summary", item.summary)
        if item.location:
            entry.add("location", item.location)
        if item.description:
            entry.add("description", item.description)
        if item.url:
            entry.add("url", item.url)
        if item.updated_at is not None:
            entry.add("last-modified", _utc(item.updated_at))
        calendar.add_component(entry)
    return calendar.to_ical()


def _utc(moment: datetime.datetime) -> datetime.datetime:
    if timezone.is_naive(moment):
        raise ValueError("Calendar times must be aware datetimes.")
    return moment.astimezone(datetime.UTC)


def _host() -> str:
    return settings.GRAPPE_SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "grappe"
