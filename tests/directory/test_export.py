"""The export writes the directory in the import's columns: exporting then importing, after
the directory was wiped or changed, gives back exactly what was there."""

import io
import subprocess
import sys

import openpyxl
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from grappe.directory.models import Capability
from grappe.directory.search.index import reindex_organisations
from grappe.directory.transfer.columns import COLUMNS
from grappe.directory.transfer.exporting import organisation_file, organisations_to_export
from grappe.directory.transfer.importing import import_organisations_file
from grappe.directory.transfer.reading import read_table
from grappe.members.models import Membership, Organisation
from tests.directory.transfer_helpers import (
    THIS_YEAR,
    clusters,
    fee_schedule,
    project_vocabulary,
    snapshot,
)
from tests.factories import (
    ClusterMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    valid_siret,
)

EXPORT_URL = reverse("directory_transfer:export_organisations")


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def directory(db):
    """Organisations using every column, with awkward text, terms, clusters and memberships."""
    fee_schedule()
    terms = project_vocabulary()
    health, aero = clusters()
    rich = OrganisationFactory(
        name="Décolletage « Comtois »; SAS",
        siret=valid_siret(11),
        kind="company",
        naf_code="25.62B",
        headcount_band="21",
        address="3, rue des Horlogers\nZone artisanale",
        postcode="25500",
        city="Morteau",
        departement="25",
        website="https://decolletage-comtois.fr",
        email="contact@decolletage-comtois.fr",
        phone="+33381670000",
        description_fr='Vis "orthopédiques", axes; pignons — ±2 µm',
        description_en='=HYPERLINK("http://example.org") is not a formula here',
    )
    for code in ("decolletage", "rectification", "titane", "inox", "sante", "iso_13485"):
        Capability.objects.create(organisation=rich, term=terms[code])
    ClusterMembershipFactory(organisation=rich, cluster=health)
    ClusterMembershipFactory(organisation=rich, cluster=aero)
    for year in range(THIS_YEAR - 4, THIS_YEAR + 1):
        MembershipFactory(organisation=rich, year=year)
    swiss = OrganisationFactory(
        name="Précision Jurassienne SA",
        siret=valid_siret(12),
        kind="lab",
        headcount_band="",
        postcode="2300",
        city="La Chaux-de-Fonds",
        departement="",
        region="",
        country="CH",
        website="",
        naf_code="",
        phone="+41329000000",
        description_en="",
    )
    Capability.objects.create(organisation=swiss, term=terms["electroerosion"])
    bressane = OrganisationFactory(
        name="Bressane", siret=valid_siret(13), postcode="01000", departement="01", region=""
    )
    bressane.full_clean()  # fills the region as an import would
    bressane.save()
    reindex_organisations(Organisation.objects.values_list("pk", flat=True))
    return {"rich": rich, "swiss": swiss, "bressane": bressane}


def export(file_format: str) -> bytes:
    return organisation_file(
        organisations_to_export(Organisation.objects.all()), file_format=file_format
    )


def wipe() -> None:
    Membership.objects.all().delete()
    Organisation.objects.all().delete()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_then_import_into_an_empty_directory_gives_the_same_directory(
    directory, file_format
):
    OrganisationFactory(name="Sans SIRET", siret="", siren="", website="")
    before = snapshot()
    content = export(file_format)
    wipe()
    plan = import_organisations_file(actor=None, content=content, filename=f"x.{file_format}")
    assert plan.created == 4
    assert snapshot() == before


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_then_import_over_a_changed_directory_puts_everything_back(directory, file_format):
    before = snapshot()
    content = export(file_format)
    rich, swiss = directory["rich"], directory["swiss"]
    rich.name, rich.website, rich.kind, rich.postcode = "Renamed", "", "school", "39100"
    rich.description_fr = ""
    rich.save()
    rich.capabilities.filter(term__code="titane").delete()
    rich.cluster_memberships.filter(cluster__slug="aeromutech").delete()
    swiss.country, swiss.phone = "FR", ""
    swiss.save()
    Capability.objects.create(organisation=swiss, term=rich.capabilities.first().term)
    plan = import_organisations_file(actor=None, content=content, filename=f"x.{file_format}")
    assert (plan.created, plan.updated, plan.unchanged) == (0, 2, 1)
    assert snapshot() == before


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_importing_an_export_of_an_unchanged_directory_changes_nothing(directory, file_format):
    plan = import_organisations_file(actor=None, content=export(file_format))
    assert (plan.created, plan.updated, plan.unchanged) == (0, 0, 3)


