"""`grappe import-organisations FILE [--dry-run]`: status 0 when imported, 1 when rejected
with every error printed as “row N, column C: message”."""

import io
import subprocess
import sys

import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError
from django.utils import translation

from grappe.members.models import Organisation
from tests.directory.transfer_helpers import counts, csv_bytes, project_vocabulary, xlsx_bytes
from tests.factories import OrganisationFactory, valid_siret

GOOD = [
    ["siret", "name", "processes"],
    [valid_siret(1), "Nouvelle", "décolletage"],
    [valid_siret(2), "Renommée", ""],
]
BAD = [["siret", "name", "processes"], ["123", "A", ""], ["", "", "telepathy"]]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def existing(db):
    project_vocabulary()
    return OrganisationFactory(name="Ancienne", siret=valid_siret(2))


def write(tmp_path, rows, name="organisations.csv") -> str:
    path = tmp_path / name
    path.write_bytes(xlsx_bytes(rows) if name.endswith(".xlsx") else csv_bytes(rows))
    return str(path)


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_organisations", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_good_file_is_imported(existing, tmp_path):
    out, err = run(write(tmp_path, GOOD))
    assert out == "Imported: 1 created, 1 updated, 0 unchanged.\n"
    assert err == ""
    assert Organisation.objects.get(siret=valid_siret(2)).name == "Renommée"


def test_a_dry_run_reports_each_row_and_writes_nothing(existing, tmp_path):
    before = counts()
    out, _err = run(write(tmp_path, GOOD, "f.xlsx"), "--dry-run")
    assert out.splitlines() == [
        "row 2: create “Nouvelle”",
        "row 3: update “Renommée” (name)",
        "Dry run, nothing written: 1 to create, 1 to update, 0 unchanged.",
    ]
    assert counts() == before


def test_a_bad_file_prints_every_error_and_writes_nothing(existing, tmp_path):
    before = counts()
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"3 errors: nothing was imported\."):
        call_command("import_organisations", write(tmp_path, BAD), stderr=err)
    assert err.getvalue().splitlines() == [
        "row 2, column siret: “123” is not a valid SIRET number.",
        "row 3, column name: This field cannot be blank.",
        "row 3, column processes: “telepathy” is not in the vocabulary of process terms.",
    ]
    assert counts() == before


def test_a_dry_run_of_a_bad_file_fails_too(existing, tmp_path):
    with pytest.raises(CommandError):
        run(write(tmp_path, BAD), "--dry-run")


def test_a_rejected_file_exits_with_status_1(existing, tmp_path, capsys):
    command = load_command_class("grappe.directory", "import_organisations")
    with pytest.raises(SystemExit) as caught:
        command.run_from_argv(["grappe", "import_organisations", write(tmp_path, BAD)])
    assert caught.value.code == 1
    assert "row 2, column siret:" in capsys.readouterr().err


def test_a_malformed_file_exits_with_status_1_and_a_message(existing, tmp_path, capsys):
    path = tmp_path / "logo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    command = load_command_class("grappe.directory", "import_organisations")
    with pytest.raises(SystemExit) as caught:
        command.run_from_argv(["grappe", "import_organisations", str(path)])
    assert caught.value.code == 1
    assert "This is a PNG file, not a CSV or XLSX file." in capsys.readouterr().err


def grappe(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "grappe", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_command_is_spelled_with_a_hyphen_as_well():
    result = grappe("import-organisations", "--help")
    assert result.returncode == 0, result.stderr
    assert "--dry-run" in result.stdout


def test_an_unreadable_file_exits_with_status_1(tmp_path):
    result = grappe("import-organisations", str(tmp_path / "missing.csv"))
    assert result.returncode == 1
    assert "missing.csv" in result.stderr
    assert "Traceback" not in result.stderr
