"""An instance turned into numbers for the solvers: slots, meetings and participants by index.

Both encodings (:mod:`~grappe.scheduling.solver_sat` and :mod:`~grappe.scheduling.solver_cp`)
read this structure and return a placement ``meeting index → slot index``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from itertools import pairwise

from grappe.scheduling.model import Instance


@dataclass
class Prepared:
    instance: Instance
    n_slots: int
    # Runs of consecutive slot indices sharing a session, in order.
    sessions: list[list[int]]
    tables: list[int]
    # Per meeting: allowed slot indices (the fixed slot alone when fixed), its participants'
    # indices, weight, whether it must be scheduled, the meetings that must come before it.
    domain: list[list[int]]
    members: list[list[int]]
    weight: list[int]
    required: list[bool]
    before: list[list[int]]
    # Per participant: the indices of its meetings.
    meetings_of: list[list[int]]
    max_break_spread: int | None
    # A meeting that must be scheduled but has no slot left: the instance is infeasible.
    impossible: bool = False
    largest_meeting: int = 2

    @property
    def all_required(self) -> bool:
        return all(self.required)

    def slots_of(self, participant: int) -> list[int]:
        """Slots where the participant may be busy, in order."""
        return sorted({t for m in self.meetings_of[participant] for t in self.domain[m]})

    def placement_to_ids(self, slot_of: dict[int, int]) -> dict[str, str]:
        meetings, slots = self.instance.meetings, self.instance.slots
        return {meetings[m].id: slots[t].id for m, t in slot_of.items()}

    def breaks(self, slot_of: dict[int, int]) -> int:
        busy: list[set[int]] = [set() for _ in self.meetings_of]
        for m, t in slot_of.items():
            for p in self.members[m]:
                busy[p].add(t)
        session_of = {t: k for k, run in enumerate(self.sessions) for t in run}
        total = 0
        for slots in busy:
            for a, b in pairwise(sorted(slots)):
                if b - a > 1 and session_of[a] == session_of[b]:
                    total += 1
        return total


def prepare(instance: Instance) -> Prepared:
    index = instance.slot_index()
    sessions: list[list[int]] = []
    for position, slot in enumerate(instance.slots):
        if sessions and instance.slots[sessions[-1][-1]].session == slot.session:
            sessions[-1].append(position)
        else:
            sessions.append([position])
    participant_index = {p.id: k for k, p in enumerate(instance.participants)}
    meeting_index = {m.id: k for k, m in enumerate(instance.meetings)}
    prepared = Prepared(
        instance=instance,
        n_slots=len(instance.slots),
        sessions=sessions,
        tables=[instance.tables_in(slot.id) for slot in instance.slots],
        domain=[],
        members=[],
        weight=[],
        required=[],
        before=[],
        meetings_of=[[] for _ in instance.participants],
        max_break_spread=instance.max_break_spread,
    )
    available = [
        None if p.available is None else {index[s] for s in p.available if s in index}
        for p in instance.participants
    ]
    open_slots = [t for t, tables in enumerate(prepared.tables) if tables > 0]
    for k, meeting in enumerate(instance.meetings):
        members = [participant_index[p] for p in meeting.participants]
        if meeting.fixed_slot is not None:
            domain = [index[meeting.fixed_slot]]
        else:
            allowed = None if meeting.slots is None else {index[s] for s in meeting.slots}
            domain = [
                t
                for t in open_slots
                if (allowed is None or t in allowed)
                and all(available[p] is None or t in available[p] for p in members)
            ]
        prepared.domain.append(domain)
        prepared.members.append(members)
        prepared.weight.append(meeting.weight)
        # A fixed meeting stays where it is: it is scheduled like a required one.
        required = meeting.required or meeting.fixed_slot is not None
        prepared.required.append(required)
        prepared.before.append([meeting_index[other] for other in meeting.after])
        for p in members:
            prepared.meetings_of[p].append(k)
        if required and not domain:
            prepared.impossible = True
    prepared.largest_meeting = max((len(m) for m in prepared.members), default=2)
    return prepared


@dataclass
class Outcome:
    """What an encoding found: a placement (None if none), and what it proved."""

    slot_of: dict[int, int] | None
    # Proven: no schedule weighs more than weight_bound; no schedule of the weight found
    # has fewer than breaks_bound breaks.
    weight_bound: int | None = None
    breaks_bound: int | None = None
    infeasible: bool = False
    notes: list[str] = field(default_factory=list)


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.start = time.monotonic()
        self.end = self.start + seconds

    def left(self) -> float:
        return max(0.0, self.end - time.monotonic())

    def elapsed(self) -> float:
        return time.monotonic() - self.start
