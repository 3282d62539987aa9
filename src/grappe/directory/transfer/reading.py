"""Reading an organisation file: CSV (comma or semicolon; UTF-8 with or without BOM, or
Windows-1252 as French Excel writes it) or XLSX, into rows of text cells.

Whatever the bytes, the result is a `Table` or a `FileRejected` with a message for the
person who sent the file: never another exception.
"""

import csv
import datetime
import io
import re
import warnings
import zipfile
from dataclasses import dataclass

import openpyxl
from django.utils.translation import gettext as _

XLSX_MAGIC = b"PK\x03\x04"
# Files people send by mistake, recognised by their first bytes.
OTHER_FORMATS = {
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"%PDF": "PDF",
    b"\xd0\xcf\x11\xe0": "Excel 97–2003 (.xls)",
}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FileRejected(Exception):
    """The file cannot be read as an organisation table; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Table:
    """The header and the data rows of a file, cells as stripped text.

    `rows` holds (row number as a spreadsheet shows it, cells); blank rows are left out,
    and every row has at least as many cells as the header (cells past it are kept, so that
    a value there can be reported).
    """

    header: list[str]
    header_row: int
    rows: list[tuple[int, list[str]]]
    format: str  # "csv" or "xlsx"


def read_table(content: bytes, *, filename: str = "") -> Table:
    """The table in `content`, an XLSX workbook (its first sheet) or a CSV file."""
    if not content.strip() or content.strip() == b"\xef\xbb\xbf":
        raise FileRejected(_("The file is empty."))
    if content.startswith(XLSX_MAGIC):
        return _table(_xlsx_rows(content), "xlsx")
    for magic, name in OTHER_FORMATS.items():
        if content.startswith(magic):
            raise FileRejected(
                _("This is a %(format)s file, not a CSV or XLSX file.") % {"format": name}
            )
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise FileRejected(_("This .xlsx file is not an Excel workbook: it may be damaged."))
    return _table(_csv_rows(_decode(content)), "csv")


def _decode(content: bytes) -> str:
    if b"\x00" in content:
        raise FileRejected(
            _("This is not a text file (it contains binary data). Save it as CSV UTF-8 or XLSX.")
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Not UTF-8: French Excel's "CSV (separator: semicolon)" is Windows-1252.
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError as error:
            raise FileRejected(
                _("The file's encoding is neither UTF-8 nor Windows-1252. Save it as CSV UTF-8.")
            ) from error
    if CONTROL_CHARACTERS.search(text):
        raise FileRejected(
            _("This is not a text file (it contains control characters). Save it as CSV or XLSX.")
        )
    return text


def _delimiter(text: str) -> str:
    """Comma or semicolon, whichever the header line has more of (outside quotes)."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    return ";" if unquoted.count(";") > unquoted.count(",") else ","


def _csv_rows(text: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows = []
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            rows.append((number, [cell.strip() for cell in cells]))
    except csv.Error as error:
        raise FileRejected(
            _("The CSV file is malformed at row %(row)s: %(error)s")
            % {"row": number + 1, "error": error}
        ) from error
    return rows


def _cell_text(value: object) -> str:
    """A cell as text: whole numbers without “.0” (SIRET, postcodes, years), dates in ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _xlsx_rows(content: bytes) -> list[tuple[int, list[str]]]:
    try:
        # openpyxl warns about styles and extensions it ignores: nothing the sender can fix.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                return [
                    (number, [_cell_text(value) for value in values])
                    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                ]
            finally:
                workbook.close()
    except zipfile.BadZipFile as error:
        raise FileRejected(
            _("This .xlsx file is not an Excel workbook: it may be damaged.")
        ) from error
    # A damaged or foreign zip fails deep inside openpyxl with many kinds of errors
    # (missing parts, bad XML, odd values); all of them mean the same thing to the sender.
    except Exception as error:
        raise FileRejected(
            _("This workbook cannot be read (%(error)s). Save it again as XLSX or CSV.")
            % {"error": type(error).__name__}
        ) from error


def _table(rows: list[tuple[int, list[str]]], file_format: str) -> Table:
    rows = [(number, cells) for number, cells in rows if any(cells)]
    if not rows:
        raise FileRejected(_("The file is empty."))
    header_row, header = rows[0]
    while header and not header[-1]:
        header = header[:-1]
    if len(rows) == 1:
        raise FileRejected(_("The file has a header row but no data rows."))
    width = len(header)
    data = [(number, cells + [""] * (width - len(cells))) for number, cells in rows[1:]]
    return Table(header=header, header_row=header_row, rows=data, format=file_format)
