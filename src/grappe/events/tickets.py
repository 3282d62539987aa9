"""Tickets: a PDF with the participant's name, the event and a QR code.

The QR code holds the check-in URL of the registration (`/evenements/pointage/<token>/`): a
member of staff who scans it with a phone, logged in, sees the person and checks them in. The
token is the registration's secret; the URL is worthless to anybody who is not staff.

The PDF is drawn by WeasyPrint from `events/ticket.html`, which holds its own style and the QR
code as inline SVG: nothing is fetched, from the network or from disk. Without Pango
(see `grappe.labelling.letters`) `render_ticket_pdf` raises TicketRenderingUnavailable.
"""

import contextlib
import io

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from grappe.events.models import Registration

try:
    with contextlib.redirect_stdout(io.StringIO()):
        import weasyprint
except OSError as error:  # Pango or one of its libraries cannot be loaded
    weasyprint = None
    WEASYPRINT_ERROR = str(error)
else:
    WEASYPRINT_ERROR = ""

TEMPLATE = "events/ticket.html"
MISSING_PANGO = (
    "Tickets cannot be rendered: WeasyPrint needs the Pango library. On Debian or Ubuntu, "
    "install it with `sudo apt install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core`."
)


class TicketRenderingUnavailable(RuntimeError):
    """The machine lacks what WeasyPrint needs to draw a PDF (Pango)."""


def pdf_rendering_available() -> bool:
    return weasyprint is not None


def check_in_url(registration: Registration) -> str:
    """What the ticket's QR code holds: the page where the staff check the person in."""
    return settings.GRAPPE_SITE_URL + reverse("events:check_in_token", args=[registration.token])


def qr_svg(data: str, *, scale: int = 4) -> str:
    """A QR code as an inline <svg> element (medium error correction, as printed tickets
    get folded)."""
    return segno.make(data, error="m").svg_inline(scale=scale, border=2, dark="#000")


def ticket_context(registration: Registration) -> dict:
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "starts_at": timezone.localtime(event.starts_at),
        "ends_at": timezone.localtime(event.ends_at),
        "place": ", ".join(part for part in (event.venue, event.address, event.city) if part),
        "qr": mark_safe(qr_svg(check_in_url(registration))),
        "reference": registration.token[:8].upper(),
        "pole_name": settings.GRAPPE_POLE_NAME,
    }


def render_ticket_html(registration: Registration) -> str:
    """The ticket as HTML, in French (the pôle's language) whatever the reader's."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE, ticket_context(registration))


def render_ticket_pdf(registration: Registration) -> bytes:
    """The ticket as a one-page PDF. Raises TicketRenderingUnavailable without Pango."""
    if weasyprint is None:
        raise TicketRenderingUnavailable(f"{MISSING_PANGO} ({WEASYPRINT_ERROR})")
    # The template asks for no file; any URL it might hold is refused rather than fetched.
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    document = weasyprint.HTML(string=render_ticket_html(registration), url_fetcher=fetcher)
    return document.write_pdf()


def ticket_filename(registration: Registration) -> str:
    return f"billet-{registration.event.slug}-{registration.pk}.pdf"
