"""The label letter's PDF: on the letterhead, in French, with everything the funder reads;
drawn from local files only."""

import datetime
import io
import logging
import os
import re
import subprocess
import sys

import pytest
from django.utils import translation
from pypdf import PdfReader

from grappe.core.pdf import PdfRenderingError, PdfRenderingUnavailable
from grappe.labelling import letters
from grappe.labelling.choices import Status
from grappe.labelling.letters import (
    letter_filename,
    pole_city,
    render_letter_html,
    render_letter_pdf,
)
from grappe.labelling.services.letters import issue_label_letter
from tests.factories import OrganisationFactory
from tests.labelling.letter_factories import (
    LabelLetterFactory,
    labelled_application,
    president_in_office,
    require_pdf_rendering,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf():
    require_pdf_rendering()


def pdf_text(content: bytes) -> str:
    """The text of every page, with runs of spaces (breaking or not) made single spaces."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_pdf_names_the_project_the_number_the_president_and_the_funder(pdf, caplog):
    president_in_office()
    application = labelled_application(acronym="NANOFIX", title="Vis médicales nanostructurées")
    letter = issue_label_letter(actor=None, application=application)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        content = render_letter_pdf(letter)
    assert content.startswith(b"%PDF")
    assert [record.getMessage() for record in caplog.records] == []  # nothing left out
    text = pdf_text(content)
    for expected in [
        "Pôle des Microtechniques",
        "18 rue Alain Savary, 25000 Besançon",
        f"Réf. : {letter.number}",
        "Objet : Lettre de labellisation — NANOFIX",
        "« Vis médicales nanostructurées » (NANOFIX)",
        f"« {application.call.name} »",
        "Bpifrance, Direction de l'innovation",
        "94710 Maisons-Alfort",
        "porté par Décolletage Comtois (Besançon)",
        "Horlogerie Vuillemin (partenaire)",
        "Laboratoire FEMTO-Micro (sous-traitant)",
        "budget total de 1 250 000 €",
        "aide demandée de 450 000 €",
        "TRL 3 au TRL 6",
        "Laurent Deschamps Président",
    ]:
        assert expected in text, expected
    assert "réserves" not in text


def test_reservations_are_written_in_the_letter(pdf):
    president_in_office()
    application = labelled_application(
        status=Status.LABELLED_WITH_RESERVATIONS,
        reservations="Préciser le plan d'industrialisation.",
    )
    letter = issue_label_letter(actor=None, application=application)
    text = pdf_text(render_letter_pdf(letter))
    assert "Labellisé avec réserves : Préciser le plan d'industrialisation." in text


def test_the_letter_is_french_and_dated_whatever_the_reader_language(pdf):
    president_in_office()
    letter = LabelLetterFactory(
        application=labelled_application(), issued_on=datetime.date(2026, 3, 1)
    )
    with translation.override("en"):
        text = pdf_text(render_letter_pdf(letter))
        html = render_letter_html(letter)
    assert "Besançon, le 1er mars 2026" in text
    assert '<html lang="fr">' in html


def test_the_other_labelling_poles_are_named(pdf):
    president_in_office()
    application = labelled_application()
    application.project.co_labelled_with.add(OrganisationFactory(name="Medicen Paris Région"))
    letter = issue_label_letter(actor=None, application=application)
    assert "également labellisé par : Medicen Paris Région" in pdf_text(render_letter_pdf(letter))


def test_a_letter_signed_by_a_former_president_keeps_the_signature(pdf):
    president_in_office(
        "Jean",
        "Ancien",
        start_date=datetime.date(2014, 7, 1),
        end_date=datetime.date(2020, 7, 1),
    )
    president_in_office()
    letter = LabelLetterFactory(
        application=labelled_application(),
        issued_on=datetime.date(2019, 5, 6),
        signatory="Jean Ancien",
    )
    assert "Jean Ancien Président" in pdf_text(render_letter_pdf(letter))


def test_the_rendering_fetches_nothing_from_the_network(pdf, monkeypatch):
    president_in_office()
    letter = issue_label_letter(actor=None, application=labelled_application())
    monkeypatch.setattr(
        letters,
        "render_letter_html",
        lambda letter: '<p>x</p><img src="https://example.org/logo.png">',
    )
    with pytest.raises(PdfRenderingError, match=re.escape("https://example.org/logo.png")):
        render_letter_pdf(letter)


def test_without_pango_the_letter_fails_with_the_packages_to_install(monkeypatch):
    president_in_office()
    letter = issue_label_letter(actor=None, application=labelled_application())
    monkeypatch.setattr("grappe.core.pdf.weasyprint", None)
    with pytest.raises(
        PdfRenderingUnavailable, match=re.escape("libpango-1.0-0 libpangoft2-1.0-0")
    ):
        render_letter_pdf(letter)


# Python run as on a machine without Pango: loading its library fails as cffi fails there.
WITHOUT_PANGO = """
import cffi
import django

load = cffi.FFI.dlopen


def refuse_pango(ffi, name, flags=0):
    if "pango" in str(name):
        raise OSError(f"cannot load library {name!r}")
    return load(ffi, name, flags)


cffi.FFI.dlopen = refuse_pango
django.setup()
from grappe.core import pdf
from grappe.labelling import letters

print(pdf.pdf_rendering_available())
"""


def test_without_pango_grappe_starts_and_prints_nothing_of_it():
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_PANGO],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "grappe.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False\n"  # WeasyPrint's own advice is not printed


def test_the_file_is_named_after_the_number():
    assert letter_filename(LabelLetterFactory.build(number="PMT-2026-007")) == "PMT-2026-007.pdf"


@pytest.mark.parametrize(
    ("address", "city"),
    [
        (
            "Pôle des Microtechniques — TEMIS Innovation, 18 rue Alain Savary, 25000 Besançon",
            "Besançon",
        ),
        ("2 avenue de l'Observatoire\n25030 Besançon Cedex", "Besançon Cedex"),
        ("Somewhere without a postcode", ""),
    ],
)
def test_the_city_of_the_date_line_comes_from_the_address(address, city):
    assert pole_city(address) == city
