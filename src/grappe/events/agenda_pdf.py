"""The B2B agendas and the table plan as PDF, drawn by WeasyPrint from HTML templates.

The documents use no file but their own inline style: nothing is fetched, not even from the
disk. Without Pango (see `grappe.labelling.letters`), `AgendaRenderingUnavailable` says what
to install.
"""

import contextlib
import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from grappe.events.b2b_queries import AgendaEntry, PlanSlot
from grappe.events.models import B2BProfile, Event

try:
    with contextlib.redirect_stdout(io.StringIO()):
        import weasyprint
except OSError as error:  # Pango or one of its libraries cannot be loaded
    weasyprint = None
    WEASYPRINT_ERROR = str(error)
else:
    WEASYPRINT_ERROR = ""

MISSING_PANGO = (
    "PDF agendas cannot be rendered: WeasyPrint needs the Pango library. On Debian or "
    "Ubuntu, install it with `sudo apt install libpango-1.0-0 libpangoft2-1.0-0 "
    "fonts-dejavu-core`."
)


class AgendaRenderingUnavailable(RuntimeError):
    """The machine lacks what WeasyPrint needs to draw a PDF (Pango)."""


def pdf_rendering_available() -> bool:
    return weasyprint is not None


def _pdf(html: str) -> bytes:
    if weasyprint is None:
        raise AgendaRenderingUnavailable(f"{MISSING_PANGO} ({WEASYPRINT_ERROR})")
    # The documents name no file and no URL; any fetch is refused.
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols=set(), fail_on_errors=True)
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()


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
    return _pdf(html)


def render_table_plan_pdf(event: Event, plan: list[PlanSlot]) -> bytes:
    """The table plan: one section per slot, a line per table."""
    html = render_to_string("events/b2b_table_plan_pdf.html", {**_common(event), "plan": plan})
    return _pdf(html)


def agenda_filename(profile: B2BProfile, extension: str) -> str:
    event = profile.registration.event
    return f"agenda-{event.slug}-{profile.pk}.{extension}"
