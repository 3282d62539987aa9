"""INSTANCE.json, SCHEDULE.json and JAIR .dzn: reading, writing, and bad input named."""

import copy
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from grappe.scheduling.io import (
    ScheduleFormatError,
    dump_schedule,
    instance_from_dict,
    instance_from_dzn,
    instance_to_dict,
    instance_to_json,
    load_instance_dzn,
    load_instance_json,
    load_schedule_json,
    schedule_from_dict,
    schedule_to_dict,
    schedule_to_json,
)
from grappe.scheduling.model import (
    Bound,
    InstanceError,
    Objective,
    Placement,
    Schedule,
    Status,
)

EXAMPLE = {
    "slots": [
        {"id": "s1", "session": "am", "start": "2026-09-22T09:00:00+02:00"},
        {"id": "s2", "session": "am", "start": "2026-09-22T09:20:00+02:00"},
        {"id": "s3", "session": "pm", "start": "2026-09-22T14:00:00+02:00"},
    ],
    "tables": 40,
    "participants": [
        {"id": "p1", "available": ["s1", "s3"]},
        {"id": "p2"},
        {"id": "p3", "available": None},
    ],
    "meetings": [
        {
            "id": "m1",
            "participants": ["p1", "p2"],
            "weight": 1,
            "required": False,
            "slots": None,
            "fixed_slot": None,
            "after": [],
        },
        {"id": "m2", "participants": ["p2", "p3", "p1"], "weight": 3, "slots": ["s3", "s1"]},
        {"id": "m3", "participants": ["p3", "p2"], "required": True, "after": ["m1"]},
        {"id": "m4", "participants": ["p3", "p1"], "fixed_slot": "s3", "fixed_table": 2},
    ],
    "options": {"max_break_spread": 2},
}


def test_the_issue_example_reads_with_its_defaults():
    instance = instance_from_dict(EXAMPLE)
    assert [s.id for s in instance.slots] == ["s1", "s2", "s3"]
    assert instance.slots[0].start == datetime(2026, 9, 22, 7, 0, tzinfo=UTC)
    assert instance.slots[2].session == "pm"
    participants = instance.participant_by_id()
    assert participants["p1"].available == frozenset({"s1", "s3"})
    assert participants["p2"].available is None
    m1, m2, m3, m4 = instance.meetings
    assert (m1.weight, m1.required, m1.slots, m1.after) == (1, False, None, ())
    assert m2.participants == ("p2", "p3", "p1")
    assert m2.slots == frozenset({"s1", "s3"})
    assert m3.required
    assert m3.after == ("m1",)
    assert m3.weight == 1
    assert (m4.fixed_slot, m4.fixed_table) == ("s3", 2)
    assert instance.max_break_spread == 2


def test_an_instance_round_trips_through_json(tmp_path):
    instance = instance_from_dict(EXAMPLE)
    path = tmp_path / "instance.json"
    path.write_text(instance_to_json(instance), encoding="utf-8")
    assert load_instance_json(path) == instance
    written = instance_to_dict(instance)
    # Lists of slots keep the chronological order, whatever order the file gave.
    assert written["meetings"][1]["slots"] == ["s1", "s3"]
    assert written["slots"][0]["start"] == "2026-09-22T09:00:00+02:00"


def test_tables_per_slot_and_minimal_instance():
    instance = instance_from_dict(
        {
            "slots": [{"id": "a"}, {"id": "b"}],
            "tables": {"a": 2},
            "participants": [{"id": "x"}, {"id": "y"}],
        }
    )
    assert instance.tables_in("a") == 2
    assert instance.tables_in("b") == 0
    assert instance.meetings == ()
    assert instance.max_break_spread is None
    assert instance.slots[0].session == "day"
    assert instance.slots[0].start is None


def _with(change):
    data = copy.deepcopy(EXAMPLE)
    change(data)
    return data


def _meeting(index, **fields):
    return lambda data: data["meetings"][index].update(fields)


