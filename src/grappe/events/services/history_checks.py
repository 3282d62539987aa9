"""The checks of an event's history import (services.history): every row against the rules
the models and the live services hold, all errors of a batch at once, before any write.

Errors are keyed by the row's place, as a formset names them (`registrations-3-status`,
`requests-0-recipient`), and each message says the row from 1 (`Row 4: …`).
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.events.choices import Priority, RegistrationStatus, RequestStatus, RunStatus
from grappe.events.models import B2BProfile, Event, Meeting, MeetingRequest, SchedulingRun
from grappe.events.services.b2b_profiles import TEXT_MAX_LENGTH
from grappe.events.services.b2b_requests import MESSAGE_MAX_LENGTH, OPEN
from grappe.events.services.common import WrongState
from grappe.events.services.history_records import (
    ProfileRecord,
    RegistrationRecord,
    RequestRecord,
    StaffMeetingRecord,
)
from grappe.events.services.registration import GUEST_FIELDS

Status = RegistrationStatus
# The moments a registration must have in each status, and those it may have besides: a
# confirmed one may have waited first, a cancelled one may have had a seat.
MOMENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Status.PENDING: ((), ()),
    Status.CONFIRMED: (("confirmed_at",), ("waiting_since", "checked_in_at")),
    Status.WAITING: (("waiting_since",), ()),
    Status.CANCELLED: (("cancelled_at",), ("confirmed_at", "waiting_since")),
}
ALL_MOMENTS = ("confirmed_at", "waiting_since", "cancelled_at", "checked_in_at")
ANSWERED = (RequestStatus.ACCEPTED, RequestStatus.DECLINED, RequestStatus.WITHDRAWN)


class RowErrors:
    """The errors of a batch, by `<group>-<index>-<field>`."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, group: str, index: int, field: str, message: str) -> None:
        self.errors.setdefault(f"{group}-{index}-{field}", []).append(
            _("Row %(row)s: %(message)s") % {"row": index + 1, "message": message}
        )

    def raise_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def email_key(email: str) -> str:
    return email.strip().lower()


def _naive(moments: dict[str, datetime.datetime | None]) -> list[str]:
    return [name for name, moment in moments.items() if moment and timezone.is_naive(moment)]


# Registrations -----------------------------------------------------------------------------


def _registration_row(
    event: Event, index: int, record: RegistrationRecord, errors: RowErrors
) -> None:
    def add(field: str, message: str) -> None:
        errors.add("registrations", index, field, message)

    names = {
        "first_name": record.first_name.strip(),
        "last_name": record.last_name.strip(),
        "email": record.email.strip(),
        "organisation_name": record.organisation_name.strip(),
    }
    for name, length in GUEST_FIELDS.items():
        if name != "organisation_name" and not names[name]:
            add(name, _("This field is required."))
        elif len(names[name]) > length:
            add(name, _("At most %(count)s characters.") % {"count": length})
    if names["email"]:
        try:
            validate_email(names["email"])
        except ValidationError:
            add("email", _("Enter a valid e-mail address."))
    if event.is_members_only and not record.is_member:
        add("is_member", _("This event is reserved for the pôle's members."))
    moments = {name: getattr(record, name) for name in ("registered_at", *ALL_MOMENTS)}
    if naive := _naive(moments):
        for name in naive:
            add(name, _("Give the time with its time zone."))
        return
    if record.status not in MOMENTS:
        add("status", _("Choose one of pending, confirmed, waiting and cancelled."))
        return
    required, allowed = MOMENTS[record.status]
    status = {"status": Status(record.status).label}
    for name in ALL_MOMENTS:
        if name in required and moments[name] is None:
            add(name, _("A registration “%(status)s” needs this moment.") % status)
        elif name not in required + allowed and moments[name] is not None:
            add(name, _("A registration “%(status)s” has no such moment.") % status)
    if record.status == Status.WAITING and not event.has_waiting_list:
        add("status", _("This event has no waiting list."))
    _registration_dates(event, moments, add)


def _registration_dates(event: Event, moments: dict, add) -> None:
    registered = moments["registered_at"]
    if registered > event.ends_at:
        add("registered_at", _("The registration is dated after the event ended."))
    for name in ALL_MOMENTS:
        if moments[name] is not None and moments[name] < registered:
            add(name, _("This moment is before the registration was made."))
    confirmed, cancelled = moments["confirmed_at"], moments["cancelled_at"]
    checked_in = moments["checked_in_at"]
    if confirmed and cancelled and cancelled < confirmed:
        add("cancelled_at", _("The registration was cancelled before it was confirmed."))
    if confirmed and checked_in and checked_in < confirmed:
        add("checked_in_at", _("The participant was checked in before being confirmed."))
    if checked_in and checked_in > event.ends_at:
        add("checked_in_at", _("The participant was checked in after the event ended."))


