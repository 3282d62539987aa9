"""The B2B agendas and the table plan as PDF, drawn by WeasyPrint from HTML templates.

The documents use no file but their own inline style: nothing is fetched, not even from the
disk. Without Pango, `grappe.core.pdf.PdfRenderingUnavailable` says what to install.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from grappe.core.pdf import html_to_pdf
from grappe.events.b2b_queries import AgendaEntry, PlanSlot
from grappe.events.models import B2BProfile, Event


def _common(event: Event) -> dict:
    return {
        "event": event,
        "pole_name": settings.GRAPPE_POLE_NAME,
        "printed_at": timezone.localtime(),
    }


def render_agenda_pdf(profile: B2BProfile, entries: list[AgendaEntry]) -> bytes:
    """One participant's agenda: time, table, counterpart and what it offers."""
    event = profile.registration.event
    html = render_to_string(
        "events/b2b_agenda_pdf.html", {**_common(event), "profile": profile, "entries": entries}
    )
    return html_to_pdf(html)  # the documents name no file and no URL: any fetch is refused


def render_table_plan_pdf(event: Event, plan: list[PlanSlot]) -> bytes:
    """The table plan: one section per slot, a line per table."""
    html = render_to_string("events/b2b_table_plan_pdf.html", {**_common(event), "plan": plan})
    return html_to_pdf(html)


def agenda_filename(profile: B2BProfile, extension: str) -> str:
    event = profile.registration.event
    return f"agenda-{event.slug}-{profile.pk}.{extension}"
