"""An application's PDF documents and its label letter."""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile

from grappe.api.errors import Conflict
from grappe.api.labelling import common
from grappe.api.labelling.schemas import DocumentOut, LetterOut
from grappe.core.pdf import PdfRenderingError, PdfRenderingUnavailable
from grappe.labelling import services
from grappe.labelling.letters import letter_filename, render_letter_pdf
from grappe.labelling.models import Document, LabelLetter
from grappe.labelling.services.letters import issue_label_letter

router = Router(tags=["labelling: documents"])


@router.post("/applications/{int:application_id}/documents", response={201: DocumentOut})
def add_document(
    request: HttpRequest,
    application_id: int,
    file: File[UploadedFile],
    title: Form[str] = "",
):
    """Attach a PDF (multipart form: `file`, and an optional `title`), while the application
    is a draft or answers reservations. Not a PDF, or too large: 422 naming `file`."""
    user = common.require_user(request)
    application = common.application_or_404(request, application_id)
    document = services.add_document(
        actor=user, application=application, file=file, title=title[:200]
    )
    return Status(201, document)


def _document(request: HttpRequest, application_id: int, document_id: int) -> Document:
    application = common.application_or_404(request, application_id)
    document = Document.objects.filter(application=application, pk=document_id).first()
    if document is None:
        raise Http404
    document.application = application
    return document


@router.get(
    "/applications/{int:application_id}/documents/{int:document_id}",
    response={200: None},
    url_name="labelling_document",
)
def download_document(request: HttpRequest, application_id: int, document_id: int):
    """The PDF, for whoever may open the dossier; an expert's download is logged."""
    document = _document(request, application_id, document_id)
    services.record_expert_access(actor=request.user, application=document.application)
    return FileResponse(
        document.file.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=document.file.name.rsplit("/", 1)[-1],
    )


@router.delete(
    "/applications/{int:application_id}/documents/{int:document_id}", response={204: None}
)
def remove_document(request: HttpRequest, application_id: int, document_id: int):
    user = common.require_user(request)
    document = _document(request, application_id, document_id)
    services.remove_document(actor=user, document=document)
    return Status(204, None)


@router.get(
    "/applications/{int:application_id}/label-letter",
    response={200: None, 503: dict},
    url_name="labelling_letter",
)
def download_letter(request: HttpRequest, application_id: int):
    """The label letter as a PDF; 503 when this server cannot draw PDFs."""
    application = common.application_or_404(request, application_id)
    letter = LabelLetter.objects.filter(application=application).first()
    if letter is None:
        raise Http404
    try:
        pdf = render_letter_pdf(letter)
    except PdfRenderingUnavailable as error:
        return Status(
            503,
            {
                "detail": _("The label letter cannot be drawn as a PDF on this server: %(reason)s")
                % {"reason": error}
            },
        )
    except PdfRenderingError:
        return Status(503, {"detail": _("The label letter could not be drawn as a PDF.")})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter_filename(letter)}"'
    return response


@router.post("/applications/{int:application_id}/label-letter", response={201: LetterOut})
def issue_letter(request: HttpRequest, application_id: int):
    """The staff issue the letter of a labelled application: numbered, dated, signed by the
    president and e-mailed to the lead's contacts. The existing letter if there is one."""
    user = common.require(request, "labelling.manage")
    application = common.application_or_404(request, application_id)
    try:
        letter = issue_label_letter(actor=user, application=application)
    except ValidationError as error:
        raise Conflict(" ".join(error.messages)) from error
    return Status(201, letter)
