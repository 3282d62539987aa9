"""The SQLite backend: an FTS5 table ranked by bm25() with one weight per column."""

from django.db import connection

from grappe.directory.search.expansion import Concept
from grappe.directory.search.syntax import boolean_expression

FTS_TABLE = "directory_search_fts"
# Column weights, in the table's column order: name, terms, capability, description, place.
WEIGHTS = (10.0, 4.0, 3.0, 1.5, 1.0)
RANK_LIMIT = 5000  # beyond, an even sample of the matches is ranked (see service)


def expression(concepts: tuple[Concept, ...], at_least: int) -> str:
    """The MATCH expression: every token quoted, joined with FTS5's AND and OR."""
    return boolean_expression(
        concepts, at_least=at_least, quote='"{}"'.format, and_=" AND ", or_=" OR "
    )


def matches(
    concepts: tuple[Concept, ...], at_least: int, *, limit: int | None = None, sample: int = 1
) -> list[tuple[int, float]]:
    """The matching organisations with their text rank (higher is better), in id order
    (FTS5 returns rows by rowid, the organisation's id): at most `limit` of them; with
    `sample` > 1, only the ids divisible by it are ranked, the others get -1 (bm25 costs
    far more than finding a match)."""
    weights = ", ".join(str(weight) for weight in WEIGHTS)
    rank = f"-bm25({FTS_TABLE}, {weights})"
    if sample > 1:
        rank = f"CASE WHEN rowid %% {int(sample)} = 0 THEN {rank} ELSE -1.0 END"
    sql = f"SELECT rowid, {rank} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression(concepts, at_least)])
        return cursor.fetchall()


def typo_candidates_sql(words: list[str], spread: int) -> tuple[str, list]:
    """Dictionary tokens with the same first letter and a length within `spread`."""
    conditions, params = [], []
    for word in words:
        conditions.append("(token >= %s AND token < %s AND length(token) BETWEEN %s AND %s)")
        params += [word[0], chr(ord(word[0]) + 1), len(word) - spread, len(word) + spread]
    return f"SELECT token FROM directory_searchtoken WHERE {' OR '.join(conditions)}", params
