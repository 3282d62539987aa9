"""Reading and writing the scheduler's files: INSTANCE.json, SCHEDULE.json and JAIR ``.dzn``.

Every reader raises :class:`~grappe.scheduling.model.InstanceError` with a message naming
the item at fault; docs/scheduling.md describes the formats. Readers of an instance also run
:func:`~grappe.scheduling.validation.validate_instance`.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from grappe.scheduling.dzn import instance_from_dzn
from grappe.scheduling.model import (
    Bound,
    Instance,
    InstanceError,
    Meeting,
    Objective,
    Participant,
    Placement,
    Schedule,
    Slot,
    Status,
)
from grappe.scheduling.validation import validate_instance

__all__ = [
    "ScheduleFormatError",
    "dump_schedule",
    "instance_from_dict",
    "instance_from_dzn",
    "instance_to_dict",
    "instance_to_json",
    "load_instance_dzn",
    "load_instance_json",
    "load_schedule_json",
    "read_json",
    "schedule_from_dict",
    "schedule_to_dict",
    "schedule_to_json",
    "write_atomically",
]

_INSTANCE_KEYS = {"slots", "tables", "participants", "meetings", "options"}
_SLOT_KEYS = {"id", "session", "start"}
_PARTICIPANT_KEYS = {"id", "available"}
_MEETING_KEYS = {
    "id",
    "participants",
    "weight",
    "required",
    "slots",
    "fixed_slot",
    "fixed_table",
    "after",
}
_OPTION_KEYS = {"max_break_spread"}
_SCHEDULE_KEYS = {"status", "scheduled", "unscheduled", "objective", "bound", "gap", "time_s"}


class ScheduleFormatError(InstanceError):
    """A SCHEDULE.json file cannot be read (its content is checked by the checker)."""


# Reading JSON -------------------------------------------------------------------------------


def read_json(path: str | os.PathLike[str], *, error: type[InstanceError] = InstanceError) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot be read ({exc})") from exc
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise error(
            f"{path}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except ValueError as exc:
        raise error(f"{path}: {exc}") from exc


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def load_instance_json(path: str | os.PathLike[str]) -> Instance:
    """Read and validate an INSTANCE.json file; errors start with the file's name."""
    data = read_json(path)
    try:
        return instance_from_dict(data)
    except InstanceError as exc:
        raise InstanceError(f"{path}: {exc}") from exc


def load_instance_dzn(
    path: str | os.PathLike[str], *, max_break_spread: int | None = None
) -> Instance:
    """Read and validate a JAIR ``.dzn`` file; errors start with the file's name."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InstanceError(f"{path}: cannot be read ({exc})") from exc
    try:
        return instance_from_dzn(text, max_break_spread=max_break_spread)
    except InstanceError as exc:
        raise InstanceError(f"{path}: {exc}") from exc


def instance_from_dict(data: Any) -> Instance:
    """Build and validate an Instance from INSTANCE.json's parsed content."""
    _expect_object(data, "the instance", _INSTANCE_KEYS, required={"slots", "participants"})
    slots = tuple(
        _slot(item, f"slots[{n}]") for n, item in enumerate(_list(data["slots"], "slots"))
    )
    tables = data.get("tables")
    if isinstance(tables, dict):
        tables = dict(tables)
    elif isinstance(tables, bool) or not isinstance(tables, int):
        raise InstanceError(
            f"tables must be a whole number or an object slot id → number, not {json.dumps(tables)}"
        )
    participants = tuple(
        _participant(item, f"participants[{n}]")
        for n, item in enumerate(_list(data["participants"], "participants"))
    )
    meetings = tuple(
        _meeting(item, f"meetings[{n}]")
        for n, item in enumerate(_list(data.get("meetings", []), "meetings"))
    )
    options = data.get("options") or {}
    _expect_object(options, "options", _OPTION_KEYS)
    instance = Instance(
        slots=slots,
        tables=tables,
        participants=participants,
        meetings=meetings,
        max_break_spread=options.get("max_break_spread"),
    )
    validate_instance(instance)
    return instance


def _slot(item: Any, where: str) -> Slot:
    _expect_object(item, where, _SLOT_KEYS, required={"id"})
    where = _named(where, item)
    start = item.get("start")
    if start is not None:
        if not isinstance(start, str):
            raise InstanceError(f"{where}: start must be an ISO 8601 date and time")
        try:
            start = datetime.fromisoformat(start)
        except ValueError as exc:
            raise InstanceError(
                f"{where}: start {start!r} is not an ISO 8601 date and time"
            ) from exc
    session = item.get("session", "day")
    if not isinstance(session, str) or not session:
        raise InstanceError(f"{where}: session must be a non-empty string")
    return Slot(id=_id(item, where), session=session, start=start)