BAD = [
    (_meeting(0, participants=["p1", "p9"]), "meeting m1: unknown participant 'p9'"),
    (_meeting(0, participants=["p1"]), "meeting m1 has fewer than two participants"),
    (_meeting(0, participants=["p1", "p1"]), "meeting m1 lists participant p1 twice"),
    (_meeting(0, slots=["s1", "s7"]), "meeting m1: unknown slot 's7'"),
    (_meeting(0, fixed_slot="s7"), "meeting m1: unknown fixed slot 's7'"),
    (_meeting(0, fixed_slot="s2"), "meeting m1: fixed slot s2 where participant p1 is unavailable"),
    (_meeting(1, fixed_slot="s2"), "meeting m2: fixed slot s2 is not among the meeting's slots"),
    (_meeting(0, weight=-1), "meeting m1: negative weight -1"),
    (_meeting(0, weight=1.5), "meetings[0] (m1): weight must be a whole number"),
    (_meeting(0, weight=True), "meetings[0] (m1): weight must be a whole number"),
    (_meeting(0, required="yes"), "meetings[0] (m1): required must be true or false"),
    (_meeting(0, after=["m3"]), "cyclic precedences: m1 after m3 after m1"),
    (_meeting(0, after=["m1"]), "meeting m1 must come after itself"),
    (_meeting(0, after=["m8"]), "meeting m1: unknown meeting 'm8' in after"),
    (_meeting(0, after=[3]), "meetings[0] (m1): after must list ids as strings"),
    (_meeting(0, fixed_table=1), "meeting m1: a fixed table needs a fixed slot"),
    (_meeting(3, fixed_table=41), "meeting m4: fixed table 41 is not among the 40 tables"),
    (_meeting(0, slot="s1"), "meetings[0] (m1): unknown key 'slot'"),
    (_meeting(1, id="m1"), "duplicate meeting id 'm1'"),
    (lambda d: d["meetings"][0].pop("participants"), "meetings[0] (m1): missing 'participants'"),
    (lambda d: d["participants"][1].update(id="p1"), "duplicate participant id 'p1'"),
    (lambda d: d["participants"][0].update(available=["s9"]), "participant p1: unknown slot 's9'"),
    (lambda d: d["participants"][0].update(available="s1"), "participants[0] (p1): available"),
    (lambda d: d["slots"][1].update(id="s1"), "duplicate slot id 's1'"),
    (lambda d: d["slots"][1].update(id=2), "slots[1]: id must be a non-empty string"),
    (lambda d: d["slots"][1].update(start="tomorrow"), "slots[1] (s2): start 'tomorrow'"),
    (lambda d: d["slots"][1].update(start="2026-09-22T09:20:00"), "slot s2: start"),
    (lambda d: d["slots"][2].update(start="2026-09-22T08:00:00+02:00"), "slot s3 starts at"),
    (lambda d: d.update(slots=[]), "the instance has no slot"),
    (lambda d: d.update(tables=-1), "tables of the instance must not be negative"),
    (lambda d: d.update(tables="40"), "tables must be a whole number or an object"),
    (lambda d: d.update(tables={"s9": 3}), "tables: unknown slot 's9'"),
    (lambda d: d.update(options={"max_break_spread": -1}), "max_break_spread must not be negative"),
    (lambda d: d.update(options={"spread": 1}), "options: unknown key 'spread'"),
    (lambda d: d.update(extra=1), "the instance: unknown key 'extra'"),
    (lambda d: d.pop("slots"), "the instance: missing 'slots'"),
    (lambda d: d.update(meetings={}), "meetings must be a list"),
]


@pytest.mark.parametrize(("change", "message"), BAD, ids=[message for _, message in BAD])
def test_bad_instances_are_refused_naming_the_item(change, message):
    with pytest.raises(InstanceError) as error:
        instance_from_dict(_with(change))
    assert message in str(error.value)


def test_a_three_meeting_cycle_is_named():
    data = _with(_meeting(0, after=["m2"]))
    data["meetings"][1]["after"] = ["m3"]
    with pytest.raises(InstanceError, match="cyclic precedences: m1 after m2 after m3 after m1"):
        instance_from_dict(data)


