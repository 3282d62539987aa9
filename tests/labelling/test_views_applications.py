"""The application page over HTTP: confidentiality, moves, documents, reservations, letter."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from grappe.core.models import ActivityLog
from grappe.core.pdf import PdfRenderingUnavailable
from grappe.labelling import services
from grappe.labelling.choices import Confidentiality, Status
from grappe.labelling.models import Application, Document, LabelLetter
from grappe.labelling.views import documents as document_views
from tests.factories import member_contact
from tests.labelling.conftest import move
from tests.labelling.letter_factories import president_in_office, require_pdf_rendering

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def move_url(application, status: str) -> str:
    return reverse(
        "labelling:application_transition", kwargs={"pk": application.pk, "status": status}
    )


def status_of(application) -> str:
    return Application.objects.values_list("status", flat=True).get(pk=application.pk)


# Who sees it ------------------------------------------------------------------------------


def test_the_consortium_and_the_staff_see_the_application(client, application, contact, staff):
    for user in (contact, staff):
        client.force_login(user)
        response = client.get(application.get_absolute_url())
        assert response.status_code == 200
        assert "MICROVALVE" in response.content.decode()


def test_another_member_gets_404_on_a_confidential_dossier(client, application):
    application.project.confidentiality = Confidentiality.RESTRICTED
    application.project.save()
    client.force_login(member_contact())
    assert client.get(application.get_absolute_url()).status_code == 404
    # A standard project's dossier is confidential too; and a missing one is the same 404.
    move(application, Status.LABELLED)
    assert client.get(application.get_absolute_url()).status_code == 404
    assert client.get(reverse("labelling:application_detail", args=[999_999])).status_code == 404


def test_the_anonymous_are_asked_to_log_in(client, application):
    response = client.get(application.get_absolute_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_page_shows_the_history_of_moves_with_who_and_why(client, application, staff):
    services.transition(actor=staff, application=application, to=Status.SUBMITTED)
    services.transition(
        actor=staff, application=application, to=Status.DRAFT, reason="Missing the budget annex."
    )
    client.force_login(staff)
    html = client.get(application.get_absolute_url()).content.decode()
    history = html.split('id="history"')[1].split("</section>")[0]
    assert "Missing the budget annex." in history
    assert "Submitted → <strong>Draft</strong>" in history
    assert "staff" in history


# Moves ------------------------------------------------------------------------------------


def test_the_consortium_submits_after_a_confirmation(client, application, contact):
    client.force_login(contact)
    page = client.get(application.get_absolute_url()).content.decode()
    assert f'href="{move_url(application, "submitted")}"' in page
    confirmation = client.get(move_url(application, "submitted"))
    assert confirmation.status_code == 200
    assert status_of(application) == Status.DRAFT
    response = client.post(move_url(application, "submitted"), {"reason": ""})
    assert response.status_code == 302
    assert status_of(application) == Status.SUBMITTED


def test_an_incomplete_application_is_not_submitted(client, application, contact):
    application.project.summary_fr = ""
    application.project.save()
    client.force_login(contact)
    confirmation = client.get(move_url(application, "submitted")).content.decode()
    assert "Write a summary of the project." in confirmation
    response = client.post(move_url(application, "submitted"), {})
    assert response.status_code == 200
    assert "Write a summary of the project." in response.content.decode()
    assert status_of(application) == Status.DRAFT


def test_a_move_by_the_wrong_role_is_refused_with_a_message(client, application, contact):
    move(application, Status.SUBMITTED)
    client.force_login(contact)
    response = client.post(move_url(application, "under_review"), follow=True)
    assert response.redirect_chain[-1][0] == application.get_absolute_url()
    assert any("Only the staff" in str(message) for message in response.context["messages"])
    assert status_of(application) == Status.SUBMITTED


def test_an_illegal_move_answers_409_to_htmx_and_json(client, application, staff):
    client.force_login(staff)
    before = ActivityLog.objects.count()
    htmx = client.post(move_url(application, "labelled"), headers={"HX-Request": "true"})
    assert htmx.status_code == 409
    assert "cannot go from" in htmx.content.decode()
    json = client.post(move_url(application, "completed"), headers={"Accept": "application/json"})
    assert json.status_code == 409
    assert "cannot go from" in json.json()["detail"]
    assert status_of(application) == Status.DRAFT
    assert ActivityLog.objects.count() == before


def test_the_staff_cannot_start_the_review_without_two_experts(client, application, staff):
    move(application, Status.SUBMITTED)
    client.force_login(staff)
    response = client.post(move_url(application, "under_review"), follow=True)
    assert any("at least 2 experts" in str(m) for m in response.context["messages"])
    assert status_of(application) == Status.SUBMITTED


def test_an_unknown_status_is_404(client, application, staff):
    client.force_login(staff)
    assert client.get(move_url(application, "bribed")).status_code == 404


def test_only_the_moves_open_to_the_user_show_as_buttons(client, application, contact, staff):
    move(application, Status.SUBMITTED)
    client.force_login(contact)
    assert "data-move=" not in client.get(application.get_absolute_url()).content.decode()
    client.force_login(staff)
    html = client.get(application.get_absolute_url()).content.decode()
    assert 'data-move="under_review"' in html
    assert 'data-move="draft"' in html


# Documents --------------------------------------------------------------------------------


def upload(client, application, content: bytes, name: str = "annex.pdf"):
    return client.post(
        reverse("labelling:document_add", kwargs={"pk": application.pk}),
        {"title": "Annex", "file": _file(content, name)},
    )


def _file(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_consortium_uploads_and_downloads_a_pdf(client, application, contact):
    client.force_login(contact)
    response = upload(client, application, PDF)
    document = Document.objects.get()
    assert response.status_code == 302
    url = reverse(
        "labelling:document_download", kwargs={"pk": application.pk, "document_pk": document.pk}
    )
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    # Another member gets 404, as on the application itself.
    client.force_login(member_contact())
    assert client.get(url).status_code == 404


def test_a_file_that_is_not_a_pdf_is_an_error_on_the_file(client, application, contact):
    client.force_login(contact)
    response = upload(client, application, b"MZ\x90\x00 not a pdf", name="virus.pdf")
    assert response.status_code == 200
    assert "The file is not a PDF." in response.context["document_form"].errors["file"]
    assert not Document.objects.exists()


def test_a_pdf_over_the_limit_is_an_error_on_the_file(client, application, contact, settings):
    settings.GRAPPE_MAX_DOCUMENT_BYTES = 50
    client.force_login(contact)
    response = upload(client, application, PDF + b"0" * 100)
    assert "larger than" in " ".join(response.context["document_form"].errors["file"])
    assert not Document.objects.exists()


def test_no_document_is_added_once_submitted(client, application, contact):
    move(application, Status.SUBMITTED)
    client.force_login(contact)
    response = upload(client, application, PDF)
    assert response.status_code == 302
    assert not Document.objects.exists()


def test_removing_a_document_asks_for_confirmation(client, application, contact):
    document = services.add_document(
        actor=contact, application=application, file=_file(PDF, "a.pdf"), title="Annex"
    )
    client.force_login(contact)
    url = reverse(
        "labelling:document_remove", kwargs={"pk": application.pk, "document_pk": document.pk}
    )
    assert client.get(url).status_code == 200
    assert Document.objects.exists()
    assert client.post(url).status_code == 302
    assert not Document.objects.exists()


# Reservations -----------------------------------------------------------------------------


def test_the_consortium_answers_the_reservations(client, application, contact):
    move(application, Status.LABELLED_WITH_RESERVATIONS, reservations="Clarify the IP.")
    client.force_login(contact)
    url = reverse("labelling:answer_reservations", kwargs={"pk": application.pk})
    empty = client.post(url, {"reservations_answer": "  "})
    assert empty.status_code == 200
    assert "reservations_answer" in empty.context["reservations_form"].errors
    assert client.post(url, {"reservations_answer": "A consortium agreement."}).status_code == 302
    application.refresh_from_db()
    assert application.reservations_answer == "A consortium agreement."


def test_reservations_cannot_be_answered_on_a_draft(client, application, contact):
    client.force_login(contact)
    url = reverse("labelling:answer_reservations", kwargs={"pk": application.pk})
    response = client.post(url, {"reservations_answer": "Hello"}, headers={"HX-Request": "true"})
    assert response.status_code == 409


# The label letter -------------------------------------------------------------------------


def test_the_staff_issue_the_letter_and_the_member_downloads_it(
    client, application, staff, contact
):
    require_pdf_rendering()
    president_in_office()
    move(application, Status.LABELLED)
    client.force_login(contact)
    issue = reverse("labelling:letter_issue", kwargs={"pk": application.pk})
    assert client.post(issue).status_code == 403
    client.force_login(staff)
    assert client.post(issue).status_code == 302
    letter = LabelLetter.objects.get(application=application)
    client.force_login(contact)
    response = client.get(reverse("labelling:letter_download", kwargs={"pk": application.pk}))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == f'attachment; filename="{letter.number}.pdf"'


def test_a_letter_is_not_issued_before_the_label(client, application, staff):
    president_in_office()
    client.force_login(staff)
    issue = reverse("labelling:letter_issue", kwargs={"pk": application.pk})
    response = client.post(issue, follow=True)
    assert any("only for a labelled" in str(m) for m in response.context["messages"])
    assert not LabelLetter.objects.exists()
    assert (
        client.get(reverse("labelling:letter_download", kwargs={"pk": application.pk})).status_code
        == 404
    )


def test_without_pdf_rendering_the_letter_page_says_so_with_503(
    client, application, staff, monkeypatch
):
    president_in_office()
    move(application, Status.LABELLED)
    services_letter = document_views.issue_label_letter(actor=staff, application=application)
    assert services_letter.number

    def unavailable(letter):
        raise PdfRenderingUnavailable("no Pango")

    monkeypatch.setattr(document_views, "render_letter_pdf", unavailable)
    client.force_login(staff)
    response = client.get(reverse("labelling:letter_download", kwargs={"pk": application.pk}))
    assert response.status_code == 503
    assert "cannot be drawn" in response.content.decode()
