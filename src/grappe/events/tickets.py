"""Tickets: a PDF with the participant's name, the event and a QR code.

The QR code holds the check-in URL of the registration (`/evenements/pointage/<token>/`): a
member of staff who scans it with a phone, logged in, sees the person and checks them in. The
token is the registration's secret; the URL is worthless to anybody who is not staff.

The PDF is drawn by WeasyPrint (`grappe.core.pdf`) from `events/ticket.html`, which holds its
own style and the QR code as inline SVG: nothing is fetched, from the network or from disk.
Without Pango `render_ticket_pdf` raises PdfRenderingUnavailable.
"""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from grappe.core.pdf import html_to_pdf
from grappe.events.models import Registration

TEMPLATE = "events/ticket.html"


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
    """The ticket as a one-page PDF. Raises PdfRenderingUnavailable without Pango."""
    # The template asks for no file; any URL it might hold is refused rather than fetched.
    return html_to_pdf(render_ticket_html(registration), allowed_protocols={"data"})


def ticket_filename(registration: Registration) -> str:
    return f"billet-{registration.event.slug}-{registration.pk}.pdf"
