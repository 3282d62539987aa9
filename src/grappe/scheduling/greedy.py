"""The first-come greedy baseline: what a scheduling tool does without an optimiser.

Meetings are taken in request order (the instance's order), each put into the first slot,
chronologically, where it fits: the meeting allows the slot, every participant is available
and free, a table is left, and its precedences hold with the meetings already placed. Fixed
meetings are placed first in their slot, then required meetings, then the others; nothing is
ever moved. The benchmark compares the solver with it.

It proves nothing: when it cannot place a fixed or required meeting, or when its schedule
exceeds the fairness option's break spread, it returns status ``infeasible`` with nothing
scheduled, meaning "greedy found no schedule", not that none exists.
"""

from __future__ import annotations

import time
from collections import defaultdict

from grappe.scheduling.model import Instance, Meeting, Placement, Schedule, Status
from grappe.scheduling.objectives import breaks_by_participant, evaluate
from grappe.scheduling.tables import number_tables


def greedy(instance: Instance) -> Schedule:
    started = time.perf_counter()
    index = instance.slot_index()
    available = {p.id: p.available for p in instance.participants}
    successors: dict[str, list[str]] = defaultdict(list)
    for meeting in instance.meetings:
        for before in meeting.after:
            successors[before].append(meeting.id)
    order = (
        [m for m in instance.meetings if m.fixed_slot is not None]
        + [m for m in instance.meetings if m.fixed_slot is None and m.required]
        + [m for m in instance.meetings if m.fixed_slot is None and not m.required]
    )
    busy: set[tuple[str, str]] = set()
    used: dict[str, int] = defaultdict(int)
    slot_of: dict[str, str] = {}
    for meeting in order:
        for slot in _candidates(instance, meeting, available):
            if used[slot] >= instance.tables_in(slot):
                continue
            if any((participant, slot) in busy for participant in meeting.participants):
                continue
            position = index[slot]
            if any(b in slot_of and index[slot_of[b]] >= position for b in meeting.after):
                continue
            if any(a in slot_of and index[slot_of[a]] <= position for a in successors[meeting.id]):
                continue
            slot_of[meeting.id] = slot
            used[slot] += 1
            busy.update((participant, slot) for participant in meeting.participants)
            break
        else:
            if meeting.required or meeting.fixed_slot is not None:
                return _none_found(instance, started)
    if not _fair(instance, slot_of):
        return _none_found(instance, started)
    tables = number_tables(instance, slot_of)
    return Schedule(
        status=Status.FEASIBLE,
        scheduled=sorted(
            (Placement(meeting=m, slot=s, table=tables[m]) for m, s in slot_of.items()),
            key=lambda placement: (index[placement.slot], placement.table),
        ),
        unscheduled=[m.id for m in instance.meetings if m.id not in slot_of],
        objective=evaluate(instance, slot_of),
        bound=None,
        time_s=time.perf_counter() - started,
    )


def _candidates(
    instance: Instance, meeting: Meeting, available: dict[str, frozenset[str] | None]
) -> list[str]:
    if meeting.fixed_slot is not None:
        return [meeting.fixed_slot]
    return [
        slot.id
        for slot in instance.slots
        if (meeting.slots is None or slot.id in meeting.slots)
        and all(available[p] is None or slot.id in available[p] for p in meeting.participants)
    ]


def _fair(instance: Instance, slot_of: dict[str, str]) -> bool:
    if instance.max_break_spread is None:
        return True
    with_meetings = {p for meeting in instance.meetings for p in meeting.participants}
    counts = [
        count
        for participant, count in breaks_by_participant(instance, slot_of).items()
        if participant in with_meetings
    ]
    return not counts or max(counts) - min(counts) <= instance.max_break_spread


def _none_found(instance: Instance, started: float) -> Schedule:
    # Greedy failing proves nothing: another order may fit every meeting.
    return Schedule(
        status=Status.UNKNOWN,
        unscheduled=[meeting.id for meeting in instance.meetings],
        time_s=time.perf_counter() - started,
    )
