"""Which organisations match a query's concepts, as bitmaps, with the database asked only
for what is rare.

A broad query ("ISO 9001", "usinage" among 100 000 organisations) matches tens of
thousands of documents, and reading their ids from the full-text index costs most of the
time of the search: PostgreSQL visits a table row per match, FTS5 walks every posting. The
tokens found in many documents (`FREQUENT` or more) therefore have a bitmap, like the facet
values (see `bitmaps` and `index`), and the matches are computed with bit operations. Only
the parts of the query made of rare tokens go to the database, all in one query, and each
of them matches few documents.

The result is exactly the match of the full-text expression that `syntax.boolean_expression`
builds from the same concepts: a concept is an OR of clauses, a clause an AND of words, a
word an OR of tokens; a level of the relaxation asks for at least `at_least` concepts.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from grappe.directory.search.expansion import Clause, Concept
from grappe.directory.search.syntax import searchable

FREQUENT = 1000  # a token in at least this many documents has a bitmap

# Asks the database for the bitmap of each clause, in one query.
ClauseBitmaps = Callable[[Sequence[Clause]], list[int]]


@dataclass
class _Word:
    """A word of a clause: the union of its tokens' bitmaps, and the index of the request
    that matches its other tokens (None when every token has a bitmap)."""

    bits: int
    request: int | None


def concept_bitmaps(
    concepts: Sequence[Concept], tokens: dict[str, int], ask: ClauseBitmaps
) -> list[int]:
    """The bitmap of each concept that the full-text expression keeps (a concept without a
    searchable clause is left out, as the expression leaves it out).

    `tokens` maps the tokens that have a bitmap to it. A clause with a word none of whose
    tokens has a bitmap matches at most as many documents as that word: the database
    answers for the whole clause. Otherwise every word has a bitmap part, and the database
    answers only for its rare tokens, if any."""
    requests: list[Clause] = []

    def request(clause: Clause) -> int:
        requests.append(clause)
        return len(requests) - 1

    plans: list[list[int | list[_Word]]] = []
    for concept in concepts:
        plan: list[int | list[_Word]] = []
        for clause in concept.search_clauses:
            words = searchable(clause)
            if words is None:
                continue
            if any(all(token not in tokens for token in word) for word in words):
                plan.append(request(words))
                continue
            plan.append(
                [
                    _Word(
                        bits=_union(tokens[token] for token in word if token in tokens),
                        request=request((rare,)) if (rare := _rare(word, tokens)) else None,
                    )
                    for word in words
                ]
            )
        if plan:
            plans.append(plan)
    answers = ask(requests) if requests else []
    found = []
    for plan in plans:
        bits = 0
        for clause in plan:
            if isinstance(clause, int):
                bits |= answers[clause]
                continue
            clause_bits = -1  # every bit set: the identity of AND
            for word in clause:
                word_bits = word.bits
                if word.request is not None:
                    word_bits |= answers[word.request]
                clause_bits &= word_bits
            bits |= clause_bits
        found.append(bits)
    return found


def _rare(word: tuple[str, ...], tokens: dict[str, int]) -> tuple[str, ...]:
    return tuple(token for token in word if token not in tokens)


def _union(bitmaps: Iterable[int]) -> int:
    found = 0
    for bits in bitmaps:
        found |= bits
    return found


def at_least(concepts: Sequence[int], count: int) -> int:
    """The organisations in at least `count` of these concept bitmaps (all of them when
    `count` is more than there are concepts, as the full-text expression asks)."""
    if not concepts:
        return 0
    count = min(max(count, 1), len(concepts))
    if count == 1:
        return _union(concepts)
    found = 0
    for chosen in combinations(concepts, count):
        both = chosen[0]
        for bits in chosen[1:]:
            both &= bits
        found |= both
    return found
