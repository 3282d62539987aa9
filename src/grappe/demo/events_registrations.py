"""The registrations of the demo's events, written as the organisers' lists say them.

The registration services take a member's click (their own login) or a visitor's form with
its e-mailed link, while the registration window is open. The demo's participants have no
login and most of its events are past, so their registrations are recorded here: a seat
taken for each confirmed one through the services' own counter (`take_seat`, which the
capacity constraint guards), the waiting list in order, the dates of a list kept during the
registration window, the check-ins at the door of a past event, one activity-log entry each,
and no e-mail. A registration already there (any status, by e-mail) is left as it is.
"""

import datetime
import secrets
from collections import defaultdict

from django.utils import timezone

from grappe.core.activity import log_activities
from grappe.core.models import User
from grappe.demo.events_plan import Attendee, EventPlan
from grappe.events.choices import RegistrationStatus
from grappe.events.models import Event, Registration
from grappe.events.services.registration import take_seat
from grappe.members.models import Organisation, Person

Status = RegistrationStatus


def _moments(event_plan: EventPlan) -> list[datetime.datetime]:
    """When each attendee registered: spread over the registration window, in order."""
    opens = timezone.make_aware(event_plan.registration_opens_at)
    closes = timezone.make_aware(event_plan.registration_closes_at)
    count = len(event_plan.attendees)
    step = (closes - opens) / (count + 1)
    return [opens + step * (index + 1) for index in range(count)]


def _registration(
    event: Event, attendee: Attendee, person: Person | None, organisation: Organisation | None
) -> Registration:
    return Registration(
        event=event,
        person=person,
        first_name=attendee.first_name,
        last_name=attendee.last_name,
        email=attendee.email,
        organisation=organisation,
        organisation_name=organisation.name if organisation else attendee.organisation_name,
        is_member=organisation is not None,
        token=secrets.token_urlsafe(32),
    )


def _set_status(registration: Registration, planned: str, at: datetime.datetime) -> None:
    """Confirmed when a seat is free (else waiting), waiting, pending or cancelled."""
    if planned in (Status.CONFIRMED, Status.CANCELLED) and (
        planned == Status.CANCELLED or take_seat(registration.event_id)
    ):
        registration.status = planned
        registration.confirmed_at = at
        if planned == Status.CANCELLED:
            registration.cancelled_at = at + datetime.timedelta(days=3)
    elif planned == Status.PENDING:
        registration.status = Status.PENDING
    else:
        registration.status = Status.WAITING
        registration.waiting_since = at


def _check_in(registration: Registration, staff: User, index: int) -> bool:
    """A participant of a past event who came: checked in as the doors opened."""
    if registration.status != Status.CONFIRMED or not registration.event.is_past():
        return False
    doors = registration.event.starts_at - datetime.timedelta(minutes=30)
    registration.checked_in_at = doors + datetime.timedelta(seconds=40 * index)
    registration.checked_in_by = staff
    return True


def _date_registrations(written: list[Registration], moments: list[datetime.datetime]) -> None:
    """The day each registration was made, rather than the day the demo was built."""
    by_day = defaultdict(list)
    for registration, at in zip(written, moments, strict=True):
        by_day[at.replace(minute=0, second=0, microsecond=0)].append(registration.pk)
    for at, ids in by_day.items():
        Registration.objects.filter(pk__in=ids).update(created_at=at)


def ensure_registrations(staff: User, event: Event, event_plan: EventPlan) -> int:
    """Record the planned registrations missing; returns how many were written."""
    existing = {
        email.lower()
        for email in Registration.objects.filter(event=event).values_list("email", flat=True)
    }
    if existing and event.is_past():
        return 0  # a past event's list is written once; another day plans other people
    missing = [
        (attendee, at)
        for attendee, at in zip(event_plan.attendees, _moments(event_plan), strict=True)
        if attendee.email.lower() not in existing
    ]
    if not missing:
        return 0
    emails = [attendee.email for attendee, _at in missing if attendee.organisation]
    persons = {p.email.lower(): p for p in Person.objects.filter(email__in=emails)}
    organisations = Organisation.objects.in_bulk(
        [attendee.organisation for attendee, _at in missing if attendee.organisation],
        field_name="slug",
    )
    written, came = [], []
    for index, (attendee, at) in enumerate(missing):
        registration = _registration(
            event,
            attendee,
            persons.get(attendee.email.lower()),
            organisations.get(attendee.organisation),
        )
        _set_status(registration, attendee.status, at)
        if attendee.checked_in and _check_in(registration, staff, index):
            came.append(registration)
        registration.save()
        written.append(registration)
    _date_registrations(written, [at for _attendee, at in missing])
    log_activities(
        actor=staff,
        action="events.registration.created",
        entries=[(r, {"status": r.status, "member": r.is_member}) for r in written],
    )
    log_activities(
        actor=staff, action="events.registration.checked_in", entries=[(r, None) for r in came]
    )
    return len(written)
