"""The PostgreSQL backend: a weighted tsvector column ranked by ts_rank().

ts_rank, not ts_rank_cd: cover density rewards query words close to each other, which
bag-of-token documents (stems and mention tokens side by side) do not carry, and it costs
twice as much per row."""

from django.db import connection, transaction

from grappe.directory.search.expansion import Concept
from grappe.directory.search.syntax import boolean_expression

# ts_rank's weights, in PostgreSQL's order {D, C, B, A}: description and place,
# capability text, terms, name (see migration 0002 for which column has which letter).
WEIGHTS = "{0.1, 0.3, 0.4, 1.0}"
RANK_LIMIT = 2000  # beyond, an even sample of the matches is ranked (see service)


def expression(concepts: tuple[Concept, ...], at_least: int) -> str:
    """The tsquery: every token quoted as a lexeme, joined with & and |."""
    return boolean_expression(
        concepts, at_least=at_least, quote="'{}'".format, and_=" & ", or_=" | "
    )


MATCH_SQL = (
    "SELECT d.organisation_id, {rank} "
    "FROM directory_searchdocument d, to_tsquery('simple', %s) AS q(query) "
    "WHERE d.vector @@ q.query"
)


def matches(
    concepts: tuple[Concept, ...], at_least: int, *, limit: int | None = None, sample: int = 1
) -> list[tuple[int, float]]:
    """The matching organisations with their text rank (higher is better), in id order:
    at most `limit` of them; with `sample` > 1, only the ids divisible by it are ranked,
    the others get -1 (ranking costs far more than finding a match)."""
    rank = f"ts_rank('{WEIGHTS}', d.vector, q.query)"
    if sample > 1:
        rank = f"CASE WHEN d.organisation_id %% {int(sample)} = 0 THEN {rank} ELSE -1.0 END"
    sql = MATCH_SQL.format(rank=rank)
    if limit is not None:
        sql += f" LIMIT {int(limit)}"  # the first in the table's order, about the id order
    with transaction.atomic(), connection.cursor() as cursor:
        # The planner reads a third of the table sequentially rather than use the GIN
        # index when many rows match; the index is about twice as fast even then.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(sql, [expression(concepts, at_least)])
        rows = cursor.fetchall()
    rows.sort()  # in id order, as on SQLite, so that equal ranks stay by id
    return rows


def typo_candidates_sql(words: list[str], spread: int) -> tuple[str, list]:
    """Dictionary tokens similar by trigrams (pg_trgm's index), or with the same first
    letter and a length within `spread`, as on SQLite."""
    conditions, params = [], []
    for word in words:
        conditions.append("token %% %s")
        conditions.append("(token >= %s AND token < %s AND length(token) BETWEEN %s AND %s)")
        params += [word, word[0], chr(ord(word[0]) + 1), len(word) - spread, len(word) + spread]
    return f"SELECT token FROM directory_searchtoken WHERE {' OR '.join(conditions)}", params
