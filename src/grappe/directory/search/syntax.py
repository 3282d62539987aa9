"""Boolean full-text expressions built from analysed tokens only."""

import re
from collections.abc import Callable
from itertools import combinations

from grappe.directory.search.expansion import Clause, Concept

SAFE_TOKEN = re.compile(r"^[a-z0-9]+$")


def _group(parts: list[str], operator: str) -> str:
    parts = [part for part in dict.fromkeys(parts) if part]
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else "(" + operator.join(parts) + ")"


def boolean_expression(
    concepts: tuple[Concept, ...],
    *,
    at_least: int,
    quote: Callable[[str], str],
    and_: str,
    or_: str,
) -> str:
    """Documents matching at least `at_least` of the concepts. A concept is an OR of
    clauses, a clause an AND of words, a word an OR of its tokens. Only tokens made of
    [a-z0-9] are written, each quoted, so no user character reaches the query parser."""
    concept_parts = []
    for concept in concepts:
        clause_parts = [
            clause_expression(clause, quote=quote, and_=and_, or_=or_)
            for clause in concept.search_clauses
        ]
        concept_parts.append(_group(clause_parts, or_))
    concept_parts = [part for part in concept_parts if part]
    at_least = min(max(at_least, 1), len(concept_parts))
    if at_least <= 1:
        return _group(concept_parts, or_)
    return _group(
        [_group(list(chosen), and_) for chosen in combinations(concept_parts, at_least)], or_
    )


def searchable(clause: Clause) -> Clause | None:
    """The clause with only the tokens a query may hold, or None when a word has none left
    (the clause can then match nothing and is left out of the expression)."""
    words = tuple(tuple(token for token in word if SAFE_TOKEN.match(token)) for word in clause)
    return words if words and all(words) else None


def clause_expression(clause: Clause, *, quote: Callable[[str], str], and_: str, or_: str) -> str:
    """An AND of words, each an OR of its tokens; "" when `searchable` leaves it out."""
    words = searchable(clause)
    if words is None:
        return ""
    return _group([_group([quote(token) for token in word], or_) for word in words], and_)
