"""Large trade shows: a weight bound by b-matching, and a large-neighbourhood search.

On thousands of participants the whole CP-SAT model (a boolean per meeting and slot, with
the breaks) is too large to improve a schedule within a minute. The weight is split in two:

* :func:`matching_bound` — WHICH meetings: a maximum-weight b-matching where a participant
  takes no more meetings than it has usable slots (and, for every set of slots some of its
  meetings are confined to, no more of those meetings than slots in the set), and the day no
  more meetings than it has seats. Every schedule satisfies these constraints, so CP-SAT's
  bound on this small model (one boolean per meeting) is a proven bound on the weight;
* :func:`improve` — WHERE: from a schedule (greedy's), a few slots are freed at a time and
  CP-SAT re-places, within them, the meetings they held and those not scheduled, the rest
  fixed; an improvement (more weight, then fewer breaks) is kept. Breaks of the participants
  touched are counted exactly in the neighbourhood: runs of meetings begun minus the sessions
  where the participant meets anyone.

Precedences and the fairness rule are not modelled here: :mod:`~grappe.scheduling.solver_cp`
uses this search only on instances without them.
"""

from __future__ import annotations

import random

from ortools.sat.python import cp_model

from grappe.scheduling.solver_data import Deadline, Prepared

WORKERS = 2
# Slots freed at a time, and CP-SAT's time on one neighbourhood.
FREED_SLOTS = 3
STEP_SECONDS = 1.0


def matching_bound(prepared: Prepared, seconds: float) -> int | None:
    """A proven upper bound on the weight scheduled; None when CP-SAT proves nothing in time
    (or proves the relaxation infeasible: the required meetings cannot all be scheduled)."""
    model = cp_model.CpModel()
    chosen = [model.new_bool_var(f"y{m}") for m in range(len(prepared.domain))]
    for m, domain in enumerate(prepared.domain):
        if not domain:
            model.add(chosen[m] == 0)
        elif prepared.required[m]:
            model.add(chosen[m] == 1)
    for meetings in prepared.meetings_of:
        domains = {frozenset(prepared.domain[m]) for m in meetings}
        usable = frozenset().union(*domains) if domains else frozenset()
        for slots in domains | {usable}:
            inside = [chosen[m] for m in meetings if set(prepared.domain[m]) <= slots]
            if len(inside) > len(slots):
                model.add(cp_model.LinearExpr.sum(inside) <= len(slots))
    model.add(cp_model.LinearExpr.sum(chosen) <= sum(prepared.tables))
    model.maximize(cp_model.LinearExpr.weighted_sum(chosen, prepared.weight))
    solver = _solver(seconds)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return int(solver.best_objective_bound + 1e-6)


def improve(
    prepared: Prepared,
    slot_of: dict[int, int],
    deadline: Deadline,
    *,
    weight_bound: int | None = None,
    breaks_share: float = 0.4,
    seed: int = 1,
) -> dict[int, int]:
    """The best schedule found from ``slot_of`` (a valid schedule, not changed) before the
    deadline: weight alone first; then, in the last ``breaks_share`` of the time or once the
    weight meets ``weight_bound``, the breaks with every scheduled meeting kept."""
    breaks_from = deadline.left() * breaks_share
    rng = random.Random(seed)
    best = dict(slot_of)
    best_key = _key(prepared, best)
    slots = list(range(prepared.n_slots))
    freed = min(FREED_SLOTS, len(slots))
    while deadline.left() > 0.5 and slots and best_key != (weight_bound, 0):
        seconds = min(STEP_SECONDS, deadline.left() - 0.3)
        if rng.random() < 0.5:
            chosen = set(rng.sample(slots, freed))
        else:
            run = rng.choice(prepared.sessions)
            first = rng.randrange(max(1, len(run) - freed + 1))
            chosen = set(run[first : first + freed])
        # Weight alone first; then the breaks, the weight kept.
        only_breaks = (
            weight_bound is not None and best_key[0] >= weight_bound
        ) or deadline.left() <= breaks_from
        started = deadline.elapsed()
        found = _neighbourhood(prepared, best, chosen, seconds, only_breaks=only_breaks)
        # Neighbourhoods solved quickly grow, slow ones shrink.
        spent = deadline.elapsed() - started
        if spent < seconds / 4:
            freed = min(len(slots), freed + 1)
        elif spent >= seconds * 0.9:
            freed = max(min(2, len(slots)), freed - 1)
        if found is None:
            continue
        key = _key(prepared, found)
        if key > best_key:
            best, best_key = found, key
        if best_key == (weight_bound, 0):
            break
    return best


def _key(prepared: Prepared, slot_of: dict[int, int]) -> tuple[int, int]:
    return sum(prepared.weight[m] for m in slot_of), -prepared.breaks(slot_of)


