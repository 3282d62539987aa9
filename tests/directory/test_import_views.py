"""The staff's import page: upload, preview row by row, confirm; refused to anyone else."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from grappe.directory.views.transfer import SESSION_KEY
from grappe.members.models import Organisation
from tests.directory.transfer_helpers import counts, csv_bytes, project_vocabulary, xlsx_bytes
from tests.factories import ClusterFactory, OrganisationFactory, UserFactory, valid_siret

IMPORT_URL = reverse("directory_transfer:import_organisations")
CONFIRM_URL = reverse("directory_transfer:import_confirm")
GOOD = [
    ["siret", "name", "processes"],
    [valid_siret(1), "Nouvelle Précision", "décolletage"],
    [valid_siret(2), "Nom Changé", ""],
]


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def existing(db):
    project_vocabulary()
    return OrganisationFactory(name="Ancien Nom", siret=valid_siret(2))


def upload(client: Client, content: bytes, name: str = "membres.csv", **extra):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content)}, **extra)


def test_the_page_shows_the_upload_form_to_the_staff(staff_client):
    response = staff_client.get(IMPORT_URL)
    assert response.status_code == 200
    assert b'type="file"' in response.content


def test_the_preview_lists_what_each_row_will_do_and_writes_nothing(staff_client, existing):
    before = counts()
    response = upload(staff_client, csv_bytes(GOOD))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview of membres.csv" in html
    assert "Nouvelle Précision" in html
    assert "Nom Changé" in html
    assert "Import 2 organisations" in html
    assert f'action="{CONFIRM_URL}"' in html
    assert counts() == before
    assert staff_client.session[SESSION_KEY]["name"] == "membres.csv"


def test_confirming_imports_the_previewed_file(staff_client, existing):
    response = upload(staff_client, csv_bytes(GOOD, delimiter=";", encoding="cp1252"))
    digest = response.context["digest"]
    response = staff_client.post(CONFIRM_URL, {"digest": digest}, follow=True)
    assert response.status_code == 200
    assert "membres.csv imported: 1 created, 1 updated, 0 unchanged." in response.content.decode()
    assert Organisation.objects.get(siret=valid_siret(1)).name == "Nouvelle Précision"
    existing.refresh_from_db()
    assert existing.name == "Nom Changé"
    assert SESSION_KEY not in staff_client.session


def test_an_htmx_upload_gets_only_the_preview(staff_client, existing):
    response = upload(staff_client, xlsx_bytes(GOOD), name="m.xlsx", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="import-preview">')
    assert "Import 2 organisations" in html


def test_errors_are_listed_by_row_and_column_and_there_is_nothing_to_confirm(
    staff_client, existing
):
    rows = [["siret", "name", "processes"], ["123", "A", "telepathy"], ["", "", "x"]]
    before = counts()
    response = upload(staff_client, csv_bytes(rows))
    assert response.status_code == 200
    errors = [(e.row, e.column) for e in response.context["errors"]]
    assert errors == [(2, "siret"), (2, "processes"), (3, "name"), (3, "processes")]
    html = response.content.decode()
    assert "The file has 4 errors. Nothing was imported" in html
    assert f'action="{CONFIRM_URL}"' not in html
    assert SESSION_KEY not in staff_client.session
    assert counts() == before


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "The submitted file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "logo.csv", "This is a PNG file"),
        (b"name,city\nA,B\n", "fake.xlsx", "not an Excel workbook"),
        (b"name;city\r\n", "header.csv", "no data rows"),
    ],
)
def test_a_malformed_file_is_a_form_error(staff_client, existing, content, name, message):
    response = upload(staff_client, content, name=name)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["file"])
    assert "plan" not in response.context


def test_a_missing_file_is_a_form_error(staff_client, existing):
    response = staff_client.post(IMPORT_URL, {})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_a_confirmation_of_another_preview_imports_nothing(staff_client, existing):
    upload(staff_client, csv_bytes(GOOD))
    before = counts()
    response = staff_client.post(CONFIRM_URL, {"digest": "0" * 64}, follow=True)
    assert "This preview is out of date" in response.content.decode()
    assert counts() == before


def test_a_confirmation_without_a_preview_imports_nothing(staff_client, existing):
    response = staff_client.post(CONFIRM_URL, {"digest": "nonsense"}, follow=True)
    assert response.status_code == 200
    assert "This preview is out of date" in response.content.decode()


def test_rows_that_no_longer_fit_at_confirmation_are_shown_and_nothing_is_written(
    staff_client, existing
):
    cluster = ClusterFactory(slug="innov-health")
    rows = [["name", "clusters"], ["Nouvelle", "innov-health"]]
    response = upload(staff_client, csv_bytes(rows))
    cluster.delete()  # meanwhile, someone else removed it
    before = counts()
    response = staff_client.post(CONFIRM_URL, {"digest": response.context["digest"]})
    assert response.status_code == 200
    assert [str(e) for e in response.context["errors"]] == [
        "row 2, column clusters: There is no cluster “innov-health”."
    ]
    assert f'action="{CONFIRM_URL}"' not in response.content.decode()
    assert counts() == before


def test_the_import_is_refused_to_members_and_outsiders(member_client, existing):
    assert member_client.get(IMPORT_URL).status_code == 403
    assert upload(member_client, csv_bytes(GOOD)).status_code == 403
    assert member_client.post(CONFIRM_URL, {"digest": "0" * 64}).status_code == 403
    outsider = Client()
    outsider.force_login(UserFactory())
    assert outsider.get(IMPORT_URL).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
    assert client.post(CONFIRM_URL).status_code == 302


def test_the_confirmation_only_accepts_post(staff_client):
    assert staff_client.get(CONFIRM_URL).status_code == 405


def test_the_preview_takes_as_many_queries_for_many_rows_as_for_few(
    staff_client, existing, django_assert_max_num_queries
):
    def rows(count: int) -> list[list[str]]:
        return [["siret", "name", "processes"]] + [
            [valid_siret(100 + n), f"Org {n}", "décolletage|rectification"] for n in range(count)
        ]

    with django_assert_max_num_queries(15) as few:
        upload(staff_client, csv_bytes(rows(2)))
    with django_assert_max_num_queries(len(few.captured_queries)):
        upload(staff_client, csv_bytes(rows(60)))
