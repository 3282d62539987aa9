"""The SQLite backend: an FTS5 table ranked by bm25() with one weight per column."""

from django.db import connection

from grappe.directory.search.expansion import Concept
from grappe.directory.search.syntax import boolean_expression

FTS_TABLE = "directory_search_fts"
# Column weights, in the table's column order: name, terms, capability, description, place.
WEIGHTS = (10.0, 4.0, 3.0, 1.5, 1.0)


def expression(concepts: tuple[Concept, ...], at_least: int) -> str:
    """The MATCH expression: every token quoted, joined with FTS5's AND and OR."""
    return boolean_expression(
        concepts, at_least=at_least, quote='"{}"'.format, and_=" AND ", or_=" OR "
    )


def matches(concepts: tuple[Concept, ...], at_least: int) -> list[tuple[int, float]]:
    """Every matching organisation with its text rank (higher is better), in one query."""
    weights = ", ".join(str(weight) for weight in WEIGHTS)
    sql = f"SELECT rowid, -bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
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
