"""The SQLite backend: an FTS5 table ranked by bm25() with one weight per column."""

from grappe.directory.search.expansion import Concept
from grappe.directory.search.syntax import boolean_expression

FTS_TABLE = "directory_search_fts"
# Column weights, in the table's column order: name, terms, capability, description, place.
WEIGHTS = (10.0, 4.0, 3.0, 1.5, 1.0)


def expression(concepts: tuple[Concept, ...]) -> str:
    """The MATCH expression: every token quoted, joined with FTS5's AND and OR."""
    return boolean_expression(concepts, quote='"{}"'.format, and_=" AND ", or_=" OR ")


def match_sql(concepts: tuple[Concept, ...]) -> tuple[str, list]:
    """Every matching organisation with its text rank (higher is better)."""
    weights = ", ".join(str(weight) for weight in WEIGHTS)
    sql = (
        f"SELECT rowid AS id, -bm25({FTS_TABLE}, {weights}) AS rank "
        f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    )
    return sql, [expression(concepts)]


def typo_candidates_sql(words: list[str], spread: int) -> tuple[str, list]:
    """Dictionary tokens with the same first letter and a length within `spread`."""
    conditions, params = [], []
    for word in words:
        conditions.append("(token >= %s AND token < %s AND length(token) BETWEEN %s AND %s)")
        params += [word[0], chr(ord(word[0]) + 1), len(word) - spread, len(word) + spread]
    return f"SELECT token FROM directory_searchtoken WHERE {' OR '.join(conditions)}", params
