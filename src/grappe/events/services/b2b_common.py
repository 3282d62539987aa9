"""What the B2B meeting services share beyond the events services' common ground: the
event must have B2B meetings, and a profile is its participant's or the staff's."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from grappe.core.models import User
from grappe.events.b2b_rules import owns_profile
from grappe.events.models import B2BProfile, Event
from grappe.events.services.common import (
    WrongState,
    enqueue_on_commit,
    is_staff,
    require_staff,
)

__all__ = [
    "WrongState",
    "enqueue_on_commit",
    "is_staff",
    "require_b2b",
    "require_owner_or_staff",
    "require_staff",
]


def require_b2b(event: Event) -> None:
    if not event.b2b_enabled:
        raise WrongState(_("This event has no B2B meetings."))


def require_owner_or_staff(actor: User | None, profile: B2BProfile) -> None:
    """The profile's own participant (through their person) or the staff."""
    if not (is_staff(actor) or owns_profile(actor, profile)):
        raise PermissionDenied(_("This is another participant's."))
