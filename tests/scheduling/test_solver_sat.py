"""The fewest-breaks SAT search: safe from a threaded caller, and each solver of the portfolio
proves the optimum on its own."""

import threading

import pytest

from grappe.scheduling import solver_sat
from grappe.scheduling.checker import check
from grappe.scheduling.model import Status
from grappe.scheduling.solver import solve
from grappe.scheduling.solver_data import Deadline, prepare
from tests.scheduling.builders import instance, meeting


def _unavoidable_break():
    # a meets b in s1 (b's only slot), c and d in s3 and s4 (s2 suits neither): one break.
    return instance(
        "s1 s2 s3 s4",
        [
            meeting("m1", "a", "b", required=True),
            meeting("m2", "a", "c", required=True),
            meeting("m3", "a", "d", required=True),
        ],
        unavailable={"b": {"s2", "s3", "s4"}, "c": {"s1", "s2"}, "d": {"s2"}},
        max_break_spread=2,
    )


def test_a_caller_with_threads_gets_the_proven_optimum():
    event = _unavoidable_break()
    results = []
    thread = threading.Thread(target=lambda: results.append(solve(event, time_limit=20)))
    thread.start()
    thread.join()
    (schedule,) = results
    assert check(event, schedule).violations == []
    assert schedule.status == Status.OPTIMAL
    assert schedule.objective.breaks == 1
    assert schedule.bound.breaks == 1


@pytest.mark.parametrize("name", solver_sat.SAT_SOLVERS)
def test_each_solver_proves_the_optimum_alone(monkeypatch, name):
    monkeypatch.setattr(solver_sat, "SAT_SOLVERS", (name,))
    prepared = prepare(_unavoidable_break())
    outcome = solver_sat.solve_required(prepared, Deadline(20))
    assert prepared.breaks(outcome.slot_of) == 1
    assert outcome.breaks_bound == 1


class _Messages(list):
    def send(self, message):
        self.append(message)


@pytest.mark.parametrize("any_first", [True, False])
def test_the_search_proves_each_bound_it_reports(any_first):
    prepared = prepare(_unavoidable_break())
    messages = _Messages()
    solver_sat._search(prepared, solver_sat.SAT_SOLVERS[0], messages, any_first)
    schedules = [prepared.breaks(value) for kind, value in messages if kind == "schedule"]
    lowers = [value for kind, value in messages if kind == "lower"]
    assert min(schedules) == 1
    assert max(lowers) == 1
    assert messages[-1] == ("done", None)
