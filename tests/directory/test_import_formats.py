"""The import reads CSV (comma or semicolon; UTF-8 with or without BOM, or Windows-1252) and
XLSX, and rejects with a clear message whatever is not an organisation table."""

import io
import zipfile

import pytest
from django.utils import translation

from grappe.directory.transfer.importing import import_organisations_file
from grappe.directory.transfer.reading import FileRejected, read_table
from grappe.members.models import Organisation
from tests.directory.transfer_helpers import (
    counts,
    csv_bytes,
    project_vocabulary,
    xlsx_bytes,
)
from tests.factories import valid_siret

ROWS = [
    ["siret", "name", "city", "processes", "description_fr"],
    [valid_siret(1), "Décolletage Comtois", "Besançon", "Décolletage|micro-usinage", "Vis; axes"],
    ["", "Société Générale de Précision", "Montbéliard", "", "Pièces « horlogères »"],
]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def vocabulary(db):
    return project_vocabulary()


def imported_names() -> list[str]:
    return list(Organisation.objects.order_by("name").values_list("name", flat=True))


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(csv_bytes(ROWS), id="csv-comma-utf8"),
        pytest.param(csv_bytes(ROWS, bom=True), id="csv-comma-utf8-bom"),
        pytest.param(csv_bytes(ROWS, delimiter=";"), id="csv-semicolon-utf8"),
        pytest.param(csv_bytes(ROWS, delimiter=";", bom=True), id="csv-semicolon-utf8-bom"),
        pytest.param(csv_bytes(ROWS, delimiter=";", encoding="cp1252"), id="csv-semicolon-cp1252"),
        pytest.param(csv_bytes(ROWS, encoding="cp1252"), id="csv-comma-cp1252"),
        pytest.param(xlsx_bytes(ROWS), id="xlsx"),
    ],
)
def test_every_format_and_encoding_imports_the_same_organisations(vocabulary, content):
    import_organisations_file(actor=None, content=content, filename="organisations")
    assert imported_names() == ["Décolletage Comtois", "Société Générale de Précision"]
    comtois = Organisation.objects.get(name="Décolletage Comtois")
    assert comtois.city == "Besançon"
    assert comtois.description_fr == "Vis; axes"
    assert sorted(c.term.code for c in comtois.capabilities.all()) == [
        "decolletage",
        "micro_usinage",
    ]
    other = Organisation.objects.get(name="Société Générale de Précision")
    assert other.description_fr == "Pièces « horlogères »"


def test_csv_cells_may_hold_separators_quotes_and_line_breaks(vocabulary):
    rows = [["name", "description_fr"], ["Alpha", 'Ligne 1\nLigne 2; "citée", fin']]
    import_organisations_file(actor=None, content=csv_bytes(rows, delimiter=";"))
    assert Organisation.objects.get().description_fr == 'Ligne 1\nLigne 2; "citée", fin'


def test_xlsx_numbers_become_the_text_people_typed(vocabulary):
    """Excel stores a SIRET, a postcode or a year as a number: no “.0”, zeros restored."""
    rows = [
        ["siret", "name", "postcode", "headcount_band", "naf"],
        [int(valid_siret(2)), "Bressane", 1000, 3, "2562B"],
    ]
    import_organisations_file(actor=None, content=xlsx_bytes(rows), filename="a.xlsx")
    organisation = Organisation.objects.get()
    assert organisation.siret == valid_siret(2)
    assert organisation.postcode == "01000"
    assert organisation.departement == "01"
    assert organisation.headcount_band == "03"
    assert organisation.naf_code == "25.62B"


def test_blank_rows_and_trailing_blank_columns_are_ignored_and_rows_keep_their_numbers():
    content = csv_bytes([["name", "city", ""], [], ["Alpha", "Dole", ""], ["", "", ""], ["Beta"]])
    table = read_table(content)
    assert table.header == ["name", "city"]
    assert [number for number, _cells in table.rows] == [3, 5]
    assert table.rows[1][1] == ["Beta", ""]


def test_the_separator_is_the_one_of_the_header_line():
    assert read_table(b"name;city\nA, B;Dole\n").rows == [(2, ["A, B", "Dole"])]
    assert read_table(b"name,city\nA; B,Dole\n").rows == [(2, ["A; B", "Dole"])]
    assert read_table(b"name\nA\n").rows == [(2, ["A"])]


def not_an_xlsx_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        pytest.param(b"", "a.csv", "The file is empty.", id="empty"),
        pytest.param(b"\xef\xbb\xbf", "a.csv", "The file is empty.", id="only-bom"),
        pytest.param(b" \r\n\r\n", "a.csv", "The file is empty.", id="only-blank-lines"),
        pytest.param(b"name;city\r\n", "a.csv", "no data rows", id="header-only"),
        pytest.param(b"name;city\n;\n", "a.csv", "no data rows", id="blank-data-rows"),
        pytest.param(PNG, "logo.csv", "This is a PNG file, not a CSV or XLSX file.", id="png"),
        pytest.param(b"%PDF-1.7\n", "a.csv", "This is a PDF file", id="pdf"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1", "a.xls", "Excel 97", id="xls"),
        pytest.param(b"name\nab\x00cd\n", "a.csv", "not a text file", id="nul-bytes"),
        pytest.param(b"name\nab\x07cd\n", "a.csv", "control characters", id="control-chars"),
        pytest.param("name\nAé\n".encode("utf-16"), "a.csv", "not a text file", id="utf-16"),
        pytest.param(b"name\n\x81\x8d\x8f\n", "a.csv", "neither UTF-8 nor", id="wrong-encoding"),
        pytest.param(b"name,city\nA,Dole\n", "a.xlsx", "not an Excel workbook", id="xlsx-not-zip"),
        pytest.param(b"PK\x03\x04garbage", "a.xlsx", "not an Excel workbook", id="xlsx-broken"),
        pytest.param(not_an_xlsx_zip(), "a.xlsx", "cannot be read", id="zip-not-xlsx"),
        pytest.param(b'name\n"unclosed\n', "a.csv", "malformed at row 2", id="unclosed-quote"),
        pytest.param(b"name\n" + b"x" * 200_000 + b"\n", "a.csv", "malformed", id="huge-cell"),
    ],
)
def test_a_malformed_file_is_rejected_with_a_clear_message(db, content, filename, message):
    before = counts()
    with pytest.raises(FileRejected) as caught:
        import_organisations_file(actor=None, content=content, filename=filename)
    assert message in caught.value.message
    assert counts() == before


def test_an_xlsx_with_only_a_header_has_no_data_rows():
    with pytest.raises(FileRejected, match="no data rows"):
        read_table(xlsx_bytes([["name", "city"]]), filename="a.xlsx")


def test_an_empty_workbook_is_empty():
    with pytest.raises(FileRejected, match="empty"):
        read_table(xlsx_bytes([]), filename="a.xlsx")
