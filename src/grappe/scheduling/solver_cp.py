"""The general case with OR-Tools CP-SAT: optional and weighted meetings, in two phases.

Phase 1 maximises the weight scheduled; its proven bound is CP-SAT's best objective bound
(from the linear relaxation and the search). Phase 2 keeps at least that weight and
minimises the breaks, then the participants left without any meeting, starting from the
phase-1 schedule (given to CP-SAT as a hint). Breaks are modelled exactly — ``busy[p,t]``,
``seen[p,t]`` (busy earlier in the session) and ``end[p,t]`` (a break ends at t) — so that
the fairness rule (any two break counts differ by at most the spread) holds exactly.
A participant whose meetings are all required is busy in exactly as many slots as it has
meetings; without a break its meetings then fill a window of consecutive slots, which the
model states with window variables (an implied constraint that the relaxation uses).

Large instances of optional meetings (beyond ``LARGE`` meeting-slot pairs, without
precedences or fairness rule: a trade show) skip both phases: the weight bound comes from
:func:`~grappe.scheduling.solver_lns.matching_bound` and the schedule from the
large-neighbourhood search :func:`~grappe.scheduling.solver_lns.improve`, which on 2 000
participants gets within 1 % of the bound where the whole model does not improve greedy's
schedule in a minute. The b-matching bound also tightens the bound of the small ones.
"""

from __future__ import annotations

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from grappe.scheduling.solver_data import Deadline, Outcome, Prepared
from grappe.scheduling.solver_lns import improve, matching_bound

WORKERS = 2
# Beyond this many (meeting, slot) pairs, optional meetings without precedences or fairness
# rule go to the large-neighbourhood search of :mod:`~grappe.scheduling.solver_lns`.
LARGE = 3_000
# Seconds kept at the end for numbering the tables and computing the objectives.
MARGIN = 1.5


