"""The PostgreSQL backend: a weighted tsvector column ranked by ts_rank().

ts_rank, not ts_rank_cd: cover density rewards query words close to each other, which
bag-of-token documents (stems and mention tokens side by side) do not carry, and it costs
twice as much per row."""

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.db import connection

from grappe.directory.search import bitmaps
from grappe.directory.search.expansion import Clause, Concept
from grappe.directory.search.syntax import boolean_expression, clause_expression

# ts_rank's weights, in PostgreSQL's order {D, C, B, A}: description and place,
# capability text, terms, name (see migration 0002 for which column has which letter).
WEIGHTS = "{0.1, 0.3, 0.4, 1.0}"
# At most about this many matches are ranked; beyond, an even sample (see `ranks`). Fewer
# than on SQLite: each row ranked here is a probe of the primary key and a tsvector read
# (5 ms for 1 000 rows at 100 000 organisations), where FTS5 ranks the rows it walks.
RANK_LIMIT = 500


def expression(concepts: tuple[Concept, ...], at_least: int) -> str:
    """The tsquery: every token quoted as a lexeme, joined with & and |."""
    return boolean_expression(
        concepts, at_least=at_least, quote="'{}'".format, and_=" & ", or_=" | "
    )


def clause_bitmaps(clauses: Sequence[Clause]) -> list[int]:
    """The matches of each clause as a bitmap, in one query (see `matching`). Each clause
    holds a rare token, so the planner's choice of the GIN index is a safe one."""
    return bitmaps.of_selects(
        [clause_text(clause) for clause in clauses],
        "SELECT string_agg(d.organisation_id::text, ',') FROM directory_searchdocument d "
        "WHERE d.vector @@ to_tsquery('simple', %s)",
    )


def clause_text(clause: Clause) -> str:
    return clause_expression(clause, quote="'{}'".format, and_=" & ", or_=" | ")


def ids_of(sql: str, params: list) -> list[int]:
    """The ids selected by `sql` (one column, named id), read as one string: tens of
    thousands of rows cost less so than one by one."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT string_agg(r.id::text, ',') FROM ({sql}) r", params)
        (found,) = cursor.fetchone()
    return list(map(int, found.split(","))) if found else []


RANK_SQL = (
    f"SELECT d.organisation_id, ts_rank('{WEIGHTS}', d.vector, to_tsquery('simple', %s)) "
    "FROM directory_searchdocument d WHERE d.organisation_id = ANY(%s::bigint[]) ORDER BY 1"
)


def ranks(
    concepts: tuple[Concept, ...], at_least: int, *, matched: int, passing: int
) -> list[tuple[int, float]]:
    """(id, text rank, higher is better) of the matches that pass the filters (`passing`,
    a part of `matched`), in id order: all of them when at most RANK_LIMIT do, else those
    whose id is a multiple of a step that leaves about RANK_LIMIT (ranking costs far more
    than finding a match). They are read by id, with the primary key's index."""
    step = max(1, math.ceil(passing.bit_count() / RANK_LIMIT))
    if step > 1:
        passing &= bitmaps.multiples(step, passing.bit_length())
    with connection.cursor() as cursor:
        cursor.execute(RANK_SQL, [expression(concepts, at_least), _array(bitmaps.ids(passing))])
        return cursor.fetchall()


def _array(ids: list[int]) -> str:
    """The ids as one array literal: psycopg adapts a list of ints, or as many parameters,
    several times more slowly, and PostgreSQL plans `= ANY` of one array faster."""
    return "{" + ",".join(map(str, ids)) + "}"


def among(ids: list[int]) -> tuple[str, list]:
    """A condition on a column being one of these ids, and its parameters."""
    return "= ANY(%s::bigint[])", [_array(ids)]


VECTOR_INDEX = "directory_searchdocument_vector"


@contextmanager
def bulk_index_writes() -> Iterator[None]:
    """Write many documents at once (inside a transaction): new entries wait in the GIN
    index's pending list, raised to 64 MB, and are merged into the index in one pass at
    the end, which saves about a tenth of a 100 000-row import. Merging needs the index's
    owner; for another role the limits stay PostgreSQL's."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class WHERE relname = %s",
            [VECTOR_INDEX],
        )
        row = cursor.fetchone()
        owner = bool(row and row[0])
        if owner:
            cursor.execute("SET LOCAL gin_pending_list_limit = '64MB'")
    yield
    if owner:
        with connection.cursor() as cursor:
            # Every search reads the pending list from start to end: merge it now.
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [VECTOR_INDEX])
            cursor.execute("SET LOCAL gin_pending_list_limit TO DEFAULT")


def typo_candidates_sql(words: list[str], spread: int) -> tuple[str, list]:
    """Dictionary tokens similar by trigrams (pg_trgm's index), or with the same first
    letter and a length within `spread`, as on SQLite."""
    conditions, params = [], []
    for word in words:
        conditions.append("token %% %s")
        conditions.append("(token >= %s AND token < %s AND length(token) BETWEEN %s AND %s)")
        params += [word, word[0], chr(ord(word[0]) + 1), len(word) - spread, len(word) + spread]
    return f"SELECT token FROM directory_searchtoken WHERE {' OR '.join(conditions)}", params
