"""Every invalid row is reported with its row number (the header is row 1), its column and a
message, and then nothing at all is written."""

import pytest
from django.utils import translation

from grappe.directory.models import Capability
from grappe.directory.transfer.importing import ImportRejected, import_organisations_file
from tests.directory.transfer_helpers import (
    clusters,
    counts,
    csv_bytes,
    project_vocabulary,
    xlsx_bytes,
)
from tests.factories import FeeRateFactory, OrganisationFactory, TermFactory, valid_siret

GOOD = ["", "Alpha Précision"]  # a valid row of the header ["siret", "name"]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def directory(db):
    """A vocabulary, clusters and one organisation already in the directory."""
    project_vocabulary()
    clusters()
    return OrganisationFactory(name="Déjà Là", siret=valid_siret(50))


def rejected(rows: list[list], *, xlsx: bool = False) -> list[str]:
    """The errors of importing these rows, checking that nothing was written."""
    before = counts()
    content = xlsx_bytes(rows) if xlsx else csv_bytes(rows)
    with pytest.raises(ImportRejected) as caught:
        import_organisations_file(actor=None, content=content, filename="file")
    assert counts() == before
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        (
            ["siret", "name"],
            ["123", "A"],
            "row 3, column siret: “123” is not a valid SIRET number.",
        ),
        (["name", "city"], ["", "Dole"], "row 3, column name: This field cannot be blank."),
        (["name", "kind"], ["A", "spaceship"], "row 3, column kind: “spaceship” is not a kind"),
        (["name", "headcount_band"], ["A", "99"], "row 3, column headcount_band: “99” is not a"),
        (["name", "postcode"], ["A", "99999"], "row 3, column postcode: The postcode “99999”"),
        (["name", "naf"], ["A", "25.6"], "row 3, column naf: “25.6” is not a NAF"),
        (["name", "email"], ["A", "not-an-address"], "row 3, column email: Enter a valid email"),
        (["name", "phone"], ["A", "12"], "row 3, column phone: “12” is not a valid phone"),
        (["name", "website"], ["A", "http://"], "row 3, column website: Enter a valid URL."),
        (["name", "country"], ["A", "France"], "row 3, column country: Ensure this value"),
        (["name", "processes"], ["A", "telepathy"], "row 3, column processes: “telepathy” is not"),
        (
            ["name", "processes"],
            ["A", "décolletage|titane"],
            "row 3, column processes: “titane” is a material, not a process.",
        ),
        (["name", "clusters"], ["A", "nowhere"], "row 3, column clusters: There is no cluster"),
        (["name", "member_since"], ["A", "long ago"], "row 3, column member_since: “long ago”"),
        (["name", "member_since"], ["A", "1999"], "row 3, column member_since: the year must be"),
        (["name", "member_since"], ["A", "2999"], "row 3, column member_since: the year must be"),
        (["name", "member_since"], ["A", "2010"], "row 3, column member_since: the fee schedule"),
        (["name"], ["A", "stray"], "row 3, column B: this cell has no column."),
    ],
)
def test_a_bad_cell_names_its_row_and_column(directory, header, cells, expected):
    good = GOOD[1:] if header[0] == "name" else GOOD
    good += [""] * (len(header) - len(good))
    errors = rejected([header, good, cells])
    assert len(errors) == 1, errors
    assert errors[0].startswith(expected), errors


def test_every_error_of_every_row_is_reported_at_once(directory):
    errors = rejected(
        [
            ["siret", "name", "processes", "postcode"],
            ["123", "", "telepathy", "00000"],
            [valid_siret(1), "Fine", "", ""],
            ["", "Also wrong", "", "1"],
        ]
    )
    assert [error.split(":")[0] for error in errors] == [
        "row 2, column siret",
        "row 2, column name",
        "row 2, column postcode",
        "row 2, column processes",
        "row 4, column postcode",
    ]


def test_a_siret_twice_in_the_file_is_an_error_on_the_second_row(directory):
    errors = rejected([["siret", "name"], [valid_siret(1), "A"], ["", "B"], [valid_siret(1), "C"]])
    assert errors == ["row 4, column siret: this SIRET is also on row 2."]


def test_the_same_siret_written_differently_is_still_twice(directory):
    spaced = " ".join([valid_siret(1)[:3], valid_siret(1)[3:9], valid_siret(1)[9:]])
    errors = rejected([["siret", "name"], [valid_siret(1), "A"], [spaced, "B"]])
    assert errors == ["row 3, column siret: this SIRET is also on row 2."]


def test_an_update_that_breaks_the_organisation_is_refused_and_leaves_it_alone(directory):
    errors = rejected([["siret", "name", "postcode"], [valid_siret(50), "Déjà Là", "99999"]])
    assert errors[0].startswith("row 2, column postcode:")
    directory.refresh_from_db()
    assert directory.postcode == "25000"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            ["siret", "nom"],
            [
                "row 1, column nom: unknown column; the columns are: siret, name,",
                "row 1, column name: this column is required.",
            ],
        ),
        (
            ["Name"],
            [
                "row 1, column Name: unknown column; did you mean “name”?",
                "row 1, column name: this column is required.",
            ],
        ),
        (["city"], ["row 1, column name: this column is required."]),
        (["name", "city", "name"], ["row 1, column name: this column is there twice."]),
        (["name", "", "city"], ["row 1, column B: name this column."]),
    ],
)
def test_a_bad_header_is_reported_on_row_1(directory, header, expected):
    errors = rejected([header, ["A", "x", "y"][: len(header)]])
    assert len(errors) == len(expected), errors
    for error, start in zip(errors, expected, strict=True):
        assert error.startswith(start), errors


def test_the_header_may_have_an_unnamed_empty_column(directory):
    import_organisations_file(
        actor=None, content=csv_bytes([["name", "", "city"], ["A", "", "Dole"]])
    )


def test_xlsx_errors_name_the_spreadsheet_row(directory):
    errors = rejected([["name", "kind"], ["A", "company"], [None, None], ["B", "ufo"]], xlsx=True)
    assert errors == [
        "row 4, column kind: “ufo” is not a kind of organisation; the kinds are: company, lab, "
        "school, public_body, partner_cluster, investor, other."
    ]


def test_a_missing_fee_rate_names_the_first_year_without_one(directory):
    FeeRateFactory(valid_from=2015, dues_category="pme")
    errors = rejected([["name", "member_since"], ["A", "2012"]])
    assert errors == [
        "row 2, column member_since: the fee schedule has no rate for SME (PME) in 2012."
    ]


def test_an_ambiguous_synonym_asks_for_the_code(directory):
    # “CIM” is a synonym of metal injection moulding; make it one of a second process too.
    TermFactory(code="moulage_ceramique", facet="process", synonyms_fr=["CIM"])
    errors = rejected([["name", "processes"], ["A", "cim"]])
    assert errors == [
        "row 2, column processes: “cim” may mean injection_mim, moulage_ceramique: "
        "write the code of the one you mean."
    ]


def test_a_code_or_a_label_beats_a_synonym(directory):
    TermFactory(code="cim", facet="process", label_fr="Céramique injectée")
    import_organisations_file(
        actor=None, content=csv_bytes([["name", "processes"], ["A", "CIM|céramique INJECTÉE"]])
    )
    assert [c.term.code for c in Capability.objects.all()] == ["cim"]
