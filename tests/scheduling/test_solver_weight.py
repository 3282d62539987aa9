"""Large trade shows: the b-matching's weight bound and the large-neighbourhood search."""

import pytest

from grappe.scheduling import solver_cp
from grappe.scheduling.checker import check
from grappe.scheduling.generate import trade_show
from grappe.scheduling.greedy import greedy
from grappe.scheduling.model import Status
from grappe.scheduling.solver import solve
from grappe.scheduling.solver_data import Deadline, prepare
from grappe.scheduling.solver_lns import improve, matching_bound
from tests.scheduling.builders import instance, meeting


def test_a_participant_takes_no_more_meetings_than_its_slots():
    # a is asked by five, has three slots: the three heaviest meetings at best.
    event = instance("s1 s2 s3", [meeting(f"m{k}", "a", f"b{k}", weight=k + 1) for k in range(5)])
    assert matching_bound(prepare(event), 5) == 5 + 4 + 3


def test_meetings_confined_to_fewer_slots_than_they_are_count_once_per_slot():
    # Three of a's meetings can only take place in s1; the fourth anywhere.
    event = instance(
        "s1 s2 s3",
        [meeting(f"m{k}", "a", f"b{k}", slots={"s1"}) for k in range(3)]
        + [meeting("m3", "a", "c")],
    )
    assert matching_bound(prepare(event), 5) == 2


def test_the_day_seats_no_more_meetings_than_its_tables():
    event = instance("s1 s2", [meeting(f"m{k}", f"a{k}", f"b{k}") for k in range(5)], tables=2)
    assert matching_bound(prepare(event), 5) == 4


def test_the_bound_is_never_below_a_schedule():
    event = trade_show(participants=30, seed=3)
    schedule = solve(event, time_limit=3)
    assert schedule.status == Status.FEASIBLE
    assert matching_bound(prepare(event), 5) >= schedule.objective.weight


def _as_indices(prepared, schedule):
    meetings = {m.id: k for k, m in enumerate(prepared.instance.meetings)}
    slots = prepared.instance.slot_index()
    return {meetings[p.meeting]: slots[p.slot] for p in schedule.scheduled}


def test_the_search_keeps_every_rule_and_never_loses_weight():
    event = trade_show(participants=60, seed=2)
    prepared = prepare(event)
    start = _as_indices(prepared, greedy(event))
    found = improve(prepared, start, Deadline(1.0))
    weight = sum(prepared.weight[m] for m in found)
    assert weight >= sum(prepared.weight[m] for m in start)
    assert found != start
    for m, t in found.items():
        assert t in prepared.domain[m]
    seats: dict = {}
    busy: set = set()
    for m, t in found.items():
        seats[t] = seats.get(t, 0) + 1
        for p in prepared.members[m]:
            assert (p, t) not in busy
            busy.add((p, t))
    assert all(count <= prepared.tables[t] for t, count in seats.items())


def test_with_the_weight_reached_the_search_only_removes_breaks():
    event = trade_show(participants=60, seed=2)
    prepared = prepare(event)
    start = _as_indices(prepared, greedy(event))
    weight = sum(prepared.weight[m] for m in start)
    found = improve(prepared, start, Deadline(1.0), weight_bound=weight)
    assert set(found) == set(start)
    assert prepared.breaks(found) <= prepared.breaks(start)


@pytest.fixture
def large_from_the_start(monkeypatch):
    monkeypatch.setattr(solver_cp, "LARGE", 0)


@pytest.mark.usefixtures("large_from_the_start")
def test_a_large_trade_show_gets_more_weight_and_fewer_breaks_than_greedy():
    event = trade_show(participants=60, seed=1)
    baseline = greedy(event)
    schedule = solve(event, time_limit=4)
    assert check(event, schedule).violations == []
    assert schedule.status in (Status.FEASIBLE, Status.OPTIMAL)
    assert schedule.objective.weight > baseline.objective.weight
    assert schedule.objective.breaks < baseline.objective.breaks
    assert baseline.objective.weight <= schedule.objective.weight <= schedule.bound.weight
    assert schedule.time_s <= 4


@pytest.mark.usefixtures("large_from_the_start")
def test_required_meetings_stay_scheduled_in_the_search():
    event = instance(
        "s1 s2 s3",
        [meeting("m1", "a", "b", required=True)]
        + [meeting(f"o{k}", "a", f"c{k}", weight=3) for k in range(3)],
    )
    schedule = solve(event, time_limit=5)
    assert check(event, schedule).violations == []
    assert "m1" in {p.meeting for p in schedule.scheduled}
    # Weight and breaks meet their bounds: the search stops there and says so.
    assert schedule.objective.weight == schedule.bound.weight == 1 + 3 + 3
    assert schedule.status == Status.OPTIMAL
    assert schedule.time_s < 2