def check_registrations(
    *, event: Event, records: Sequence[RegistrationRecord], live_emails: set[str]
) -> None:
    """Each row against the rules; an e-mail registered twice (in the rows or already, not
    cancelled); more confirmed rows than the seats left of `event` (read under its lock)."""
    errors = RowErrors()
    seen = set(live_emails)
    free = None if event.capacity is None else event.capacity - event.seats_taken
    confirmed = 0
    for index, record in enumerate(records):
        _registration_row(event, index, record, errors)
        if record.status != Status.CANCELLED:
            key = email_key(record.email)
            if key in seen:
                errors.add(
                    "registrations",
                    index,
                    "email",
                    _("%(email)s is already registered for this event.")
                    % {"email": record.email.strip()},
                )
            seen.add(key)
        if record.status == Status.CONFIRMED:
            confirmed += 1
            if free is not None and confirmed == free + 1:
                errors.add(
                    "registrations",
                    index,
                    "status",
                    _(
                        "No seat is left for this confirmed registration: the event has "
                        "%(capacity)s seats, %(taken)s of them taken before the import."
                    )
                    % {"capacity": event.capacity, "taken": event.seats_taken},
                )
    errors.raise_any()


# Meeting history ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Participants:
    """Who can meet at the event, by e-mail: the confirmed participants with a profile and
    the confirmed registrations that the import may give one."""

    profiles: dict[str, int]  # e-mail → profile id, of a confirmed participant
    confirmed: dict[str, int]  # e-mail → confirmed registration id
    emails: dict[int, str]  # profile id → e-mail, for every profile of the event
    with_profile: set[int]  # registration ids that have a profile

    @classmethod
    def of(cls, event: Event) -> "Participants":
        confirmed = {
            email_key(email): pk
            for pk, email in event.registrations.filter(status=Status.CONFIRMED).values_list(
                "pk", "email"
            )
        }
        profiles, emails, with_profile = {}, {}, set()
        for pk, registration_id, email, status in B2BProfile.objects.filter(
            registration__event=event
        ).values_list("pk", "registration_id", "registration__email", "registration__status"):
            emails[pk] = email_key(email)
            with_profile.add(registration_id)
            if status == Status.CONFIRMED:
                profiles[email_key(email)] = pk
        return cls(profiles=profiles, confirmed=confirmed, emails=emails, with_profile=with_profile)


def _pairs(event: Event, emails: dict[int, str]) -> tuple[set[frozenset], set[frozenset]]:
    """The pairs with an open request and the pairs with a live meeting, already there."""
    requests = MeetingRequest.objects.filter(event=event, status__in=OPEN)
    meetings = Meeting.objects.filter(event=event, cancelled_at__isnull=True)
    return (
        {
            frozenset((emails[a], emails[b]))
            for a, b in requests.values_list("requester_id", "recipient_id")
        },
        {
            frozenset((emails[a], emails[b]))
            for a, b in meetings.values_list("first_id", "second_id")
        },
    )


def _profile_rows(
    event: Event, records: Sequence[ProfileRecord], known: Participants, errors: RowErrors
) -> set[str]:
    """Check the profiles; returns the e-mails of the participants they add."""
    added = set()
    for index, record in enumerate(records):
        key = email_key(record.email)
        if key not in known.confirmed:
            errors.add(
                "profiles",
                index,
                "email",
                _("%(email)s has no confirmed registration for this event.")
                % {"email": record.email.strip()},
            )
        elif key in added or known.confirmed[key] in known.with_profile:
            errors.add("profiles", index, "email", _("This participant already has a profile."))
        added.add(key)
        for name in ("offer", "seek"):
            if len(getattr(record, name).strip()) > TEXT_MAX_LENGTH:
                errors.add(
                    "profiles",
                    index,
                    name,
                    _("At most %(count)d characters.") % {"count": TEXT_MAX_LENGTH},
                )
        if any(slot.event_id != event.pk for slot in record.unavailable_slots):
            errors.add(
                "profiles", index, "unavailable_slots", _("A slot does not belong to this event.")
            )
    return added


