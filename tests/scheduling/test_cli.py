"""The scheduler's commands: exit statuses, messages, files written whole or not at all."""

import copy
import json
import subprocess
import sys

import pytest

from grappe.scheduling.cli import main
from grappe.scheduling.io import instance_from_dzn, instance_to_dict
from grappe.scheduling.model import Schedule, Status
from tests.scheduling.test_io import DZN, EXAMPLE

# m1 first would take s1, the only slot m2 allows: the optimum schedules both (m1 in s2).
GREEDY_LOSES = {
    "slots": [{"id": "s1"}, {"id": "s2"}],
    "tables": 2,
    "participants": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "meetings": [
        {"id": "m1", "participants": ["a", "b"]},
        {"id": "m2", "participants": ["a", "c"], "slots": ["s1"]},
    ],
}

# Two required meetings of a in the only slot.
INFEASIBLE = {
    "slots": [{"id": "s1"}],
    "tables": 2,
    "participants": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "meetings": [
        {"id": "m1", "participants": ["a", "b"], "required": True},
        {"id": "m2", "participants": ["a", "c"], "required": True},
    ],
}


def _file(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_schedule_meetings_writes_an_optimal_schedule_that_check_schedule_accepts(tmp_path, capsys):
    instance = _file(tmp_path, "instance.json", GREEDY_LOSES)
    out = tmp_path / "schedule.json"
    assert main(["schedule-meetings", instance, "--time-limit", "10", "--out", str(out)]) == 0
    summary = capsys.readouterr().out
    assert "status: optimal" in summary
    assert "weight: 2 (bound 2)" in summary
    schedule = json.loads(out.read_text(encoding="utf-8"))
    assert schedule["status"] == "optimal"
    assert {(p["meeting"], p["slot"]) for p in schedule["scheduled"]} == {
        ("m1", "s2"),
        ("m2", "s1"),
    }
    assert schedule["objective"]["weight"] == 2
    assert main(["check-schedule", instance, str(out)]) == 0
    checked = capsys.readouterr().out
    assert checked.startswith("ok\nstatus: optimal\nweight: 2 (bound 2)\nbreaks: 0")
    assert "participants without a meeting: 0" in checked


def test_schedule_meetings_without_out_prints_the_schedule(tmp_path, capsys):
    instance = _file(tmp_path, "instance.json", GREEDY_LOSES)
    assert main(["schedule-meetings", instance, "--time-limit", "10"]) == 0
    printed = capsys.readouterr()
    assert json.loads(printed.out)["status"] == "optimal"
    assert "status: optimal" in printed.err


def test_an_infeasible_instance_exits_3_and_the_file_says_infeasible(tmp_path, capsys):
    instance = _file(tmp_path, "instance.json", INFEASIBLE)
    out = tmp_path / "schedule.json"
    assert main(["schedule-meetings", instance, "--time-limit", "10", "--out", str(out)]) == 3
    assert "status: infeasible" in capsys.readouterr().out
    schedule = json.loads(out.read_text(encoding="utf-8"))
    assert schedule["status"] == "infeasible"
    assert schedule["scheduled"] == []
    assert main(["check-schedule", instance, str(out)]) == 3
    assert capsys.readouterr().out.startswith("infeasible:")


def test_no_schedule_found_in_time_exits_4_and_the_file_says_unknown(tmp_path, capsys, monkeypatch):
    # The search running out of time without any schedule: what the solver then returns.
    def out_of_time(instance, *, time_limit):
        return Schedule(status=Status.UNKNOWN, unscheduled=["m1", "m2"], time_s=time_limit)

    monkeypatch.setattr("grappe.scheduling.cli.solve", out_of_time)
    instance = _file(tmp_path, "instance.json", GREEDY_LOSES)
    out = tmp_path / "schedule.json"
    assert main(["schedule-meetings", instance, "--time-limit", "1", "--out", str(out)]) == 4
    schedule = json.loads(out.read_text(encoding="utf-8"))
    assert (schedule["status"], schedule["scheduled"]) == ("unknown", [])
    capsys.readouterr()
    assert main(["check-schedule", instance, str(out)]) == 4
    assert capsys.readouterr().out.startswith("unknown:")


def test_an_unknown_schedule_that_places_meetings_is_refused(tmp_path, capsys):
    instance = _file(tmp_path, "instance.json", GREEDY_LOSES)
    claimed = {
        "status": "unknown",
        "scheduled": [{"meeting": "m1", "slot": "s2", "table": 1}],
        "unscheduled": ["m2"],
        "objective": None,
        "bound": None,
        "time_s": 1.0,
    }
    schedule = _file(tmp_path, "schedule.json", claimed)
    assert main(["check-schedule", instance, schedule]) == 1
    assert "says unknown but places 1 meeting" in capsys.readouterr().out


def _bad(change):
    data = copy.deepcopy(EXAMPLE)
    change(data)
    return json.dumps(data)


BAD_INPUT = [
    (_bad(lambda d: d["meetings"][0].update(participants=["p1", "p9"])), "unknown participant"),
    (_bad(lambda d: d["meetings"][0].update(slots=["s8"])), "meeting m1: unknown slot 's8'"),
    (_bad(lambda d: d["meetings"][0].update(participants=["p1"])), "fewer than two participants"),
    (_bad(lambda d: d["participants"][1].update(id="p1")), "duplicate participant id 'p1'"),
    (_bad(lambda d: d["meetings"][0].update(fixed_slot="s2")), "participant p1 is unavailable"),
    (_bad(lambda d: d["meetings"][0].update(weight=-2)), "meeting m1: negative weight -2"),
    (_bad(lambda d: d["meetings"][0].update(after=["m3"])), "cyclic precedences: m1 after m3"),
    ('{"slots": [}', "malformed JSON at line 1, column 12"),
]


@pytest.mark.parametrize(("content", "message"), BAD_INPUT, ids=[m for _, m in BAD_INPUT])
def test_bad_input_exits_2_naming_the_item_and_writes_nothing(tmp_path, capsys, content, message):
    instance = _file(tmp_path, "instance.json", content)
    out = tmp_path / "schedule.json"
    assert main(["schedule-meetings", instance, "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"grappe schedule-meetings: error: {instance}: ")
    assert message in error
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["instance.json"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--time-limit", "0"], "must be a positive number of seconds"),
        (["--time-limit", "soon"], "is not a number of seconds"),
        (["--out", "/nonexistent/folder/schedule.json"], "its folder does not exist"),
    ],
)
def test_bad_options_exit_2(tmp_path, capsys, arguments, message):
    instance = _file(tmp_path, "instance.json", GREEDY_LOSES)
    assert main(["schedule-meetings", instance, *arguments]) == 2
    assert message in capsys.readouterr().err


def test_check_schedule_lists_violations_and_exits_1(tmp_path, capsys):
    instance = _file(tmp_path, "instance.json", GREEDY_LOSES)
    schedule = {
        "status": "feasible",
        "scheduled": [
            {"meeting": "m1", "slot": "s1", "table": 1},
            {"meeting": "m2", "slot": "s1", "table": 1},
        ],
        "unscheduled": [],
        "objective": {"weight": 2, "breaks": 0, "participants_without_meeting": 0},
    }
    assert main(["check-schedule", instance, _file(tmp_path, "s.json", schedule)]) == 1
    printed = capsys.readouterr().out
    assert printed.startswith("2 violations:\n")
    assert "  participant a has meetings m1 and m2 in slot s1\n" in printed
    assert "  meetings m1 and m2 are both at table 1 in slot s1\n" in printed
    assert "weight: 2\n" in printed


@pytest.mark.parametrize(
    ("schedule", "message"),
    [
        ("not json", "malformed JSON at line 1, column 1"),
        ('{"status": "done"}', "status must be optimal, feasible or infeasible"),
    ],
)
def test_check_schedule_refuses_a_malformed_schedule(tmp_path, capsys, schedule, message):
    instance = _file(tmp_path, "instance.json", GREEDY_LOSES)
    assert main(["check-schedule", instance, _file(tmp_path, "s.json", schedule)]) == 2
    assert message in capsys.readouterr().err


def test_check_schedule_refuses_a_bad_instance(tmp_path, capsys):
    instance = _file(tmp_path, "instance.json", BAD_INPUT[0][0])
    schedule = _file(tmp_path, "s.json", {"status": "feasible"})
    assert main(["check-schedule", instance, schedule]) == 2
    assert "unknown participant 'p9'" in capsys.readouterr().err


def test_convert_jair_prints_the_instance(tmp_path, capsys):
    dzn = _file(tmp_path, "small.dzn", DZN)
    assert main(["convert-jair", dzn, "--max-break-spread", "2"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == instance_to_dict(instance_from_dzn(DZN, max_break_spread=2))
    assert printed["options"] == {"max_break_spread": 2}
    assert printed["meetings"][0]["slots"] == ["s1", "s2"]
    assert printed["participants"][1]["available"] == ["s1", "s2", "s3"]
    out = tmp_path / "instance.json"
    assert main(["convert-jair", dzn, "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["options"] == {"max_break_spread": None}


@pytest.mark.parametrize(
    ("content", "arguments", "message"),
    [
        (DZN.replace("|3, 4,3,", "|3, 9,3,"), [], "requested row 4: participant 9 is not"),
        ("nBusiness = ;", [], "line 1: expected a number, not ';'"),
        (DZN, ["--max-break-spread", "-1"], "'-1' must not be negative"),
    ],
)
def test_convert_jair_bad_input_exits_2(tmp_path, capsys, content, arguments, message):
    dzn = _file(tmp_path, "bad.dzn", content)
    out = tmp_path / "instance.json"
    assert main(["convert-jair", dzn, *arguments, "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_the_grappe_command_runs_the_scheduler_without_django(tmp_path):
    dzn = _file(tmp_path, "small.dzn", DZN)
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('django' in sys.modules, file=sys.stderr))\n"
        f"sys.argv = ['grappe', 'convert-jair', {dzn!r}]\n"
        "from grappe.__main__ import main\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tables"] == 2
    assert result.stderr.strip() == "False"


def test_other_commands_still_go_to_django():
    result = subprocess.run(
        [sys.executable, "-m", "grappe", "help", "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "--deploy" in result.stdout
