"""Registrations: a member's one click, a non-member's form and e-mail confirmation, the
waiting list and its promotions, cancellation.

The capacity is held by the database. A confirmed registration takes its seat with
`UPDATE event SET seats_taken = seats_taken + 1`, which the CheckConstraint
`seats_taken <= capacity` refuses when the event is full; the refusal (IntegrityError, caught
in a savepoint) sends the registration to the waiting list, or is refused when the event has
none. Concurrent registrations queue on the event's row, so none can take a seat that another
has just taken.

Statuses and their moves:

    pending   → confirmed | waiting      the non-member clicked the e-mailed link
    pending   → cancelled
    waiting   → confirmed                a seat freed (promotion, first come first served)
    waiting   → cancelled
    confirmed → cancelled                the seat is freed and the first waiting is promoted
"""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.events import tasks
from grappe.events.choices import RegistrationStatus
from grappe.events.models import Event, Registration
from grappe.events.rules import is_own_registration
from grappe.events.services.b2b_requests import withdraw_from_meetings
from grappe.events.services.common import WrongState, enqueue_on_commit, is_staff
from grappe.members.choices import MembershipStatus
from grappe.members.models import Organisation, Person
from grappe.members.rules import is_member_contact

Status = RegistrationStatus

# The moves the services make, from → to; anything else is refused.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.PENDING: frozenset({Status.CONFIRMED, Status.WAITING, Status.CANCELLED}),
    Status.WAITING: frozenset({Status.CONFIRMED, Status.CANCELLED}),
    Status.CONFIRMED: frozenset({Status.CANCELLED}),
    Status.CANCELLED: frozenset(),
}
GUEST_FIELDS = {
    "first_name": 100,
    "last_name": 100,
    "email": 254,
    "organisation_name": 200,
}


# Seats -------------------------------------------------------------------------------------


def take_seat(event_id: int) -> bool:
    """Count one more confirmed participant; False when the database says the event is full.

    Must run inside the caller's transaction: the event's row stays locked until it commits,
    so that concurrent registrations take their seats one after the other.
    """
    try:
        with transaction.atomic():
            Event.objects.filter(pk=event_id).update(seats_taken=F("seats_taken") + 1)
    except IntegrityError:
        return False
    return True


def release_seat(event_id: int) -> None:
    Event.objects.filter(pk=event_id, seats_taken__gt=0).update(seats_taken=F("seats_taken") - 1)


# Checks ------------------------------------------------------------------------------------


def check_registration_open(event: Event) -> None:
    """Refuse (WrongState) a registration outside the event's registration window."""
    now = timezone.now()
    if event.registration_not_yet_open(now):
        opens = timezone.localtime(event.registration_opens_at)
        raise WrongState(
            _("Registration for this event opens on %(date)s at %(time)s.")
            % {"date": opens.strftime("%d/%m/%Y"), "time": opens.strftime("%H:%M")}
        )
    if event.registration_is_closed(now):
        raise WrongState(_("Registration for this event is closed."))


def check_not_registered(event: Event, email: str) -> None:
    if (
        Registration.objects.filter(event=event, email__iexact=email)
        .exclude(status=Status.CANCELLED)
        .exists()
    ):
        raise WrongState(_("%(email)s is already registered for this event.") % {"email": email})


def check_not_full_without_list(event: Event) -> None:
    if event.is_full and not event.has_waiting_list:
        raise WrongState(_("This event is full and has no waiting list."))


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _insert(registration: Registration) -> None:
    """Save a new registration; a live one of the same e-mail (a double click, two tabs)
    is refused by the database's unique constraint."""
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:
        raise WrongState(
            _("%(email)s is already registered for this event.") % {"email": registration.email}
        ) from error


def _seat_or_waiting_list(registration: Registration, event: Event) -> None:
    """Set the status of a registration that asks for a seat: confirmed when the database
    grants one, waiting when the event is full and has a waiting list; refused otherwise."""
    now = timezone.now()
    if take_seat(event.pk):
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
    elif event.has_waiting_list:
        registration.status = Status.WAITING
        registration.waiting_since = now
    else:
        raise WrongState(_("This event is full and has no waiting list."))


