"""JAIR benchmark instances (MiniZinc data, ``.dzn``) as Grappe instances.

The format is described in the benchmark's README: ``nBusiness``, ``nMeetings``, ``nTables``,
``nTotalSlots``, ``nMorningSlots``, ``requested`` (one row ``p1, p2, s`` per meeting, s = 1
morning only, 2 afternoon only, 3 either), and optionally ``forbidden`` (per participant, the
slots they cannot meet in; 0 is filler), ``fixed`` (per meeting, its slot or 0) and
``precedences`` (per meeting, the meetings that come strictly before it). The redundant
``meetingsxBusiness`` and ``nMeetingsBusiness`` are ignored.

The conversion: every slot in one session (JAIR counts breaks over the whole day), slot
``s<t>``, participant ``p<i>``, meeting ``m<k>`` with the file's 1-based numbers; a morning-
or afternoon-only meeting gets those slots as its allowed slots; forbidden slots are left out
of the participant's availability; fixed → ``fixed_slot``; precedences → ``after``; every
meeting is required and weighs 1.
"""

from __future__ import annotations

import re

from grappe.scheduling.model import Instance, InstanceError, Meeting, Participant, Slot
from grappe.scheduling.validation import validate_instance

_TOKEN = re.compile(r"\s*(\[\||\|\]|\.\.|-?\d+|[A-Za-z_][A-Za-z0-9_]*|[\[\]{}|,=;])")
_REQUIRED = ("nBusiness", "nMeetings", "nTables", "nTotalSlots", "nMorningSlots", "requested")
SESSION = "day"


def instance_from_dzn(text: str, *, max_break_spread: int | None = None) -> Instance:
    """Read a JAIR ``.dzn`` text; raise InstanceError naming the item at fault."""
    values = parse_dzn(text)
    for name in _REQUIRED:
        if name not in values:
            raise InstanceError(f"{name} is missing")
    counts = {}
    for name in _REQUIRED[:-1]:
        if not isinstance(values[name], int) or values[name] < 0:
            raise InstanceError(f"{name} must be a non-negative whole number")
        counts[name] = values[name]
    n_participants, n_meetings = counts["nBusiness"], counts["nMeetings"]
    n_slots, n_morning = counts["nTotalSlots"], counts["nMorningSlots"]
    if n_slots < 1 or n_morning > n_slots:
        raise InstanceError(
            f"nMorningSlots ({n_morning}) must lie within nTotalSlots ({n_slots}), "
            "which must be at least 1"
        )
    slots = tuple(Slot(id=f"s{t}", session=SESSION) for t in range(1, n_slots + 1))
    morning = frozenset(f"s{t}" for t in range(1, n_morning + 1))
    afternoon = frozenset(f"s{t}" for t in range(n_morning + 1, n_slots + 1))

    rows = _rows(values["requested"], n_meetings)
    forbidden = _per_item(values, "forbidden", n_participants, "participant", set())
    fixed = _per_item(values, "fixed", n_meetings, "meeting", 0)
    precedences = _per_item(values, "precedences", n_meetings, "meeting", set())

    participants = []
    for number, slots_out in enumerate(forbidden, start=1):
        if not isinstance(slots_out, set):
            raise InstanceError(f"forbidden of participant {number} must be a set")
        out = {t for t in slots_out if t != 0}
        for t in sorted(out):
            if not 1 <= t <= n_slots:
                raise InstanceError(
                    f"forbidden slot {t} of participant {number} is not within 1..{n_slots}"
                )
        available = (
            None if not out else frozenset(f"s{t}" for t in range(1, n_slots + 1) if t not in out)
        )
        participants.append(Participant(id=f"p{number}", available=available))

    meetings = []
    for number, (first, second, session) in enumerate(rows, start=1):
        for participant in (first, second):
            if not 1 <= participant <= n_participants:
                raise InstanceError(
                    f"requested row {number}: participant {participant} is not within "
                    f"1..{n_participants}"
                )
        if session not in (1, 2, 3):
            raise InstanceError(
                f"requested row {number}: session must be 1 (morning), 2 (afternoon) "
                f"or 3 (either), not {session}"
            )
        slot = fixed[number - 1]
        if not isinstance(slot, int) or not 0 <= slot <= n_slots:
            raise InstanceError(f"fixed slot of meeting {number} is not within 0..{n_slots}")
        before = precedences[number - 1]
        if not isinstance(before, set):
            raise InstanceError(f"precedences of meeting {number} must be a set")
        for other in sorted(before):
            if not 1 <= other <= n_meetings:
                raise InstanceError(
                    f"precedence {other} of meeting {number} is not within 1..{n_meetings}"
                )
        meetings.append(
            Meeting(
                id=f"m{number}",
                participants=(f"p{first}", f"p{second}"),
                weight=1,
                required=True,
                slots={1: morning, 2: afternoon, 3: None}[session],
                fixed_slot=f"s{slot}" if slot else None,
                after=tuple(f"m{other}" for other in sorted(before)),
            )
        )
    instance = Instance(
        slots=slots,
        tables=counts["nTables"],
        participants=tuple(participants),
        meetings=tuple(meetings),
        max_break_spread=max_break_spread,
    )
    validate_instance(instance)
    return instance


