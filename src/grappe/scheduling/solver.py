"""The optimal B2B meeting scheduler: :func:`solve`.

Objectives, in this order: the most weight scheduled, then the fewest breaks, then the fewest
participants left without any of their meetings. Two encodings share the work
(``docs/decisions.md`` says why):

* every meeting required (the JAIR benchmark, a re-optimisation with everything fixed or
  accepted): the weight is known, and :mod:`~grappe.scheduling.solver_sat` searches the
  fewest breaks bound by bound with a SAT solver and implied constraints, proving each bound;
* otherwise, or when the SAT search settles nothing in its share of the time,
  :mod:`~grappe.scheduling.solver_cp` runs CP-SAT: weight first, then breaks.

The schedule comes back with its tables numbered, its objectives computed by
:func:`~grappe.scheduling.objectives.evaluate`, the proven bounds and the status — optimal
only when both the weight and the breaks are proven.
"""

from __future__ import annotations

from grappe.scheduling.greedy import greedy
from grappe.scheduling.model import NO_SCHEDULE, Bound, Instance, Placement, Schedule, Status
from grappe.scheduling.objectives import evaluate
from grappe.scheduling.solver_cp import solve_general
from grappe.scheduling.solver_data import Deadline, Outcome, Prepared, prepare
from grappe.scheduling.solver_sat import solve_required
from grappe.scheduling.tables import number_tables

# Share of the time limit the SAT search may use before CP-SAT takes over. CP-SAT never
# improved an all-required schedule in the benchmark; its share is kept for the instances where
# the SAT search finds no schedule at all.
SAT_SHARE = 0.95


def solve(instance: Instance, *, time_limit: float = 60.0) -> Schedule:
    """Schedule the instance's meetings within ``time_limit`` seconds (wall clock).

    Returns ``Status.INFEASIBLE`` with nothing scheduled when the required meetings cannot
    all take place (proven: ``bound`` is then ``Bound(None, None)``). Should the time run out
    before any schedule is found, the first-come schedule of
    :func:`~grappe.scheduling.greedy.greedy` is returned with ``bound`` None, or, when greedy
    finds none either, ``Status.UNKNOWN`` with nothing scheduled: nothing was proven.
    """
    deadline = Deadline(time_limit)
    prepared = prepare(instance)
    if prepared.impossible:
        return _infeasible(deadline)
    if prepared.all_required:
        outcome = solve_required(prepared, Deadline(deadline.left() * SAT_SHARE))
        if not outcome.infeasible and not _proven(prepared, outcome):
            general = solve_general(prepared, deadline, start=outcome.slot_of)
            outcome = _better(prepared, outcome, general)
    else:
        outcome = solve_general(prepared, deadline, start=_first_come(prepared))
    if outcome.infeasible:
        return _infeasible(deadline)
    if outcome.slot_of is None:
        fallback = greedy(instance)
        fallback.bound = None
        fallback.time_s = round(deadline.elapsed(), 3)
        return fallback
    return _schedule(prepared, outcome, deadline)


def _first_come(prepared: Prepared) -> dict[int, int] | None:
    """The greedy baseline's schedule, as a starting point (None if it found none)."""
    found = greedy(prepared.instance)
    if found.status in NO_SCHEDULE:
        return None
    meetings = {meeting.id: k for k, meeting in enumerate(prepared.instance.meetings)}
    slots = prepared.instance.slot_index()
    return {meetings[p.meeting]: slots[p.slot] for p in found.scheduled}


def _proven(prepared: Prepared, outcome: Outcome) -> bool:
    return (
        outcome.slot_of is not None
        and outcome.breaks_bound is not None
        and outcome.breaks_bound >= prepared.breaks(outcome.slot_of)
    )


def _better(prepared: Prepared, first: Outcome, second: Outcome) -> Outcome:
    """The better schedule of two runs on the same all-required instance, with the best of
    their proven bounds (each is a valid bound)."""
    if second.infeasible:
        return second
    schedules = [o.slot_of for o in (first, second) if o.slot_of is not None]
    best = min(schedules, key=prepared.breaks, default=None)
    bounds = [o.breaks_bound for o in (first, second) if o.breaks_bound is not None]
    return Outcome(
        slot_of=best,
        weight_bound=sum(prepared.weight),
        breaks_bound=max(bounds) if bounds else None,
    )


def _schedule(prepared: Prepared, outcome: Outcome, deadline: Deadline) -> Schedule:
    instance = prepared.instance
    slot_of = prepared.placement_to_ids(outcome.slot_of or {})
    tables = number_tables(instance, slot_of)
    objective = evaluate(instance, slot_of)
    weight_bound = outcome.weight_bound
    breaks_bound = outcome.breaks_bound
    if breaks_bound is not None:
        breaks_bound = min(breaks_bound, objective.breaks)
    optimal = (
        weight_bound is not None
        and weight_bound == objective.weight
        and breaks_bound is not None
        and breaks_bound == objective.breaks
    )
    return Schedule(
        status=Status.OPTIMAL if optimal else Status.FEASIBLE,
        scheduled=[
            Placement(meeting=meeting.id, slot=slot_of[meeting.id], table=tables[meeting.id])
            for meeting in instance.meetings
            if meeting.id in slot_of
        ],
        unscheduled=[meeting.id for meeting in instance.meetings if meeting.id not in slot_of],
        objective=objective,
        bound=Bound(weight=weight_bound, breaks=breaks_bound),
        time_s=round(deadline.elapsed(), 3),
    )


def _infeasible(deadline: Deadline) -> Schedule:
    return Schedule(
        status=Status.INFEASIBLE,
        unscheduled=[],
        bound=Bound(weight=None, breaks=None),
        time_s=round(deadline.elapsed(), 3),
    )
