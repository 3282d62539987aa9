"""The scheduler: known optima of hand-built instances, proven, and every hard rule kept."""

from grappe.scheduling.checker import check
from grappe.scheduling.generate import trade_show
from grappe.scheduling.greedy import greedy
from grappe.scheduling.model import Bound, Slot, Status
from grappe.scheduling.objectives import breaks_by_participant
from grappe.scheduling.solver import solve
from tests.scheduling.builders import instance, meeting

LIMIT = 10


def _placed(schedule):
    return {p.meeting: p.slot for p in schedule.scheduled}


def _solved(event, limit=LIMIT):
    schedule = solve(event, time_limit=limit)
    assert check(event, schedule).violations == []
    return schedule


def test_a_chain_of_required_meetings_has_no_break_and_says_it_is_optimal():
    # a meets b, c and d; with four slots and two tables a's three meetings can be consecutive.
    event = instance(
        "s1 s2 s3 s4",
        [meeting(f"m{k}", "a", other, required=True) for k, other in enumerate("bcd")],
        tables=2,
    )
    schedule = _solved(event)
    assert schedule.status == Status.OPTIMAL
    assert schedule.objective.breaks == 0
    assert schedule.bound == Bound(weight=3, breaks=0)
    assert schedule.objective.participants_without_meeting == 0
    assert schedule.time_s <= LIMIT


def test_an_unavoidable_break_is_found_and_proven():
    # a must meet b in s1 (b's only slot) and c in s3 (c's only slot): one break for a.
    event = instance(
        "s1 s2 s3",
        [meeting("m1", "a", "b", required=True), meeting("m2", "a", "c", required=True)],
        unavailable={"b": {"s2", "s3"}, "c": {"s1", "s2"}},
    )
    schedule = _solved(event)
    assert schedule.status == Status.OPTIMAL
    assert _placed(schedule) == {"m1": "s1", "m2": "s3"}
    assert schedule.objective.breaks == 1
    assert schedule.bound.breaks == 1


def test_breaks_only_count_within_a_session():
    slots = (Slot("am1", "am"), Slot("am2", "am"), Slot("pm1", "pm"), Slot("pm2", "pm"))
    event = instance(
        slots,
        [
            meeting("m1", "a", "b", required=True, slots={"am1"}),
            meeting("m2", "a", "c", required=True, slots={"pm2"}),
        ],
    )
    schedule = _solved(event)
    assert schedule.status == Status.OPTIMAL
    assert schedule.objective.breaks == 0


def test_the_scheduler_keeps_the_meeting_greedy_loses():
    # Greedy puts m1 in s1, the only slot m2 allows, and loses m2; the optimum keeps both.
    event = instance(
        "s1 s2", [meeting("m1", "a", "b"), meeting("m2", "a", "c", slots={"s1"})], tables=2
    )
    assert greedy(event).objective.weight == 1
    schedule = _solved(event)
    assert schedule.status == Status.OPTIMAL
    assert _placed(schedule) == {"m1": "s2", "m2": "s1"}
    assert schedule.objective.weight == 2
    assert schedule.bound.weight == 2


def test_weight_comes_before_breaks():
    # One table per slot: the heavy meeting is worth more than the two light ones' comfort.
    event = instance(
        "s1 s2 s3",
        [
            meeting("heavy", "a", "b", weight=5, slots={"s2"}),
            meeting("light1", "a", "c", slots={"s2"}),
            meeting("light2", "a", "d", slots={"s1", "s3"}),
        ],
        tables=1,
    )
    schedule = _solved(event)
    assert schedule.status == Status.OPTIMAL
    assert _placed(schedule)["heavy"] == "s2"
    assert "light1" in schedule.unscheduled
    assert schedule.objective.weight == 6
    assert schedule.objective.breaks == 0


