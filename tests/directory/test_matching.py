"""`matching` computes the match of the full-text expression with bitmaps for some tokens and
the database for the others: checked against the expression evaluated document by document,
for random documents, concepts and choices of the tokens that have a bitmap."""

from hypothesis import given, settings
from hypothesis import strategies as st

from grappe.directory.search import matching
from grappe.directory.search.expansion import Concept

TOKENS = ["usin", "titan", "iso9001", "laser", "zzdecolletage", "swiss", "turn", "x-y"]

words = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3).map(tuple)
clauses = st.lists(words, min_size=0, max_size=3).map(tuple)
concepts = st.lists(
    st.lists(clauses, min_size=0, max_size=3).map(
        lambda found: Concept(words=("w",), clauses=tuple(found), search_clauses=tuple(found))
    ),
    min_size=1,
    max_size=5,
)
documents = st.lists(st.sets(st.sampled_from(TOKENS)), min_size=1, max_size=30)


def holds(document: set[str], clause: tuple) -> bool:
    safe = [[token for token in word if token.isalnum()] for word in clause]
    return bool(safe) and all(safe) and all(any(t in document for t in word) for word in safe)


def expected(docs: list[set[str]], found: list[Concept], at_least: int) -> set[int]:
    """The expression's meaning: concepts without a searchable clause are left out."""
    kept = [c for c in found if any(holds(set(TOKENS), clause) for clause in c.search_clauses)]
    if not kept:
        return set()
    needed = min(max(at_least, 1), len(kept))
    return {
        number
        for number, document in enumerate(docs)
        if sum(any(holds(document, clause) for clause in c.search_clauses) for c in kept) >= needed
    }


def bits_of(numbers) -> int:
    return sum(1 << number for number in set(numbers))


@settings(max_examples=300, deadline=None)
@given(
    docs=documents,
    found=concepts,
    with_bitmap=st.sets(st.sampled_from(TOKENS)),
    at_least=st.integers(1, 6),
)
def test_bitmaps_and_database_give_the_expression_s_matches(docs, found, with_bitmap, at_least):
    tokens = {
        token: bits_of(n for n, document in enumerate(docs) if token in document)
        for token in with_bitmap
    }
    asked = []

    def ask(requests):
        asked.extend(requests)
        return [bits_of(n for n, d in enumerate(docs) if holds(d, clause)) for clause in requests]

    bitmaps = matching.concept_bitmaps(found, tokens, ask)
    assert matching.at_least(bitmaps, at_least) == bits_of(expected(docs, found, at_least))
    # the database is only asked about clauses that hold a token without a bitmap
    assert all(any(t not in tokens for word in clause for t in word) for clause in asked)


def test_the_database_is_not_asked_when_every_token_has_a_bitmap():
    concept = Concept(words=("a",), clauses=((("usin",),),), search_clauses=((("usin",),),))

    def ask(requests):
        raise AssertionError(requests)

    assert matching.concept_bitmaps([concept], {"usin": 0b101}, ask) == [0b101]


def test_at_least_counts_concepts():
    assert matching.at_least([0b0011, 0b0110, 0b1100], 2) == 0b0110
    assert matching.at_least([0b0011, 0b0110, 0b1100], 1) == 0b1111
    assert matching.at_least([0b0011, 0b0110], 5) == 0b0010  # more than there are: all
    assert matching.at_least([], 1) == 0
