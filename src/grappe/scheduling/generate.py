"""Generated trade-show instances: over-subscribed B2B meeting days, for the benchmark.

``trade_show(participants=500, seed=1)`` builds one day of 14 slots in two sessions (seven
20-minute slots in the morning, seven in the afternoon), ``participants // 3`` tables, and
about six accepted meetings per participant. Popularity is skewed (a Zipf-like law): a few
exhibitors receive far more requests than they have slots, so not every meeting can take
place. Some participants are away for part of the day; some meetings are mutual wishes
(weight 2, the others weight 1); a few bring a colleague (three participants). Deterministic
for a given seed.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from grappe.scheduling.model import Instance, Meeting, Participant, Slot

SLOTS_PER_SESSION = 7
MEETINGS_PER_PARTICIPANT = 6
MUTUAL_SHARE = 0.15
COLLEAGUE_SHARE = 0.03
AWAY_SHARE = 0.25


def trade_show(*, participants: int, seed: int = 1) -> Instance:
    if participants < 4:
        raise ValueError("a trade show needs at least 4 participants")
    rng = random.Random(seed)
    day = datetime(2026, 9, 22, 9, 0, tzinfo=UTC)
    slots = []
    for session, start in (("am", day), ("pm", day + timedelta(hours=5))):
        for k in range(SLOTS_PER_SESSION):
            slots.append(
                Slot(
                    id=f"{session}{k + 1}", session=session, start=start + timedelta(minutes=20 * k)
                )
            )
    ids = [f"p{k + 1}" for k in range(participants)]
    people = [Participant(id=pid, available=_availability(rng, slots)) for pid in ids]
    # Popularity: the k-th most popular is chosen with a weight 1 / (k + 1) ** 0.8.
    popularity = [1 / (k + 1) ** 0.8 for k in range(participants)]
    order = ids[:]
    rng.shuffle(order)
    wanted = participants * MEETINGS_PER_PARTICIPANT // 2
    pairs: set[frozenset[str]] = set()
    meetings = []
    while len(meetings) < wanted:
        asker = rng.choice(ids)
        target = rng.choices(order, weights=popularity)[0]
        pair = frozenset((asker, target))
        if asker == target or pair in pairs:
            continue
        pairs.add(pair)
        members = [asker, target]
        if rng.random() < COLLEAGUE_SHARE:
            colleague = rng.choice(ids)
            if colleague not in members:
                members.append(colleague)
        meetings.append(
            Meeting(
                id=f"m{len(meetings) + 1}",
                participants=tuple(members),
                weight=2 if rng.random() < MUTUAL_SHARE else 1,
            )
        )
    return Instance(
        slots=tuple(slots),
        tables=max(1, participants // 3),
        participants=tuple(people),
        meetings=tuple(meetings),
    )


def _availability(rng: random.Random, slots: list[Slot]) -> frozenset[str] | None:
    """Everyone is there, except a quarter who miss a session or a run of slots."""
    if rng.random() >= AWAY_SHARE:
        return None
    ids = [slot.id for slot in slots]
    if rng.random() < 0.4:
        missed = ids[:SLOTS_PER_SESSION] if rng.random() < 0.5 else ids[SLOTS_PER_SESSION:]
    else:
        length = rng.randint(2, 4)
        first = rng.randrange(len(ids) - length + 1)
        missed = ids[first : first + length]
    return frozenset(slot for slot in ids if slot not in missed)
