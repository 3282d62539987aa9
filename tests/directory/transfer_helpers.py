"""Building organisation files for the import and export tests: CSV in every encoding and
separator, XLSX workbooks, and a snapshot of the directory to compare before and after."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
from django.db import connection
from django.test.utils import CaptureQueriesContext

from grappe.core.models import ActivityLog, Term
from grappe.core.services import DEFAULT_VOCABULARY, load_vocabulary, read_vocabulary_csv
from grappe.directory.models import Capability
from grappe.members.models import ClusterMembership, Membership, Organisation
from tests.factories import ClusterFactory, FeeRateFactory

THIS_YEAR = datetime.date.today().year
HEADER = ["siret", "name", "kind", "naf", "headcount_band", "postcode", "city", "processes"]


def project_vocabulary() -> dict[str, Term]:
    """The project's vocabulary (68 terms), by code."""
    load_vocabulary(rows=read_vocabulary_csv(DEFAULT_VOCABULARY), actor=None)
    return {term.code: term for term in Term.objects.all()}


def clusters():
    return (
        ClusterFactory(name="INNOV'HEALTH", slug="innov-health"),
        ClusterFactory(name="AEROμTECH", slug="aeromutech"),
    )


def fee_schedule() -> None:
    """A rate for every dues category since the pôle exists."""
    for category in ("tpe", "pme", "eti", "large_group", "academic"):
        FeeRateFactory(dues_category=category, amount=Decimal("500.00"))


def csv_bytes(
    rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8", bom: bool = False
) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def counts() -> dict[str, int]:
    """How many rows each table the import writes has: equal before and after = nothing written."""
    return {
        "organisations": Organisation.objects.count(),
        "capabilities": Capability.objects.count(),
        "clusters": ClusterMembership.objects.count(),
        "memberships": Membership.objects.count(),
        "activity": ActivityLog.objects.count(),
    }


def snapshot() -> dict[str, dict]:
    """Everything the file format carries, for every organisation, by name."""
    result = {}
    fields = [
        "siret", "siren", "name", "kind", "naf_code", "headcount_band", "address", "postcode",
        "city", "departement", "region", "country", "website", "email", "phone",
        "description_fr", "description_en",
    ]  # fmt: skip
    for organisation in Organisation.objects.prefetch_related(
        "capabilities__term", "clusters", "memberships"
    ):
        values = {name: getattr(organisation, name) for name in fields}
        values["terms"] = sorted(c.term.code for c in organisation.capabilities.all())
        values["clusters"] = sorted(c.slug for c in organisation.clusters.all())
        values["active_years"] = sorted(
            m.year for m in organisation.memberships.all() if m.status == "active"
        )
        result[organisation.name] = values
    return result


def query_count(function) -> int:
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context.captured_queries)
