"""The scheduler's vocabulary: an instance to solve and the schedule it gives.

Plain frozen dataclasses, built by :mod:`grappe.scheduling.io` from JSON or from a JAIR
``.dzn`` file, or by the events app from the database. Slots are listed in chronological
order; a *session* is a run of consecutive slots sharing a session id (a morning, an
afternoon), and breaks are counted within a session only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class InstanceError(ValueError):
    """The instance cannot be read or is inconsistent; the message names the item."""


class Status(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    # No schedule was found within the time limit, and none was proven impossible either.
    UNKNOWN = "unknown"


# The statuses of a schedule that places nothing.
NO_SCHEDULE = frozenset({Status.INFEASIBLE, Status.UNKNOWN})


@dataclass(frozen=True)
class Slot:
    id: str
    session: str = "day"
    start: datetime | None = None


@dataclass(frozen=True)
class Participant:
    id: str
    # None means available in every slot.
    available: frozenset[str] | None = None


@dataclass(frozen=True)
class Meeting:
    id: str
    participants: tuple[str, ...]
    weight: int = 1
    required: bool = False
    # Slots the meeting allows (e.g. morning only); None means every slot.
    slots: frozenset[str] | None = None
    fixed_slot: str | None = None
    # The table a fixed meeting keeps (a published agenda); None lets the numbering choose.
    fixed_table: int | None = None
    # Meetings that, when scheduled, must take place in a strictly earlier slot.
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Instance:
    slots: tuple[Slot, ...]
    # Meetings per slot: one number for every slot, or a count per slot id.
    tables: int | dict[str, int]
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    max_break_spread: int | None = None

    def tables_in(self, slot_id: str) -> int:
        if isinstance(self.tables, int):
            return self.tables
        return self.tables.get(slot_id, 0)

    def slot_index(self) -> dict[str, int]:
        return {slot.id: index for index, slot in enumerate(self.slots)}

    def participant_by_id(self) -> dict[str, Participant]:
        return {participant.id: participant for participant in self.participants}

    def meeting_by_id(self) -> dict[str, Meeting]:
        return {meeting.id: meeting for meeting in self.meetings}

    def allowed_slots(self, meeting: Meeting) -> list[str]:
        """Slots, in order, where the meeting may take place: the meeting allows them and
        every participant is available (a fixed slot is not checked here)."""
        participants = self.participant_by_id()
        allowed = []
        for slot in self.slots:
            if meeting.slots is not None and slot.id not in meeting.slots:
                continue
            if self.tables_in(slot.id) <= 0:
                continue
            if all(
                participants[p].available is None or slot.id in participants[p].available
                for p in meeting.participants
            ):
                allowed.append(slot.id)
        return allowed


@dataclass(frozen=True)
class Placement:
    meeting: str
    slot: str
    table: int


@dataclass(frozen=True)
class Objective:
    weight: int
    breaks: int
    participants_without_meeting: int


@dataclass(frozen=True)
class Bound:
    """Proven bounds: no schedule weighs more than ``weight``; among the schedules of the
    weight found, none has fewer than ``breaks`` breaks. None when nothing was proven."""

    weight: int | None
    breaks: int | None


@dataclass
class Schedule:
    status: Status
    scheduled: list[Placement] = field(default_factory=list)
    unscheduled: list[str] = field(default_factory=list)
    objective: Objective | None = None
    bound: Bound | None = None
    time_s: float = 0.0

    def slot_of(self) -> dict[str, str]:
        return {placement.meeting: placement.slot for placement in self.scheduled}
