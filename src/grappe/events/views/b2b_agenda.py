"""Agendas: mine on the web, as PDF and as .ics; the staff's table plan (print and PDF)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from grappe.core.pdf import MISSING_PANGO, PdfRenderingUnavailable
from grappe.events import agenda_pdf, b2b_queries, ical
from grappe.events.b2b_queries import AgendaEntry
from grappe.events.models import B2BProfile
from grappe.events.views.b2b_common import own_profile, staff_event


@login_required
def my_agenda(request: HttpRequest, slug: str) -> HttpResponse:
    """My meetings: time, table and counterpart once published; the accepted ones waiting
    for a slot below."""
    event = b2b_queries.b2b_event(slug)
    profile = own_profile(request, event)
    entries = b2b_queries.agenda(profile)
    return render(
        request,
        "events/b2b_agenda.html",
        {
            "event": event,
            "profile": profile,
            "placed": [entry for entry in entries if entry.slot is not None],
            "waiting": [entry for entry in entries if entry.slot is None],
        },
    )


def _unavailable(request: HttpRequest, event) -> HttpResponse:
    return render(
        request,
        "events/b2b_pdf_unavailable.html",
        {"event": event, "advice": MISSING_PANGO},
        status=503,
    )


@login_required
def my_agenda_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    event = b2b_queries.b2b_event(slug)
    profile = own_profile(request, event)
    entries = [entry for entry in b2b_queries.agenda(profile) if entry.slot is not None]
    try:
        pdf = agenda_pdf.render_agenda_pdf(profile, entries)
    except PdfRenderingUnavailable:
        return _unavailable(request, event)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = agenda_pdf.agenda_filename(profile, "pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def agenda_items(profile: B2BProfile, entries: list[AgendaEntry]) -> list[ical.CalendarItem]:
    """My published meetings as calendar entries: one uid per meeting, so that a new file
    replaces the old entries in a calendar program."""
    event = profile.registration.event
    host = ical.event_uid(event).split("@", 1)[1]
    place = ", ".join(part for part in (event.venue, event.address, event.city) if part)
    items = []
    for entry in entries:
        counterpart = entry.counterpart.registration
        organisation = counterpart.organisation_display
        who = f"{counterpart.full_name} ({organisation})" if organisation else counterpart.full_name
        items.append(
            ical.CalendarItem(
                uid=f"b2b-meeting-{entry.meeting.pk}-{profile.pk}@{host}",
                summary=_("B2B meeting: %(who)s — table %(table)s")
                % {"who": who, "table": entry.table},
                starts_at=entry.slot.starts_at,
                ends_at=entry.slot.ends_at,
                location=place,
                description=entry.counterpart.offer,
                updated_at=entry.meeting.published_at,
            )
        )
    return items


@login_required
def my_agenda_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = b2b_queries.b2b_event(slug)
    profile = own_profile(request, event)
    entries = [entry for entry in b2b_queries.agenda(profile) if entry.slot is not None]
    body = ical.calendar_for(
        agenda_items(profile, entries), name=_("B2B meetings · %(event)s") % {"event": event.title}
    )
    response = HttpResponse(body, content_type=ical.CONTENT_TYPE)
    filename = agenda_pdf.agenda_filename(profile, "ics")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def table_plan(request: HttpRequest, slug: str) -> HttpResponse:
    """Each slot with its meetings by table, to print (staff)."""
    event = staff_event(request, slug)
    published_only = request.GET.get("publiees") == "1"
    return render(
        request,
        "events/b2b_table_plan.html",
        {
            "event": event,
            "plan": b2b_queries.table_plan(event, published_only=published_only),
            "published_only": published_only,
        },
    )


@login_required
def table_plan_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    event = staff_event(request, slug)
    plan = b2b_queries.table_plan(event, published_only=request.GET.get("publiees") == "1")
    try:
        pdf = agenda_pdf.render_table_plan_pdf(event, plan)
    except PdfRenderingUnavailable:
        return _unavailable(request, event)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="plan-des-tables-{event.slug}.pdf"'
    return response
