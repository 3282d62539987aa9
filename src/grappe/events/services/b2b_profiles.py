"""Writes on B2B profiles: what a participant offers and seeks, and when it cannot meet."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import Term, User
from grappe.events.choices import RegistrationStatus
from grappe.events.models import B2BProfile, MeetingSlot, Registration
from grappe.events.services.b2b_common import (
    WrongState,
    require_b2b,
    require_owner_or_staff,
)

TEXT_MAX_LENGTH = 2_000


@transaction.atomic
def ensure_profile(*, actor: User | None, registration: Registration) -> B2BProfile:
    """The registration's B2B profile, created (empty and listed) the first time.

    Only a confirmed participant of an event with B2B meetings has one.
    """
    existing = B2BProfile.objects.filter(registration=registration).first()
    if existing is not None:
        return existing
    require_b2b(registration.event)
    if registration.status != RegistrationStatus.CONFIRMED:
        raise WrongState(_("Only confirmed participants take part in the B2B meetings."))
    try:
        with transaction.atomic():
            profile = B2BProfile.objects.create(registration=registration)
    except IntegrityError:
        # Created meanwhile by a concurrent first visit.
        return B2BProfile.objects.get(registration=registration)
    log_activity(actor=actor, action="events.b2b.profile_created", target=profile)
    return profile


@transaction.atomic
def update_profile(
    *,
    actor: User | None,
    profile: B2BProfile,
    offer: str,
    seek: str,
    offered_terms: Iterable[Term],
    sought_terms: Iterable[Term],
    unavailable_slots: Iterable[MeetingSlot],
    is_listed: bool,
) -> B2BProfile:
    """Replace what the profile offers and seeks, its unavailable slots and its listing."""
    require_owner_or_staff(actor, profile)
    event = profile.registration.event
    require_b2b(event)
    offer, seek = offer.strip(), seek.strip()
    errors = {}
    for name, text in (("offer", offer), ("seek", seek)):
        if len(text) > TEXT_MAX_LENGTH:
            errors[name] = _("At most %(count)d characters.") % {"count": TEXT_MAX_LENGTH}
    slots = list(unavailable_slots)
    if any(slot.event_id != event.pk for slot in slots):
        errors["unavailable_slots"] = _("A slot does not belong to this event.")
    if errors:
        raise ValidationError(errors)
    profile.offer, profile.seek, profile.is_listed = offer, seek, is_listed
    profile.save(update_fields=["offer", "seek", "is_listed", "updated_at"])
    profile.offered_terms.set(list(offered_terms))
    profile.sought_terms.set(list(sought_terms))
    profile.unavailable_slots.set(slots)
    log_activity(
        actor=actor,
        action="events.b2b.profile_updated",
        target=profile,
        data={"unavailable_slots": len(slots), "is_listed": is_listed},
    )
    return profile
