"""Typo tolerance: a query word the index does not know is corrected towards the closest
word forms of the index's dictionary (`SearchToken`) and of the vocabulary.

Only words of 5 letters or more are corrected: within 1 edit for 5 to 7 letters, 2 edits
from 8 letters on (an edit is an insertion, a deletion, a substitution or a swap of two
neighbouring letters). Candidates come from the database (same first letter and a close
length; on PostgreSQL also pg_trgm's similar words); RapidFuzz measures the distance.
"""

from collections.abc import Callable

from django.db import connection
from rapidfuzz import process
from rapidfuzz.distance import OSA

from grappe.directory.models import SearchToken
from grappe.directory.search.analysis import forms

MIN_TYPO_LENGTH = 5
MAX_CORRECTIONS = 3


def max_distance(word: str) -> int:
    if len(word) < MIN_TYPO_LENGTH:
        return 0
    return 1 if len(word) <= 7 else 2


def corrections(
    query_words: list[str],
    vocabulary_words: set[str],
    candidates_sql: Callable[[list[str], int], tuple[str, list]],
) -> dict[str, tuple[str, ...]]:
    """Corrections of the unknown words: word → the closest known forms (at most 3)."""
    long_words = [
        word
        for word in query_words
        if max_distance(word) and word.isalpha() and word not in vocabulary_words
    ]
    if not long_words:
        return {}
    all_forms = {token for word in long_words for token in forms(word)}
    known = set(
        SearchToken.objects.filter(token__in=sorted(all_forms)).values_list("token", flat=True)
    )
    unknown = [word for word in long_words if not known & set(forms(word))]
    if not unknown:
        return {}
    sql, params = candidates_sql(unknown, 2)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        candidates = {token for (token,) in cursor.fetchall()}
    candidates |= vocabulary_words
    choices = sorted(candidates)
    found = {}
    for word in unknown:
        limit = max_distance(word)
        matches = process.extract(
            word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None
        )
        if matches:
            best = min(distance for _choice, distance, _index in matches)
            closest = sorted(choice for choice, distance, _index in matches if distance == best)
            found[word] = tuple(closest[:MAX_CORRECTIONS])
    return found
