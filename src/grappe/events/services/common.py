"""What the events services share: the refusal for a wrong state, the staff check, tasks
queued once the transaction commits."""

import functools
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from grappe.core.models import User
from grappe.members.rules import is_pole_staff


class WrongState(ValidationError):
    """The event's or the registration's state does not allow this now: registration not
    open yet or closed, registered twice, full without a waiting list, already cancelled or
    checked in. The API answers it with HTTP 409."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="wrong_state")


def is_staff(actor: User | None) -> bool:
    return bool(actor is not None and is_pole_staff(actor))


def require_staff(actor: User | None) -> None:
    if not is_staff(actor):
        raise PermissionDenied(_("Only the staff of the pôle can do this."))


def enqueue_on_commit(task: Any, *args: Any) -> None:
    """Queue a background task once the current transaction commits (never for a rollback)."""
    transaction.on_commit(functools.partial(task.enqueue, *args))
