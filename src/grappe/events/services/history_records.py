"""The records of an event's history import (services.history): plain data with the moments
things happened, as an organiser's lists or a former tool have them.

Participants are named by their e-mail (any case): a profile by its registration's, a request
or a meeting by its two participants'. Times are aware datetimes.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from grappe.core.models import Term, User
from grappe.events.choices import Priority, RequestStatus
from grappe.events.models import MeetingSlot
from grappe.members.models import Organisation, Person


@dataclass(frozen=True)
class RegistrationRecord:
    """A registration in the status it has reached, with the moments of its history.

    confirmed: `confirmed_at` (and `checked_in_at` when the participant came);
    waiting: `waiting_since`; cancelled: `cancelled_at` (and `confirmed_at` when it had a
    seat before); pending: awaiting the e-mailed link, nothing more.
    """

    first_name: str
    last_name: str
    email: str
    status: str
    registered_at: datetime.datetime
    person: Person | None = None
    organisation: Organisation | None = None
    organisation_name: str = ""  # a non-member's; a member's is its organisation's name
    is_member: bool = False  # at the member rate
    confirmed_at: datetime.datetime | None = None
    waiting_since: datetime.datetime | None = None
    cancelled_at: datetime.datetime | None = None
    checked_in_at: datetime.datetime | None = None
    checked_in_by: User | None = None  # None: the staff member who imports


@dataclass(frozen=True)
class ProfileRecord:
    """A confirmed participant's B2B profile: what it offers and seeks, the slots it is away."""

    email: str
    offer: str = ""
    seek: str = ""
    offered_terms: Sequence[Term] = ()
    sought_terms: Sequence[Term] = ()
    unavailable_slots: Sequence[MeetingSlot] = ()
    is_listed: bool = True


@dataclass(frozen=True)
class RequestRecord:
    """A meeting request and its answer; an accepted one becomes a meeting at `answered_at`."""

    requester: str
    recipient: str
    requested_at: datetime.datetime
    message: str = ""
    priority: int = Priority.NORMAL
    status: str = RequestStatus.PENDING
    answered_at: datetime.datetime | None = None  # accepted, declined or withdrawn


@dataclass(frozen=True)
class StaffMeetingRecord:
    """A meeting the staff added between two participants, without a request."""

    first: str
    second: str
    added_at: datetime.datetime
    weight: int = Priority.NORMAL


@dataclass(frozen=True)
class ImportedHistory:
    """What an import of meeting history wrote, as its activity-log entry counts it."""

    profiles: int = 0
    requests: int = 0
    meetings: int = 0  # from the accepted requests
    staff_meetings: int = 0
    published: int = 0  # meetings whose slot and table were published

    def as_data(self) -> dict[str, int]:
        return {
            "profiles": self.profiles,
            "requests": self.requests,
            "meetings": self.meetings,
            "staff_meetings": self.staff_meetings,
            "published": self.published,
        }
