"""Small instances written by hand, for the scheduler's tests."""

from __future__ import annotations

from grappe.scheduling.model import Instance, Meeting, Participant, Slot


def slots(*ids: str, session: str = "day") -> tuple[Slot, ...]:
    return tuple(Slot(id=slot, session=session) for slot in ids)


def meeting(id: str, *participants: str, **fields) -> Meeting:
    for key in ("slots",):
        if fields.get(key) is not None:
            fields[key] = frozenset(fields[key])
    if "after" in fields:
        fields["after"] = tuple(fields["after"])
    return Meeting(id=id, participants=participants, **fields)


def instance(
    slot_ids: str | tuple[Slot, ...],
    meetings: list[Meeting],
    *,
    tables: int | dict[str, int] = 10,
    unavailable: dict[str, set[str]] | None = None,
    max_break_spread: int | None = None,
) -> Instance:
    """``instance("s1 s2 s3", [meeting("m1", "a", "b")])``: participants are those the
    meetings name, available everywhere except in ``unavailable[participant]``."""
    all_slots = slots(*slot_ids.split()) if isinstance(slot_ids, str) else slot_ids
    names = sorted({p for m in meetings for p in m.participants} | set(unavailable or {}))
    participants = []
    for name in names:
        out = (unavailable or {}).get(name)
        available = None if not out else frozenset(s.id for s in all_slots if s.id not in out)
        participants.append(Participant(id=name, available=available))
    return Instance(
        slots=all_slots,
        tables=tables,
        participants=tuple(participants),
        meetings=tuple(meetings),
        max_break_spread=max_break_spread,
    )


def schedule_dict(placements: dict[str, tuple[str, int]], instance: Instance, **extra) -> dict:
    """SCHEDULE.json content placing ``meeting → (slot, table)``; the rest unscheduled."""
    return {
        "status": extra.pop("status", "feasible"),
        "scheduled": [
            {"meeting": m, "slot": slot, "table": table} for m, (slot, table) in placements.items()
        ],
        "unscheduled": [m.id for m in instance.meetings if m.id not in placements],
        **extra,
    }
