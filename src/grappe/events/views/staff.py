"""The staff's pages: the list of events, the event form, an event's registrations with its
attendance figures, and their CSV export."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from grappe.core.forms import apply_service_errors
from grappe.events import queries, services
from grappe.events.choices import RegistrationStatus
from grappe.events.forms.events import EventFilterForm, EventForm
from grappe.events.models import Event
from grappe.events.views.common import PAGE_SIZE, require, saved, wants_partial

MANAGE = "events.manage_event"
LIST_TEMPLATE = "events/staff_list.html"
REGISTRATIONS_TEMPLATE = "events/registrations.html"


@login_required
def staff_list(request: HttpRequest) -> HttpResponse:
    require(request, MANAGE)
    form = EventFilterForm(request.GET)
    events = queries.staff_events(**form.values())
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = {key: value for key, value in request.GET.items() if key in form.fields and value}
    context = {
        "form": form,
        "page_obj": page,
        "query": urlencode(query),
        "is_filtered": form.is_filtered,
    }
    if wants_partial(request):
        return render(request, f"{LIST_TEMPLATE}#results", context)
    return render(request, LIST_TEMPLATE, context)


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    require(request, MANAGE)
    form = EventForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                event = services.create_event(actor=request.user, data=form.data_for_service())
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(
                    request, _("The event “%(title)s” is created.") % {"title": event.title}
                )
                return redirect(event)
        status = 422
    return render(request, "events/event_form.html", {"form": form, "event": None}, status=status)


@login_required
def event_edit(request: HttpRequest, slug: str) -> HttpResponse:
    require(request, MANAGE)
    event = queries.event_for(request.user, slug)
    form = EventForm(
        request.POST if request.method == "POST" else None,
        instance=Event.objects.get(pk=event.pk),
    )

    def save() -> str:
        services.update_event(actor=request.user, event=event, data=form.data_for_service())
        return _("The event has been saved.")

    status = 200
    if request.method == "POST":
        if saved(request, form, save):
            return redirect(event)
        status = 422
    return render(request, "events/event_form.html", {"form": form, "event": event}, status=status)


def _list_arguments(request: HttpRequest) -> tuple[str, str]:
    status = request.GET.get("statut", "")
    ordering = request.GET.get("tri", queries.DEFAULT_REGISTRATION_ORDERING)
    if status not in RegistrationStatus.values:
        status = ""
    if ordering not in queries.REGISTRATION_ORDERINGS:
        ordering = queries.DEFAULT_REGISTRATION_ORDERING
    return status, ordering


@login_required
def registrations(request: HttpRequest, slug: str) -> HttpResponse:
    """An event's registrations (paginated, sortable, by status) and its attendance."""
    require(request, MANAGE)
    event = queries.event_for(request.user, slug)
    status, ordering = _list_arguments(request)
    rows = queries.event_registrations(event, status=status, ordering=ordering)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = {key: value for key, value in (("statut", status), ("tri", ordering)) if value}
    context = {
        "event": event,
        "figures": queries.attendance(event),
        "page_obj": page,
        "query": urlencode(query),
        "status": status,
        "ordering": ordering,
        "statuses": RegistrationStatus.choices,
        "columns": [
            ("name", _("Name")),
            ("organisation", _("Organisation")),
            ("status", _("Status")),
            ("registered", pgettext("column of dates", "Registered")),
            ("checked_in", pgettext("column of dates", "Checked in")),
        ],
    }
    if wants_partial(request):
        return render(request, f"{REGISTRATIONS_TEMPLATE}#results", context)
    return render(request, REGISTRATIONS_TEMPLATE, context)


CSV_COLUMNS = [
    "last_name",
    "first_name",
    "email",
    "organisation",
    "member_rate",
    "status",
    "registered_at",
    "confirmed_at",
    "waiting_since",
    "cancelled_at",
    "checked_in_at",
]


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


@login_required
def registrations_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Every registration of the event as CSV (UTF-8 with BOM, for spreadsheets)."""
    require(request, MANAGE)
    event = queries.event_for(request.user, slug)
    status, ordering = _list_arguments(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inscriptions-{event.slug}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in queries.event_registrations(event, status=status, ordering=ordering).iterator(
        chunk_size=500
    ):
        writer.writerow(
            [
                row.last_name,
                row.first_name,
                row.email,
                row.organisation_display,
                "yes" if row.is_member else "no",
                row.status,
                _when(row.created_at),
                _when(row.confirmed_at),
                _when(row.waiting_since),
                _when(row.cancelled_at),
                _when(row.checked_in_at),
            ]
        )
    return response
