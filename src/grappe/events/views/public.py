"""The public pages of events: the calendar, an event's page, the iCalendar feed."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from grappe.events.models import Event


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    return render(request, "events/detail.html", {"event": event})
