"""Checking the rows of an organisation file and planning what each one changes.

Every problem is collected (row, column, message) rather than stopping at the first, so that
the sender fixes the whole file at once. Checking reads the database in a number of queries
that does not grow with the number of rows, and writes nothing.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter
from stdnum.fr import siret as stdnum_siret

from grappe.core.models import Term
from grappe.directory.models import Capability
from grappe.directory.transfer.columns import (
    COLUMN_OF_FIELD,
    COLUMNS,
    FACET_OF_COLUMN,
    FIELD_OF_COLUMN,
    REQUIRED_COLUMNS,
    SEPARATOR,
)
from grappe.directory.transfer.lookup import (
    ClusterIndex,
    NotFound,
    TermIndex,
    choice_index,
    match_key,
)
from grappe.directory.transfer.reading import Table
from grappe.members.choices import HeadcountBand, OrganisationKind
from grappe.members.models import FIRST_YEAR, Cluster, ClusterMembership, Membership, Organisation
from grappe.members.queries import current_year, fee_for
from grappe.members.services import CheckedOrganisation, check_organisation

CHUNK = 5000  # ids per `IN (...)` query
NAF_WITHOUT_DOT = re.compile(r"^(\d{2})(\d{2}[A-Z])$")
# What a spreadsheet may take for a formula; the CSV export puts an apostrophe before it.
FORMULA_LIKE = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s().]*$))")

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("row %(row)s, column %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class RowPlan:
    """What one row changes: the organisation's fields, terms, clusters and memberships."""

    row: int
    checked: CheckedOrganisation
    is_new: bool  # as planned: once written, the organisation has an id
    added_terms: list[Term] = field(default_factory=list)
    removed_terms: list[Term] = field(default_factory=list)
    clusters: list[Cluster] | None = None  # None: the file has no clusters column
    joined: list[Cluster] = field(default_factory=list)
    left: list[Cluster] = field(default_factory=list)
    member_years: list[int] = field(default_factory=list)

    @property
    def organisation(self) -> Organisation:
        return self.checked.organisation

    @property
    def changed_columns(self) -> list[str]:
        names = {COLUMN_OF_FIELD[name] for name in self.checked.changes if name in COLUMN_OF_FIELD}
        return [column for column in COLUMNS if column in names]

    @property
    def action(self) -> str:
        if self.is_new:
            return CREATE
        changed = self.changed_columns or self.added_terms or self.removed_terms
        if changed or self.joined or self.left or self.member_years:
            return UPDATE
        return UNCHANGED


@dataclass
class ImportPlan:
    """Every row's plan, or every error: what importing the file would do."""

    file_format: str
    columns: list[str]
    rows: list[RowPlan] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # organisation id → term id → capability id, for the organisations the file updates
    capabilities: dict[int, dict[int, int]] = field(default_factory=dict)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def created(self) -> int:
        return self.count(CREATE)

    @property
    def updated(self) -> int:
        return self.count(UPDATE)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)


def plan_import(table: Table) -> ImportPlan:
    """Check every row of the table against the database and plan its changes."""
    plan = ImportPlan(file_format=table.format, columns=list(table.header))
    plan.errors = _header_errors(table)
    if plan.errors:
        return plan
    _Planner(table, plan).run()
    return plan


def _header_errors(table: Table) -> list[RowError]:
    errors, seen = [], set()
    for index, name in enumerate(table.header):
        if not name:
            if any(len(cells) > index and cells[index] for _number, cells in table.rows):
                errors.append(
                    RowError(table.header_row, get_column_letter(index + 1), _("name this column."))
                )
            continue
        if name in seen:
            errors.append(RowError(table.header_row, name, _("this column is there twice.")))
        elif name not in COLUMNS:
            near = [column for column in COLUMNS if column.casefold() == name.casefold()]
            message = (
                _("unknown column; did you mean “%(column)s”?") % {"column": near[0]}
                if near
                else _("unknown column; the columns are: %(columns)s.")
                % {"columns": ", ".join(COLUMNS)}
            )
            errors.append(RowError(table.header_row, name, message))
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            errors.append(RowError(table.header_row, name, _("this column is required.")))
    return errors


