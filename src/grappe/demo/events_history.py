"""MICRONORA 2026's business meetings as they happened: the profiles the participants wrote,
the requests they made over the summer and the answers they gave, the meetings the staff
added, and the agendas published a week before the show.

The B2B services write one participant's action at a time, as it happens, and tell the
other participant by e-mail; the demo records the whole history of a past event at once,
with its dates and without an e-mail (3 000 of them otherwise): in a few bulk writes, with
one activity-log entry per record, through the same models and constraints. The slot plan
and the scheduling go through the services (events.py). The history is written once: when
the event has its profiles, or its requests, they are left as they are.
"""

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from grappe.core.activity import log_activities
from grappe.core.models import Term, User
from grappe.demo.events_plan import EventsPlan
from grappe.events.choices import Priority, RegistrationStatus, RequestStatus
from grappe.events.models import B2BProfile, Event, Meeting, MeetingRequest, MeetingSlot

ProfilesByEmail = dict[str, B2BProfile]
# When the participants asked and answered: between these dates, the answer a few days on.
REQUESTS_FROM = datetime.date(2026, 6, 15)
REQUESTS_UNTIL = datetime.date(2026, 9, 10)
# The agendas went out a week before the show.
PUBLISHED_AT = datetime.datetime(2026, 9, 15, 18)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def import_profiles(
    *, actor: User, event: Event, plan: EventsPlan, slots: list[MeetingSlot]
) -> ProfilesByEmail:
    """The confirmed participants' profiles: texts, terms, and the slots of the day they are
    away. Returns every profile of the event by lower-case e-mail."""
    existing = {
        profile.registration.email.lower(): profile
        for profile in B2BProfile.objects.filter(registration__event=event).select_related(
            "registration__event"
        )
    }
    if existing:
        return existing  # written once; another day plans other participants
    registrations = {
        r.email.lower(): r
        for r in event.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related(
            "event"
        )
    }
    planned = [
        (participant, registrations[participant.email.lower()])
        for participant in plan.participants
        if participant.email.lower() in registrations
    ]
    created = B2BProfile.objects.bulk_create(
        B2BProfile(registration=registration, offer=p.offer, seek=p.seek, is_listed=True)
        for p, registration in planned
    )
    terms = Term.objects.in_bulk(field_name="code")
    days = sorted({timezone.localtime(slot.starts_at).date() for slot in slots})
    offered, sought, away = [], [], []
    for (participant, _registration), profile in zip(planned, created, strict=True):
        offered += [
            B2BProfile.offered_terms.through(b2bprofile=profile, term=terms[code])
            for code in participant.offers
        ]
        sought += [
            B2BProfile.sought_terms.through(b2bprofile=profile, term=terms[code])
            for code in participant.seeks
        ]
        absent = {day for index, day in enumerate(days) if index not in participant.days}
        away += [
            B2BProfile.unavailable_slots.through(b2bprofile=profile, meetingslot=slot)
            for slot in slots
            if timezone.localtime(slot.starts_at).date() in absent
        ]
    B2BProfile.offered_terms.through.objects.bulk_create(offered)
    B2BProfile.sought_terms.through.objects.bulk_create(sought)
    B2BProfile.unavailable_slots.through.objects.bulk_create(away)
    log_activities(
        actor=actor,
        action="events.b2b.profile_created",
        entries=[(profile, {"imported": True}) for profile in created],
    )
    return {p.email.lower(): profile for (p, _r), profile in zip(planned, created, strict=True)}


def _request_days(count: int) -> list[datetime.date]:
    """The days the requests were made, in order, over the summer."""
    span = (REQUESTS_UNTIL - REQUESTS_FROM).days
    return [REQUESTS_FROM + datetime.timedelta(days=span * i // count) for i in range(count)]


def import_requests(
    *, actor: User, event: Event, plan: EventsPlan, profiles: ProfilesByEmail
) -> int:
    """The requests, their answers, and the meetings of the accepted ones; then the meetings
    the staff added. Returns the number of requests written."""
    if MeetingRequest.objects.filter(event=event).exists():
        return 0  # written once; another day plans other requests
    planned = [
        (request, day)
        for request, day in zip(
            plan.meetings.requests, _request_days(len(plan.meetings.requests)), strict=True
        )
        if request.requester.lower() in profiles and request.recipient.lower() in profiles
    ]
    requests = []
    for index, (request, day) in enumerate(planned):
        answered = day + datetime.timedelta(days=1 + index % 5)
        requests.append(
            MeetingRequest(
                event=event,
                requester=profiles[request.requester.lower()],
                recipient=profiles[request.recipient.lower()],
                message=request.message,
                priority=request.priority,
                status=request.answer,
                answered_at=None
                if request.answer == RequestStatus.PENDING
                else _at(min(answered, REQUESTS_UNTIL), 9 + index % 9),
            )
        )
    MeetingRequest.objects.bulk_create(requests)
    by_day = defaultdict(list)
    for request, (_planned, day) in zip(requests, planned, strict=True):
        by_day[day].append(request.pk)
    for day, ids in by_day.items():
        MeetingRequest.objects.filter(pk__in=ids).update(created_at=_at(day, 11))
    meetings = [
        Meeting(
            event=event,
            request=request,
            first=request.requester,
            second=request.recipient,
            weight=request.priority,
        )
        for request in requests
        if request.status == RequestStatus.ACCEPTED
    ]
    Meeting.objects.bulk_create(meetings)
    log_activities(
        actor=actor,
        action="events.b2b.request_made",
        entries=[(r, {"recipient": r.recipient_id, "priority": r.priority}) for r in requests],
    )
    for status, action in (
        (RequestStatus.ACCEPTED, "events.b2b.request_accepted"),
        (RequestStatus.DECLINED, "events.b2b.request_declined"),
    ):
        log_activities(
            actor=actor, action=action, entries=[(r, None) for r in requests if r.status == status]
        )
    _import_staff_meetings(actor, event, plan, profiles)
    return len(requests)


def _import_staff_meetings(
    actor: User, event: Event, plan: EventsPlan, profiles: ProfilesByEmail
) -> None:
    added = []
    for first, second in plan.meetings.staff_meetings:
        one, other = profiles.get(first.lower()), profiles.get(second.lower())
        if one is None or other is None:
            continue
        pair = Q(first=one, second=other) | Q(first=other, second=one)
        if not Meeting.objects.filter(pair, cancelled_at__isnull=True).exists():
            added.append(
                Meeting(
                    event=event,
                    first=one,
                    second=other,
                    weight=Priority.HIGH,
                    added_by_staff=True,
                )
            )
    Meeting.objects.bulk_create(added)
    log_activities(
        actor=actor, action="events.b2b.meeting_added", entries=[(m, None) for m in added]
    )


def import_publication(*, actor: User, event: Event) -> int:
    """The agendas as published a week before the show: every placed meeting is final.
    Returns the number of meetings published now (none when they already were)."""
    if event.agendas_published_at is not None:
        return 0
    published_at = timezone.make_aware(PUBLISHED_AT)
    count = Meeting.objects.filter(
        event=event, cancelled_at__isnull=True, slot__isnull=False, published_at__isnull=True
    ).update(published_at=published_at)
    Event.objects.filter(pk=event.pk).update(agendas_published_at=published_at)
    event.agendas_published_at = published_at
    log_activities(
        actor=actor,
        action="events.b2b.agendas_published",
        entries=[(event, {"meetings": count, "imported": True})],
    )
    return count
