"""Documents and label letters over the API: multipart PDF uploads checked by their bytes and
size, downloads for those who may open the dossier, the letter issued by the staff and its
PDF (503 when the server cannot draw one)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from grappe.core.models import ActivityLog
from grappe.labelling.models import Document, LabelLetter
from tests.api.conftest import error_fields
from tests.api.labelling_world import assigned, build_world, delete, labelled, submitted, upload
from tests.labelling.letter_factories import president_in_office, require_pdf_rendering

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world():
    return build_world()


def documents(world) -> str:
    return f"/applications/{world.application.pk}/documents"


def pdf(name: str = "annexe.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_consortium_attaches_a_pdf_and_those_who_see_the_dossier_download_it(world, api_as):
    form = {"file": pdf(), "title": "Annexe"}
    response = upload(api_as(world.lab_contact), documents(world), form)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["title"] == "Annexe"
    assert body["size"] == len(PDF)
    download = api_as(world.staff).get(body["url"].removeprefix("/api/v1"))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF
    detail = api_as(world.contact).get(f"/applications/{world.application.pk}").json()
    assert [d["title"] for d in detail["documents"]] == ["Annexe"]
    for user in (world.outsider, world.experts[0]):
        assert api_as(user).get(body["url"].removeprefix("/api/v1")).status_code == 404


@pytest.mark.parametrize(
    ("form", "limit"),
    [
        ({"file": pdf("faux.pdf", b"GIF89a not a pdf")}, None),
        ({"file": pdf("gros.pdf", PDF + b"0" * 200)}, 100),
        ({"title": "Sans fichier"}, None),
        ({"file": pdf("vide.pdf", b"")}, None),
    ],
)
def test_a_file_that_is_not_a_pdf_or_too_big_is_a_422_naming_file(
    world, api_as, settings, form, limit
):
    if limit:
        settings.GRAPPE_MAX_DOCUMENT_BYTES = limit
    api = api_as(world.contact)
    logs = ActivityLog.objects.count()
    response = upload(api, documents(world), form)
    assert error_fields(response) == ["file"]
    assert not Document.objects.exists()
    assert ActivityLog.objects.count() == logs


def test_attaching_is_refused_to_others_and_after_submission(world, api_as, anonymous_api):
    assert upload(anonymous_api, documents(world), {"file": pdf()}).status_code in (401, 404)
    assert upload(api_as(world.outsider), documents(world), {"file": pdf()}).status_code == 404
    submitted(world)
    response = upload(api_as(world.contact), documents(world), {"file": pdf()})
    assert response.status_code == 409
    assert not Document.objects.exists()


def test_a_document_is_removed_while_the_application_is_a_draft(world, api_as):
    api = api_as(world.contact)
    document = upload(api, documents(world), {"file": pdf()}).json()
    path = f"{documents(world)}/{document['id']}"
    assert delete(api_as(world.outsider), path).status_code == 404
    assert delete(api, path).status_code == 204
    assert delete(api, path).status_code == 404
    assert not Document.objects.exists()


def test_an_experts_download_is_logged(world, api_as):
    document = upload(api_as(world.contact), documents(world), {"file": pdf()}).json()
    assignment = assigned(world)[0]
    api = api_as(assignment.expert)
    api.post(f"/assignments/{assignment.pk}/declare-no-conflict")
    response = api.get(document["url"].removeprefix("/api/v1"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # read to the end: the file closes
    assert ActivityLog.objects.filter(
        action="labelling.application.viewed_by_expert", actor=assignment.expert
    ).exists()


# The label letter ---------------------------------------------------------------------------


def letter_path(world) -> str:
    return f"/applications/{world.application.pk}/label-letter"


def test_the_staff_issue_the_letter_of_a_labelled_application(world, api_as):
    president_in_office()
    staff = api_as(world.staff)
    submitted(world)
    assert staff.post(letter_path(world)).status_code == 409  # not labelled
    labelled(world)
    assert api_as(world.contact).post(letter_path(world)).status_code == 403
    response = staff.post(letter_path(world))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["number"].startswith("PMT-")
    assert body["signatory"] == "Laurent Deschamps"
    assert staff.post(letter_path(world)).json()["number"] == body["number"]  # issued once
    assert LabelLetter.objects.count() == 1
    detail = api_as(world.contact).get(f"/applications/{world.application.pk}").json()
    assert detail["letter"]["number"] == body["number"]


def test_no_president_no_letter(world, api_as):
    labelled(world)
    response = api_as(world.staff).post(letter_path(world))
    assert response.status_code == 409
    assert "president" in response.json()["detail"]


def test_the_consortium_downloads_the_letter_as_a_pdf(world, api_as):
    require_pdf_rendering()
    president_in_office()
    labelled(world)
    api_as(world.staff).post(letter_path(world))
    response = api_as(world.contact).get(letter_path(world))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "MICROVALVE" in text
    assert api_as(world.outsider).get(letter_path(world)).status_code == 404


def test_a_server_without_pdf_rendering_answers_503(world, api_as, monkeypatch):
    president_in_office()
    labelled(world)
    api_as(world.staff).post(letter_path(world))
    monkeypatch.setattr("grappe.core.pdf.weasyprint", None)
    response = api_as(world.contact).get(letter_path(world))
    assert response.status_code == 503
    assert "Pango" in response.json()["detail"]


def test_no_letter_yet_is_a_404(world, api_as):
    assert api_as(world.staff).get(letter_path(world)).status_code == 404