def _chunks(values: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def unescape_formula(value: str) -> str:
    """A cell as the CSV export wrote it, without the apostrophe it put before a formula."""
    if value.startswith("'") and FORMULA_LIKE.match(value[1:]):
        return value[1:]
    return value


class _Planner:
    """One pass over the rows, with everything it needs loaded beforehand."""

    def __init__(self, table: Table, plan: ImportPlan) -> None:
        self.table, self.plan = table, plan
        self.columns = {name: index for index, name in enumerate(table.header) if name}
        self.facet_columns = [c for c in FACET_OF_COLUMN if c in self.columns]
        self.kinds = choice_index(OrganisationKind)
        self.bands = choice_index(HeadcountBand)
        self.year = current_year()
        self.fees: dict[tuple[str, str, int], Decimal | None] = {}
        self.sirets: dict[str, int] = {}
        self.compact_sirets: dict[str, str] = {}  # as written → compact, read once

    def run(self) -> None:
        self._load()
        for number, cells in self.table.rows:
            self._plan_row(number, cells)

    # Loading ------------------------------------------------------------------------------

    def _load(self) -> None:
        sirets = set()
        if "siret" in self.columns:
            index = self.columns["siret"]
            self.compact_sirets = {
                cells[index]: stdnum_siret.compact(cells[index]) for _n, cells in self.table.rows
            }
            sirets = set(self.compact_sirets.values())
            sirets.discard("")
        self.existing = {
            organisation.siret: organisation
            for chunk in _chunks(sorted(sirets))
            for organisation in Organisation.objects.filter(siret__in=chunk)
        }
        ids = [organisation.pk for organisation in self.existing.values()]
        # The current terms and clusters of those organisations, read as ids: building a
        # model instance for each of hundreds of thousands of links is the slow part.
        self.current_terms: dict[int, list[Term]] = defaultdict(list)
        self.terms = None
        if self.facet_columns:
            terms = {term.pk: term for term in Term.objects.all()}
            self.terms = TermIndex(terms.values())
            facets = [FACET_OF_COLUMN[column] for column in self.facet_columns]
            for chunk in _chunks(ids):
                for organisation_id, term_id, pk in Capability.objects.filter(
                    organisation_id__in=chunk, term__facet__in=facets
                ).values_list("organisation_id", "term_id", "pk"):
                    self.current_terms[organisation_id].append(terms[term_id])
                    self.plan.capabilities.setdefault(organisation_id, {})[term_id] = pk
        self.clusters = None
        self.current_clusters: dict[int, list[Cluster]] = defaultdict(list)
        if "clusters" in self.columns:
            clusters = {cluster.pk: cluster for cluster in Cluster.objects.all()}
            self.clusters = ClusterIndex(clusters.values())
            for chunk in _chunks(ids):
                for organisation_id, cluster_id in ClusterMembership.objects.filter(
                    organisation_id__in=chunk
                ).values_list("organisation_id", "cluster_id"):
                    self.current_clusters[organisation_id].append(clusters[cluster_id])
        self.membership_years: dict[int, set[int]] = defaultdict(set)
        if "member_since" in self.columns:
            for chunk in _chunks(ids):
                for organisation_id, year in Membership.objects.filter(
                    organisation_id__in=chunk
                ).values_list("organisation_id", "year"):
                    self.membership_years[organisation_id].add(year)

    # One row ------------------------------------------------------------------------------

    def _plan_row(self, number: int, cells: list[str]) -> None:
        errors_before = len(self.plan.errors)
        if self.table.format == "csv":
            cells = [unescape_formula(cell) for cell in cells]
        values = {name: cells[index] for name, index in self.columns.items()}
        for index in range(len(self.table.header), len(cells)):
            if cells[index]:
                self._error(number, get_column_letter(index + 1), _("this cell has no column."))
        if "siret" in values:
            siret = values["siret"]
            compact = self.compact_sirets.get(siret)
            values["siret"] = stdnum_siret.compact(siret) if compact is None else compact
        organisation = self._match(number, values.get("siret", ""))
        data = self._organisation_data(number, values, organisation)
        checked = None
        try:
            checked = check_organisation(organisation=organisation, data=data)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = "" if name == NON_FIELD_ERRORS else COLUMN_OF_FIELD.get(name, name)
                for message in messages:
                    self._error(number, column, message)
        row = RowPlan(row=number, checked=checked, is_new=organisation is None)
        for column in self.facet_columns:
            self._plan_terms(row, column, values[column], organisation)
        if self.clusters is not None:
            self._plan_clusters(row, values["clusters"], organisation)
        if values.get("member_since") and checked is not None:
            self._plan_memberships(row, values["member_since"], checked.organisation)
        if len(self.plan.errors) == errors_before:
            self.plan.rows.append(row)

    def _error(self, number: int, column: str, message: str) -> None:
        self.plan.errors.append(RowError(number, column, message))

    def _match(self, number: int, siret: str) -> Organisation | None:
        """The organisation the row updates: the one with its SIRET (compact), if any."""
        if not siret:
            return None
        if siret in self.sirets:
            self._error(
                number,
                "siret",
                _("this SIRET is also on row %(row)s.") % {"row": self.sirets[siret]},
            )
            return None
        self.sirets[siret] = number
        return self.existing.get(siret)

    def _organisation_data(
        self, number: int, values: dict[str, str], organisation: Organisation | None
    ) -> dict:
        is_new = organisation is None
        country = (
            values.get("country") or (organisation.country if organisation else "FR")
        ).upper()
        data = {}
        for column, name in FIELD_OF_COLUMN.items():
            if column not in values:
                continue
            value = values[column]
            if column == "siret":
                if not is_new:
                    continue  # the organisation was found by it
            elif column in ("kind", "country") and not value:
                continue  # keeps the current value; a new organisation gets the default
            elif column == "kind":
                value = self.kinds.get(match_key(value))
                if value is None:
                    self._error(
                        number,
                        column,
                        _("“%(value)s” is not a kind of organisation; the kinds are: %(kinds)s.")
                        % {"value": values[column], "kinds": ", ".join(OrganisationKind.values)},
                    )
                    continue
            elif column == "headcount_band" and value:
                value = self.bands.get(match_key(value.zfill(2) if value.isdigit() else value))
                if value is None:
                    self._error(
                        number,
                        column,
                        _(
                            "“%(value)s” is not a headcount band: give its INSEE code, such as "
                            "12 for 20 to 49 employees."
                        )
                        % {"value": values[column]},
                    )
                    continue
            elif column == "country":
                value = value.upper()
            elif column == "naf":
                value = NAF_WITHOUT_DOT.sub(r"\1.\2", value.replace(" ", "").upper())
            elif column == "postcode" and country == "FR" and value.isdigit() and len(value) == 4:
                value = value.zfill(5)  # a spreadsheet lost the leading zero
            elif column == "website" and value and "://" not in value:
                value = f"https://{value}"
            if value or not is_new or column in REQUIRED_COLUMNS:
                data[name] = value  # a new organisation's blank fields keep their defaults
        return data

    def _plan_terms(
        self, row: RowPlan, column: str, cell: str, organisation: Organisation | None
    ) -> None:
        facet = FACET_OF_COLUMN[column]
        wanted = {}
        for name in _items(cell):
            try:
                term = self.terms.find(name, facet)
            except NotFound as error:
                self._error(row.row, column, error.message)
            else:
                wanted[term.pk] = term
        current = {}
        if organisation is not None:
            current = {t.pk: t for t in self.current_terms[organisation.pk] if t.facet == facet}
        row.added_terms += [wanted[pk] for pk in sorted(wanted.keys() - current.keys())]
        row.removed_terms += [current[pk] for pk in sorted(current.keys() - wanted.keys())]

    def _plan_clusters(self, row: RowPlan, cell: str, organisation: Organisation | None) -> None:
        wanted = {}
        for name in _items(cell):
            try:
                cluster = self.clusters.find(name)
            except NotFound as error:
                self._error(row.row, "clusters", error.message)
            else:
                wanted[cluster.pk] = cluster
        current = {}
        if organisation is not None:
            current = {c.pk: c for c in self.current_clusters[organisation.pk]}
        row.clusters = list(wanted.values())
        row.joined = [wanted[pk] for pk in sorted(wanted.keys() - current.keys())]
        row.left = [current[pk] for pk in sorted(current.keys() - wanted.keys())]

    def _plan_memberships(self, row: RowPlan, cell: str, organisation: Organisation) -> None:
        """“Member since” a year: an active membership every year from then to this year.

        The years the organisation already has a membership for (whatever its status) are
        left as they are; a year without a rate in the fee schedule is an error.
        """
        try:
            since = int(cell)
        except ValueError:
            self._error(row.row, "member_since", _("“%(value)s” is not a year.") % {"value": cell})
            return
        if not FIRST_YEAR <= since <= self.year:
            self._error(
                row.row,
                "member_since",
                _("the year must be between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": self.year},
            )
            return
        taken = self.membership_years[organisation.pk] if organisation.pk else set()
        years = [year for year in range(since, self.year + 1) if year not in taken]
        for year in years:
            key = (organisation.dues_category, organisation.headcount_band, year)
            if key not in self.fees:
                self.fees[key] = fee_for(organisation=organisation, year=year)
            if self.fees[key] is None:
                self._error(
                    row.row,
                    "member_since",
                    _("the fee schedule has no rate for %(category)s in %(year)s.")
                    % {"category": organisation.get_dues_category_display(), "year": year},
                )
                return
        row.member_years = years


def _items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(SEPARATOR) if item.strip()]