def _participant(item: Any, where: str) -> Participant:
    _expect_object(item, where, _PARTICIPANT_KEYS, required={"id"})
    where = _named(where, item)
    return Participant(
        id=_id(item, where), available=_id_set(item.get("available"), where, "available")
    )


def _meeting(item: Any, where: str) -> Meeting:
    _expect_object(item, where, _MEETING_KEYS, required={"id", "participants"})
    where = _named(where, item)
    required = item.get("required", False)
    if not isinstance(required, bool):
        raise InstanceError(f"{where}: required must be true or false")
    fixed_slot = item.get("fixed_slot")
    if fixed_slot is not None and not isinstance(fixed_slot, str):
        raise InstanceError(f"{where}: fixed_slot must be a slot id or null")
    weight = item.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int):
        raise InstanceError(f"{where}: weight must be a whole number, not {json.dumps(weight)}")
    fixed_table = item.get("fixed_table")
    if fixed_table is not None and (
        isinstance(fixed_table, bool) or not isinstance(fixed_table, int)
    ):
        raise InstanceError(f"{where}: fixed_table must be a whole number or null")
    return Meeting(
        id=_id(item, where),
        participants=tuple(_id_list(item["participants"], where, "participants")),
        weight=weight,
        required=required,
        slots=_id_set(item.get("slots"), where, "slots"),
        fixed_slot=fixed_slot,
        fixed_table=fixed_table,
        after=tuple(_id_list(item.get("after") or [], where, "after")),
    )


def _expect_object(
    item: Any, where: str, keys: set[str], required: frozenset[str] | set[str] = frozenset()
) -> None:
    if not isinstance(item, dict):
        raise InstanceError(f"{where} must be a JSON object")
    unknown = sorted(set(item) - keys)
    if unknown:
        raise InstanceError(f"{_named(where, item)}: unknown key {unknown[0]!r}")
    missing = sorted(required - set(item))
    if missing:
        raise InstanceError(f"{_named(where, item)}: missing {missing[0]!r}")


def _named(where: str, item: dict) -> str:
    """``meetings[3] (m4)``: the position, and the id when there is one."""
    if isinstance(item.get("id"), str) and item["id"]:
        return f"{where} ({item['id']})"
    return where


def _id(item: dict, where: str) -> str:
    value = item["id"]
    if not isinstance(value, str) or not value:
        raise InstanceError(f"{where}: id must be a non-empty string, not {json.dumps(value)}")
    return value


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise InstanceError(f"{where} must be a list")
    return value


def _id_list(value: Any, where: str, key: str) -> list[str]:
    for item in _list(value, f"{where}: {key}"):
        if not isinstance(item, str):
            raise InstanceError(f"{where}: {key} must list ids as strings, not {json.dumps(item)}")
    return value


def _id_set(value: Any, where: str, key: str) -> frozenset[str] | None:
    if value is None:
        return None
    ids = _id_list(value, where, key)
    if len(set(ids)) != len(ids):
        twice = next(item for item in ids if ids.count(item) > 1)
        raise InstanceError(f"{where}: {key} lists {twice} twice")
    return frozenset(ids)


# Writing an instance ------------------------------------------------------------------------


def instance_to_dict(instance: Instance) -> dict[str, Any]:
    """INSTANCE.json's content; lists of slots keep the instance's chronological order."""
    order = instance.slot_index()

    def slot_list(ids: frozenset[str] | None) -> list[str] | None:
        return None if ids is None else sorted(ids, key=lambda slot: order.get(slot, len(order)))

    return {
        "slots": [
            {"id": slot.id, "session": slot.session}
            | ({"start": slot.start.isoformat()} if slot.start is not None else {})
            for slot in instance.slots
        ],
        "tables": instance.tables if isinstance(instance.tables, int) else dict(instance.tables),
        "participants": [
            {"id": participant.id, "available": slot_list(participant.available)}
            for participant in instance.participants
        ],
        "meetings": [
            {
                "id": meeting.id,
                "participants": list(meeting.participants),
                "weight": meeting.weight,
                "required": meeting.required,
                "slots": slot_list(meeting.slots),
                "fixed_slot": meeting.fixed_slot,
                "after": list(meeting.after),
            }
            | ({"fixed_table": meeting.fixed_table} if meeting.fixed_table is not None else {})
            for meeting in instance.meetings
        ],
        "options": {"max_break_spread": instance.max_break_spread},
    }


def instance_to_json(instance: Instance) -> str:
    return _json_text(instance_to_dict(instance))


