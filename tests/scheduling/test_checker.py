"""The checker accepts a valid schedule and names each kind of violation."""

import pytest

from grappe.scheduling.checker import check
from grappe.scheduling.io import ScheduleFormatError, schedule_from_dict
from grappe.scheduling.model import Objective, Placement, Schedule, Status
from tests.scheduling.builders import instance, meeting, schedule_dict, slots

INSTANCE = instance(
    "s1 s2 s3",
    [
        meeting("m1", "a", "b", required=True),
        meeting("m2", "a", "c", slots={"s2", "s3"}),
        meeting("m3", "b", "c", after=["m1"]),
        meeting("m4", "c", "d", fixed_slot="s1", fixed_table=2),
        meeting("m5", "d", "e"),
    ],
    tables=2,
    unavailable={"e": {"s3"}},
    max_break_spread=1,
)

VALID = {
    "m1": ("s1", 1),
    "m4": ("s1", 2),
    "m2": ("s2", 1),
    "m5": ("s2", 2),
    "m3": ("s3", 1),
}


def _check(placements, **extra):
    return check(INSTANCE, schedule_dict(placements, INSTANCE, **extra))


def test_a_valid_schedule_passes_and_its_objectives_are_recomputed():
    objective = {"weight": 5, "breaks": 1, "participants_without_meeting": 0}
    result = _check(VALID, objective=objective, bound={"weight": 5, "breaks": 1})
    assert result.violations == []
    assert result.ok
    assert result.objective == Objective(weight=5, breaks=1, participants_without_meeting=0)


def test_a_schedule_object_is_checked_as_well():
    schedule = schedule_from_dict(schedule_dict(VALID, INSTANCE, status="optimal"))
    assert isinstance(schedule, Schedule)
    assert check(INSTANCE, schedule).violations == []


def _moved(**changes):
    placements = dict(VALID)
    for name, where in changes.items():
        if where is None:
            placements.pop(name)
        else:
            placements[name] = where
    return placements


VIOLATIONS = [
    (_moved(m1=None), "required meeting m1 is not scheduled"),
    (_moved(m4=None, m5=("s2", 2)), "meeting m4 is fixed to slot s1 but is not scheduled"),
    (_moved(m4=("s3", 2)), "meeting m4 is fixed to slot s1 but is in slot s3"),
    (_moved(m4=("s1", 1), m1=("s1", 2)), "meeting m4 keeps table 2 but is at table 1"),
    (_moved(m2=("s1", 3)), "meeting m2 does not allow slot s1"),
    (_moved(m5=("s3", 2)), "meeting m5 is in slot s3, where participant e is unavailable"),
    (_moved(m3=("s2", 2), m5=("s3", 2)), "participant c has meetings m2 and m3 in slot s2"),
    (_moved(m3=("s1", 3)), "slot s1 has 3 meetings for 2 table(s)"),
    (_moved(m3=("s3", 3)), "meeting m3 is at table 3, but slot s3 has tables 1 to 2"),
    (_moved(m3=("s3", 0)), "meeting m3 is at table 0, but slot s3 has tables 1 to 2"),
    (_moved(m5=("s2", 1)), "meetings m2 and m5 are both at table 1 in slot s2"),
    (
        _moved(m1=("s3", 2), m3=("s2", 2), m2=None, m5=None),
        "meeting m3 (slot s2) must come after meeting m1 (slot s3)",
    ),
]


@pytest.mark.parametrize(("placements", "message"), VIOLATIONS, ids=[m for _, m in VIOLATIONS])
def test_each_kind_of_violation_is_named(placements, message):
    violations = _check(placements).violations
    assert message in violations, violations


def test_unknown_ids_and_a_meeting_twice():
    schedule = schedule_dict(VALID, INSTANCE)
    schedule["scheduled"] += [
        {"meeting": "m9", "slot": "s1", "table": 1},
        {"meeting": "m3", "slot": "s9", "table": 1},
        {"meeting": "m3", "slot": "s2", "table": 2},
    ]
    schedule["unscheduled"] = ["m8", "m1"]
    violations = check(INSTANCE, schedule).violations
    assert "unknown meeting 'm9' is scheduled" in violations
    assert "meeting m3 is in unknown slot 's9'" in violations
    assert "meeting m3 is scheduled twice (slots s3 and s2)" in violations
    assert "unknown meeting 'm8' is listed unscheduled" in violations
    assert "meeting m1 is both scheduled and listed unscheduled" in violations


