"""What the B2B meeting services share: the errors they raise and who the actor is."""

import functools
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from grappe.core.models import User
from grappe.events.b2b_rules import can_manage_meetings, owns_profile
from grappe.events.models import B2BProfile, Event


class WrongState(ValidationError):
    """The meeting, request or event's state does not allow this now (the API answers 409)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="wrong_state")


def is_staff(actor: User | None) -> bool:
    return bool(actor is not None and can_manage_meetings(actor))


def require_staff(actor: User | None) -> None:
    if not is_staff(actor):
        raise PermissionDenied(_("Only the staff of the pôle can do this."))


def require_b2b(event: Event) -> None:
    if not event.b2b_enabled:
        raise WrongState(_("This event has no B2B meetings."))


def require_owner_or_staff(actor: User | None, profile: B2BProfile) -> None:
    """The profile's own participant (through their person) or the staff."""
    if not (is_staff(actor) or owns_profile(actor, profile)):
        raise PermissionDenied(_("This is another participant's."))


def enqueue_on_commit(task: Any, *args: Any) -> None:
    """Queue a background task once the current transaction commits (never for a rollback)."""
    transaction.on_commit(functools.partial(task.enqueue, *args))