def _rows(value: object, n_meetings: int) -> list[tuple[int, int, int]]:
    if not isinstance(value, list) or not all(isinstance(row, list) for row in value):
        raise InstanceError("requested must be a two-dimensional array [| p1, p2, s | … |]")
    if len(value) != n_meetings:
        raise InstanceError(f"requested has {len(value)} rows for nMeetings = {n_meetings}")
    for number, row in enumerate(value, start=1):
        if len(row) != 3 or not all(isinstance(item, int) for item in row):
            raise InstanceError(f"requested row {number} must be three numbers p1, p2, s")
    return [tuple(row) for row in value]


def _per_item(values: dict, name: str, count: int, kind: str, default: object) -> list:
    if name not in values:
        return [default] * count
    value = values[name]
    if not isinstance(value, list) or (value and isinstance(value[0], list)):
        raise InstanceError(f"{name} must be a one-dimensional array")
    if len(value) != count:
        raise InstanceError(f"{name} has {len(value)} items for {count} {kind}s")
    return value


# MiniZinc data -----------------------------------------------------------------------------


def parse_dzn(text: str) -> dict[str, object]:
    """``name = value;`` assignments. A value is a whole number, a set ``{1, 2}`` or ``1..5``,
    an array ``[...]`` of those, or a two-dimensional array ``[| a, b | c, d |]`` (a list of
    rows). ``%`` starts a comment."""
    text = re.sub(r"%[^\n]*", "", text)
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            if text[position:].strip() == "":
                break
            line = text.count("\n", 0, position) + 1
            snippet = text[position:].strip()[:20]
            raise InstanceError(f"line {line}: cannot read {snippet!r}")
        tokens.append((match.group(1), text.count("\n", 0, match.start(1)) + 1))
        position = match.end()
    parser = _Parser(tokens)
    values: dict[str, object] = {}
    while not parser.done():
        name = parser.take()
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            parser.fail(f"a name, not {name!r}")
        parser.expect("=")
        if name in values:
            parser.fail(f"{name} is given twice")
        values[name] = parser.value()
        parser.expect(";")
    return values


class _Parser:
    def __init__(self, tokens: list[tuple[str, int]]) -> None:
        self.tokens = tokens
        self.position = 0

    def done(self) -> bool:
        return self.position >= len(self.tokens)

    def peek(self) -> str | None:
        return None if self.done() else self.tokens[self.position][0]

    def take(self) -> str:
        if self.done():
            line = self.tokens[-1][1] if self.tokens else 1
            raise InstanceError(f"line {line}: the file ends too early")
        token = self.tokens[self.position][0]
        self.position += 1
        return token

    def fail(self, message: str) -> None:
        line = self.tokens[min(self.position, len(self.tokens) - 1)][1] if self.tokens else 1
        raise InstanceError(f"line {line}: expected {message}")

    def expect(self, token: str) -> None:
        found = self.peek()
        if found != token:
            self.fail(f"{token!r}, found {found!r}" if found else f"{token!r} before the end")
        self.position += 1

    def value(self) -> object:
        token = self.peek()
        if token == "[|":
            return self.matrix()
        if token == "[":
            self.take()
            items = self.items("]")
            return items
        if token == "{":
            return self.set()
        return self.number_or_range()

    def items(self, closing: str) -> list:
        items: list = []
        while self.peek() != closing:
            items.append(self.value())
            if self.peek() == ",":
                self.take()
            elif self.peek() != closing:
                self.fail(f"',' or {closing!r}")
        self.take()
        return items

    def matrix(self) -> list[list]:
        self.take()
        rows: list[list] = []
        row: list = []
        while True:
            token = self.peek()
            if token == "|]":
                self.take()
                if row:
                    rows.append(row)
                return rows
            if token == "|":
                self.take()
                rows.append(row)
                row = []
                continue
            if token == ",":
                self.take()
                continue
            if token is None:
                self.fail("'|]' to close the array")
            row.append(self.number())

    def set(self) -> set[int]:
        self.take()
        members: set[int] = set()
        for item in self.items("}"):
            members |= item if isinstance(item, set) else {item}
        return members

    def number(self) -> int:
        token = self.take()
        if not re.fullmatch(r"-?\d+", token):
            self.position -= 1
            self.fail(f"a number, not {token!r}")
        return int(token)

    def number_or_range(self) -> int | set[int]:
        low = self.number()
        if self.peek() == "..":
            self.take()
            return set(range(low, self.number() + 1))
        return low
