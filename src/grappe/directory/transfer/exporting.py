"""The export of organisations, in the columns the import reads (docs/data-formats.md).

Exporting then importing the file changes nothing: every column is written as the import
normalises it (codes for the vocabulary, the kinds and the bands, slugs for the clusters).
"""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from django.db.models import Prefetch, QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from grappe.directory.models import Capability
from grappe.directory.transfer.columns import COLUMNS, FACET_OF_COLUMN, FIELD_OF_COLUMN
from grappe.directory.transfer.rows import FORMULA_LIKE
from grappe.members.choices import MembershipStatus
from grappe.members.models import Cluster, Membership, Organisation
from grappe.members.queries import current_year

CHUNK = 2000
FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _with_export_data(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    return organisations.prefetch_related(
        Prefetch("capabilities", queryset=Capability.objects.select_related("term")),
        Prefetch("clusters", queryset=Cluster.objects.only("pk", "slug")),
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(status=MembershipStatus.ACTIVE).only(
                "pk", "organisation_id", "year"
            ),
            to_attr="active_memberships",
        ),
    )


def organisations_to_export(organisations: QuerySet[Organisation]) -> Iterator[Organisation]:
    """These organisations in name order, with what the file shows of them, in a few
    queries per thousand."""
    return _with_export_data(organisations.order_by("name", "id")).iterator(chunk_size=CHUNK)


def organisations_with_ids_to_export(ids: Sequence[int]) -> Iterator[Organisation]:
    """`organisations_to_export` for a list of ids (a search's answer), of any length."""
    named = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        named += Organisation.objects.filter(pk__in=chunk).values_list("name", "pk")
    ordered = [pk for _name, pk in sorted(named)]
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        found = {o.pk: o for o in _with_export_data(Organisation.objects.filter(pk__in=chunk))}
        yield from (found[pk] for pk in chunk if pk in found)


def active_since(years: Iterable[int], this_year: int) -> int | None:
    """The first year of the unbroken run of active years that ends this year, if any:
    what the import's `member_since` recreates."""
    active = set(years)
    if this_year not in active:
        return None
    year = this_year
    while year - 1 in active:
        year -= 1
    return year


def export_rows(organisations: Iterable[Organisation]) -> Iterator[list[str]]:
    """The header, then one row of text cells per organisation (from the functions above)."""
    yield list(COLUMNS)
    this_year = current_year()
    for organisation in organisations:
        codes: dict[str, list[str]] = {facet: [] for facet in FACET_OF_COLUMN.values()}
        for capability in organisation.capabilities.all():
            codes[capability.term.facet].append(capability.term.code)
        since = active_since((m.year for m in organisation.active_memberships), this_year)
        values = {column: getattr(organisation, name) for column, name in FIELD_OF_COLUMN.items()}
        values |= {column: "|".join(sorted(codes[f])) for column, f in FACET_OF_COLUMN.items()}
        values["clusters"] = "|".join(sorted(c.slug for c in organisation.clusters.all()))
        values["member_since"] = str(since) if since else ""
        yield [str(values[column] or "") for column in COLUMNS]


def write_csv(rows: Iterable[list[str]]) -> bytes:
    """CSV as French Excel opens it with a double click: UTF-8 with a BOM, semicolons.

    A cell a spreadsheet would run as a formula gets an apostrophe before it, which the
    import removes.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([f"'{cell}" if FORMULA_LIKE.match(cell) else cell for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_xlsx(rows: Iterable[list[str]]) -> bytes:
    """An XLSX workbook with one sheet; every cell is text, so that SIRET numbers and
    postcodes keep their zeros and nothing is taken for a formula."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("organisations")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    for index, row in enumerate(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"  # not a formula, nor a number, whatever the text
            if index == 0:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def organisation_file(organisations: Iterable[Organisation], *, file_format: str) -> bytes:
    """The file of these organisations (from the functions above), as CSV or XLSX."""
    rows = export_rows(organisations)
    return write_xlsx(rows) if file_format == "xlsx" else write_csv(rows)
