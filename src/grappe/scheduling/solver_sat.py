"""Fewest breaks when every meeting must take place: a SAT encoding searched bound by bound.

When every meeting is required, the weight is fixed and only the breaks are optimised. The
schedule is encoded in clauses (``x[m,t]``: meeting m in slot t; ``u[p,t]``: participant p
busy in slot t; ``e[p,t]``: a break of p ends at slot t) and a SAT solver is asked for a
schedule with at most k breaks, for k = 0, 1, 2, …: each "no" proves a lower bound, the first
"yes" is optimal. This is the MaxSAT view of Bofill et al. (JAIR 74, 2022) searched from below,
with implied constraints that make the "no" answers fast:

* each participant is busy in exactly as many slots as it has meetings;
* ``z[p]``: participant p has a break. Without one, p's meetings fill a window of consecutive
  slots of a session: ``w[p,a]``, the window starting at slot a, makes p busy throughout it,
  and one window holds unless ``z[p]``; p is also busy in every interval that all its
  possible windows meet — a clause per such minimal interval. At most k participants have a
  break when there are at most k breaks;
* no slot (and, on crowded instances, no run of two or three slots) holds more busy
  participants than its tables can seat.

The fairness rule (break counts differ by at most d) is encoded as "nobody has more than d
breaks". A schedule within that rule is fair; a fair schedule outside it gives every
participant at least one break, so the optimum found is the fair optimum whenever it is
below the number of participants — the bound reported is capped there.

Two solvers search side by side, each in a child process (:data:`SAT_SOLVERS`): CaDiCaL asks
for no break, then for any schedule, then climbs from the bound; MapleChrono asks for no
break, then climbs straight from the bound, so that its first schedule is optimal. They are
fast on different instances (ticf-13crafc: "no break?" answered by MapleChrono in 3–16 s, not
by CaDiCaL in 60 s). Every bound either proves holds.
"""

from __future__ import annotations

import multiprocessing
import threading
from itertools import pairwise
from multiprocessing import connection

from pysat.card import CardEnc, EncType, ITotalizer
from pysat.formula import IDPool
from pysat.solvers import Solver

from grappe.scheduling.solver_data import Deadline, Outcome, Prepared

# Run side by side, one child process each; the first also asks for any schedule.
SAT_SOLVERS = ("cadical195", "maplechrono")
# A fork of a process with threads (a web server) may inherit a lock held by another thread:
# the children then come from a fork server, started once with this module imported. A
# single-threaded caller forks, which is faster (about 0.3 s against 1 s on tic-12).

# The objective counters count up to this many breaks, and are extended by as many when the
# search gets there (a small counter keeps the formula small).
COUNTED_BREAKS = 12
# Runs of two and three slots get a seat count of their own when meetings fill at least this
# share of the tables.
CROWDED = 0.8
LOAD_ENCODING = EncType.totalizer


