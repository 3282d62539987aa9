"""The published benchmark, end to end through the commands: convert-jair, schedule-meetings
and check-schedule on the three smallest instances reach the known optimum (JAIR Table 3).

The instances are read from settings.B2B_BENCHMARK_DIR (never copied into the repository);
the test skips when the folder is absent.
"""

import json

import pytest
from django.conf import settings

from grappe.scheduling.cli import main
from grappe.scheduling.io import instance_from_dict, instance_to_json, load_instance_dzn

# The three smallest *.original.dzn files and their optimal number of breaks (d = 2).
SMALLEST = {"tic-12": 0, "tic-12crafc": 0, "ticf-13crafa": 0}
TIME_LIMIT = 60


@pytest.fixture
def benchmark_dir():
    folder = settings.B2B_BENCHMARK_DIR
    if not folder.is_dir():
        pytest.skip(f"the JAIR benchmark is not in {folder} (set GRAPPE_B2B_BENCHMARK_DIR)")
    return folder


def test_the_three_smallest_are_the_smallest(benchmark_dir):
    sizes = sorted(
        (path.stat().st_size, path.name.removesuffix(".original.dzn"))
        for path in benchmark_dir.glob("*.original.dzn")
    )
    assert [name for _, name in sizes[:3]] == list(SMALLEST)


def test_every_benchmark_file_converts(benchmark_dir):
    files = sorted(benchmark_dir.glob("*.dzn"))
    assert len(files) == 60
    for path in files:
        instance = load_instance_dzn(path, max_break_spread=2)
        assert {slot.session for slot in instance.slots} == {"day"}
        assert all(meeting.required for meeting in instance.meetings)
        assert instance_from_dict(json.loads(instance_to_json(instance))) == instance
        if ".fixed020" in path.name:
            assert any(meeting.fixed_slot for meeting in instance.meetings)


@pytest.mark.parametrize(("name", "optimum"), SMALLEST.items())
def test_convert_jair_then_schedule_meetings_reaches_the_known_optimum(
    benchmark_dir, tmp_path, capsys, name, optimum
):
    instance, schedule = tmp_path / "instance.json", tmp_path / "schedule.json"
    dzn = benchmark_dir / f"{name}.original.dzn"
    assert main(["convert-jair", str(dzn), "--max-break-spread", "2", "--out", str(instance)]) == 0
    assert (
        main(
            [
                "schedule-meetings",
                str(instance),
                "--time-limit",
                str(TIME_LIMIT),
                "--out",
                str(schedule),
            ]
        )
        == 0
    )
    result = json.loads(schedule.read_text(encoding="utf-8"))
    meetings = len(json.loads(instance.read_text(encoding="utf-8"))["meetings"])
    assert result["status"] == "optimal"
    assert result["objective"]["breaks"] == optimum
    assert result["objective"]["weight"] == meetings
    assert result["bound"]["breaks"] == optimum
    assert result["time_s"] <= TIME_LIMIT
    capsys.readouterr()
    assert main(["check-schedule", str(instance), str(schedule)]) == 0
    assert capsys.readouterr().out.startswith("ok\n")