# Members -----------------------------------------------------------------------------------


def member_organisation(person: Person) -> Organisation | None:
    """The organisation a member registers for: one with a current membership first."""
    affiliations = person.affiliations.select_related("organisation").order_by(
        "-is_main_contact", "organisation__name"
    )
    year = timezone.localdate().year
    members = Organisation.objects.filter(
        memberships__year=year, memberships__status=MembershipStatus.ACTIVE
    ).values_list("pk", flat=True)
    current = affiliations.filter(organisation__in=members).first()
    chosen = current or affiliations.first()
    return chosen.organisation if chosen else None


@transaction.atomic
def register_member(*, actor: User, event: Event) -> Registration:
    """A member's contact registers in one click, with their person and organisation, at the
    member rate: confirmed at once, or on the waiting list when the event is full.

    Raises PermissionDenied for a user who is not a member's contact, WrongState when the
    registration is not open, the user is already registered, or the event is full without a
    waiting list; nothing is written then.
    """
    if not is_member_contact(actor):
        raise PermissionDenied(_("Only the contacts of the pôle's members can register here."))
    event = Event.objects.get(pk=event.pk)
    check_registration_open(event)
    person = Person.objects.get(user=actor)
    email = (person.email or actor.email).strip()
    if not email:
        raise ValidationError(
            {"email": _("Your account has no e-mail address: add one to your profile first.")}
        )
    check_not_registered(event, email)
    organisation = member_organisation(person)
    registration = Registration(
        event=event,
        person=person,
        first_name=person.first_name,
        last_name=person.last_name,
        email=email,
        organisation=organisation,
        organisation_name=organisation.name if organisation else "",
        is_member=True,
        token=_new_token(),
    )
    _seat_or_waiting_list(registration, event)
    _insert(registration)
    log_activity(
        actor=actor,
        action="events.registration.created",
        target=registration,
        data={"status": registration.status, "member": True},
    )
    enqueue_on_commit(tasks.notify_registered, registration.pk)
    return registration


# Non-members -------------------------------------------------------------------------------


def guest_errors(data: dict[str, str]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for name, length in GUEST_FIELDS.items():
        value = data.get(name, "")
        if name != "organisation_name" and not value:
            errors[name] = [_("This field is required.")]
        elif len(value) > length:
            errors[name] = [_("At most %(count)s characters.") % {"count": length}]
    if "email" not in errors:
        try:
            validate_email(data["email"])
        except ValidationError:
            errors["email"] = [_("Enter a valid e-mail address.")]
    unknown = sorted(set(data) - set(GUEST_FIELDS))
    for name in unknown:
        errors[name] = [_("This field cannot be changed here.")]
    return errors


@transaction.atomic
def register_guest(
    *,
    event: Event,
    first_name: str,
    last_name: str,
    email: str,
    organisation_name: str = "",
) -> Registration:
    """A non-member registers through the public form: the registration waits for the
    e-mailed link to be clicked (status pending) and takes no seat until then.

    Raises ValidationError naming the field for bad input, PermissionDenied on a members-only
    event, WrongState when the registration is not open, the e-mail is already registered or
    the event is full without a waiting list.
    """
    data = {
        "first_name": first_name.strip(),
        "last_name": last_name.strip(),
        "email": email.strip(),
        "organisation_name": organisation_name.strip(),
    }
    if errors := guest_errors(data):
        raise ValidationError(errors)
    event = Event.objects.get(pk=event.pk)
    if event.is_members_only:
        raise PermissionDenied(_("This event is reserved for the pôle's members."))
    check_registration_open(event)
    check_not_registered(event, data["email"])
    check_not_full_without_list(event)
    registration = Registration(
        event=event, is_member=False, status=Status.PENDING, token=_new_token(), **data
    )
    _insert(registration)
    log_activity(
        actor=None,
        action="events.registration.created",
        target=registration,
        data={"status": registration.status, "member": False},
    )
    enqueue_on_commit(tasks.notify_confirm_email, registration.pk)
    return registration


@transaction.atomic
def confirm_registration(*, token: str) -> Registration:
    """The non-member clicked the e-mailed link: the registration takes a seat, or a place on
    the waiting list. Confirming again changes nothing. Raises Registration.DoesNotExist for
    an unknown token, WrongState when it was cancelled, the event has started, or is full
    without a waiting list."""
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(token=token)
    )
    if registration.status in (Status.CONFIRMED, Status.WAITING):
        return registration
    if registration.status == Status.CANCELLED:
        raise WrongState(_("This registration was cancelled."))
    event = registration.event
    if event.has_started():
        raise WrongState(_("The event has started: registration is closed."))
    _seat_or_waiting_list(registration, event)
    registration.save(update_fields=["status", "confirmed_at", "waiting_since", "updated_at"])
    log_activity(
        actor=None,
        action="events.registration.email_confirmed",
        target=registration,
        data={"status": registration.status},
    )
    enqueue_on_commit(tasks.notify_registered, registration.pk)
    return registration


