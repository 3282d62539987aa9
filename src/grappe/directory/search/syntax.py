"""Boolean full-text expressions built from analysed tokens only."""

import re
from collections.abc import Callable

from grappe.directory.search.expansion import Concept

SAFE_TOKEN = re.compile(r"^[a-z0-9]+$")


def boolean_expression(
    concepts: tuple[Concept, ...], *, quote: Callable[[str], str], and_: str, or_: str
) -> str:
    """OR of concepts; a concept is an OR of clauses, a clause an AND of words, a word an
    OR of its tokens. Only tokens made of [a-z0-9] are written, each quoted, so no user
    character ever reaches the database's query parser."""

    def group(parts: list[str], operator: str) -> str:
        parts = [part for part in dict.fromkeys(parts) if part]
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else "(" + operator.join(parts) + ")"

    concept_parts = []
    for concept in concepts:
        clause_parts = []
        for clause in concept.clauses:
            word_parts = [
                group([quote(token) for token in word if SAFE_TOKEN.match(token)], or_)
                for word in clause
            ]
            if all(word_parts):
                clause_parts.append(group(word_parts, and_))
        concept_parts.append(group(clause_parts, or_))
    return group(concept_parts, or_)
