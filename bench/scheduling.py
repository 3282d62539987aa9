"""Benchmark of the B2B meeting scheduler: the JAIR instances and generated trade shows.

    .venv/bin/python bench/scheduling.py [--time-limit 60] [--variants-time-limit 20]
                                         [--sizes 100,500,2000] [--only NAME]

Part 1 solves the 20 ``*.original.dzn`` instances of Bofill et al. (JAIR 74, 2022) with a
break spread of 2 and compares with the known optima of the folder's README; then their
``forb0003`` and ``fixed020-Forb`` variants. Part 2 generates over-subscribed trade shows
(:mod:`grappe.scheduling.generate`) and solves each with the scheduler and with the greedy
first-come baseline. Every schedule is verified by :mod:`grappe.scheduling.checker`.

The folder comes from ``GRAPPE_B2B_BENCHMARK_DIR`` (default ``<repo>/../shared/benchmarks/
b2b-jair``); part 1 is skipped with a message when it is absent. Times are wall-clock on a
shared machine: the load average is printed at the start and at the end.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from grappe.scheduling.checker import check
from grappe.scheduling.generate import trade_show
from grappe.scheduling.greedy import greedy
from grappe.scheduling.io import load_instance_dzn
from grappe.scheduling.solver import solve

# Known optima (total breaks, spread 2), JAIR Table 3, as listed in the folder's README.
OPTIMA = {
    "forum-13": 0,
    "forum-13crafb": 6,
    "forum-13crafc": 1,
    "forum-14": 2,
    "forumt-14": 5,
    "forumt-14crafc": 5,
    "forumt-14crafd": 4,
    "forumt-14crafe": 5,
    "ticf-13crafa": 0,
    "ticf-13crafb": 3,
    "tic-12": 0,
    "tic-12crafc": 0,
    "tic-13": 0,
    "tic-13crafb": 0,
    "tic-13crafc": 4,
    "tic-14crafa": 0,
    "tic-14crafc": 0,
    "tic-14crafd": 0,
    "ticf-13crafc": 1,
    "ticf-14crafa": 0,
}
# JAIR Table 7.
VARIANT_OPTIMA = {"tic-12.fixed020-Forb": 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--variants-time-limit", type=float, default=20.0)
    parser.add_argument("--sizes", default="100,500,2000")
    parser.add_argument("--only", choices=("jair", "variants", "trade"), default=None)
    arguments = parser.parse_args()
    print(f"B2B meeting scheduler benchmark · {_machine()}")
    print(f"load average at start: {_load()}")
    folder = Path(
        os.environ.get(
            "GRAPPE_B2B_BENCHMARK_DIR", str(ROOT.parent / "shared" / "benchmarks" / "b2b-jair")
        )
    )
    if arguments.only in (None, "jair", "variants"):
        if folder.is_dir():
            if arguments.only in (None, "jair"):
                _jair(folder, arguments.time_limit)
            if arguments.only in (None, "variants"):
                _variants(folder, arguments.variants_time_limit)
        else:
            print(f"\nJAIR instances skipped: {folder} is absent")
    if arguments.only in (None, "trade"):
        sizes = [int(size) for size in arguments.sizes.split(",") if size]
        _trade_shows(sizes, arguments.time_limit)
    print(f"\nload average at end: {_load()}")


def _jair(folder: Path, time_limit: float) -> None:
    print(f"\nJAIR originals, max_break_spread 2, time limit {time_limit:g} s")
    header = f"{'instance':<16}{'breaks':>7}{'bound':>7}{'optimum':>8}  {'status':<9}"
    print(f"{header}{'time s':>8}  check")
    times, at_optimum, proven = [], 0, 0
    for name, optimum in OPTIMA.items():
        instance = load_instance_dzn(folder / f"{name}.original.dzn", max_break_spread=2)
        schedule = solve(instance, time_limit=time_limit)
        breaks, bound = _breaks(schedule)
        times.append(schedule.time_s)
        at_optimum += breaks == optimum
        proven += schedule.status == "optimal"
        print(
            f"{name:<16}{breaks:>7}{bound:>7}{optimum:>8}  {_status(schedule):<9}"
            f"{schedule.time_s:>8.1f}  {_verdict(instance, schedule)}"
        )
    print(
        f"at the known optimum: {at_optimum}/{len(OPTIMA)} · proven optimal: {proven}/"
        f"{len(OPTIMA)} · median {statistics.median(times):.1f} s · worst {max(times):.1f} s"
    )


def _variants(folder: Path, time_limit: float) -> None:
    print(f"\nJAIR variants, max_break_spread 2, time limit {time_limit:g} s")
    header = f"{'instance':<30}{'breaks':>7}{'bound':>7}{'known':>6}  {'status':<11}"
    print(f"{header}{'time s':>8}  check")
    for suffix in ("forb0003", "fixed020-Forb"):
        for name in OPTIMA:
            variant = f"{name}.{suffix}"
            instance = load_instance_dzn(folder / f"{variant}.dzn", max_break_spread=2)
            schedule = solve(instance, time_limit=time_limit)
            breaks, bound = _breaks(schedule)
            known = VARIANT_OPTIMA.get(variant, "")
            print(
                f"{variant:<30}{breaks:>7}{bound:>7}{known!s:>6}  {_status(schedule):<11}"
                f"{schedule.time_s:>8.1f}  {_verdict(instance, schedule)}"
            )


def _trade_shows(sizes: list[int], time_limit: float) -> None:
    print(f"\nGenerated trade shows (14 slots in two sessions), time limit {time_limit:g} s")
    print(
        f"{'participants':>12}{'meetings':>9}  {'method':<9}{'scheduled':>10}{'weight':>8}"
        f"{'bound':>7}{'of bound':>9}{'breaks':>8}  {'status':<9}{'time s':>8}  check"
    )
    for size in sizes:
        instance = trade_show(participants=size, seed=1)
        started = time.perf_counter()
        baseline = greedy(instance)
        baseline.time_s = time.perf_counter() - started
        schedule = solve(instance, time_limit=time_limit)
        bound = schedule.bound.weight if schedule.bound else None
        for method, result in (("greedy", baseline), ("scheduler", schedule)):
            objective = result.objective
            share = f"{100 * objective.weight / bound:.1f} %" if bound else "–"
            print(
                f"{size:>12}{len(instance.meetings):>9}  {method:<9}{len(result.scheduled):>10}"
                f"{objective.weight:>8}{bound if bound is not None else '–':>7}{share:>9}"
                f"{objective.breaks:>8}  {_status(result):<9}{result.time_s:>8.1f}"
                f"  {_verdict(instance, result)}"
            )


def _status(schedule) -> str:
    if schedule.status == "unknown":
        return "none found"
    return str(schedule.status)


def _breaks(schedule) -> tuple[object, object]:
    if schedule.status in ("infeasible", "unknown"):
        return "–", "–"
    bound = schedule.bound.breaks if schedule.bound and schedule.bound.breaks is not None else "–"
    return schedule.objective.breaks, bound


def _verdict(instance, schedule) -> str:
    violations = check(instance, schedule).violations
    return "valid" if not violations else f"INVALID: {violations[0]}"


def _machine() -> str:
    cores = os.cpu_count()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    return f"{cores} cores, Python {platform.python_version()}, commit {commit}"


def _load() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