def _participant(
    group: str, index: int, field: str, email: str, participants: set[str], errors: RowErrors
) -> bool:
    if email_key(email) not in participants:
        errors.add(
            group,
            index,
            field,
            _("%(email)s is not a confirmed participant with a B2B profile at this event.")
            % {"email": email.strip()},
        )
        return False
    return True


def _request_row(index: int, record: RequestRecord, errors: RowErrors) -> None:
    def add(field: str, message: str) -> None:
        errors.add("requests", index, field, message)

    if len(record.message.strip()) > MESSAGE_MAX_LENGTH:
        add("message", _("At most %(count)d characters.") % {"count": MESSAGE_MAX_LENGTH})
    if record.priority not in Priority.values:
        add("priority", _("Choose a priority among low, normal and high."))
    if naive := _naive({"requested_at": record.requested_at, "answered_at": record.answered_at}):
        for name in naive:
            add(name, _("Give the time with its time zone."))
        return
    if record.status not in RequestStatus.values:
        add("status", _("Choose one of pending, accepted, declined and withdrawn."))
    elif record.status in ANSWERED and record.answered_at is None:
        add("answered_at", _("An answered request needs the moment of its answer."))
    elif record.status == RequestStatus.PENDING and record.answered_at is not None:
        add("answered_at", _("A request awaiting an answer has no answer's moment."))
    if record.answered_at is not None and record.answered_at < record.requested_at:
        add("answered_at", _("The request was answered before it was made."))


def check_meeting_history(
    *,
    event: Event,
    profiles: Sequence[ProfileRecord],
    requests: Sequence[RequestRecord],
    staff_meetings: Sequence[StaffMeetingRecord],
    published_at: datetime.datetime | None,
) -> Participants:
    """Every row against the rules; returns who the participants are."""
    errors = RowErrors()
    known = Participants.of(event)
    added = _profile_rows(event, profiles, known, errors)
    participants = set(known.profiles) | added
    open_pairs, met = _pairs(event, known.emails)
    for index, record in enumerate(requests):
        _request_row(index, record, errors)
        ok = _participant("requests", index, "requester", record.requester, participants, errors)
        ok &= _participant("requests", index, "recipient", record.recipient, participants, errors)
        if not ok:
            continue
        pair = frozenset((email_key(record.requester), email_key(record.recipient)))
        if len(pair) == 1:
            errors.add(
                "requests",
                index,
                "recipient",
                _("A participant cannot request a meeting with themselves."),
            )
            continue
        if record.status in OPEN:
            if pair in open_pairs:
                errors.add("requests", index, "recipient", _("A request between them is open."))
            elif pair in met:
                errors.add("requests", index, "recipient", _("These two already have a meeting."))
            open_pairs.add(pair)
        if record.status == RequestStatus.ACCEPTED:
            met.add(pair)
    for index, record in enumerate(staff_meetings):
        ok = _participant("staff_meetings", index, "first", record.first, participants, errors)
        ok &= _participant("staff_meetings", index, "second", record.second, participants, errors)
        if record.weight not in Priority.values:
            errors.add(
                "staff_meetings",
                index,
                "weight",
                _("Choose a priority among low, normal and high."),
            )
        if _naive({"added_at": record.added_at}):
            errors.add("staff_meetings", index, "added_at", _("Give the time with its time zone."))
        if not ok:
            continue
        pair = frozenset((email_key(record.first), email_key(record.second)))
        if len(pair) == 1:
            errors.add("staff_meetings", index, "second", _("A meeting needs two participants."))
        elif pair in met:
            errors.add("staff_meetings", index, "second", _("These two already have a meeting."))
        met.add(pair)
    errors.raise_any()
    if published_at is not None:
        check_publication(event, published_at)
    return known


def check_publication(event: Event, published_at: datetime.datetime) -> None:
    """The agendas are published after a scheduling that found a schedule, before the
    event ends, and not before an earlier publication."""
    if timezone.is_naive(published_at):
        raise ValidationError({"published_at": _("Give the time with its time zone.")})
    if published_at >= event.ends_at:
        raise ValidationError({"published_at": _("The agendas are published before the end.")})
    previous = event.agendas_published_at
    if previous is not None and published_at < previous:
        raise ValidationError(
            {"published_at": _("The agendas were already published later than this.")}
        )
    last = SchedulingRun.objects.filter(event=event).order_by("-created_at", "-pk").first()
    if last is None:
        raise WrongState(_("Run the scheduling before publishing the agendas."))
    if last.status in (RunStatus.INFEASIBLE, RunStatus.UNKNOWN):
        raise WrongState(_("The last scheduling found no schedule: nothing to publish."))