def test_tables_limit_the_meetings_of_a_slot():
    event = instance(
        "s1 s2",
        [meeting(f"m{k}", f"a{k}", f"b{k}") for k in range(5)],
        tables={"s1": 2, "s2": 1},
    )
    schedule = _solved(event)
    assert schedule.status == Status.OPTIMAL
    assert schedule.objective.weight == 3
    assert sorted(p.table for p in schedule.scheduled if p.slot == "s1") == [1, 2]


def test_an_impossible_required_meeting_makes_the_instance_infeasible():
    # Three required meetings between a, b and c need three slots; there are two.
    event = instance(
        "s1 s2",
        [
            meeting("m1", "a", "b", required=True),
            meeting("m2", "b", "c", required=True),
            meeting("m3", "a", "c", required=True),
        ],
    )
    schedule = _solved(event)
    assert schedule.status == Status.INFEASIBLE
    assert schedule.scheduled == []


def test_fixed_meetings_stay_with_their_table():
    event = instance(
        "s1 s2 s3",
        [
            meeting("m1", "a", "b", fixed_slot="s3", fixed_table=2),
            meeting("m2", "a", "c", required=True),
            meeting("m3", "b", "c"),
        ],
        tables=2,
    )
    schedule = _solved(event)
    placement = {p.meeting: (p.slot, p.table) for p in schedule.scheduled}
    assert placement["m1"] == ("s3", 2)
    assert schedule.status == Status.OPTIMAL
    assert schedule.objective.weight == 3


def test_precedences_hold():
    event = instance(
        "s1 s2 s3",
        [
            meeting("m1", "a", "b", required=True, after=["m2"]),
            meeting("m2", "c", "d", required=True, after=["m3"]),
            meeting("m3", "e", "f", required=True),
        ],
    )
    schedule = _solved(event)
    assert _placed(schedule) == {"m3": "s1", "m2": "s2", "m1": "s3"}


def test_a_meeting_of_three_takes_one_table_and_three_agendas():
    event = instance(
        "s1 s2",
        [meeting("m1", "a", "b", "c", required=True), meeting("m2", "c", "d", required=True)],
        tables=1,
    )
    schedule = _solved(event)
    assert schedule.status == Status.OPTIMAL
    assert _placed(schedule)["m1"] != _placed(schedule)["m2"]


def test_fairness_bounds_the_spread_of_breaks():
    # a must meet b in s1 and c in s3: one break for a, none for b and c.
    meetings = [
        meeting("m1", "a", "b", required=True, slots={"s1"}),
        meeting("m2", "a", "c", required=True, slots={"s3"}),
    ]
    loose = instance("s1 s2 s3", meetings, max_break_spread=1)
    schedule = _solved(loose)
    assert schedule.status == Status.OPTIMAL
    assert breaks_by_participant(loose, schedule.slot_of()) == {"a": 1, "b": 0, "c": 0}
    strict = instance("s1 s2 s3", meetings, max_break_spread=0)
    assert _solved(strict).status == Status.INFEASIBLE


def test_the_third_objective_leaves_nobody_without_a_meeting():
    # One table, two slots: two of the three meetings take place, each of the same weight;
    # {m1, m3} gives everybody a meeting, {m1, m2} and {m2, m3} leave d or b without one.
    event = instance(
        "s1 s2",
        [meeting("m1", "a", "b"), meeting("m2", "a", "c"), meeting("m3", "c", "d")],
        tables=1,
    )
    schedule = _solved(event)
    assert schedule.objective.weight == 2
    assert schedule.objective.participants_without_meeting == 0


def test_a_small_trade_show_beats_greedy_with_a_proven_bound():
    event = trade_show(participants=30, seed=2)
    baseline = greedy(event)
    schedule = _solved(event, limit=3)
    assert schedule.bound.weight is not None
    assert schedule.objective.weight >= baseline.objective.weight
    assert schedule.objective.weight <= schedule.bound.weight
    assert len({slot.session for slot in event.slots}) == 2