class _Model:
    def __init__(self, prepared: Prepared, *, with_breaks: bool) -> None:
        self.prepared = prepared
        self.model = cp_model.CpModel()
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        self.scheduled: list[cp_model.LinearExprT] = []
        self.breaks: list[cp_model.LinearExprT] = []
        self.without_meeting: list[cp_model.IntVar] = []
        # Phase 1's tie-break: runs of meetings begun (a participant's breaks plus its busy
        # sessions), so that the weight's schedule is already compact.
        self.starts: list[cp_model.IntVar] = []
        # For hints: busy[p, t], start[p, t], seen[p, t], end[p, t], met[p].
        self.named: dict[tuple, cp_model.IntVar] = {}
        self._meetings()
        self._participants(with_breaks=with_breaks)

    def _meetings(self) -> None:
        prepared, model = self.prepared, self.model
        by_slot: dict[int, list[cp_model.IntVar]] = {}
        for m, domain in enumerate(prepared.domain):
            lits = []
            for t in domain:
                var = model.new_bool_var(f"x{m}_{t}")
                self.x[m, t] = var
                lits.append(var)
                by_slot.setdefault(t, []).append(var)
            if prepared.required[m]:
                model.add_exactly_one(lits)
            else:
                model.add_at_most_one(lits)
            self.scheduled.append(cp_model.LinearExpr.sum(lits))
        for t, lits in by_slot.items():
            if len(lits) > prepared.tables[t]:
                model.add(cp_model.LinearExpr.sum(lits) <= prepared.tables[t])
        for m, before in enumerate(prepared.before):
            for other in before:
                for t in prepared.domain[m]:
                    later = [self.x[other, s] for s in prepared.domain[other] if s >= t]
                    if later:
                        model.add_at_most_one([self.x[m, t], *later])

    def _participants(self, *, with_breaks: bool) -> None:
        prepared, model = self.prepared, self.model
        spread = prepared.max_break_spread
        floor = None
        if with_breaks and spread is not None:
            floor = model.new_int_var(0, prepared.n_slots, "fewest_breaks")
        for p, meetings in enumerate(prepared.meetings_of):
            if not meetings:
                continue
            busy: dict[int, cp_model.IntVar] = {}
            for t in prepared.slots_of(p):
                lits = [self.x[m, t] for m in meetings if (m, t) in self.x]
                var = model.new_bool_var(f"u{p}_{t}")
                model.add(cp_model.LinearExpr.sum(lits) == var)
                busy[t] = var
                self.named["busy", p, t] = var
            if not with_breaks:
                self._starts(p, busy)
                continue
            any_meeting = model.new_bool_var(f"met{p}")
            model.add_max_equality(any_meeting, [self.scheduled[m] for m in meetings])
            self.without_meeting.append(any_meeting.Not())
            self.named["met", p] = any_meeting
            ends = []
            for run in prepared.sessions:
                ends.extend(self._session_breaks(p, run, busy))
            count = cp_model.LinearExpr.sum(ends)
            self.breaks.append(count)
            if all(prepared.required[m] for m in meetings):
                model.add(cp_model.LinearExpr.sum(list(busy.values())) == len(meetings))
                self._windows(p, len(meetings), busy, count)
            if floor is not None:
                model.add(count >= floor)
                model.add(count <= floor + spread)

    def _starts(self, p: int, busy: dict) -> None:
        for run in self.prepared.sessions:
            for before, t in zip([None, *run], run, strict=False):
                if t not in busy:
                    continue
                start = self.model.new_bool_var("")
                previous = busy.get(before) if before is not None else None
                if previous is None:
                    self.model.add_implication(busy[t], start)
                else:
                    self.model.add_bool_or([busy[t].Not(), previous, start])
                self.starts.append(start)
                self.named["start", p, t] = start

    def _session_breaks(self, p: int, run: list[int], busy: dict) -> list:
        model = self.model
        seen: dict[int, cp_model.IntVar] = {}
        previous = None
        for t in run:
            lits = ([busy[t]] if t in busy else []) + ([previous] if previous is not None else [])
            if not lits:
                continue
            var = model.new_bool_var(f"seen{p}_{t}")
            model.add_max_equality(var, lits)
            seen[t] = var
            previous = var
            self.named["seen", p, t] = var
        ends = []
        for k in range(2, len(run)):
            before, gap, t = run[k - 2], run[k - 1], run[k]
            if t not in busy or before not in seen:
                continue
            end = model.new_bool_var(f"end{p}_{t}")
            conditions = [busy[t], seen[before]] + ([busy[gap].Not()] if gap in busy else [])
            model.add_bool_and(conditions).only_enforce_if(end)
            model.add_bool_or([c.Not() for c in conditions] + [end])
            ends.append(end)
            self.named["end", p, t] = end
        return ends

    def _windows(self, p: int, count: int, busy: dict, breaks) -> None:
        slots = sorted(busy)
        if len({self._session(t) for t in slots}) != 1:
            return
        model = self.model
        windows = {}
        for a in slots:
            if all(a + k in busy for k in range(count)):
                windows[a] = model.new_bool_var(f"w{p}_{a}")
        has_break = model.new_bool_var(f"z{p}")
        model.add(cp_model.LinearExpr.sum(list(windows.values())) + has_break == 1)
        model.add(breaks >= has_break)
        for t in slots:
            covering = [w for a, w in windows.items() if a <= t < a + count]
            if covering:
                model.add(busy[t] >= cp_model.LinearExpr.sum(covering))

    def _session(self, t: int) -> int:
        for k, run in enumerate(self.prepared.sessions):
            if t in run:
                return k
        raise ValueError(t)

    def weight(self) -> cp_model.LinearExprT:
        return cp_model.LinearExpr.weighted_sum(self.scheduled, self.prepared.weight)

    def hint(self, slot_of: dict[int, int]) -> None:
        prepared = self.prepared
        for (m, t), var in self.x.items():
            self.model.add_hint(var, slot_of.get(m) == t)
        busy = {(p, t) for m, t in slot_of.items() for p in prepared.members[m]}
        previous = {
            t: run[k - 1] if k else None for run in prepared.sessions for k, t in enumerate(run)
        }
        first: dict[tuple[int, int], int] = {}
        for p, t in sorted(busy):
            run = next(k for k, r in enumerate(prepared.sessions) if t in r)
            first.setdefault((p, run), t)
        session = {t: k for k, run in enumerate(prepared.sessions) for t in run}
        for key, var in self.named.items():
            kind, p = key[0], key[1]
            if kind == "met":
                value = any(q == p for q, _ in busy)
            else:
                t = key[2]
                if kind == "busy":
                    value = (p, t) in busy
                elif kind == "start":
                    value = (p, t) in busy and (p, previous[t]) not in busy
                elif kind == "seen":
                    value = first.get((p, session[t]), t + 1) <= t
                else:
                    before, gap = previous[previous[t]], previous[t]
                    value = (
                        (p, t) in busy
                        and (p, gap) not in busy
                        and first.get((p, session[t]), t + 1) <= before
                    )
            self.model.add_hint(var, value)

    def placement(self, solver: cp_model.CpSolver) -> dict[int, int]:
        return {m: t for (m, t), var in self.x.items() if solver.boolean_value(var)}


