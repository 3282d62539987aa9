"""An independent check of a schedule against its instance.

It shares nothing with the solver but the definition of a break
(:mod:`grappe.scheduling.objectives`): every hard constraint is verified from the placements
alone, and the objectives the schedule claims are recomputed. Each violation is one sentence
naming the meetings, slots, tables or participants at fault.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from grappe.scheduling.io import schedule_from_dict
from grappe.scheduling.model import NO_SCHEDULE, Instance, Objective, Placement, Schedule, Status
from grappe.scheduling.objectives import breaks_by_participant, evaluate


@dataclass(frozen=True)
class CheckResult:
    violations: list[str]
    # Recomputed from the valid placements (those naming a known meeting and slot).
    objective: Objective

    @property
    def ok(self) -> bool:
        return not self.violations


def check(instance: Instance, schedule: Schedule | dict) -> CheckResult:
    """Verify ``schedule`` (a Schedule or SCHEDULE.json's parsed content) against ``instance``.

    A dict of the wrong shape raises :class:`~grappe.scheduling.io.ScheduleFormatError`.
    """
    if isinstance(schedule, dict):
        schedule = schedule_from_dict(schedule)
    violations: list[str] = []
    meetings = instance.meeting_by_id()
    index = instance.slot_index()

    slot_of: dict[str, str] = {}
    placements: list[Placement] = []
    for placement in schedule.scheduled:
        if placement.meeting not in meetings:
            violations.append(f"unknown meeting {placement.meeting!r} is scheduled")
        elif placement.slot not in index:
            violations.append(f"meeting {placement.meeting} is in unknown slot {placement.slot!r}")
        elif placement.meeting in slot_of:
            violations.append(
                f"meeting {placement.meeting} is scheduled twice "
                f"(slots {slot_of[placement.meeting]} and {placement.slot})"
            )
        else:
            slot_of[placement.meeting] = placement.slot
            placements.append(placement)

    if schedule.status in NO_SCHEDULE and schedule.scheduled:
        violations.append(
            f"the schedule says {schedule.status} but places {len(schedule.scheduled)} meeting(s)"
        )
    violations += _unscheduled_list(instance, schedule, slot_of)
    if schedule.status not in NO_SCHEDULE:
        violations += _required_and_fixed(instance, slot_of)
    violations += _slots(instance, placements)
    violations += _participants(instance, placements)
    violations += _tables(instance, placements)
    violations += _precedences(instance, slot_of)
    objective = evaluate(instance, slot_of)
    if schedule.status not in NO_SCHEDULE:
        violations += _spread(instance, slot_of)
        violations += _claims(schedule, objective)
    return CheckResult(violations=violations, objective=objective)


def _unscheduled_list(instance: Instance, schedule: Schedule, slot_of: dict) -> list[str]:
    found = []
    listed = set()
    meetings = instance.meeting_by_id()
    for meeting in schedule.unscheduled:
        if meeting not in meetings:
            found.append(f"unknown meeting {meeting!r} is listed unscheduled")
        elif meeting in slot_of:
            found.append(f"meeting {meeting} is both scheduled and listed unscheduled")
        elif meeting in listed:
            found.append(f"meeting {meeting} is listed unscheduled twice")
        listed.add(meeting)
    if schedule.status not in NO_SCHEDULE:
        for meeting in instance.meetings:
            if meeting.id not in slot_of and meeting.id not in listed:
                found.append(f"meeting {meeting.id} is neither scheduled nor listed unscheduled")
    return found


def _required_and_fixed(instance: Instance, slot_of: dict[str, str]) -> list[str]:
    found = []
    for meeting in instance.meetings:
        slot = slot_of.get(meeting.id)
        if meeting.required and slot is None:
            found.append(f"required meeting {meeting.id} is not scheduled")
        if meeting.fixed_slot is not None and slot != meeting.fixed_slot:
            where = "is not scheduled" if slot is None else f"is in slot {slot}"
            found.append(f"meeting {meeting.id} is fixed to slot {meeting.fixed_slot} but {where}")
    return found


def _slots(instance: Instance, placements: list[Placement]) -> list[str]:
    found = []
    meetings = instance.meeting_by_id()
    participants = instance.participant_by_id()
    for placement in placements:
        meeting = meetings[placement.meeting]
        if meeting.slots is not None and placement.slot not in meeting.slots:
            found.append(f"meeting {meeting.id} does not allow slot {placement.slot}")
        for participant in meeting.participants:
            available = participants[participant].available
            if available is not None and placement.slot not in available:
                found.append(
                    f"meeting {meeting.id} is in slot {placement.slot}, where participant "
                    f"{participant} is unavailable"
                )
    return found


def _participants(instance: Instance, placements: list[Placement]) -> list[str]:
    found = []
    meetings = instance.meeting_by_id()
    busy: dict[tuple[str, str], str] = {}
    for placement in placements:
        for participant in meetings[placement.meeting].participants:
            other = busy.get((participant, placement.slot))
            if other is not None:
                found.append(
                    f"participant {participant} has meetings {other} and {placement.meeting} "
                    f"in slot {placement.slot}"
                )
            else:
                busy[participant, placement.slot] = placement.meeting
    return found


def _tables(instance: Instance, placements: list[Placement]) -> list[str]:
    found = []
    meetings = instance.meeting_by_id()
    per_slot: dict[str, list[str]] = defaultdict(list)
    at_table: dict[tuple[str, int], str] = {}
    for placement in placements:
        per_slot[placement.slot].append(placement.meeting)
        tables = instance.tables_in(placement.slot)
        meeting = meetings[placement.meeting]
        if not 1 <= placement.table <= tables:
            found.append(
                f"meeting {placement.meeting} is at table {placement.table}, but slot "
                f"{placement.slot} has tables 1 to {tables}"
            )
        other = at_table.get((placement.slot, placement.table))
        if other is not None:
            found.append(
                f"meetings {other} and {placement.meeting} are both at table {placement.table} "
                f"in slot {placement.slot}"
            )
        at_table[placement.slot, placement.table] = placement.meeting
        if meeting.fixed_table is not None and placement.table != meeting.fixed_table:
            found.append(
                f"meeting {meeting.id} keeps table {meeting.fixed_table} but is at table "
                f"{placement.table}"
            )
    for slot in instance.slots:
        count = len(per_slot.get(slot.id, []))
        if count > instance.tables_in(slot.id):
            found.append(
                f"slot {slot.id} has {count} meetings for {instance.tables_in(slot.id)} table(s)"
            )
    return found


def _precedences(instance: Instance, slot_of: dict[str, str]) -> list[str]:
    found = []
    index = instance.slot_index()
    for meeting in instance.meetings:
        if meeting.id not in slot_of:
            continue
        for before in meeting.after:
            if before in slot_of and index[slot_of[before]] >= index[slot_of[meeting.id]]:
                found.append(
                    f"meeting {meeting.id} (slot {slot_of[meeting.id]}) must come after "
                    f"meeting {before} (slot {slot_of[before]})"
                )
    return found


def _spread(instance: Instance, slot_of: dict[str, str]) -> list[str]:
    if instance.max_break_spread is None:
        return []
    with_meetings = {p for meeting in instance.meetings for p in meeting.participants}
    breaks = {
        participant: count
        for participant, count in breaks_by_participant(instance, slot_of).items()
        if participant in with_meetings
    }
    if not breaks:
        return []
    most = max(breaks, key=lambda p: (breaks[p], p))
    fewest = min(breaks, key=lambda p: (breaks[p], p))
    if breaks[most] - breaks[fewest] <= instance.max_break_spread:
        return []
    return [
        f"participant {most} has {breaks[most]} breaks and participant {fewest} "
        f"{breaks[fewest]}: more than the allowed spread of {instance.max_break_spread}"
    ]


def _claims(schedule: Schedule, objective: Objective) -> list[str]:
    found = []
    claimed = schedule.objective
    if claimed is not None and claimed != objective:
        for name in ("weight", "breaks", "participants_without_meeting"):
            said, actual = getattr(claimed, name), getattr(objective, name)
            if said != actual:
                found.append(f"the schedule claims {name} {said}, but it is {actual}")
    bound = schedule.bound
    if bound is None:
        return found
    if bound.weight is not None and bound.weight < objective.weight:
        found.append(
            f"the weight bound {bound.weight} is below the weight {objective.weight} "
            "the schedule reaches"
        )
    if bound.breaks is not None and bound.breaks > objective.breaks:
        found.append(
            f"the breaks bound {bound.breaks} is above the {objective.breaks} breaks "
            "the schedule has"
        )
    if schedule.status == Status.OPTIMAL and (
        (bound.weight is not None and bound.weight != objective.weight)
        or (bound.breaks is not None and bound.breaks != objective.breaks)
    ):
        found.append(
            f"the schedule says optimal, but its bounds (weight {bound.weight}, breaks "
            f"{bound.breaks}) differ from its objectives (weight {objective.weight}, breaks "
            f"{objective.breaks})"
        )
    return found