def test_the_csv_is_utf8_with_a_bom_and_semicolons_and_disarms_formulas(directory):
    content = export("csv")
    assert content.startswith(b"\xef\xbb\xbfsiret;name;kind;naf;")
    text = content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert ";+33381670000;" in text  # a phone number is not a formula
    table = read_table(content)
    assert table.header == list(COLUMNS)
    rich = next(cells for _number, cells in table.rows if cells[0] == valid_siret(11))
    assert rich[COLUMNS.index("processes")] == "decolletage|rectification"
    assert rich[COLUMNS.index("clusters")] == "aeromutech|innov-health"
    assert rich[COLUMNS.index("member_since")] == str(THIS_YEAR - 4)


def test_the_xlsx_cells_are_text(directory):
    workbook = openpyxl.load_workbook(io.BytesIO(export("xlsx")), read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    assert list(rows[0]) == list(COLUMNS)
    assert rows[1][0] == valid_siret(13)  # text: a SIRET keeps its digits
    assert rows[1][COLUMNS.index("postcode")] == "01000"


def test_member_since_is_the_start_of_the_current_run_of_active_years(directory):
    bressane = directory["bressane"]
    for year, status in [(2010, "active"), (2011, "lapsed"), (THIS_YEAR - 1, "active")]:
        MembershipFactory(organisation=bressane, year=year, status=status)
    MembershipFactory(organisation=bressane, year=THIS_YEAR, status="active")
    table = read_table(export("csv"))
    row = next(cells for _number, cells in table.rows if cells[0] == valid_siret(13))
    assert row[COLUMNS.index("member_since")] == str(THIS_YEAR - 1)
    swiss = next(cells for _number, cells in table.rows if cells[0] == valid_siret(12))
    assert swiss[COLUMNS.index("member_since")] == ""


def test_the_export_takes_the_same_number_of_queries_for_more_organisations(
    directory, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        export("csv")
    for n in range(30):
        organisation = OrganisationFactory(siret=valid_siret(500 + n))
        MembershipFactory(organisation=organisation)
        Capability.objects.create(organisation=organisation, term=Capability.objects.first().term)
    with django_assert_max_num_queries(6):
        export("xlsx")


# The download ------------------------------------------------------------------------------


def test_the_staff_downloads_the_directory_as_csv_and_xlsx(staff_client, directory):
    response = staff_client.get(EXPORT_URL, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="organisations-')
    assert len(read_table(response.content).rows) == 3
    response = staff_client.get(EXPORT_URL, {"format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert len(read_table(response.content, filename="x.xlsx").rows) == 3


def test_the_download_keeps_the_search_filters(member_client, directory):
    response = member_client.get(EXPORT_URL, {"format": "csv", "process": "electroerosion"})
    assert [cells[1] for _n, cells in read_table(response.content).rows] == [
        "Précision Jurassienne SA"
    ]
    response = member_client.get(EXPORT_URL, {"format": "csv", "q": "comtois"})
    names = [cells[1] for _n, cells in read_table(response.content).rows]
    assert names == ["Décolletage « Comtois »; SAS"]
    response = member_client.get(EXPORT_URL, {"format": "csv", "members_only": "1"})
    names = {cells[1] for _n, cells in read_table(response.content).rows}
    assert "Décolletage « Comtois »; SAS" in names
    assert "Précision Jurassienne SA" not in names


def test_a_search_without_answers_exports_only_the_header(staff_client, directory):
    response = staff_client.get(EXPORT_URL, {"format": "csv", "process": "no-such-term"})
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").splitlines() == [";".join(COLUMNS)]


def test_an_unknown_format_is_a_bad_request(staff_client, directory):
    assert staff_client.get(EXPORT_URL, {"format": "pdf"}).status_code == 400


def test_the_download_is_refused_to_outsiders_and_asks_anonymous_visitors_to_log_in(
    client, directory
):
    response = client.get(EXPORT_URL)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
    outsider = Client()
    outsider.force_login(UserFactory())
    assert outsider.get(EXPORT_URL).status_code == 403


# The command -------------------------------------------------------------------------------


def test_the_command_writes_the_file(directory, tmp_path):
    out = tmp_path / "directory.xlsx"
    call_command(
        "export_organisations", "--format", "xlsx", "--out", str(out), stdout=io.StringIO()
    )
    assert len(read_table(out.read_bytes(), filename="x.xlsx").rows) == 3


def test_the_command_writes_csv_to_standard_output(directory, capsysbinary):
    call_command("export_organisations")
    assert capsysbinary.readouterr().out.startswith(b"\xef\xbb\xbfsiret;name;")


def test_the_command_refuses_an_unknown_format():
    result = subprocess.run(
        [sys.executable, "-m", "grappe", "export-organisations", "--format", "pdf"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "invalid choice: 'pdf'" in result.stderr