def test_a_meeting_neither_scheduled_nor_unscheduled():
    schedule = schedule_dict(VALID, INSTANCE)
    schedule["scheduled"].pop()
    assert "meeting m3 is neither scheduled nor listed unscheduled" in (
        check(INSTANCE, schedule).violations
    )


def test_the_break_spread_names_the_two_participants():
    spread = instance(
        "s1 s2 s3 s4 s5",
        [
            meeting("m1", "a", "b"),
            meeting("m2", "a", "c"),
            meeting("m3", "a", "d"),
            meeting("m4", "b", "c"),
        ],
        max_break_spread=1,
    )
    placements = {"m1": ("s1", 1), "m2": ("s3", 1), "m3": ("s5", 1), "m4": ("s2", 1)}
    violations = check(spread, schedule_dict(placements, spread)).violations
    # a: s1, s3, s5 → 2 breaks; b: s1, s2 → none.
    assert violations == [
        "participant a has 2 breaks and participant b 0: more than the allowed spread of 1"
    ]


def test_participants_without_meetings_do_not_count_in_the_spread():
    # a and b have one break each; z, who has no meeting, has none and does not count.
    lonely = instance(
        "s1 s2 s3",
        [meeting("m1", "a", "b"), meeting("m2", "a", "b")],
        unavailable={"z": set()},
        max_break_spread=0,
    )
    assert [p.id for p in lonely.participants] == ["a", "b", "z"]
    placements = {"m1": ("s1", 1), "m2": ("s3", 1)}
    result = check(lonely, schedule_dict(placements, lonely))
    assert result.violations == []
    assert result.objective.breaks == 2


def test_breaks_are_counted_within_a_session_only():
    two_sessions = instance(
        (*slots("s1", "s2", session="am"), *slots("s3", session="pm")),
        [meeting("m1", "a", "b"), meeting("m2", "a", "c")],
    )
    result = check(two_sessions, schedule_dict({"m1": ("s1", 1), "m2": ("s3", 1)}, two_sessions))
    assert result.violations == []
    assert result.objective.breaks == 0


def test_claims_that_do_not_match_are_named():
    result = _check(
        VALID,
        status="optimal",
        objective={"weight": 6, "breaks": 0, "participants_without_meeting": 0},
        bound={"weight": 4, "breaks": 2},
    )
    assert result.violations == [
        "the schedule claims weight 6, but it is 5",
        "the schedule claims breaks 0, but it is 1",
        "the weight bound 4 is below the weight 5 the schedule reaches",
        "the breaks bound 2 is above the 1 breaks the schedule has",
        "the schedule says optimal, but its bounds (weight 4, breaks 2) differ from its "
        "objectives (weight 5, breaks 1)",
    ]


def test_a_bound_with_a_gap_is_fine_when_not_optimal():
    assert _check(VALID, bound={"weight": 9, "breaks": 0}).violations == []
    assert (
        "the schedule says optimal"
        in _check(VALID, status="optimal", bound={"weight": 9, "breaks": None}).violations[0]
    )


def test_an_infeasible_schedule_must_place_nothing():
    empty = Schedule(status=Status.INFEASIBLE, unscheduled=[m.id for m in INSTANCE.meetings])
    assert check(INSTANCE, empty).violations == []
    wrong = Schedule(status=Status.INFEASIBLE, scheduled=[Placement("m1", "s1", 1)])
    assert check(INSTANCE, wrong).violations == [
        "the schedule says infeasible but places 1 meeting(s)"
    ]


def test_a_malformed_schedule_dict_raises():
    with pytest.raises(ScheduleFormatError, match="status must be"):
        check(INSTANCE, {"status": "great"})


def test_tables_per_slot():
    per_slot = instance(
        "s1 s2", [meeting("m1", "a", "b"), meeting("m2", "c", "d")], tables={"s1": 1, "s2": 2}
    )
    violations = check(per_slot, schedule_dict({"m1": ("s1", 1), "m2": ("s1", 2)}, per_slot))
    assert violations.violations == [
        "meeting m2 is at table 2, but slot s1 has tables 1 to 1",
        "slot s1 has 2 meetings for 1 table(s)",
    ]