class _Encoding:
    def __init__(self, prepared: Prepared) -> None:
        self.prepared = prepared
        self.pool = IDPool()
        self.clauses: list[list[int]] = []
        self.x: dict[tuple[int, int], int] = {}
        self.breaks: list[int] = []
        self.has_break: list[int] = []
        self.fair = self.pool.id("fair") if prepared.max_break_spread is not None else None

    def at_most(self, lits: list[int], bound: int, *, guard: int | None = None) -> None:
        if len(lits) <= bound:
            return
        if bound == 0:
            self.clauses.extend([-lit] + ([-guard] if guard else []) for lit in lits)
            return
        if bound == 1 and len(lits) <= 6:
            encoding = EncType.pairwise
        elif bound == 1:
            encoding = EncType.ladder
        else:
            encoding = EncType.seqcounter
        cnf = CardEnc.atmost(lits, bound=bound, vpool=self.pool, encoding=encoding)
        extra = [-guard] if guard else []
        self.clauses.extend(clause + extra for clause in cnf.clauses)

    def at_least(self, lits: list[int], bound: int) -> None:
        if bound <= 0:
            return
        if bound > len(lits):
            # More meetings than slots where they can take place: no schedule.
            self.clauses.append([])
            return
        if bound == 1:
            self.clauses.append(list(lits))
            return
        cnf = CardEnc.atleast(lits, bound=bound, vpool=self.pool, encoding=EncType.seqcounter)
        self.clauses.extend(cnf.clauses)

    def build(self) -> None:
        prepared = self.prepared
        for m, domain in enumerate(prepared.domain):
            lits = [self.pool.id(("x", m, t)) for t in domain]
            for t, lit in zip(domain, lits, strict=True):
                self.x[m, t] = lit
            self.clauses.append(lits)
            self.at_most(lits, 1)
        self._tables()
        self._precedences()
        busy = [self._participant(p) for p in range(len(prepared.meetings_of))]
        self._seats(busy)

    def _tables(self) -> None:
        by_slot: dict[int, list[int]] = {}
        for (_, t), lit in self.x.items():
            by_slot.setdefault(t, []).append(lit)
        for t, lits in by_slot.items():
            self.at_most(lits, self.prepared.tables[t])

    def _precedences(self) -> None:
        for m, before in enumerate(self.prepared.before):
            for other in before:
                for t in self.prepared.domain[m]:
                    earlier = [self.x[other, s] for s in self.prepared.domain[other] if s < t]
                    self.clauses.append([-self.x[m, t], *earlier])

    def _participant(self, p: int) -> dict[int, int]:
        prepared = self.prepared
        meetings = prepared.meetings_of[p]
        busy: dict[int, int] = {}
        for t in prepared.slots_of(p):
            lits = [self.x[m, t] for m in meetings if (m, t) in self.x]
            u = self.pool.id(("u", p, t))
            busy[t] = u
            self.clauses.extend([-lit, u] for lit in lits)
            self.clauses.append([-u, *lits])
            self.at_most(lits, 1)
        if not meetings:
            return busy
        count = len(meetings)
        self.at_most(list(busy.values()), count)
        self.at_least(list(busy.values()), count)
        ends = []
        for run in prepared.sessions:
            ends.extend(self._session_breaks(p, run, busy))
        self.breaks.extend(ends)
        if ends:
            self._windows(p, count, busy, ends)
        if self.fair is not None:
            self.at_most(ends, prepared.max_break_spread, guard=self.fair)
        return busy

    def _session_breaks(self, p: int, run: list[int], busy: dict[int, int]) -> list[int]:
        # seen[t]: p was busy at some slot of the session up to t (forced upwards only).
        seen: dict[int, int] = {}
        previous = None
        for t in run:
            lits = [busy[t]] if t in busy else []
            if previous is None and not lits:
                continue
            s = self.pool.id(("seen", p, t))
            for lit in lits + ([previous] if previous else []):
                self.clauses.append([-lit, s])
            seen[t] = s
            previous = s
        ends = []
        for before, (gap, t) in zip(run, pairwise(run[1:]), strict=False):
            if t not in busy or before not in seen:
                continue
            e = self.pool.id(("e", p, t))
            clause = [-busy[t], -seen[before], e]
            if gap in busy:
                clause.append(busy[gap])
            self.clauses.append(clause)
            ends.append(e)
        return ends

    def _windows(self, p: int, count: int, busy: dict[int, int], ends: list[int]) -> None:
        z = self.pool.id(("z", p))
        self.has_break.append(z)
        self.clauses.extend([-e, z] for e in ends)
        # Without a break, p's meetings fill one window of consecutive slots of a session:
        # w[p,a] says which one starts at slot a.
        windows = []
        for run in self.prepared.sessions:
            for k in range(len(run) - count + 1):
                window = run[k : k + count]
                if all(t in busy for t in window):
                    w = self.pool.id(("w", p, window[0]))
                    windows.append(w)
                    self.clauses.extend([-w, busy[t]] for t in window)
        self.clauses.append([z, *windows])
        slots = sorted(busy)
        if len({self._session(t) for t in slots}) != 1:
            return
        starts = [a for a in slots if all(a + k in busy for k in range(count))]
        if not starts:
            self.clauses.append([z])
            return

        def met_by_all(a: int, b: int) -> bool:
            return all(start <= b and start + count > a for start in starts)

        for a in slots:
            for b in slots:
                if b < a or not met_by_all(a, b):
                    continue
                if not (a + 1 <= b and met_by_all(a + 1, b)):
                    self.clauses.append([z] + [busy[t] for t in range(a, b + 1) if t in busy])
                break

    def _session(self, t: int) -> int:
        for k, run in enumerate(self.prepared.sessions):
            if t in run:
                return k
        raise ValueError(t)

    def _seats(self, busy: list[dict[int, int]]) -> None:
        prepared = self.prepared
        load: dict[int, list[int]] = {}
        for per_slot in busy:
            for t, lit in per_slot.items():
                load.setdefault(t, []).append(lit)
        seats = [prepared.largest_meeting * tables for tables in prepared.tables]
        demand = sum(len(members) for members in prepared.members)
        crowded = demand >= CROWDED * max(1, sum(seats))
        for a in range(prepared.n_slots):
            for length in (1, 2, 3) if crowded else (1,):
                run = list(range(a, a + length))
                if run[-1] >= prepared.n_slots or len({self._session(t) for t in run}) > 1:
                    continue
                lits = [lit for t in run for lit in load.get(t, [])]
                bound = sum(seats[t] for t in run)
                if len(lits) > bound:
                    cnf = CardEnc.atmost(lits, bound=bound, vpool=self.pool, encoding=LOAD_ENCODING)
                    self.clauses.extend(cnf.clauses)


