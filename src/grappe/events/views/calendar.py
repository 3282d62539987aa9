"""The public calendar of coming events and the iCalendar feed of public events."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from grappe.events import queries
from grappe.events.forms.events import CalendarFilterForm
from grappe.events.ical import CONTENT_TYPE, calendar_for, event_item
from grappe.events.views.common import PAGE_SIZE, wants_partial

TEMPLATE = "events/calendar.html"


def calendar(request: HttpRequest) -> HttpResponse:
    """The coming events; the members-only ones for members' contacts and the staff."""
    form = CalendarFilterForm(request.GET)
    events = form.apply(queries.coming_events(request.user))
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = {key: value for key, value in request.GET.items() if key in form.fields and value}
    context = {"form": form, "page_obj": page, "query": urlencode(query)}
    if wants_partial(request):
        return render(request, f"{TEMPLATE}#results", context)
    return render(request, TEMPLATE, context)


def feed(request: HttpRequest) -> HttpResponse:
    """The public events that have not ended, as an iCalendar feed to subscribe to."""
    name = _("Events of the %(pole)s") % {"pole": settings.GRAPPE_POLE_NAME}
    content = calendar_for(
        (event_item(event) for event in queries.public_coming_events()), name=name
    )
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="evenements.ics"'
    return response
