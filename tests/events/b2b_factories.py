"""A B2B-enabled event with participants, slots and meetings, built through the services."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from grappe.core.models import User
from grappe.events.choices import EventKind
from grappe.events.models import B2BProfile, Event, MeetingSlot
from grappe.events.services.b2b_profiles import ensure_profile
from grappe.events.services.b2b_slots import SessionPlan, add_session
from tests.events.factories import EventFactory, MemberRegistrationFactory, in_days
from tests.factories import OrganisationFactory, StaffUserFactory, member_contact


def b2b_event(**fields) -> Event:
    """A one-day business convention in a month, 9:00 to 18:00, with B2B meetings."""
    defaults = {
        "kind": EventKind.BUSINESS_CONVENTION,
        "b2b_enabled": True,
        "capacity": None,
        "starts_at": in_days(30, 8),
        "ends_at": in_days(30, 18),
    }
    return EventFactory(**(defaults | fields))


@dataclass
class Participant:
    user: User
    profile: B2BProfile


def participant(
    event: Event, *, username: str | None = None, organisation_name: str | None = None
) -> Participant:
    """A member's contact with a confirmed registration and its B2B profile."""
    organisation = OrganisationFactory(**({"name": organisation_name} if organisation_name else {}))
    user = member_contact(organisation=organisation, username=username)
    registration = MemberRegistrationFactory(
        event=event, person=user.person, organisation=organisation
    )
    return Participant(user=user, profile=ensure_profile(actor=user, registration=registration))


def session_plan(event: Event, **fields) -> SessionPlan:
    """A morning of 20-minute meetings with 5-minute pauses, 9:00 to 10:40 (4 slots)."""
    defaults = {
        "session": "matin",
        "day": timezone.localtime(event.starts_at).date(),
        "starts": datetime.time(9, 0),
        "ends": datetime.time(10, 40),
        "meeting_minutes": 20,
        "pause_minutes": 5,
        "tables": 2,
    }
    return SessionPlan(**(defaults | fields))


def slots(event: Event, *, staff: User | None = None, **fields) -> list[MeetingSlot]:
    staff = staff or StaffUserFactory()
    return add_session(actor=staff, event=event, plan=session_plan(event, **fields))
