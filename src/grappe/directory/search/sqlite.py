"""The SQLite backend: an FTS5 table ranked by bm25() with one weight per column."""

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.db import connection

from grappe.directory.search import bitmaps
from grappe.directory.search.expansion import Clause, Concept
from grappe.directory.search.syntax import boolean_expression, clause_expression

FTS_TABLE = "directory_search_fts"
# Column weights, in the table's column order: name, terms, capability, description, place.
WEIGHTS = (10.0, 4.0, 3.0, 1.5, 1.0)
# At most about this many matches are ranked; beyond, an even sample (see `ranks`).
RANK_LIMIT = 1000


def expression(concepts: tuple[Concept, ...], at_least: int) -> str:
    """The MATCH expression: every token quoted, joined with FTS5's AND and OR."""
    return boolean_expression(
        concepts, at_least=at_least, quote='"{}"'.format, and_=" AND ", or_=" OR "
    )


def clause_bitmaps(clauses: Sequence[Clause]) -> list[int]:
    """The matches of each clause as a bitmap, in one query (see `matching`)."""
    return bitmaps.of_selects(
        [clause_text(clause) for clause in clauses],
        f"SELECT group_concat(rowid) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
    )


def clause_text(clause: Clause) -> str:
    return clause_expression(clause, quote='"{}"'.format, and_=" AND ", or_=" OR ")


def ids_of(sql: str, params: list) -> list[int]:
    """The ids selected by `sql` (one column, named id), read as one string: tens of
    thousands of rows cost three times less so than one by one."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT group_concat(id) FROM ({sql})", params)
        (found,) = cursor.fetchone()
    return list(map(int, found.split(","))) if found else []


def ranks(
    concepts: tuple[Concept, ...], at_least: int, *, matched: int, passing: int
) -> list[tuple[int, float]]:
    """(id, text rank, higher is better) of the matches that pass the filters (`passing`,
    a part of `matched`), in id order: all of them when there are at most RANK_LIMIT
    matches, else those whose id is a multiple of a step that leaves about RANK_LIMIT
    (bm25 costs far more than finding a match). FTS5 cannot be given a list of ids cheaply
    (each id runs the whole match again): the step is chosen from every match, filtered or
    not, so that the work stays bounded."""
    step = max(1, math.ceil(matched.bit_count() / RANK_LIMIT))
    rank = f"-bm25({FTS_TABLE}, {', '.join(str(weight) for weight in WEIGHTS)})"
    sql = f"SELECT rowid, {rank} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    if step > 1:
        sql += f" AND rowid %% {step} = 0"
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression(concepts, at_least)])
        rows = cursor.fetchall()
    if passing == matched:
        return rows
    kept = bitmaps.members(passing)
    return [row for row in rows if bitmaps.has(kept, row[0])]


@contextmanager
def bulk_index_writes() -> Iterator[None]:
    """Write many documents at once: FTS5 needs nothing special (see `postgres`)."""
    yield


def among(ids: list[int]) -> tuple[str, list]:
    """A condition on a column being one of these ids, and its parameters."""
    return f"IN ({', '.join(['%s'] * len(ids))})", ids


def typo_candidates_sql(words: list[str], spread: int) -> tuple[str, list]:
    """Dictionary tokens with the same first letter and a length within `spread`."""
    conditions, params = [], []
    for word in words:
        conditions.append("(token >= %s AND token < %s AND length(token) BETWEEN %s AND %s)")
        params += [word[0], chr(ord(word[0]) + 1), len(word) - spread, len(word) + spread]
    return f"SELECT token FROM directory_searchtoken WHERE {' OR '.join(conditions)}", params
