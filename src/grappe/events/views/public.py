"""An event's page (its registration box, its B2B block) and its own .ics file."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from grappe.events import queries
from grappe.events.ical import CONTENT_TYPE, calendar_for, event_item
from grappe.events.models import Event

TEMPLATE = "events/detail.html"


def detail_context(request: HttpRequest, event: Event, **extra) -> dict:
    user = request.user
    return {
        "event": event,
        "phase": queries.registration_phase(event),
        "my_registration": queries.live_registration(user, event),
        "one_click": user.has_perm("events.register_as_member"),
        "is_staff": user.has_perm("events.manage_event"),
        **extra,
    }


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = queries.event_for(request.user, slug)
    return render(request, TEMPLATE, detail_context(request, event))


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """One event as an .ics file, to add it to one's calendar."""
    event = queries.event_for(request.user, slug)
    response = HttpResponse(
        calendar_for([event_item(event)], name=event.title), content_type=CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