def _json_text(data: dict[str, Any]) -> str:
    """JSON with one line per key and one line per object in a list: readable, diffable."""
    lines = []
    for key, value in data.items():
        name = json.dumps(key)
        if isinstance(value, list) and any(isinstance(item, dict) for item in value):
            items = ",\n".join(f"  {json.dumps(item, ensure_ascii=False)}" for item in value)
            lines.append(f" {name}: [\n{items}\n ]")
        else:
            lines.append(f" {name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


# Schedules ----------------------------------------------------------------------------------


def schedule_to_dict(schedule: Schedule) -> dict[str, Any]:
    """SCHEDULE.json's content. ``gap`` is derived: how far the objectives may still be from
    the bounds (weight: bound − found; breaks: found − bound), null where nothing is proven."""
    objective, bound = schedule.objective, schedule.bound
    gap = None
    if objective is not None and bound is not None:
        gap = {
            "weight": None if bound.weight is None else bound.weight - objective.weight,
            "breaks": None if bound.breaks is None else objective.breaks - bound.breaks,
        }
    return {
        "status": str(schedule.status),
        "scheduled": [
            {"meeting": placement.meeting, "slot": placement.slot, "table": placement.table}
            for placement in schedule.scheduled
        ],
        "unscheduled": list(schedule.unscheduled),
        "objective": None
        if objective is None
        else {
            "weight": objective.weight,
            "breaks": objective.breaks,
            "participants_without_meeting": objective.participants_without_meeting,
        },
        "bound": None if bound is None else {"weight": bound.weight, "breaks": bound.breaks},
        "gap": gap,
        "time_s": round(schedule.time_s, 3),
    }


def schedule_to_json(schedule: Schedule) -> str:
    return _json_text(schedule_to_dict(schedule))


def write_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def dump_schedule(schedule: Schedule, path: str | os.PathLike[str]) -> None:
    write_atomically(path, schedule_to_json(schedule))


def load_schedule_json(path: str | os.PathLike[str]) -> Schedule:
    return schedule_from_dict(read_json(path, error=ScheduleFormatError))


def schedule_from_dict(data: Any) -> Schedule:
    """A Schedule from SCHEDULE.json's content. Only the shape is checked here (types, keys);
    whether the placements make sense is the checker's business."""
    if not isinstance(data, dict):
        raise ScheduleFormatError("the schedule must be a JSON object")
    unknown = sorted(set(data) - _SCHEDULE_KEYS)
    if unknown:
        raise ScheduleFormatError(f"the schedule: unknown key {unknown[0]!r}")
    if "status" not in data:
        raise ScheduleFormatError("the schedule: missing 'status'")
    try:
        status = Status(data["status"])
    except ValueError as exc:
        raise ScheduleFormatError(
            "the schedule: status must be optimal, feasible or infeasible, "
            f"not {json.dumps(data['status'])}"
        ) from exc
    scheduled = data.get("scheduled") or []
    if not isinstance(scheduled, list):
        raise ScheduleFormatError("the schedule: scheduled must be a list")
    placements = [_placement(item, f"scheduled[{n}]") for n, item in enumerate(scheduled)]
    unscheduled = data.get("unscheduled") or []
    if not isinstance(unscheduled, list) or not all(isinstance(m, str) for m in unscheduled):
        raise ScheduleFormatError("the schedule: unscheduled must be a list of meeting ids")
    time_s = data.get("time_s") or 0.0
    if isinstance(time_s, bool) or not isinstance(time_s, int | float):
        raise ScheduleFormatError("the schedule: time_s must be a number")
    return Schedule(
        status=status,
        scheduled=placements,
        unscheduled=list(unscheduled),
        objective=_counts(
            data.get("objective"),
            "objective",
            Objective,
            ("weight", "breaks", "participants_without_meeting"),
        ),
        bound=_counts(data.get("bound"), "bound", Bound, ("weight", "breaks"), nullable=True),
        time_s=float(time_s),
    )


def _placement(item: Any, where: str) -> Placement:
    if not isinstance(item, dict) or set(item) != {"meeting", "slot", "table"}:
        raise ScheduleFormatError(f"the schedule: {where} must be {{meeting, slot, table}}")
    if not isinstance(item["meeting"], str) or not isinstance(item["slot"], str):
        raise ScheduleFormatError(f"the schedule: {where}: meeting and slot must be ids")
    if isinstance(item["table"], bool) or not isinstance(item["table"], int):
        raise ScheduleFormatError(
            f"the schedule: {where} ({item['meeting']}): table must be a whole number"
        )
    return Placement(meeting=item["meeting"], slot=item["slot"], table=item["table"])


def _counts(value: Any, where: str, kind: type, keys: tuple[str, ...], *, nullable: bool = False):
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != set(keys):
        raise ScheduleFormatError(f"the schedule: {where} must be {{{', '.join(keys)}}}")
    for key in keys:
        number = value[key]
        if number is None and nullable:
            continue
        if isinstance(number, bool) or not isinstance(number, int):
            raise ScheduleFormatError(f"the schedule: {where}.{key} must be a whole number")
    return kind(**value)
