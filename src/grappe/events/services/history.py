"""Importing an event's history: the registrations and the B2B meetings as they happened,
from the organisers' lists or a former tool, with their dates.

The live services record one person's action at the moment it happens, inside the
registration window, and tell the people concerned by e-mail. A past event (or one whose
lists were kept elsewhere) has its whole history at once: these staff services write it as
it stands — a registration confirmed in June and checked in at the door, a request made in
July and accepted three days later, agendas published a week before the show — in a few
bulk writes, one transaction and one activity-log entry per import that counts what it
wrote. Nobody is notified: these things happened before.

Every row is checked first against the rules of the models and of the live services
(history_checks); a bad row raises ValidationError naming it (`registrations-3-status`:
"Row 4: …") and nothing is written. Seats are taken through the counter the live services
use (`Event.seats_taken`, which the database keeps within the capacity).
"""

import datetime
import secrets
from collections import Counter
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.bulk import update_many
from grappe.core.models import User
from grappe.events.choices import RegistrationStatus, RequestStatus
from grappe.events.models import B2BProfile, Event, Meeting, MeetingRequest, Registration
from grappe.events.services.b2b_common import require_b2b
from grappe.events.services.b2b_scheduling import live_meetings
from grappe.events.services.common import require_staff
from grappe.events.services.history_checks import (
    Participants,
    check_meeting_history,
    check_registrations,
    email_key,
)
from grappe.events.services.history_records import (
    ImportedHistory,
    ProfileRecord,
    RegistrationRecord,
    RequestRecord,
    StaffMeetingRecord,
)

__all__ = [
    "ImportedHistory",
    "ProfileRecord",
    "RegistrationRecord",
    "RequestRecord",
    "StaffMeetingRecord",
    "import_meeting_history",
    "import_registrations",
]

BATCH_SIZE = 500
Status = RegistrationStatus


def _lock(event: Event) -> Event:
    """The event's row, locked until the commit: the seats and the agendas are read and
    written by one import or live service at a time."""
    return Event.objects.select_for_update().get(pk=event.pk)


# Registrations -----------------------------------------------------------------------------


def _registration(event: Event, record: RegistrationRecord, actor: User) -> Registration:
    organisation = record.organisation
    return Registration(
        event=event,
        person=record.person,
        first_name=record.first_name.strip(),
        last_name=record.last_name.strip(),
        email=record.email.strip(),
        organisation=organisation,
        organisation_name=organisation.name if organisation else record.organisation_name.strip(),
        is_member=record.is_member,
        status=record.status,
        token=secrets.token_urlsafe(32),
        confirmed_at=record.confirmed_at,
        waiting_since=record.waiting_since,
        cancelled_at=record.cancelled_at,
        checked_in_at=record.checked_in_at,
        checked_in_by=(record.checked_in_by or actor) if record.checked_in_at else None,
    )


def _take_seats(event_id: int, count: int) -> None:
    """Count `count` more confirmed participants in one update, which the database refuses
    beyond the capacity."""
    try:
        with transaction.atomic():
            Event.objects.filter(pk=event_id).update(seats_taken=F("seats_taken") + count)
    except IntegrityError as error:
        raise ValidationError(
            {"registrations": _("The event has not enough seats for these registrations.")}
        ) from error


@transaction.atomic
def import_registrations(
    *, actor: User | None, event: Event, records: Sequence[RegistrationRecord]
) -> list[Registration]:
    """Record registrations with their history (staff): each confirmed one takes a seat,
    dated as `registered_at` says; all of them or none, no e-mail.

    Raises PermissionDenied for anybody but the staff, ValidationError naming the row for a
    bad one: a missing name or a bad e-mail, a moment its status does not have or in the
    wrong order, an e-mail already registered, a non-member at a members-only event, a
    waiting list the event does not have, more confirmed rows than the seats left.
    """
    require_staff(actor)
    records = list(records)
    if not records:
        raise ValidationError({"registrations": _("There is nothing to import.")})
    locked = _lock(event)
    live = locked.registrations.exclude(status=Status.CANCELLED).values_list("email", flat=True)
    check_registrations(event=locked, records=records, live_emails={email_key(e) for e in live})
    registrations = [_registration(locked, record, actor) for record in records]
    try:
        with transaction.atomic():
            Registration.objects.bulk_create(registrations, batch_size=BATCH_SIZE)
    except IntegrityError as error:  # a live registration of the same e-mail, meanwhile
        raise ValidationError(
            {"registrations": _("One of these e-mails was registered meanwhile: import again.")}
        ) from error
    for registration, record in zip(registrations, records, strict=True):
        registration.created_at = record.registered_at
    update_many(Registration, registrations, ["created_at"])
    statuses = Counter(registration.status for registration in registrations)
    if confirmed := statuses[Status.CONFIRMED]:
        _take_seats(locked.pk, confirmed)
    event.seats_taken = locked.seats_taken + confirmed
    log_activity(
        actor=actor,
        action="events.registration.imported",
        target=locked,
        data={
            "registrations": len(registrations),
            **{status: statuses[status] for status in Status.values},
            "checked_in": sum(1 for r in registrations if r.checked_in_at is not None),
        },
    )
    return registrations


# B2B meetings ------------------------------------------------------------------------------


