"""Consistency of an instance, whatever it was read from (JSON, a JAIR file, the database).

Each check raises :class:`~grappe.scheduling.model.InstanceError` with a message that names
the item. What an instance may say without being wrong, even if no schedule fits it (two
fixed meetings of one participant in one slot, more required meetings than tables), is left
to the solver, which reports it infeasible.
"""

from __future__ import annotations

from collections import Counter

from grappe.scheduling.model import Instance, InstanceError, Meeting


def validate_instance(instance: Instance) -> None:
    """Raise InstanceError on the first inconsistency found."""
    slot_ids = _unique_ids("slot", [slot.id for slot in instance.slots])
    if not slot_ids:
        raise InstanceError("the instance has no slot")
    _check_starts(instance)
    _check_tables(instance, slot_ids)
    _unique_ids("participant", [p.id for p in instance.participants])
    for participant in instance.participants:
        for slot in sorted(participant.available or ()):
            if slot not in slot_ids:
                raise InstanceError(f"participant {participant.id}: unknown slot {slot!r}")
    meeting_ids = _unique_ids("meeting", [meeting.id for meeting in instance.meetings])
    available = {participant.id: participant.available for participant in instance.participants}
    for meeting in instance.meetings:
        _check_meeting(instance, meeting, slot_ids, available, meeting_ids)
    _check_fixed_tables(instance)
    _check_no_cycle(instance)
    spread = instance.max_break_spread
    if spread is not None and (isinstance(spread, bool) or not isinstance(spread, int)):
        raise InstanceError(f"max_break_spread must be a whole number, not {spread!r}")
    if spread is not None and spread < 0:
        raise InstanceError(f"max_break_spread must not be negative ({spread})")


def _unique_ids(kind: str, ids: list[str]) -> set[str]:
    for item in ids:
        if not isinstance(item, str) or not item:
            raise InstanceError(f"a {kind} id must be a non-empty string, not {item!r}")
    duplicates = sorted(item for item, count in Counter(ids).items() if count > 1)
    if duplicates:
        raise InstanceError(f"duplicate {kind} id {duplicates[0]!r}")
    return set(ids)


def _check_starts(instance: Instance) -> None:
    previous = None
    for slot in instance.slots:
        if slot.start is None:
            continue
        if slot.start.utcoffset() is None:
            raise InstanceError(f"slot {slot.id}: start {slot.start.isoformat()} has no UTC offset")
        if previous is not None and slot.start <= previous.start:
            raise InstanceError(
                f"slot {slot.id} starts at {slot.start.isoformat()}, not after slot "
                f"{previous.id} ({previous.start.isoformat()}): slots are listed in "
                "chronological order"
            )
        previous = slot


def _check_tables(instance: Instance, slot_ids: set[str]) -> None:
    counts = instance.tables if isinstance(instance.tables, dict) else {"": instance.tables}
    for slot, count in counts.items():
        where = f"slot {slot}" if slot else "the instance"
        if slot and slot not in slot_ids:
            raise InstanceError(f"tables: unknown slot {slot!r}")
        if isinstance(count, bool) or not isinstance(count, int):
            raise InstanceError(f"tables of {where} must be a whole number, not {count!r}")
        if count < 0:
            raise InstanceError(f"tables of {where} must not be negative ({count})")


def _check_meeting(
    instance: Instance,
    meeting: Meeting,
    slot_ids: set[str],
    available: dict[str, frozenset[str] | None],
    meeting_ids: set[str],
) -> None:
    name = f"meeting {meeting.id}"
    if len(meeting.participants) < 2:
        raise InstanceError(f"{name} has fewer than two participants")
    for participant, count in Counter(meeting.participants).items():
        if participant not in available:
            raise InstanceError(f"{name}: unknown participant {participant!r}")
        if count > 1:
            raise InstanceError(f"{name} lists participant {participant} twice")
    if isinstance(meeting.weight, bool) or not isinstance(meeting.weight, int):
        raise InstanceError(f"{name}: weight must be a whole number, not {meeting.weight!r}")
    if meeting.weight < 0:
        raise InstanceError(f"{name}: negative weight {meeting.weight}")
    for slot in sorted(meeting.slots or ()):
        if slot not in slot_ids:
            raise InstanceError(f"{name}: unknown slot {slot!r}")
    for other, count in Counter(meeting.after).items():
        if other not in meeting_ids:
            raise InstanceError(f"{name}: unknown meeting {other!r} in after")
        if other == meeting.id:
            raise InstanceError(f"{name} must come after itself")
        if count > 1:
            raise InstanceError(f"{name} lists {other} twice in after")
    if meeting.fixed_table is not None and meeting.fixed_slot is None:
        raise InstanceError(f"{name}: a fixed table needs a fixed slot")
    if meeting.fixed_slot is None:
        return
    fixed = meeting.fixed_slot
    if fixed not in slot_ids:
        raise InstanceError(f"{name}: unknown fixed slot {fixed!r}")
    if meeting.slots is not None and fixed not in meeting.slots:
        raise InstanceError(f"{name}: fixed slot {fixed} is not among the meeting's slots")
    for participant in meeting.participants:
        if available[participant] is not None and fixed not in available[participant]:
            raise InstanceError(
                f"{name}: fixed slot {fixed} where participant {participant} is unavailable"
            )
    tables = instance.tables_in(fixed)
    if meeting.fixed_table is not None and not 1 <= meeting.fixed_table <= tables:
        raise InstanceError(
            f"{name}: fixed table {meeting.fixed_table} is not among the {tables} tables "
            f"of slot {fixed}"
        )
    if tables == 0:
        raise InstanceError(f"{name}: fixed slot {fixed} has no table")


def _check_fixed_tables(instance: Instance) -> None:
    holder: dict[tuple[str, int], str] = {}
    for meeting in instance.meetings:
        if meeting.fixed_table is None:
            continue
        key = (meeting.fixed_slot, meeting.fixed_table)
        if key in holder:
            raise InstanceError(
                f"meetings {holder[key]} and {meeting.id} are both fixed to table "
                f"{meeting.fixed_table} in slot {meeting.fixed_slot}"
            )
        holder[key] = meeting.id


def _check_no_cycle(instance: Instance) -> None:
    """Precedences must not loop (m1 after m2 after m1): depth-first search, iteratively."""
    after = {meeting.id: meeting.after for meeting in instance.meetings}
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in after:
        if state.get(start):
            continue
        path = [start]
        stack = [iter(after[start])]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                raise InstanceError("cyclic precedences: " + " after ".join(cycle))
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(after[nxt]))
