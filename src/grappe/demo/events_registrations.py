"""The registrations of the demo's events, written as the organisers' lists say them.

The registration services take a member's click (their own login) or a visitor's form with
its e-mailed link, while the registration window is open. The demo's participants have no
login and most of its events are past, so their registrations go in through the staff's
history import (services.history.import_registrations): each with the day it was made, a
seat for each confirmed one (the planned ones beyond the seats left wait, in order), the
cancellations, the check-ins at the door of a past event; one activity-log entry per event
and no e-mail. A registration already there (any status, by e-mail) is left as it is.
"""

import datetime

from django.utils import timezone

from grappe.core.models import User
from grappe.demo.events_plan import Attendee, EventPlan
from grappe.events.choices import RegistrationStatus
from grappe.events.models import Event, Registration
from grappe.events.services.history import RegistrationRecord, import_registrations
from grappe.members.models import Organisation, Person

Status = RegistrationStatus
# A cancellation came a few days after the registration.
CANCELLED_AFTER = datetime.timedelta(days=3)
# At the door of a past event: the first arrivals half an hour before it starts, one every
# 40 seconds.
DOORS_OPEN = datetime.timedelta(minutes=30)
CHECK_IN_PACE = datetime.timedelta(seconds=40)


def _moments(event_plan: EventPlan) -> list[datetime.datetime]:
    """When each attendee registered: spread over the registration window, in order."""
    opens = timezone.make_aware(event_plan.registration_opens_at)
    closes = timezone.make_aware(event_plan.registration_closes_at)
    count = len(event_plan.attendees)
    step = (closes - opens) / (count + 1)
    return [opens + step * (index + 1) for index in range(count)]


class Seats:
    """The seats left for the planned confirmations: beyond them, a planned participant
    waits, as the live services would put them on the waiting list."""

    def __init__(self, event: Event):
        self.left = None if event.capacity is None else event.capacity - event.seats_taken

    def take(self) -> bool:
        if self.left is None:
            return True
        if self.left == 0:
            return False
        self.left -= 1
        return True


def _record(
    attendee: Attendee,
    at: datetime.datetime,
    seats: Seats,
    found: tuple[Person | None, Organisation | None],
    door: datetime.datetime | None,
) -> RegistrationRecord:
    person, organisation = found
    status, moments = attendee.status, {}
    if status == Status.CONFIRMED and not seats.take():
        status = Status.WAITING
    if status == Status.CONFIRMED:
        moments = {"confirmed_at": at}
        if attendee.checked_in and door is not None:
            moments["checked_in_at"] = door
    elif status == Status.CANCELLED:
        moments = {"confirmed_at": at, "cancelled_at": at + CANCELLED_AFTER}
    elif status == Status.WAITING:
        moments = {"waiting_since": at}
    return RegistrationRecord(
        first_name=attendee.first_name,
        last_name=attendee.last_name,
        email=attendee.email,
        status=status,
        registered_at=at,
        person=person,
        organisation=organisation,
        organisation_name=attendee.organisation_name,
        is_member=organisation is not None,
        **moments,
    )


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
    seats = Seats(event)
    past = event.is_past()
    records = [
        _record(
            attendee,
            at,
            seats,
            (persons.get(attendee.email.lower()), organisations.get(attendee.organisation)),
            event.starts_at - DOORS_OPEN + CHECK_IN_PACE * index if past else None,
        )
        for index, (attendee, at) in enumerate(missing)
    ]
    return len(import_registrations(actor=staff, event=event, records=records))