def _write_profiles(records: Sequence[ProfileRecord], participants: Participants) -> dict[str, int]:
    """The profiles and their terms and unavailable slots; returns their ids by e-mail."""
    profiles = B2BProfile.objects.bulk_create(
        [
            B2BProfile(
                registration_id=participants.confirmed[email_key(record.email)],
                offer=record.offer.strip(),
                seek=record.seek.strip(),
                is_listed=record.is_listed,
            )
            for record in records
        ],
        batch_size=BATCH_SIZE,
    )
    for name, target in (
        ("offered_terms", "term_id"),
        ("sought_terms", "term_id"),
        ("unavailable_slots", "meetingslot_id"),
    ):
        through = getattr(B2BProfile, name).through
        through.objects.bulk_create(
            [
                through(b2bprofile_id=profile.pk, **{target: pk})
                for profile, record in zip(profiles, records, strict=True)
                for pk in dict.fromkeys(item.pk for item in getattr(record, name))
            ],
            batch_size=BATCH_SIZE,
        )
    return {
        email_key(record.email): profile.pk
        for profile, record in zip(profiles, records, strict=True)
    }


def _write_requests(
    event: Event, records: Sequence[RequestRecord], ids: dict[str, int]
) -> list[MeetingRequest]:
    requests = MeetingRequest.objects.bulk_create(
        [
            MeetingRequest(
                event=event,
                requester_id=ids[email_key(record.requester)],
                recipient_id=ids[email_key(record.recipient)],
                message=record.message.strip(),
                priority=record.priority,
                status=record.status,
                answered_at=record.answered_at,
            )
            for record in records
        ],
        batch_size=BATCH_SIZE,
    )
    for request, record in zip(requests, records, strict=True):
        request.created_at = record.requested_at
    update_many(MeetingRequest, requests, ["created_at"])
    return requests


def _write_meetings(
    event: Event,
    requests: list[MeetingRequest],
    staff_meetings: Sequence[StaffMeetingRecord],
    ids: dict[str, int],
) -> list[Meeting]:
    """The meetings of the accepted requests, from their answer, then the staff's."""
    dated = [
        (
            Meeting(
                event=event,
                request=request,
                first_id=request.requester_id,
                second_id=request.recipient_id,
                weight=request.priority,
            ),
            request.answered_at,
        )
        for request in requests
        if request.status == RequestStatus.ACCEPTED
    ]
    dated += [
        (
            Meeting(
                event=event,
                first_id=ids[email_key(record.first)],
                second_id=ids[email_key(record.second)],
                weight=record.weight,
                added_by_staff=True,
            ),
            record.added_at,
        )
        for record in staff_meetings
    ]
    meetings = Meeting.objects.bulk_create(
        [meeting for meeting, _at in dated], batch_size=BATCH_SIZE
    )
    for meeting, (_meeting, at) in zip(meetings, dated, strict=True):
        meeting.created_at = at
    update_many(Meeting, meetings, ["created_at"])
    return meetings


def _publish(event: Event, published_at: datetime.datetime) -> int:
    """Stamp the placed live meetings not published yet, and the event's agendas."""
    count = (
        live_meetings(event)
        .filter(slot__isnull=False, published_at__isnull=True)
        .update(published_at=published_at)
    )
    event.agendas_published_at = published_at
    event.save(update_fields=["agendas_published_at", "updated_at"])
    return count


@transaction.atomic
def import_meeting_history(
    *,
    actor: User | None,
    event: Event,
    profiles: Sequence[ProfileRecord] = (),
    requests: Sequence[RequestRecord] = (),
    staff_meetings: Sequence[StaffMeetingRecord] = (),
    published_at: datetime.datetime | None = None,
) -> ImportedHistory:
    """Record the B2B meetings' history of an event (staff): the confirmed participants'
    profiles, the requests with their answers (an accepted one becomes a meeting when it
    was answered), the meetings the staff added, and — with `published_at` — the agendas
    published then: every meeting placed by an earlier scheduling gets its slot and table
    published. All of it or none, no e-mail, no re-scheduling.

    Participants are named by e-mail: a profile of this import or one already there.
    Raises PermissionDenied for anybody but the staff, WrongState for an event without B2B
    meetings or a publication before any schedule, ValidationError naming the row for a
    bad one: an unknown participant, a request to oneself, a second open request or
    meeting between two participants, an answer before its request.
    """
    require_staff(actor)
    require_b2b(event)
    profiles, requests, staff_meetings = list(profiles), list(requests), list(staff_meetings)
    if not (profiles or requests or staff_meetings or published_at):
        raise ValidationError(_("There is nothing to import."))
    locked = _lock(event)
    participants = check_meeting_history(
        event=locked,
        profiles=profiles,
        requests=requests,
        staff_meetings=staff_meetings,
        published_at=published_at,
    )
    ids = participants.profiles | _write_profiles(profiles, participants)
    written = _write_requests(locked, requests, ids)
    meetings = _write_meetings(locked, written, staff_meetings, ids)
    history = ImportedHistory(
        profiles=len(profiles),
        requests=len(written),
        meetings=len(meetings) - len(staff_meetings),
        staff_meetings=len(staff_meetings),
        published=_publish(locked, published_at) if published_at else 0,
    )
    event.agendas_published_at = locked.agendas_published_at
    answers = Counter(request.status for request in written)
    log_activity(
        actor=actor,
        action="events.b2b.history_imported",
        target=locked,
        data={
            **history.as_data(),
            **{f"requests_{status}": answers[status] for status in RequestStatus.values},
            "published_at": published_at.isoformat() if published_at else None,
        },
    )
    return history