def test_two_meetings_fixed_to_one_table_are_refused():
    data = _with(_meeting(0, fixed_slot="s3", fixed_table=2))
    with pytest.raises(InstanceError, match="meetings m1 and m4 are both fixed to table 2"):
        instance_from_dict(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"slots": [', "malformed JSON at line 1, column 12"),
        ("[1, 2]", "the instance must be a JSON object"),
        ('{"slots": NaN}', "NaN is not a number JSON allows"),
    ],
)
def test_malformed_json_names_the_file_and_the_place(tmp_path, text, message):
    path = tmp_path / "instance.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InstanceError) as error:
        load_instance_json(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_a_missing_file_is_bad_input(tmp_path):
    with pytest.raises(InstanceError, match="cannot be read"):
        load_instance_json(tmp_path / "nothing.json")


# SCHEDULE.json --------------------------------------------------------------------------------

SCHEDULE = Schedule(
    status=Status.FEASIBLE,
    scheduled=[Placement("m1", "s1", 3), Placement("m4", "s3", 2)],
    unscheduled=["m2", "m3"],
    objective=Objective(weight=2, breaks=1, participants_without_meeting=0),
    bound=Bound(weight=5, breaks=None),
    time_s=1.23456,
)


def test_a_schedule_round_trips_with_its_gap(tmp_path):
    path = tmp_path / "schedule.json"
    dump_schedule(SCHEDULE, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["status"] == "feasible"
    assert data["scheduled"][0] == {"meeting": "m1", "slot": "s1", "table": 3}
    assert data["objective"] == {"weight": 2, "breaks": 1, "participants_without_meeting": 0}
    assert data["bound"] == {"weight": 5, "breaks": None}
    assert data["gap"] == {"weight": 3, "breaks": None}
    assert data["time_s"] == 1.235
    loaded = load_schedule_json(path)
    assert loaded.scheduled == SCHEDULE.scheduled
    assert loaded.bound == SCHEDULE.bound
    assert loaded.objective == SCHEDULE.objective
    assert loaded.unscheduled == SCHEDULE.unscheduled
    assert [p.name for p in tmp_path.iterdir()] == ["schedule.json"]


def test_an_infeasible_schedule_says_so():
    data = schedule_to_dict(Schedule(status=Status.INFEASIBLE, unscheduled=["m1"]))
    assert data == {
        "status": "infeasible",
        "scheduled": [],
        "unscheduled": ["m1"],
        "objective": None,
        "bound": None,
        "gap": None,
        "time_s": 0.0,
    }
    assert (
        json.loads(schedule_to_json(Schedule(status=Status.INFEASIBLE)))["status"] == "infeasible"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(status="good"), "status must be optimal, feasible or infeasible"),
        (lambda d: d.pop("status"), "missing 'status'"),
        (lambda d: d.update(extra=1), "unknown key 'extra'"),
        (lambda d: d["scheduled"][0].update(table="3"), "scheduled[0] (m1): table must be"),
        (lambda d: d["scheduled"][0].pop("table"), "scheduled[0] must be {meeting, slot, table}"),
        (lambda d: d.update(unscheduled="m2"), "unscheduled must be a list of meeting ids"),
        (lambda d: d["objective"].pop("breaks"), "objective must be"),
        (lambda d: d["bound"].update(weight=1.5), "bound.weight must be a whole number"),
        (lambda d: d.update(time_s="soon"), "time_s must be a number"),
    ],
)
def test_a_malformed_schedule_is_refused(change, message):
    data = schedule_to_dict(SCHEDULE)
    change(data)
    with pytest.raises(ScheduleFormatError) as error:
        schedule_from_dict(data)
    assert message in str(error.value)


# JAIR .dzn ------------------------------------------------------------------------------------

DZN = """\
% a small instance in the benchmark's format
nBusiness = 4;
nMeetings = 4;
nTables = 2;
nTotalSlots = 4;
nMorningSlots = 2;
requested = [|1, 2,1,
|1, 3,2,
|2, 4,3,
|3, 4,3,
|];
meetingsxBusiness = [{1,2,3},{1,2,4},{1,3,5},{1,4,5}];
nMeetingsBusiness = [2,2,2,2];
forbidden = [{0},{0,4},{},{1..2}];
fixed = [0,3,0,0];
precedences = [{},{},{1},{}];
"""


