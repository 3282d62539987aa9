"""Check-in at the door: the staff mark a confirmed participant as present."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.events.choices import RegistrationStatus
from grappe.events.models import Registration
from grappe.events.services.common import WrongState, require_staff

# Why a registration that is not confirmed cannot be checked in, as the door says it.
REFUSALS = {
    RegistrationStatus.CANCELLED: gettext_lazy("This registration was cancelled: no entry."),
    RegistrationStatus.WAITING: gettext_lazy(
        "This person is on the waiting list, not confirmed: no entry."
    ),
    RegistrationStatus.PENDING: gettext_lazy(
        "This registration was never confirmed from the e-mailed link: no entry."
    ),
}


def check_in_refusal(registration: Registration) -> str:
    """Why the registration cannot be checked in, or "" when it can."""
    if registration.status != RegistrationStatus.CONFIRMED:
        return str(REFUSALS[registration.status])
    if registration.checked_in_at is not None:
        return _("Already checked in at %(time)s.") % {
            "time": timezone.localtime(registration.checked_in_at).strftime("%H:%M")
        }
    return ""


@transaction.atomic
def check_in(*, actor: User | None, registration: Registration) -> Registration:
    """Mark the participant as present. Staff only (PermissionDenied); WrongState for a
    registration that is cancelled, waiting, unconfirmed or already checked in."""
    require_staff(actor)
    locked = Registration.objects.select_for_update().get(pk=registration.pk)
    if refusal := check_in_refusal(locked):
        raise WrongState(refusal)
    locked.checked_in_at = timezone.now()
    locked.checked_in_by = actor
    locked.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
    log_activity(actor=actor, action="events.registration.checked_in", target=locked)
    registration.checked_in_at, registration.checked_in_by = locked.checked_in_at, actor
    return registration