# Waiting list ------------------------------------------------------------------------------


def promote_waiting(*, actor: User | None, event: Event) -> list[Registration]:
    """Give the free seats to the waiting list, earliest first; each promoted person is told
    by e-mail. Runs inside the caller's transaction (a cancellation, a larger capacity)."""
    promoted = []
    while True:
        waiting = (
            Registration.objects.select_for_update()
            .filter(event_id=event.pk, status=Status.WAITING)
            .order_by("waiting_since", "pk")
            .first()
        )
        if waiting is None or not take_seat(event.pk):
            break
        waiting.status = Status.CONFIRMED
        waiting.confirmed_at = timezone.now()
        waiting.save(update_fields=["status", "confirmed_at", "updated_at"])
        log_activity(
            actor=actor,
            action="events.registration.promoted",
            target=waiting,
            data={"waiting_since": waiting.waiting_since.isoformat()},
        )
        enqueue_on_commit(tasks.notify_promoted, waiting.pk)
        promoted.append(waiting)
    return promoted


# Cancellation ------------------------------------------------------------------------------


def _cancel(*, actor: User | None, registration: Registration, staff: bool) -> Registration:
    if (
        registration.status not in TRANSITIONS
        or Status.CANCELLED not in TRANSITIONS[registration.status]
    ):
        raise WrongState(_("This registration is already cancelled."))
    if registration.is_checked_in:
        raise WrongState(_("This participant has already been checked in."))
    event = registration.event
    if event.has_started() and not staff:
        raise WrongState(_("The event has started: ask the organisers to cancel."))
    was_confirmed = registration.status == Status.CONFIRMED
    previous = registration.status
    registration.status = Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    data = {"from": previous}
    if event.b2b_enabled:
        data["meetings_cancelled"] = withdraw_from_meetings(registration_id=registration.pk)
    log_activity(
        actor=actor,
        action="events.registration.cancelled",
        target=registration,
        data=data,
    )
    enqueue_on_commit(tasks.notify_cancelled, registration.pk)
    if was_confirmed:
        release_seat(event.pk)
        promote_waiting(actor=actor, event=event)
    return registration


def _locked(registration_id: int) -> Registration:
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event", "person")
        .get(pk=registration_id)
    )


@transaction.atomic
def cancel_registration(*, actor: User | None, registration: Registration) -> Registration:
    """The participant (or the staff) cancels: a confirmed seat goes to the first person on
    the waiting list. Raises PermissionDenied for anybody else, WrongState when it is
    already cancelled, checked in, or the event has started (participants only)."""
    locked = _locked(registration.pk)
    staff = is_staff(actor)
    if not (staff or is_own_registration(actor, locked)):
        raise PermissionDenied(_("You can only cancel your own registrations."))
    _cancel(actor=actor, registration=locked, staff=staff)
    registration.status, registration.cancelled_at = locked.status, locked.cancelled_at
    return registration


@transaction.atomic
def cancel_registration_by_token(*, token: str) -> Registration:
    """Cancellation from the e-mailed link: the token is the participant's proof."""
    registration = Registration.objects.only("pk").get(token=token)
    return _cancel(actor=None, registration=_locked(registration.pk), staff=False)
