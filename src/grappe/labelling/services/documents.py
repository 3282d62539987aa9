"""Writes on the documents of an application: PDF annexes, checked by their first bytes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.labelling.models import Application, Document
from grappe.labelling.services.common import WrongState, require_consortium_or_staff
from grappe.labelling.workflow import EDITABLE

PDF_MAGIC = b"%PDF-"


def document_errors(file: File | None) -> dict[str, list[str]]:
    """A PDF (by its first bytes, whatever its name) no larger than the limit."""
    if file is None:
        return {"file": [_("Choose a PDF file.")]}
    limit = settings.GRAPPE_MAX_DOCUMENT_BYTES
    if file.size is None or file.size > limit:
        return {
            "file": [
                _("The file is larger than %(limit)s MB.")
                % {"limit": round(limit / 1024 / 1024, 1)}
            ]
        }
    file.seek(0)
    head = file.read(len(PDF_MAGIC))
    file.seek(0)
    if head != PDF_MAGIC:
        return {"file": [_("The file is not a PDF.")]}
    return {}


@transaction.atomic
def add_document(
    *, actor: User | None, application: Application, file: File | None, title: str = ""
) -> Document:
    require_consortium_or_staff(actor, application.project)
    if application.status not in EDITABLE:
        raise WrongState(
            _("Documents can be added while the application is a draft or answers reservations.")
        )
    if errors := document_errors(file):
        raise ValidationError(errors)
    title = (title or "").strip() or (file.name or "").rsplit("/", 1)[-1]
    document = Document(
        application=application,
        title=title[:200],
        file=file,
        size=file.size,
        uploaded_by=actor if actor and actor.is_authenticated else None,
    )
    document.full_clean(exclude=["file", "uploaded_by"])
    document.save()
    log_activity(
        actor=actor,
        action="labelling.document.added",
        target=application,
        data={"document": document.pk, "title": document.title, "size": document.size},
    )
    return document


@transaction.atomic
def remove_document(*, actor: User | None, document: Document) -> None:
    application = document.application
    require_consortium_or_staff(actor, application.project)
    if application.status not in EDITABLE:
        raise WrongState(
            _("Documents can be removed while the application is a draft or answers reservations.")
        )
    storage, name = document.file.storage, document.file.name
    log_activity(
        actor=actor,
        action="labelling.document.removed",
        target=application,
        data={"document": document.pk, "title": document.title},
    )
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
