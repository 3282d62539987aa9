"""The first-come greedy baseline: valid schedules, and where it falls short."""

from grappe.scheduling.checker import check
from grappe.scheduling.greedy import greedy
from grappe.scheduling.model import Status
from tests.scheduling.builders import instance, meeting


def _placed(schedule):
    return {p.meeting: p.slot for p in schedule.scheduled}


def test_meetings_go_to_the_first_slot_where_they_fit_in_request_order():
    event = instance(
        "s1 s2 s3",
        [
            meeting("m1", "a", "b"),
            meeting("m2", "a", "c"),
            meeting("m3", "c", "d", slots={"s2", "s3"}),
            meeting("m4", "e", "f"),
        ],
        tables=2,
        unavailable={"e": {"s1", "s2"}},
    )
    schedule = greedy(event)
    assert schedule.status == Status.FEASIBLE
    assert schedule.bound is None
    assert _placed(schedule) == {"m1": "s1", "m2": "s2", "m3": "s3", "m4": "s3"}
    assert check(event, schedule).violations == []
    assert schedule.objective.weight == 4


def test_greedy_loses_a_meeting_an_optimiser_keeps():
    # m1 takes s1, the only slot m2 allows: greedy schedules one meeting, two fit (m1 in s2).
    event = instance(
        "s1 s2", [meeting("m1", "a", "b"), meeting("m2", "a", "c", slots={"s1"})], tables=2
    )
    schedule = greedy(event)
    assert _placed(schedule) == {"m1": "s1"}
    assert schedule.unscheduled == ["m2"]
    assert schedule.objective.weight == 1
    assert check(event, schedule).violations == []


def test_tables_fixed_meetings_and_precedences_are_respected():
    event = instance(
        "s1 s2 s3",
        [
            meeting("m1", "a", "b", after=["m3"]),
            meeting("m2", "c", "d"),
            meeting("m3", "e", "f"),
            meeting("m4", "g", "h", fixed_slot="s1", fixed_table=1),
        ],
        tables=1,
    )
    schedule = greedy(event)
    # m4 holds s1's only table; m1 takes s2 before m3 comes, which then finds no earlier slot.
    assert _placed(schedule) == {"m4": "s1", "m1": "s2", "m2": "s3"}
    assert schedule.unscheduled == ["m3"]
    assert check(event, schedule).violations == []


def test_a_meeting_that_must_come_before_one_already_placed():
    event = instance(
        "s1 s2 s3",
        [meeting("m1", "a", "b", slots={"s2"}, after=["m2"]), meeting("m2", "c", "d")],
        tables=2,
    )
    schedule = greedy(event)
    assert _placed(schedule) == {"m1": "s2", "m2": "s1"}
    assert check(event, schedule).violations == []


def test_required_meetings_go_first():
    event = instance(
        "s1", [meeting("m1", "a", "b"), meeting("m2", "a", "c", required=True)], tables=2
    )
    schedule = greedy(event)
    assert _placed(schedule) == {"m2": "s1"}
    assert check(event, schedule).violations == []


def test_when_a_required_meeting_does_not_fit_greedy_finds_nothing():
    event = instance(
        "s1", [meeting("m1", "a", "b", required=True), meeting("m2", "a", "c", required=True)]
    )
    schedule = greedy(event)
    assert schedule.status == Status.UNKNOWN
    assert schedule.scheduled == []
    assert schedule.unscheduled == ["m1", "m2"]
    assert check(event, schedule).violations == []


def test_an_unfair_greedy_schedule_is_not_returned():
    # a gets s1 and s3 (one break), b and c none: spread 0 is exceeded.
    event = instance(
        "s1 s2 s3",
        [meeting("m1", "a", "b"), meeting("m2", "b", "c"), meeting("m3", "a", "c", slots={"s3"})],
        tables=1,
        max_break_spread=0,
    )
    assert greedy(event).status == Status.UNKNOWN
