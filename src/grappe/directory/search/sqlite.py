"""The SQLite backend: an FTS5 table ranked by bm25() with one weight per column."""

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


def match_sql(concepts: tuple[Concept, ...], at_least: int, *, ranked: bool) -> tuple[str, list]:
    """Every matching organisation: id and, when `ranked`, its text rank (higher is better;
    0 otherwise, which spares computing it for counts)."""
    weights = ", ".join(str(weight) for weight in WEIGHTS)
    rank = f"-bm25({FTS_TABLE}, {weights})" if ranked else "0.0"
    sql = f"SELECT rowid AS id, {rank} AS rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    return sql, [expression(concepts, at_least)]


def typo_candidates_sql(words: list[str], spread: int) -> tuple[str, list]:
    """Dictionary tokens with the same first letter and a length within `spread`."""
    conditions, params = [], []
    for word in words:
        conditions.append("(token >= %s AND token < %s AND length(token) BETWEEN %s AND %s)")
        params += [word[0], chr(ord(word[0]) + 1), len(word) - spread, len(word) + spread]
    return f"SELECT token FROM directory_searchtoken WHERE {' OR '.join(conditions)}", params