def solve_required(prepared: Prepared, deadline: Deadline) -> Outcome:
    """Fewest breaks when every meeting must be scheduled; see the module's docstring.

    The search runs in child processes, one per solver of :data:`SAT_SOLVERS` (CaDiCaL cannot
    be interrupted from Python, and the solvers are fast on different instances), which report
    each schedule and each proven bound as they go; when the best schedule meets the best
    bound, or at the deadline, the children are stopped and the best of what they reported is
    returned.
    """
    if threading.active_count() == 1:
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
    # One pipe per child: a pipe's send writes at once, where a queue's background thread
    # would wait for the GIL that a solver may keep for a whole call.
    pipes, children = [], []
    for k, name in enumerate(SAT_SOLVERS):
        receiver, sender = context.Pipe(duplex=False)
        pipes.append(receiver)
        # The first solver also asks for any schedule (and settles infeasibility); the
        # others go straight up from the bound.
        arguments = (prepared, name, sender, k == 0)
        children.append(context.Process(target=_search, args=arguments, daemon=True))
    for child in children:
        child.start()
    best, lower, infeasible, settled, done = None, 0, False, False, 0
    try:
        while not settled and pipes:
            ready = connection.wait(pipes, timeout=deadline.left())
            if not ready:
                break
            for pipe in ready:
                try:
                    kind, value = pipe.recv()
                except EOFError:
                    # The child stopped (the memory ran out?): the others go on.
                    pipes.remove(pipe)
                    continue
                if kind == "schedule":
                    if best is None or prepared.breaks(value) < prepared.breaks(best):
                        best = value
                elif kind == "lower":
                    lower = max(lower, value)
                elif kind == "infeasible":
                    infeasible = True
                done += kind == "done"
                settled = settled or kind in ("infeasible", "unsettled") or done == len(children)
            settled = settled or (best is not None and lower >= prepared.breaks(best))
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
        for child in children:
            child.join()
        for pipe in pipes:
            pipe.close()
    if infeasible:
        return Outcome(slot_of=None, infeasible=True)
    if prepared.max_break_spread is not None:
        lower = min(lower, sum(1 for meetings in prepared.meetings_of if meetings))
    if best is None:
        return Outcome(slot_of=None, breaks_bound=lower or None)
    return Outcome(
        slot_of=best,
        weight_bound=sum(prepared.weight),
        breaks_bound=min(lower, prepared.breaks(best)),
    )


def _search(prepared: Prepared, name: str, messages, any_first: bool) -> None:
    """Ask for no break, then (``any_first``) for any schedule, then for at most 1, 2, …
    breaks until the bound meets the best schedule. Without ``any_first``, the search goes
    straight up from the bound proven: the first schedule found is optimal."""
    encoding = _Encoding(prepared)
    encoding.build()
    top = encoding.pool.top
    bound = min(COUNTED_BREAKS, len(encoding.breaks))
    counters = []
    for lits in (encoding.breaks, encoding.has_break):
        if lits:
            counter = ITotalizer(lits=lits, ubound=min(bound, len(lits)), top_id=top)
            top = counter.top_id
            counters.append(counter)
    with Solver(name=name, bootstrap_with=encoding.clauses) as solver:
        for counter in counters:
            solver.append_formula(counter.cnf.clauses)
        fair = [encoding.fair] if encoding.fair is not None else []
        # "No break at all?" first: half of the real events have such a schedule, and the
        # question is answered faster before the solver has wandered elsewhere.
        if counters and solver.solve(assumptions=fair + [-counter.rhs[0] for counter in counters]):
            messages.send(("schedule", _placement(encoding, solver.get_model())))
            messages.send(("lower", 0))
            messages.send(("done", None))
            return
        if counters:
            messages.send(("lower", 1))
        upper = len(encoding.breaks) + 1
        if any_first or not counters:
            if not solver.solve(assumptions=fair):
                messages.send((_no_schedule(solver, fair), None))
                return
            best = _placement(encoding, solver.get_model())
            messages.send(("schedule", best))
            upper = prepared.breaks(best)
        lower = 1 if counters else 0
        while lower < upper and counters:
            if lower >= bound:
                bound += COUNTED_BREAKS
                for counter in counters:
                    before = len(counter.cnf.clauses)
                    counter.increase(ubound=min(bound, len(counter.lits)), top_id=top)
                    top = max(top, counter.top_id)
                    solver.append_formula(counter.cnf.clauses[before:])
            limits = [-counter.rhs[lower] for counter in counters if lower < len(counter.rhs)]
            if not limits and not solver.solve(assumptions=fair):
                messages.send((_no_schedule(solver, fair), None))
                return
            if solver.solve(assumptions=fair + limits):
                best = _placement(encoding, solver.get_model())
                messages.send(("schedule", best))
                upper = prepared.breaks(best)
            else:
                lower += 1
                messages.send(("lower", lower))
        if lower >= upper:
            messages.send(("lower", upper))
    messages.send(("done", None))


def _no_schedule(solver: Solver, fair: list[int]) -> str:
    if fair and solver.solve():
        # Feasible, maybe fairly with everybody having breaks: not decided here.
        return "unsettled"
    return "infeasible"


def _placement(encoding: _Encoding, model: list[int]) -> dict[int, int]:
    true = {lit for lit in model if lit > 0}
    return {m: t for (m, t), lit in encoding.x.items() if lit in true}
