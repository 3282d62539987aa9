"""Properties over small random instances: every schedule returned passes the checker.

The solver's optima are compared with an exhaustive search on the smallest instances.
"""

import itertools
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grappe.scheduling.checker import check
from grappe.scheduling.greedy import greedy
from grappe.scheduling.io import instance_from_dict, instance_to_json
from grappe.scheduling.model import Instance, Meeting, Participant, Slot, Status
from grappe.scheduling.objectives import evaluate
from grappe.scheduling.solver import solve
from grappe.scheduling.tables import number_tables
from grappe.scheduling.validation import validate_instance

PROPERTIES = settings(
    max_examples=150,
    database=None,  # no example database left in the work tree
    deadline=None,
    derandomize=True,  # the same examples on every run: CI never fails by chance
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def instances(draw, max_slots=4, max_meetings=6):
    n_slots = draw(st.integers(1, max_slots))
    morning = draw(st.integers(0, n_slots))
    slots = tuple(
        Slot(id=f"s{i}", session="am" if i < morning else "pm") for i in range(1, n_slots + 1)
    )
    ids = [slot.id for slot in slots]
    if draw(st.booleans()):
        tables = draw(st.integers(1, 3))
    else:
        tables = {slot: draw(st.integers(0, 3)) for slot in ids}
    participants = []
    for i in range(1, draw(st.integers(2, 5)) + 1):
        available = None
        if draw(st.integers(0, 3)) == 0:
            available = frozenset(draw(st.sets(st.sampled_from(ids))))
        participants.append(Participant(id=f"p{i}", available=available))
    availability = {p.id: p.available for p in participants}
    instance = Instance(slots=slots, tables=tables, participants=(), meetings=())
    meetings: list[Meeting] = []
    fixed_tables: set[tuple[str, int]] = set()
    for k in range(1, draw(st.integers(0, max_meetings)) + 1):
        who = tuple(
            draw(st.lists(st.sampled_from(list(availability)), min_size=2, max_size=3, unique=True))
        )
        allowed = None
        if draw(st.integers(0, 3)) == 0:
            allowed = frozenset(draw(st.sets(st.sampled_from(ids), min_size=1)))
        after = ()
        if meetings and draw(st.integers(0, 3)) == 0:
            earlier = [m.id for m in meetings]
            after = tuple(draw(st.lists(st.sampled_from(earlier), max_size=2, unique=True)))
        fixed_slot = fixed_table = None
        if draw(st.integers(0, 4)) == 0:
            possible = [
                slot
                for slot in ids
                if (allowed is None or slot in allowed)
                and instance.tables_in(slot) > 0
                and all(availability[p] is None or slot in availability[p] for p in who)
            ]
            if possible:
                fixed_slot = draw(st.sampled_from(possible))
                table = draw(st.integers(0, instance.tables_in(fixed_slot)))
                if table and (fixed_slot, table) not in fixed_tables:
                    fixed_table = table
                    fixed_tables.add((fixed_slot, table))
        meetings.append(
            Meeting(
                id=f"m{k}",
                participants=who,
                weight=draw(st.integers(0, 3)),
                required=draw(st.integers(0, 4)) == 0,
                slots=allowed,
                fixed_slot=fixed_slot,
                fixed_table=fixed_table,
                after=after,
            )
        )
    instance = Instance(
        slots=slots,
        tables=tables,
        participants=tuple(participants),
        meetings=tuple(meetings),
        max_break_spread=draw(st.none() | st.integers(0, 2)),
    )
    validate_instance(instance)
    return instance


@PROPERTIES
@given(instances())
def test_an_instance_round_trips_through_json(instance):
    assert instance_from_dict(json.loads(instance_to_json(instance))) == instance


@PROPERTIES
@given(instances())
def test_every_greedy_schedule_passes_the_checker(instance):
    schedule = greedy(instance)
    assert check(instance, schedule).violations == []
    if schedule.status == Status.FEASIBLE:
        assert schedule.objective == evaluate(instance, schedule.slot_of())


def _best(instance: Instance):
    """The lexicographic optimum (weight, breaks) by trying every placement, or None."""
    options = [[None, *[slot.id for slot in instance.slots]] for _ in instance.meetings]
    best = None
    for choice in itertools.product(*options):
        slot_of = {m.id: slot for m, slot in zip(instance.meetings, choice, strict=True) if slot}
        try:
            tables = number_tables(instance, slot_of)
        except ValueError:
            continue
        placements = {"status": "feasible", "scheduled": [], "unscheduled": []}
        for meeting in instance.meetings:
            if meeting.id in slot_of:
                placements["scheduled"].append(
                    {
                        "meeting": meeting.id,
                        "slot": slot_of[meeting.id],
                        "table": tables[meeting.id],
                    }
                )
            else:
                placements["unscheduled"].append(meeting.id)
        result = check(instance, placements)
        if result.violations:
            continue
        key = (-result.objective.weight, result.objective.breaks)
        if best is None or key < best:
            best = key
    return None if best is None else (-best[0], best[1])


@settings(PROPERTIES, max_examples=100)
@given(instances())
def test_every_schedule_the_solver_returns_passes_the_checker(instance):
    schedule = solve(instance, time_limit=10)
    assert check(instance, schedule).violations == []
    found = greedy(instance)
    if found.status == Status.FEASIBLE:
        assert schedule.status != Status.INFEASIBLE
    if schedule.status == Status.OPTIMAL and found.status == Status.FEASIBLE:
        assert schedule.objective.weight >= found.objective.weight
        if schedule.objective.weight == found.objective.weight:
            assert schedule.objective.breaks <= found.objective.breaks


@settings(PROPERTIES, max_examples=60)
@given(instances(max_slots=3, max_meetings=4))
def test_the_solver_finds_the_optimum_of_small_instances(instance):
    schedule = solve(instance, time_limit=10)
    best = _best(instance)
    if best is None:
        assert schedule.status == Status.INFEASIBLE
    else:
        assert schedule.status == Status.OPTIMAL
        assert (schedule.objective.weight, schedule.objective.breaks) == best