def weight_relaxation(prepared: Prepared) -> int:
    """An upper bound on the weight: the linear relaxation (meetings at most once, a
    participant in one meeting per slot, tables per slot), solved by GLOP, rounded down."""
    lp = pywraplp.Solver.CreateSolver("GLOP")
    x = {(m, t): lp.NumVar(0, 1, "") for m, domain in enumerate(prepared.domain) for t in domain}
    by_slot: dict[int, list] = {}
    by_busy: dict[tuple[int, int], list] = {}
    for (m, t), var in x.items():
        by_slot.setdefault(t, []).append(var)
        for p in prepared.members[m]:
            by_busy.setdefault((p, t), []).append(var)
    for m, domain in enumerate(prepared.domain):
        constraint = lp.Add(lp.Sum([x[m, t] for t in domain]) <= 1)
        if prepared.required[m]:
            constraint.SetLb(1)
    for t, variables in by_slot.items():
        lp.Add(lp.Sum(variables) <= prepared.tables[t])
    for variables in by_busy.values():
        if len(variables) > 1:
            lp.Add(lp.Sum(variables) <= 1)
    lp.Maximize(lp.Sum([prepared.weight[m] * var for (m, _), var in x.items()]))
    if lp.Solve() != pywraplp.Solver.OPTIMAL:
        return sum(prepared.weight)
    # The dual bound of the LP; a small tolerance guards against rounding.
    return int(lp.Objective().Value() + 1e-4)


def _solver(seconds: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = WORKERS
    return solver


def solve_general(
    prepared: Prepared, deadline: Deadline, *, start: dict[int, int] | None = None
) -> Outcome:
    """Weight first, then breaks; ``start`` is a schedule to improve on (a hint)."""
    fair = prepared.max_break_spread is not None
    total = sum(prepared.weight)
    best = start
    if start is not None and _large(prepared):
        return _search_large(prepared, deadline, start)
    if prepared.all_required:
        weight_found, weight_bound = total, total
    else:
        weight_bound = min(total, weight_relaxation(prepared))
        matching = matching_bound(prepared, deadline.left() * 0.05)
        if matching is not None:
            weight_bound = min(weight_bound, matching)
        weight_found = None if start is None else sum(prepared.weight[m] for m in start)
        # Phase 1 needs the breaks only when the fairness rule constrains the schedule.
        building = deadline.elapsed()
        phase1 = _Model(prepared, with_breaks=fair)
        building = deadline.elapsed() - building
        scale = len(phase1.starts) + 1
        phase1.model.maximize(phase1.weight() * scale - cp_model.LinearExpr.sum(phase1.starts))
        if start is not None:
            phase1.hint(start)
        solver = _solver(deadline.left() * (0.5 if fair else 0.4))
        status = solver.solve(phase1.model)
        if status == cp_model.INFEASIBLE:
            return Outcome(slot_of=None, infeasible=True)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            best = phase1.placement(solver)
            weight_found = sum(prepared.weight[m] for m in best)
            searched = int(solver.best_objective_bound + 1e-6 + scale - 1) // scale
            weight_bound = min(weight_bound, searched)
            if status == cp_model.OPTIMAL:
                weight_bound = weight_found
        if best is None:
            return Outcome(slot_of=None, weight_bound=weight_bound)
        # The breaks' model is about twice as long to build: not worth starting without time
        # left to search it.
        if deadline.left() < 4 * building + 1:
            return Outcome(slot_of=best, weight_bound=weight_bound)
    phase2 = _Model(prepared, with_breaks=True)
    model = phase2.model
    if not prepared.all_required:
        model.add(phase2.weight() >= weight_found)
    breaks = cp_model.LinearExpr.sum(phase2.breaks)
    scale = len(phase2.without_meeting) + 1
    model.minimize(breaks * scale + cp_model.LinearExpr.sum(phase2.without_meeting))
    if best is not None:
        phase2.hint(best)
    solver = _solver(deadline.left() - 0.2)
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        if prepared.all_required:
            return Outcome(slot_of=None, infeasible=True)
        # Phase 1 kept the fairness rule, so its schedule satisfies phase 2: not reached.
        return Outcome(slot_of=best, weight_bound=weight_bound)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        best = phase2.placement(solver)
        lower = max(0, int(solver.best_objective_bound + 1e-6)) // scale
        if status == cp_model.OPTIMAL:
            lower = round(solver.objective_value) // scale
        return Outcome(slot_of=best, weight_bound=weight_bound, breaks_bound=lower)
    return Outcome(slot_of=best, weight_bound=weight_bound if best is not None else None)


def _large(prepared: Prepared) -> bool:
    return (
        not prepared.all_required
        and prepared.max_break_spread is None
        and not any(prepared.before)
        and sum(len(domain) for domain in prepared.domain) > LARGE
    )


def _search_large(prepared: Prepared, deadline: Deadline, start: dict[int, int]) -> Outcome:
    """The b-matching's weight bound, then the large-neighbourhood search from ``start``."""
    total = sum(prepared.weight)
    matching = matching_bound(prepared, min(5.0, deadline.left() * 0.1))
    weight_bound = total if matching is None else min(total, matching)
    margin = min(MARGIN, 0.2 + 0.05 * deadline.left())
    best = improve(prepared, start, Deadline(deadline.left() - margin), weight_bound=weight_bound)
    # No breaks is the only bound on the breaks this search proves.
    return Outcome(slot_of=best, weight_bound=weight_bound, breaks_bound=0)