def _neighbourhood(
    prepared: Prepared,
    slot_of: dict[int, int],
    chosen: set[int],
    seconds: float,
    *,
    only_breaks: bool,
) -> dict[int, int] | None:
    """Re-place, within the ``chosen`` slots, the meetings they hold and those unscheduled."""
    busy: set[tuple[int, int]] = set()
    for m, t in slot_of.items():
        if t not in chosen:
            busy.update((p, t) for p in prepared.members[m])
    free = [m for m, t in slot_of.items() if t in chosen]
    if not only_breaks:
        free += [m for m in range(len(prepared.domain)) if m not in slot_of]
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    by_slot: dict[int, list] = {}
    by_busy: dict[tuple[int, int], list] = {}
    for m in free:
        lits = []
        for t in prepared.domain[m]:
            if t not in chosen or any((p, t) in busy for p in prepared.members[m]):
                continue
            var = model.new_bool_var("")
            x[m, t] = var
            lits.append(var)
            by_slot.setdefault(t, []).append(var)
            for p in prepared.members[m]:
                by_busy.setdefault((p, t), []).append(var)
            model.add_hint(var, slot_of.get(m) == t)
        if prepared.required[m] or (only_breaks and m in slot_of):
            model.add_exactly_one(lits)
        elif len(lits) > 1:
            model.add_at_most_one(lits)
    for t, lits in by_slot.items():
        if len(lits) > prepared.tables[t]:
            model.add(cp_model.LinearExpr.sum(lits) <= prepared.tables[t])
    for lits in by_busy.values():
        if len(lits) > 1:
            model.add_at_most_one(lits)
    weight = cp_model.LinearExpr.weighted_sum(list(x.values()), [prepared.weight[m] for m, _ in x])
    if only_breaks:
        breaks = _breaks(prepared, model, by_busy, busy, chosen)
        model.maximize(weight * (len(breaks.starts) + 1) - breaks.total)
    else:
        # Ties go to participants who would otherwise meet nobody (the third objective),
        # then to the meetings that stay where they are: the schedule stays compact.
        met = _met(prepared, model, by_busy, busy)
        stay = [var for (m, t), var in x.items() if slot_of.get(m) == t]
        model.maximize(
            (weight * (len(met) + 1) + cp_model.LinearExpr.sum(met)) * (len(stay) + 1)
            + cp_model.LinearExpr.sum(stay)
        )
    if not x:
        return None
    solver = _solver(seconds)
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    found = {m: t for m, t in slot_of.items() if t not in chosen}
    found.update({m: t for (m, t), var in x.items() if solver.boolean_value(var)})
    return found


def _met(prepared, model, by_busy, busy) -> list:
    """For each participant of the neighbourhood busy nowhere else: meets anyone here."""
    elsewhere = {p for p, _ in busy}
    lits: dict[int, list] = {}
    for (p, _), vars_ in by_busy.items():
        if p not in elsewhere:
            lits.setdefault(p, []).extend(vars_)
    met = []
    for vars_ in lits.values():
        anyone = model.new_bool_var("")
        model.add(anyone <= cp_model.LinearExpr.sum(vars_))
        met.append(anyone)
    return met


class _Breaks:
    def __init__(self) -> None:
        self.starts: list = []
        self.total: cp_model.LinearExprT = 0


def _breaks(prepared, model, by_busy, busy, chosen) -> _Breaks:
    """Breaks of the participants the neighbourhood touches, up to a constant: per session,
    runs begun minus one when the participant meets anyone in the session."""
    breaks = _Breaks()
    touched = {p for p, _ in by_busy}
    starts, met = [], []
    for p in touched:
        for run in prepared.sessions:
            if not chosen.intersection(run):
                continue
            level: list = []
            for t in run:
                if (p, t) in busy:
                    level.append(1)
                elif (p, t) in by_busy:
                    level.append(cp_model.LinearExpr.sum(by_busy[p, t]))
                else:
                    level.append(0)
            variable = [v for v in level if not isinstance(v, int)]
            if variable and not any(isinstance(v, int) and v == 1 for v in level):
                anyone = model.new_bool_var("")
                model.add(anyone <= cp_model.LinearExpr.sum(variable))
                met.append(anyone)
            previous = 0
            for now in level:
                if not (isinstance(now, int) and isinstance(previous, int)):
                    start = model.new_bool_var("")
                    model.add(start >= now - previous)
                    starts.append(start)
                previous = now
    breaks.starts = starts
    breaks.total = cp_model.LinearExpr.sum(starts) - cp_model.LinearExpr.sum(met)
    return breaks


def _solver(seconds: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = WORKERS
    return solver