def test_a_dzn_file_becomes_an_instance():
    instance = instance_from_dzn(DZN, max_break_spread=2)
    assert [s.id for s in instance.slots] == ["s1", "s2", "s3", "s4"]
    assert {s.session for s in instance.slots} == {"day"}
    assert instance.tables == 2
    assert instance.max_break_spread == 2
    p1, p2, p3, p4 = instance.participants
    assert p1.available is None
    assert p3.available is None
    assert p2.available == frozenset({"s1", "s2", "s3"})
    assert p4.available == frozenset({"s3", "s4"})
    m1, m2, m3, m4 = instance.meetings
    assert m1.participants == ("p1", "p2")
    assert m1.slots == frozenset({"s1", "s2"})
    assert m2.slots == frozenset({"s3", "s4"})
    assert m2.fixed_slot == "s3"
    assert m3.slots is None
    assert m3.after == ("m1",)
    assert all(m.required and m.weight == 1 for m in instance.meetings)
    assert m4.fixed_slot is None
    assert m4.after == ()


def test_a_dzn_file_without_the_optional_arrays(tmp_path):
    text = "nBusiness=2; nMeetings=1; nTables=1; nTotalSlots=3; nMorningSlots=3;\n"
    text += "requested = [| 1, 2, 3 |];"
    path = tmp_path / "small.dzn"
    path.write_text(text, encoding="utf-8")
    instance = load_instance_dzn(path)
    assert instance.meetings[0].participants == ("p1", "p2")
    assert instance.max_break_spread is None


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("nTables = 2;", "nTables = 2", "line 5: expected ';', found 'nTotalSlots'"),
        ("nTables = 2;", "nTables = two;", "line 4: expected a number, not 'two'"),
        ("nTables = 2;", "nTables = 2; nTables = 3;", "nTables is given twice"),
        ("nTables = 2;", "nTables = 2 @;", "line 4: cannot read '@;"),
        ("nTables = 2;", "", "nTables is missing"),
        ("|3, 4,3,\n|];", "|];", "requested has 3 rows for nMeetings = 4"),
        ("|3, 4,3,", "|3, 5,3,", "requested row 4: participant 5 is not within 1..4"),
        ("|3, 4,3,", "|3, 4,", "requested row 4 must be three numbers"),
        ("|3, 4,3,", "|3, 4,7,", "requested row 4: session must be 1 (morning), 2 (afternoon)"),
        ("forbidden = [{0},{0,4}", "forbidden = [{0},{0,5}", "forbidden slot 5 of participant 2"),
        ("forbidden = [{0},{0,4},{},{1..2}]", "forbidden = [{0}]", "forbidden has 1 items"),
        ("fixed = [0,3,0,0]", "fixed = [0,9,0,0]", "fixed slot of meeting 2 is not within 0..4"),
        ("fixed = [0,3,0,0]", "fixed = [3,0,0,0]", "meeting m1: fixed slot s3 is not among"),
        ("fixed = [0,3,0,0]", "fixed = [0,0,0,1]", "fixed slot s1 where participant p4 is"),
        ("precedences = [{},{},{1},{}]", "precedences = [{3},{},{1},{}]", "cyclic precedences"),
        ("precedences = [{},{},{1},{}]", "precedences = [{},{},{9},{}]", "precedence 9 of"),
        ("nMorningSlots = 2;", "nMorningSlots = 5;", "nMorningSlots (5) must lie within"),
        ("requested = [|", "requested = [", "line 8: expected a number, not '|'"),
        (
            "precedences = [{},{},{1},{}];",
            "precedences = [{},{},{1},{}]",
            "line 16: expected ';' before the end",
        ),
    ],
)
def test_a_bad_dzn_file_is_refused_naming_the_item(old, new, message):
    assert old in DZN
    with pytest.raises(InstanceError) as error:
        instance_from_dzn(DZN.replace(old, new, 1))
    assert message in str(error.value)


def test_dzn_errors_name_the_file(tmp_path):
    path = tmp_path / "broken.dzn"
    path.write_text(DZN.replace("nTables = 2;", ""), encoding="utf-8")
    with pytest.raises(InstanceError, match=r"broken\.dzn: nTables is missing"):
        load_instance_dzn(path)


def test_starts_may_be_given_for_some_slots_only():
    start = datetime(2026, 9, 22, 9, tzinfo=timezone(timedelta(hours=2)))
    instance = instance_from_dict(
        {
            "slots": [{"id": "a", "start": start.isoformat()}, {"id": "b"}],
            "tables": 1,
            "participants": [],
        }
    )
    assert instance.slots[0].start == start
    assert instance.slots[1].start is None
