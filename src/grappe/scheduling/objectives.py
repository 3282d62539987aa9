"""The three objectives of a schedule, computed from where each meeting sits.

Shared by the solver (to report what it found) and the checker (to report what it verified):
the definition of a break lives here only.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from grappe.scheduling.model import Instance, Objective


def breaks_by_participant(instance: Instance, slot_of: Mapping[str, str]) -> dict[str, int]:
    """A break is a maximal run of idle slots between two meetings of the same participant
    within one session."""
    index = instance.slot_index()
    session_of = [slot.session for slot in instance.slots]
    busy: dict[str, set[int]] = {participant.id: set() for participant in instance.participants}
    for meeting in instance.meetings:
        slot = slot_of.get(meeting.id)
        if slot is None:
            continue
        for participant in meeting.participants:
            busy[participant].add(index[slot])
    breaks = {}
    for participant, positions in busy.items():
        count = 0
        ordered = sorted(positions)
        for before, after in pairwise(ordered):
            same_session = len({session_of[i] for i in range(before, after + 1)}) == 1
            if after - before > 1 and same_session:
                count += 1
        breaks[participant] = count
    return breaks


def evaluate(instance: Instance, slot_of: Mapping[str, str]) -> Objective:
    """Total weight scheduled, total breaks, and participants who have accepted meetings
    but none scheduled."""
    weight = sum(meeting.weight for meeting in instance.meetings if meeting.id in slot_of)
    breaks = sum(breaks_by_participant(instance, slot_of).values())
    with_meetings: set[str] = set()
    with_scheduled: set[str] = set()
    for meeting in instance.meetings:
        with_meetings.update(meeting.participants)
        if meeting.id in slot_of:
            with_scheduled.update(meeting.participants)
    return Objective(
        weight=weight,
        breaks=breaks,
        participants_without_meeting=len(with_meetings - with_scheduled),
    )
