"""MICRONORA 2026's business meetings as they happened: the profiles the participants wrote,
the requests they made over the summer and the answers they gave, the meetings the staff
added, and the agendas published a week before the show.

The B2B services write one participant's action at a time, as it happens, and tell the
other participant by e-mail; the demo records the whole history of a past event at once,
with its dates and without an e-mail (3 000 of them otherwise), through the staff's history
import (services.history.import_meeting_history): a few bulk writes and one activity-log
entry per import. The slot plan and the scheduling go through the live services
(events.py). The history is written once: when the event has its profiles, they and the
requests are left as they are.
"""

import datetime

from django.utils import timezone

from grappe.core.models import Term, User
from grappe.demo.events_plan import EventsPlan
from grappe.events.choices import Priority, RegistrationStatus, RequestStatus
from grappe.events.models import B2BProfile, Event, MeetingSlot
from grappe.events.services.history import (
    ProfileRecord,
    RequestRecord,
    StaffMeetingRecord,
    import_meeting_history,
)

# When the participants asked and answered: between these dates, the answer a few days on;
# the staff added their meetings once the requests were closed.
REQUESTS_FROM = datetime.date(2026, 6, 15)
REQUESTS_UNTIL = datetime.date(2026, 9, 10)
# The agendas went out a week before the show.
PUBLISHED_AT = datetime.datetime(2026, 9, 15, 18)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _profiles(
    plan: EventsPlan, confirmed: set[str], slots: list[MeetingSlot]
) -> list[ProfileRecord]:
    """The confirmed participants' profiles: texts, terms, and the slots of the day they
    are away."""
    terms = Term.objects.in_bulk(field_name="code")
    days = sorted({timezone.localtime(slot.starts_at).date() for slot in slots})
    records = []
    for participant in plan.participants:
        if participant.email.lower() not in confirmed:
            continue
        absent = {day for index, day in enumerate(days) if index not in participant.days}
        records.append(
            ProfileRecord(
                email=participant.email,
                offer=participant.offer,
                seek=participant.seek,
                offered_terms=[terms[code] for code in participant.offers],
                sought_terms=[terms[code] for code in participant.seeks],
                unavailable_slots=[
                    slot for slot in slots if timezone.localtime(slot.starts_at).date() in absent
                ],
            )
        )
    return records


def _request_days(count: int) -> list[datetime.date]:
    """The days the requests were made, in order, over the summer."""
    span = (REQUESTS_UNTIL - REQUESTS_FROM).days
    return [REQUESTS_FROM + datetime.timedelta(days=span * i // count) for i in range(count)]


def _requests(plan: EventsPlan, participants: set[str]) -> list[RequestRecord]:
    """The requests between participants with a profile, each answered a few days on."""
    planned = [
        (request, day)
        for request, day in zip(
            plan.meetings.requests, _request_days(len(plan.meetings.requests)), strict=True
        )
        if request.requester.lower() in participants and request.recipient.lower() in participants
    ]
    records = []
    for index, (request, day) in enumerate(planned):
        answered = min(day + datetime.timedelta(days=1 + index % 5), REQUESTS_UNTIL)
        records.append(
            RequestRecord(
                requester=request.requester,
                recipient=request.recipient,
                requested_at=_at(day, 11),
                message=request.message,
                priority=request.priority,
                status=request.answer,
                answered_at=None
                if request.answer == RequestStatus.PENDING
                else _at(answered, 9 + index % 9),
            )
        )
    return records


def _staff_meetings(
    plan: EventsPlan, participants: set[str], requests: list[RequestRecord]
) -> list[StaffMeetingRecord]:
    """The meetings the health cluster's animator added, between participants who had not
    agreed on one already."""
    met = {
        frozenset((r.requester.lower(), r.recipient.lower()))
        for r in requests
        if r.status == RequestStatus.ACCEPTED
    }
    return [
        StaffMeetingRecord(
            first=first, second=second, added_at=_at(REQUESTS_UNTIL, 15), weight=Priority.HIGH
        )
        for first, second in plan.meetings.staff_meetings
        if {first.lower(), second.lower()} <= participants
        and frozenset((first.lower(), second.lower())) not in met
    ]


def import_history(*, actor: User, event: Event, plan: EventsPlan, slots: list[MeetingSlot]) -> int:
    """The profiles, the requests with their answers and the staff's meetings, once.
    Returns the number of requests written."""
    if B2BProfile.objects.filter(registration__event=event).exists():
        return 0  # written once; another day plans other participants
    confirmed = {
        email.lower()
        for email in event.registrations.filter(status=RegistrationStatus.CONFIRMED).values_list(
            "email", flat=True
        )
    }
    profiles = _profiles(plan, confirmed, slots)
    if not profiles:
        return 0
    participants = {profile.email.lower() for profile in profiles}
    requests = _requests(plan, participants)
    history = import_meeting_history(
        actor=actor,
        event=event,
        profiles=profiles,
        requests=requests,
        staff_meetings=_staff_meetings(plan, participants, requests),
    )
    return history.requests


def import_publication(*, actor: User, event: Event) -> int:
    """The agendas as published a week before the show: every placed meeting is final.
    Returns the number of meetings published now (none when they already were)."""
    if event.agendas_published_at is not None:
        return 0
    history = import_meeting_history(
        actor=actor, event=event, published_at=timezone.make_aware(PUBLISHED_AT)
    )
    return history.published
