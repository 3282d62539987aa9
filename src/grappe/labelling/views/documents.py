"""An application's PDF documents and its label letter: uploaded, downloaded, removed.

Files are never served publicly: each download goes through `queries.application_for`, so
that whoever may not see the application gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.core.forms import apply_service_errors
from grappe.core.pdf import PdfRenderingError, PdfRenderingUnavailable
from grappe.labelling import queries, services
from grappe.labelling.forms.projects import DocumentForm
from grappe.labelling.letters import letter_filename, render_letter_pdf
from grappe.labelling.models import Document, LabelLetter
from grappe.labelling.services.letters import issue_label_letter
from grappe.labelling.views.applications import detail_page
from grappe.labelling.views.common import refused, require_staff


@login_required
@require_POST
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = queries.application_for(request.user, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            document = services.add_document(
                actor=request.user,
                application=application,
                file=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except services.WrongState as error:
            return refused(request, application, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, _("The document “%(title)s” is attached.") % {"title": document.title}
            )
            return redirect(application.get_absolute_url() + "#documents")
    return detail_page(request, application, document_form=form)


@login_required
def document_download(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    application = queries.application_for(request.user, pk)
    document = get_object_or_404(Document, pk=document_pk, application=application)
    services.record_expert_access(actor=request.user, application=application)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing.") from error
    name = f"{slugify(document.title) or 'document'}.pdf"
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/pdf")


@login_required
def document_remove(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """GET asks for confirmation; POST removes the document."""
    application = queries.application_for(request.user, pk)
    document = get_object_or_404(Document, pk=document_pk, application=application)
    if request.method != "POST":
        return render(
            request,
            "labelling/confirm.html",
            {
                "title": _("Remove “%(title)s”?") % {"title": document.title},
                "text": _("The document will no longer be attached to the application."),
                "button": _("Remove"),
                "cancel_url": application.get_absolute_url() + "#documents",
            },
        )
    try:
        services.remove_document(actor=request.user, document=document)
    except services.WrongState as error:
        return refused(request, application, error)
    messages.success(request, _("The document has been removed."))
    return redirect(application.get_absolute_url() + "#documents")


@login_required
def letter_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The label letter as a PDF, for whoever may see the application."""
    application = queries.application_for(request.user, pk)
    letter = LabelLetter.objects.filter(application=application).first()
    if letter is None:
        raise Http404("No label letter.")
    try:
        pdf = render_letter_pdf(letter)
    except (PdfRenderingUnavailable, PdfRenderingError):
        return render(
            request, "labelling/letter_unavailable.html", {"application": application}, status=503
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter_filename(letter)}"'
    return response


@login_required
@require_POST
def letter_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """The staff issue the letter of a labelled application; it is e-mailed to the lead."""
    require_staff(request)
    application = queries.application_for(request.user, pk)
    try:
        letter = issue_label_letter(actor=request.user, application=application)
    except ValidationError as error:
        return refused(request, application, error)
    messages.success(
        request,
        _("Label letter %(number)s issued; it is sent to the lead's contacts.")
        % {"number": letter.number},
    )
    return redirect(application.get_absolute_url() + "#letter")
