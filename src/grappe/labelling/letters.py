"""Label letters: their numbers and their PDF on the pôle's letterhead.

The letter is written in French whatever the reader's language: it goes to a French funder.
The PDF is drawn by WeasyPrint (`grappe.core.pdf`) from `labelling/letter.html`, with the
fonts installed on the machine (DejaVu) and only the letter's own files: nothing is fetched
from the network. Without Pango, rendering a letter raises `PdfRenderingUnavailable` with
the packages to install.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import Max, Prefetch
from django.template.loader import render_to_string
from django.utils import translation

from grappe.core.pdf import PdfRenderingError, html_to_pdf
from grappe.labelling.choices import PartnerRole, Status
from grappe.labelling.models import LabelLetter, Partner
from grappe.members.queries import president

TEMPLATE = "labelling/letter.html"
STYLESHEET = "labelling/letter.css"
LOGO = "labelling/letterhead.svg"
# The partners' roles as the letter names them, in French whatever the reader's language.
ROLES_FR = {
    PartnerRole.LEAD: "chef de file",
    PartnerRole.PARTNER: "partenaire",
    PartnerRole.SUBCONTRACTOR: "sous-traitant",
}
POSTCODE_AND_CITY = re.compile(r"^\d{4,5}\s+(?P<city>.+)$")


# Numbering ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterNumber:
    """A letter's place in its year's sequence and its printed number, "PMT-2026-007"."""

    year: int
    sequence: int

    @property
    def number(self) -> str:
        return format_letter_number(year=self.year, sequence=self.sequence)

    def __str__(self) -> str:
        return self.number


def format_letter_number(*, year: int, sequence: int) -> str:
    return f"{settings.GRAPPE_POLE_SHORT_NAME}-{year}-{sequence:03d}"


def next_letter_number(year: int) -> LetterNumber:
    """The number after the last letter of `year`.

    Two transactions may read the same last number; the unique constraints on (year, sequence)
    and on the number then refuse the second insert, and the service that issues the letter
    tries again with a fresh number (`grappe.labelling.services.letters`).
    """
    last = LabelLetter.objects.filter(year=year).aggregate(last=Max("sequence"))["last"]
    return LetterNumber(year=year, sequence=(last or 0) + 1)


# Rendering ---------------------------------------------------------------------------------


def letter_for_rendering(letter_id: int) -> LabelLetter:
    """A letter with everything its PDF shows, in a few queries."""
    partners = Partner.objects.select_related("organisation").order_by("role", "organisation__name")
    return (
        LabelLetter.objects.select_related("application__call", "application__project__lead")
        .prefetch_related(
            Prefetch("application__project__partners", queryset=partners),
            "application__project__co_labelled_with",
        )
        .get(pk=letter_id)
    )


def letter_context(letter: LabelLetter) -> dict:
    """What the letter template shows; French wording for the fixed lists."""
    application = letter.application
    project = application.project
    partners = list(project.partners.all())
    requested_aid = sum((partner.requested_aid for partner in partners), Decimal(0))
    return {
        "letter": letter,
        "application": application,
        "project": project,
        "call": application.call,
        "lead": project.lead,
        "partners": [
            {"name": partner.organisation.name, "role": ROLES_FR[partner.role]}
            for partner in partners
            if partner.organisation_id != project.lead_id
        ],
        "requested_aid": requested_aid,
        "co_labelled_with": sorted(pole.name for pole in project.co_labelled_with.all()),
        "with_reservations": application.status == Status.LABELLED_WITH_RESERVATIONS
        or bool(application.reservations.strip()),
        "address_lines": [line for line in application.call.address.splitlines() if line.strip()],
        "pole_name": settings.GRAPPE_POLE_NAME,
        "pole_short_name": settings.GRAPPE_POLE_SHORT_NAME,
        "pole_address": settings.GRAPPE_POLE_ADDRESS,
        "pole_city": pole_city(settings.GRAPPE_POLE_ADDRESS),
        "signatory_title": signatory_title(letter),
        "logo_url": _static_file(LOGO).as_uri(),
    }


def render_letter_html(letter: LabelLetter) -> str:
    """The letter as HTML, with French dates and amounts whatever the active language."""
    with translation.override("fr"):
        return render_to_string(TEMPLATE, letter_context(letter))


def render_letter_pdf(letter: LabelLetter) -> bytes:
    """The letter as a PDF on the pôle's letterhead.

    Raises PdfRenderingUnavailable when WeasyPrint cannot load Pango on this machine,
    PdfRenderingError when the letter names a file that is not one of its own.
    """
    letter = letter_for_rendering(letter.pk)
    # Only file: URLs, and the template names only the letter's own static files: the
    # rendering never reaches the network. A refused URL stops the rendering.
    stylesheet = _static_file(STYLESHEET)
    return html_to_pdf(
        render_letter_html(letter),
        allowed_protocols={"file"},
        base_url=stylesheet.parent.as_uri() + "/",
        stylesheets=[stylesheet],
    )


def letter_filename(letter: LabelLetter) -> str:
    """The PDF's file name, e.g. "PMT-2026-007.pdf"."""
    return f"{letter.number}.pdf"


def pole_city(address: str) -> str:
    """The city of a French address: what follows the postcode of its last part."""
    last = re.split(r"[,\n]", address.strip())[-1].strip()
    match = POSTCODE_AND_CITY.match(last)
    return match["city"] if match else ""


def signatory_title(letter: LabelLetter) -> str:
    """The signatory's title as their governance seat reads, "Président" by default."""
    position = president(on=letter.issued_on)
    if position is not None and position.person.full_name == letter.signatory:
        return position.title or "Président"
    return "Président"


def _static_file(name: str) -> Path:
    path = finders.find(name)
    if path is None:
        raise PdfRenderingError(f"The static file {name} is missing.")
    return Path(path)
