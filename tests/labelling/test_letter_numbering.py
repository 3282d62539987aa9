"""Label letter numbers: "PMT-2026-007", one sequence per year, safe when letters are issued
at the same moment."""

import threading

import pytest
from django.db import IntegrityError, connection, connections

from grappe.labelling.letters import LetterNumber, format_letter_number, next_letter_number
from grappe.labelling.models import LabelLetter
from grappe.labelling.services import letters as letter_services
from grappe.labelling.services.letters import issue_label_letter
from grappe.members.queries import current_year
from tests.labelling.letter_factories import (
    LabelLetterFactory,
    labelled_application,
    president_in_office,
)


def test_the_number_is_the_short_name_the_year_and_three_digits(settings):
    assert format_letter_number(year=2026, sequence=7) == "PMT-2026-007"
    assert str(LetterNumber(year=2031, sequence=1234)) == "PMT-2031-1234"
    settings.GRAPPE_POLE_SHORT_NAME = "VDI"
    assert LetterNumber(year=2026, sequence=12).number == "VDI-2026-012"


@pytest.mark.django_db
def test_the_first_letter_of_a_year_is_number_one():
    assert next_letter_number(2026) == LetterNumber(year=2026, sequence=1)
    assert str(next_letter_number(2026)) == "PMT-2026-001"


@pytest.mark.django_db
def test_each_year_has_its_own_sequence():
    LabelLetterFactory(year=2025, sequence=1)
    LabelLetterFactory(year=2025, sequence=2)
    LabelLetterFactory(year=2026, sequence=1)
    assert str(next_letter_number(2025)) == "PMT-2025-003"
    assert str(next_letter_number(2026)) == "PMT-2026-002"
    assert str(next_letter_number(2027)) == "PMT-2027-001"


@pytest.mark.django_db
def test_letters_issued_one_after_the_other_follow_each_other():
    president_in_office()
    year = current_year()
    LabelLetterFactory(year=year - 1, sequence=41)
    first = issue_label_letter(actor=None, application=labelled_application())
    second = issue_label_letter(actor=None, application=labelled_application())
    assert (first.year, first.sequence, first.number) == (year, 1, f"PMT-{year}-001")
    assert (second.year, second.sequence, second.number) == (year, 2, f"PMT-{year}-002")
    assert str(next_letter_number(year - 1)) == f"PMT-{year - 1}-042"


@pytest.mark.django_db
def test_a_number_taken_meanwhile_is_drawn_again(monkeypatch):
    """Another transaction took the number read: the unique constraint refuses the insert and
    the service draws the next free number."""
    president_in_office()
    year = current_year()
    LabelLetterFactory(year=year, sequence=1, number=f"PMT-{year}-001")
    drawn = []

    def stale_then_fresh(year: int) -> LetterNumber:
        number = LetterNumber(year=year, sequence=1) if not drawn else next_letter_number(year)
        drawn.append(number.number)
        return number

    monkeypatch.setattr(letter_services, "next_letter_number", stale_then_fresh)
    letter = issue_label_letter(actor=None, application=labelled_application())
    assert drawn == [f"PMT-{year}-001", f"PMT-{year}-002"]
    assert letter.number == f"PMT-{year}-002"


@pytest.mark.django_db
def test_a_number_that_keeps_clashing_gives_up_without_writing(monkeypatch):
    president_in_office()
    year = current_year()
    LabelLetterFactory(year=year, sequence=1, number=f"PMT-{year}-001")
    monkeypatch.setattr(
        letter_services, "next_letter_number", lambda year: LetterNumber(year=year, sequence=1)
    )
    application = labelled_application()
    with pytest.raises(IntegrityError):
        issue_label_letter(actor=None, application=application)
    assert not LabelLetter.objects.filter(application=application).exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite runs one writing transaction at a time (IMMEDIATE): no race to test there",
)
@pytest.mark.django_db(transaction=True)
def test_letters_issued_at_the_same_time_get_distinct_numbers():
    president_in_office()
    applications = [labelled_application() for _ in range(12)]
    start = threading.Barrier(3)
    errors = []

    def issue(batch):
        try:
            start.wait()
            for application in batch:
                issue_label_letter(actor=None, application=application)
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(applications[i::3],)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    year = current_year()
    assert sorted(LabelLetter.objects.values_list("sequence", flat=True)) == list(range(1, 13))
    assert set(LabelLetter.objects.values_list("number", flat=True)) == {
        f"PMT-{year}-{n:03d}" for n in range(1, 13)
    }
