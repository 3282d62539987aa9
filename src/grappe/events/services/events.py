"""Creating and editing events (staff only)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activity
from grappe.core.models import User
from grappe.events.models import Event
from grappe.events.services.common import require_staff
from grappe.events.services.registration import promote_waiting

EVENT_FIELDS = (
    "kind",
    "title_fr",
    "title_en",
    "description_fr",
    "description_en",
    "starts_at",
    "ends_at",
    "venue",
    "address",
    "city",
    "online_url",
    "capacity",
    "has_waiting_list",
    "price_member",
    "price_non_member",
    "cluster",
    "audience",
    "registration_opens_at",
    "registration_closes_at",
    "b2b_enabled",
)
# Words of the events' own pages, which an event's slug may not take.
RESERVED_SLUGS = frozenset(
    {"gestion", "nouveau", "mes-inscriptions", "billet", "pointage", "inscriptions", "calendrier"}
)
SLUG_LENGTH = 100


def _reject_unknown_fields(data: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})


def event_errors(event: Event) -> dict[str, list[str]]:
    """The errors of an event's values that the database would refuse, by field, in words."""
    errors: dict[str, list[str]] = {}
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        errors["ends_at"] = [_("The event must end after it starts.")]
    opens, closes = event.registration_opens_at, event.registration_closes_at
    if opens and closes and closes <= opens:
        errors["registration_closes_at"] = [_("Registration must close after it opens.")]
    elif closes and event.ends_at and closes > event.ends_at:
        errors["registration_closes_at"] = [_("Registration must close before the event ends.")]
    if event.capacity is not None and event.capacity < 1:
        errors["capacity"] = [_("Leave the capacity empty for no limit, or give at least 1.")]
    elif event.capacity is not None and event.capacity < event.seats_taken:
        errors["capacity"] = [
            _("%(count)s participants are already confirmed: the capacity cannot be lower.")
            % {"count": event.seats_taken}
        ]
    for name in ("price_member", "price_non_member"):
        value = getattr(event, name)
        if value is not None and value < 0:
            errors[name] = [_("A price cannot be negative.")]
    if event.slug in RESERVED_SLUGS:
        errors["slug"] = [_("This word is reserved for the events' pages: choose another.")]
    return errors


def unique_slug(title: str) -> str:
    """A slug made of the title, with a number added when it is taken or reserved."""
    base = slugify(title)[:SLUG_LENGTH].strip("-") or "evenement"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Event.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base[: SLUG_LENGTH - 4]}-{number}"
    return slug


def _validate(event: Event) -> None:
    if errors := event_errors(event):
        raise ValidationError(errors)
    event.full_clean(exclude=["seats_taken"])


def _save(event: Event, *, update_fields: list[str] | None = None) -> None:
    try:
        with transaction.atomic():
            event.save(update_fields=update_fields)
    except IntegrityError as error:
        # A registration confirmed meanwhile may have taken a seat the new capacity lacks.
        raise ValidationError(
            {
                "capacity": _("The event conflicts with its registrations: %(error)s")
                % {"error": error}
            }
        ) from error


@transaction.atomic
def create_event(*, actor: User | None, data: dict[str, Any], slug: str = "") -> Event:
    """A new event from the values of EVENT_FIELDS; the slug is made of the French title
    unless given. Raises ValidationError naming the fields."""
    require_staff(actor)
    _reject_unknown_fields(data, EVENT_FIELDS)
    event = Event(**data)
    event.slug = slug or unique_slug(event.title_fr or "")
    _validate(event)
    _save(event)
    log_activity(actor=actor, action="events.event.created", target=event)
    return event


@transaction.atomic
def update_event(*, actor: User | None, event: Event, data: dict[str, Any]) -> Event:
    """Change some of the EVENT_FIELDS. A larger capacity promotes people from the waiting
    list; a capacity below the confirmed participants is refused."""
    require_staff(actor)
    _reject_unknown_fields(data, EVENT_FIELDS)
    # The seats are counted by the registration services: read them fresh, and lock the event
    # so that no seat is taken while the capacity changes.
    locked = Event.objects.select_for_update().get(pk=event.pk)
    before = field_values(locked, data)
    for name, value in data.items():
        setattr(locked, name, value)
    changes = changes_since(before, locked)
    if changes:
        _validate(locked)
        _save(locked, update_fields=[*changes, "updated_at"])
        log_activity(
            actor=actor, action="events.event.updated", target=locked, data={"changes": changes}
        )
        if "capacity" in changes:
            promote_waiting(actor=actor, event=locked)
    locked.refresh_from_db(fields=["seats_taken"])
    for name in (*data, "seats_taken", "updated_at"):
        setattr(event, name, getattr(locked, name))
    return event
