"""The scheduler's commands, run by ``grappe`` without starting Django.

``grappe schedule-meetings INSTANCE.json [--time-limit SECONDS] [--out SCHEDULE.json]``
    solves an instance; the schedule goes to the file (or to standard output), a summary to
    standard output (or to standard error when the schedule goes to standard output).
``grappe check-schedule INSTANCE.json SCHEDULE.json``
    verifies a schedule independently of the solver and prints its objectives.
``grappe convert-jair FILE.dzn [--max-break-spread N] [--out INSTANCE.json]``
    turns a JAIR benchmark instance into INSTANCE.json.

Exit status: 0 done (a valid schedule); 1 the schedule breaks a constraint; 2 bad input
(nothing written); 3 infeasible. docs/scheduling.md has the details.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path
from typing import TextIO

from grappe.scheduling.checker import check
from grappe.scheduling.io import (
    instance_to_json,
    load_instance_dzn,
    load_instance_json,
    load_schedule_json,
    schedule_to_json,
    write_atomically,
)
from grappe.scheduling.model import InstanceError, Objective, Schedule, Status
from grappe.scheduling.solver import solve

OK, VIOLATIONS, BAD_INPUT, INFEASIBLE, NOT_FOUND = 0, 1, 2, 3, 4


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} must be a positive number of seconds")
    return value


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grappe", description="The B2B meeting scheduler.")
    commands = parser.add_subparsers(dest="command", required=True)
    schedule = commands.add_parser(
        "schedule-meetings", help="solve an instance and write its schedule"
    )
    schedule.add_argument("instance", metavar="INSTANCE.json")
    schedule.add_argument(
        "--time-limit",
        type=_positive,
        default=60.0,
        metavar="SECONDS",
        help="stop searching after this time and keep the best schedule found (default 60)",
    )
    schedule.add_argument(
        "--out", metavar="SCHEDULE.json", help="where to write the schedule (default: stdout)"
    )
    checker = commands.add_parser(
        "check-schedule", help="verify a schedule against its instance; print its objectives"
    )
    checker.add_argument("instance", metavar="INSTANCE.json")
    checker.add_argument("schedule", metavar="SCHEDULE.json")
    convert = commands.add_parser("convert-jair", help="turn a JAIR .dzn file into INSTANCE.json")
    convert.add_argument("dzn", metavar="FILE.dzn")
    convert.add_argument(
        "--max-break-spread",
        type=_non_negative,
        default=None,
        metavar="N",
        help="the fairness option: break counts of two participants differ by at most N",
    )
    convert.add_argument(
        "--out", metavar="INSTANCE.json", help="where to write the instance (default: stdout)"
    )
    return parser


def main(argv: list[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run one command (``argv`` without the program name); return the exit status."""
    stdout = stdout or sys.stdout
    try:
        arguments = build_parser().parse_args(argv)
    except SystemExit as exc:
        # argparse's usage errors exit with status 2, as bad input should; --help with 0.
        return exc.code if isinstance(exc.code, int) else BAD_INPUT
    runner = {
        "schedule-meetings": _schedule_meetings,
        "check-schedule": _check_schedule,
        "convert-jair": _convert_jair,
    }[arguments.command]
    # The output is written at the end, once the exit status is known.
    output = io.StringIO()
    try:
        status = runner(arguments, output)
    except InstanceError as exc:
        print(f"grappe {arguments.command}: error: {exc}", file=sys.stderr)
        return BAD_INPUT
    try:
        stdout.write(output.getvalue())
        stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`… | head`). Python would complain again when flushing
        # standard output at exit, so point it at /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


def _check_output(path: str | None) -> None:
    if path is not None and not Path(path).resolve().parent.is_dir():
        raise InstanceError(f"{path}: its folder does not exist")
    if path is not None and Path(path).is_dir():
        raise InstanceError(f"{path} is a folder")


def _write(path: str | None, text: str, stdout: TextIO) -> None:
    if path is None:
        stdout.write(text)
        return
    try:
        write_atomically(path, text)
    except OSError as exc:
        raise InstanceError(f"{path}: cannot be written ({exc})") from exc


def _schedule_meetings(arguments: argparse.Namespace, stdout: TextIO) -> int:
    _check_output(arguments.out)
    instance = load_instance_json(arguments.instance)
    schedule = solve(instance, time_limit=arguments.time_limit)
    result = check(instance, schedule)
    if result.violations:
        # Never hand out a wrong schedule: this is a defect of the solver, reported as such.
        print("grappe schedule-meetings: the solver's schedule fails the check:", file=sys.stderr)
        for violation in result.violations:
            print(f"  {violation}", file=sys.stderr)
        return VIOLATIONS
    _write(arguments.out, schedule_to_json(schedule), stdout)
    summary = stdout if arguments.out is not None else sys.stderr
    _print_summary(schedule, schedule.objective, summary)
    return _exit_status(schedule)


def _exit_status(schedule: Schedule) -> int:
    if schedule.status == Status.INFEASIBLE:
        return INFEASIBLE
    if schedule.status == Status.UNKNOWN:
        return NOT_FOUND
    return OK


def _check_schedule(arguments: argparse.Namespace, stdout: TextIO) -> int:
    instance = load_instance_json(arguments.instance)
    schedule = load_schedule_json(arguments.schedule)
    result = check(instance, schedule)
    if result.violations:
        count = len(result.violations)
        print(f"{count} violation{'s' if count > 1 else ''}:", file=stdout)
        for violation in result.violations:
            print(f"  {violation}", file=stdout)
        _print_objective(result.objective, schedule, stdout)
        return VIOLATIONS
    if schedule.status == Status.INFEASIBLE:
        print(
            "infeasible: the schedule says no schedule exists; the checker cannot verify that",
            file=stdout,
        )
        return INFEASIBLE
    if schedule.status == Status.UNKNOWN:
        print(
            "unknown: the schedule says none was found in time; there is nothing to verify",
            file=stdout,
        )
        return NOT_FOUND
    print("ok", file=stdout)
    _print_summary(schedule, result.objective, stdout)
    return OK


def _convert_jair(arguments: argparse.Namespace, stdout: TextIO) -> int:
    _check_output(arguments.out)
    instance = load_instance_dzn(arguments.dzn, max_break_spread=arguments.max_break_spread)
    _write(arguments.out, instance_to_json(instance), stdout)
    return OK


def _print_summary(schedule: Schedule, objective: Objective | None, out: TextIO) -> None:
    print(f"status: {schedule.status}", file=out)
    if objective is not None:
        _print_objective(objective, schedule, out)
    print(f"time: {schedule.time_s:.3f} s", file=out)


def _print_objective(objective: Objective, schedule: Schedule, out: TextIO) -> None:
    bound = schedule.bound
    weight_bound = "" if bound is None or bound.weight is None else f" (bound {bound.weight})"
    breaks_bound = "" if bound is None or bound.breaks is None else f" (bound {bound.breaks})"
    print(f"weight: {objective.weight}{weight_bound}", file=out)
    print(f"breaks: {objective.breaks}{breaks_bound}", file=out)
    print(f"participants without a meeting: {objective.participants_without_meeting}", file=out)
