"""What the labelling services share: who the actor is, and validated saves."""

import functools
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from grappe.core.models import User
from grappe.labelling.models import Project
from grappe.labelling.rules import is_contact_of_project
from grappe.members.rules import is_pole_staff


class WrongState(ValidationError):
    """The object's state does not allow this action now (the API answers HTTP 409)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="wrong_state")


def is_staff(actor: User | None) -> bool:
    return bool(actor is not None and is_pole_staff(actor))


def require_staff(actor: User | None) -> None:
    if not is_staff(actor):
        raise PermissionDenied(_("Only the staff of the pôle can do this."))


def require_consortium_or_staff(actor: User | None, project: Project) -> None:
    if is_staff(actor):
        return
    if actor is None or not is_contact_of_project(actor, project):
        raise PermissionDenied(_("Only the consortium's contacts or the staff can do this."))


def reject_unknown_fields(data: dict[str, Any], allowed: Iterable[str]) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})


def save_validated(instance: models.Model, *, update_fields: list[str] | None = None) -> None:
    """Validate like a form would, then save; a lost race on a unique value is an error."""
    instance.full_clean()
    try:
        with transaction.atomic():
            instance.save(update_fields=update_fields)
    except IntegrityError as error:
        raise ValidationError(
            _("This record conflicts with an existing one: %(error)s") % {"error": error}
        ) from error


def enqueue_on_commit(task: Any, *args: Any) -> None:
    """Queue a background task once the current transaction commits (never for a rollback)."""
    transaction.on_commit(functools.partial(task.enqueue, *args))


def parse_amount(value: Any) -> Decimal | None:
    """An amount in euros from a number or a text ("12 500,50"); None when it is not one."""
    try:
        amount = Decimal(
            str(value).strip().replace(",", ".").replace(" ", "").replace("\u202f", "")
        )
    except (InvalidOperation, ValueError):
        return None
    return amount if amount.is_finite() else None
