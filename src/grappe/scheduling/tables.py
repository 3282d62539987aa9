"""Table numbers for a schedule: a participant changes table as little as possible.

Slot after slot, each meeting of the slot gets a table from 1 to the slot's number of tables.
A meeting with a ``fixed_table`` keeps it. The others are matched to tables so that as many
participants as possible sit at the table of their previous meeting: a maximum-weight
matching, solved exactly for each slot as a min-cost flow, the weight of a (meeting, table)
pair being the number of its participants whose last table it was. Meetings left over take
the lowest free tables.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import numpy as np
from ortools.graph.python import min_cost_flow

from grappe.scheduling.model import Instance


def number_tables(instance: Instance, slot_of: Mapping[str, str]) -> dict[str, int]:
    """Table number of each scheduled meeting (meeting id → 1..tables_in(slot)).

    Raises ValueError when ``slot_of`` names an unknown meeting or slot, when a slot holds
    more meetings than tables, or when two meetings keep the same fixed table in one slot.
    """
    meetings = instance.meeting_by_id()
    slot_ids = {slot.id for slot in instance.slots}
    by_slot: dict[str, list[str]] = defaultdict(list)
    for meeting in instance.meetings:
        if meeting.id in slot_of:
            by_slot[slot_of[meeting.id]].append(meeting.id)
    for meeting_id, slot_id in slot_of.items():
        if meeting_id not in meetings:
            raise ValueError(f"unknown meeting {meeting_id!r}")
        if slot_id not in slot_ids:
            raise ValueError(f"meeting {meeting_id}: unknown slot {slot_id!r}")

    last_table: dict[str, int] = {}
    tables: dict[str, int] = {}
    for slot in instance.slots:
        ids = by_slot.get(slot.id, [])
        if not ids:
            continue
        capacity = instance.tables_in(slot.id)
        if len(ids) > capacity:
            raise ValueError(f"slot {slot.id}: {len(ids)} meetings for {capacity} tables")
        taken: dict[int, str] = {}
        free: list[str] = []
        for meeting_id in ids:
            fixed = meetings[meeting_id].fixed_table
            if fixed is None:
                free.append(meeting_id)
                continue
            if not 1 <= fixed <= capacity:
                raise ValueError(
                    f"meeting {meeting_id}: fixed table {fixed} is not among the "
                    f"{capacity} tables of slot {slot.id}"
                )
            if fixed in taken:
                raise ValueError(
                    f"meetings {taken[fixed]} and {meeting_id} both keep table {fixed} "
                    f"in slot {slot.id}"
                )
            taken[fixed] = meeting_id
            tables[meeting_id] = fixed
        gains: dict[tuple[int, int], int] = defaultdict(int)
        for position, meeting_id in enumerate(free):
            for participant in meetings[meeting_id].participants:
                table = last_table.get(participant)
                if table is not None and table not in taken:
                    gains[position, table] += 1
        matched = _best_matching(len(free), gains)
        used = set(taken) | set(matched.values())
        spare = (table for table in range(1, capacity + 1) if table not in used)
        for position, meeting_id in enumerate(free):
            tables[meeting_id] = matched[position] if position in matched else next(spare)
        for meeting_id in ids:
            for participant in meetings[meeting_id].participants:
                last_table[participant] = tables[meeting_id]
    return tables


def _best_matching(count: int, gains: Mapping[tuple[int, int], int]) -> dict[int, int]:
    """Meeting position → table maximising the total gain, each table used at most once.

    A min-cost flow: source → meeting → table → sink with the gain as a negative cost, and a
    free bypass meeting → sink for a meeting that keeps no one's table.
    """
    if not gains:
        return {}
    table_list = sorted({table for _, table in gains})
    table_node = {table: count + 1 + index for index, table in enumerate(table_list)}
    source, sink = 0, count + 1 + len(table_list)
    tails, heads, costs = [], [], []
    for position in range(count):
        tails += [source, 1 + position]
        heads += [1 + position, sink]
        costs += [0, 0]
    for (position, table), gain in sorted(gains.items()):
        tails.append(1 + position)
        heads.append(table_node[table])
        costs.append(-gain)
    for table in table_list:
        tails.append(table_node[table])
        heads.append(sink)
        costs.append(0)
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        np.array(tails, dtype=np.int32),
        np.array(heads, dtype=np.int32),
        np.ones(len(tails), dtype=np.int64),
        np.array(costs, dtype=np.int64),
    )
    flow.set_nodes_supplies(
        np.array([source, sink], dtype=np.int32), np.array([count, -count], dtype=np.int64)
    )
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("the table matching has no solution")
    node_table = {node: table for table, node in table_node.items()}
    matched = {}
    for arc in arcs:
        tail, head = flow.tail(arc), flow.head(arc)
        if head in node_table and 1 <= tail <= count and flow.flow(arc) > 0:
            matched[tail - 1] = node_table[head]
    return matched
