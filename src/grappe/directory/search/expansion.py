"""From the words a buyer types to the concepts the search looks for.

A query becomes a short list of concepts. A run of words that is a label or a synonym of a
vocabulary term, in French or in English ("swiss turning", "titanium", "EN9100"), becomes a
term concept: it matches the organisations carrying the term, and any text that says one of
the term's labels or synonyms. Every other word is a word concept: it matches the word or
one of its stems (and its typo corrections). The backends turn the concepts into their own
full-text syntax from these analysed tokens only, never from the raw text.
"""

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from django.db import connection

from grappe.core.i18n import is_english
from grappe.directory.search.analysis import forms, words

CODE_TOKEN_PREFIX = "zz"  # a term the organisation carries; no analysed word starts so
MENTION_TOKEN_PREFIX = "zy"  # a term its texts mention by a label or a synonym
MAX_QUERY_WORDS = 24
MAX_CONCEPTS = 12
MAX_REMEMBERED_WORDS = 200_000  # per vocabulary, for `Vocabulary.phrases_starting`

# A clause is an AND of words, each word an OR of its tokens; a concept is an OR of clauses.
Alternatives = tuple[str, ...]
Clause = tuple[Alternatives, ...]


def code_token(code: str) -> str:
    """The token of a term carried, in the `terms` column: "zz" + its code."""
    return CODE_TOKEN_PREFIX + "".join(char for char in code.lower() if char.isalnum())


def mention_token(code: str) -> str:
    """The token added to a text column that names the term: "zy" + its code."""
    return MENTION_TOKEN_PREFIX + "".join(char for char in code.lower() if char.isalnum())


def is_vocabulary_token(token: str) -> bool:
    return token.startswith((CODE_TOKEN_PREFIX, MENTION_TOKEN_PREFIX))


@dataclass(frozen=True)
class VocabularyTerm:
    id: int
    code: str
    facet: str
    label_fr: str
    label_en: str
    phrases: tuple[tuple[str, ...], ...]  # labels and synonyms as analysed words

    @property
    def label(self) -> str:
        return (self.label_en or self.label_fr) if is_english() else self.label_fr

    @property
    def token(self) -> str:
        return code_token(self.code)

    @property
    def mention(self) -> str:
        return mention_token(self.code)


@dataclass(frozen=True)
class Vocabulary:
    """The analysed vocabulary. Built once per content (see load_vocabulary) and never
    changed, so its lookups are computed once."""

    terms: tuple[VocabularyTerm, ...]

    @cached_property
    def by_code(self) -> dict[str, VocabularyTerm]:
        return {term.code: term for term in self.terms}

    @cached_property
    def by_id(self) -> dict[int, VocabularyTerm]:
        return {term.id: term for term in self.terms}

    @cached_property
    def by_token(self) -> dict[str, VocabularyTerm]:
        return {term.token: term for term in self.terms}

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(word for term in self.terms for phrase in term.phrases for word in phrase)

    @cached_property
    def phrase_index(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """First-word token → the phrases starting with it, with their term's code."""
        index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for term in self.terms:
            for phrase in term.phrases:
                for token in forms(phrase[0]):
                    index[token].append((phrase, term.code))
        return dict(index)

    @cached_property
    def _starting(self) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
        return {}

    def phrases_starting(self, word: str) -> tuple[tuple[tuple[str, ...], str], ...]:
        """The phrases that may start at this folded word (by any of its forms), with their
        term's code; remembered, as indexing asks it for every word of every text."""
        found = self._starting.get(word)
        if found is None:
            index = self.phrase_index
            found = tuple(
                dict.fromkeys(item for token in forms(word) for item in index.get(token, ()))
            )
            if len(self._starting) < MAX_REMEMBERED_WORDS:
                self._starting[word] = found
        return found


VOCABULARY_SQL = (
    "SELECT id, code, facet, label_fr, label_en, CAST(synonyms_fr AS text), "
    "CAST(synonyms_en AS text) FROM core_term ORDER BY code"
)


def load_vocabulary() -> Vocabulary:
    """Every term with its phrases analysed: one query, whose rows as the database returns
    them (synonyms as JSON text, not decoded) are the key of the analysis kept in memory."""
    with connection.cursor() as cursor:
        cursor.execute(VOCABULARY_SQL)
        rows = tuple(map(tuple, cursor.fetchall()))
    return _analysed_vocabulary(rows)


@lru_cache(maxsize=4)
def _analysed_vocabulary(rows: tuple[tuple, ...]) -> Vocabulary:
    terms = []
    for pk, code, facet, label_fr, label_en, synonyms_fr, synonyms_en in rows:
        texts = [label_fr, label_en, *json.loads(synonyms_fr), *json.loads(synonyms_en)]
        phrases = {tuple(words(text)) for text in texts}
        terms.append(
            VocabularyTerm(
                id=pk,
                code=code,
                facet=facet,
                label_fr=label_fr,
                label_en=label_en,
                phrases=tuple(sorted(phrase for phrase in phrases if phrase)),
            )
        )
    return Vocabulary(terms=tuple(terms))


@dataclass(frozen=True)
class Concept:
    """What a query asks for. `clauses` say everything that satisfies it (for ranking and
    explaining in Python); `search_clauses` are what the database is asked, fewer: a term
    is found by its code and mention tokens rather than by all its synonyms."""

    words: tuple[str, ...]  # the query words it stands for, folded
    clauses: tuple[Clause, ...]
    terms: tuple[str, ...] = ()  # the vocabulary codes it names
    literal: Clause = ()  # the words as typed (their forms and corrections), no synonym
    search_clauses: tuple[Clause, ...] = ()

    def tokens(self) -> set[str]:
        every = self.clauses + self.search_clauses
        return {token for clause in every for word in clause for token in word}


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...]
    concepts: tuple[Concept, ...]
    corrections: dict[str, tuple[str, ...]]

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(code for concept in self.concepts for code in concept.terms)


def query_forms(word: str) -> tuple[str, ...]:
    """The tokens a query asks for a word: its stems, which every document word with the
    same stems also has; the word itself only when it has no other stem. Fewer tokens,
    less work for the database, the same matches."""
    found = forms(word)
    return found[1:] or found


@lru_cache(maxsize=100_000)
def _same_word(a: str, b: str) -> bool:
    """Whether two folded words share a form (memoised: indexing asks it for every word of
    every text against the vocabulary's phrases)."""
    return a == b or not set(forms(a)).isdisjoint(forms(b))


def _named_at(words: list[str], position: int, vocabulary: Vocabulary) -> tuple[int, set[str]]:
    """The longest run of words from `position` that is a label or a synonym of terms:
    its length (0 when none) and the codes of those terms."""
    best_length, codes = 0, set()
    for phrase, code in vocabulary.phrases_starting(words[position]):
        window = words[position : position + len(phrase)]
        if len(window) == len(phrase) and all(map(_same_word, window, phrase)):
            if len(phrase) > best_length:
                best_length, codes = len(phrase), {code}
            elif len(phrase) == best_length:
                codes.add(code)
    return best_length, codes


def _named_runs(words: list[str], vocabulary: Vocabulary) -> Iterator[tuple[int, int, set[str]]]:
    """The runs of words that name terms, in order: (start, length, codes of the terms).
    Most words of a text start no phrase: they are skipped without looking for one."""
    starting = vocabulary.phrases_starting
    position, count = 0, len(words)
    while position < count:
        length = 0
        if starting(words[position]):
            length, codes = _named_at(words, position, vocabulary)
            if length:
                yield position, length, codes
        position += max(length, 1)


def _recognise(
    query_words: list[str], vocabulary: Vocabulary
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Split the words into runs: (words, codes of the terms they name, or none)."""
    runs, position = [], 0
    for start, length, codes in _named_runs(query_words, vocabulary):
        runs += [((word,), ()) for word in query_words[position:start]]
        runs.append((tuple(query_words[start : start + length]), tuple(sorted(codes))))
        position = start + length
    runs += [((word,), ()) for word in query_words[position:]]
    return runs


def _word_alternatives(word: str, corrections: dict[str, tuple[str, ...]]) -> Alternatives:
    found = list(query_forms(word))
    for correction in corrections.get(word, ()):
        found += [token for token in query_forms(correction) if token not in found]
    return tuple(found)


def _without_longer_phrases(phrases: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Drop a phrase that contains all the words of a shorter one: "titane grade 5" adds
    no match to "titane" (it is found by it), only work for the database."""
    kept: list[tuple[str, ...]] = []
    for phrase in sorted(dict.fromkeys(phrases), key=len):
        if not any(set(shorter) <= set(phrase) for shorter in kept):
            kept.append(phrase)
    return kept


def term_concept(
    run: tuple[str, ...], codes: tuple[str, ...], by_code: dict[str, VocabularyTerm]
) -> Concept:
    """The concept of terms named by `run`: carried (code token), mentioned in a text by
    any label or synonym (mention token), or the words of `run` themselves."""
    phrases = [run] + [phrase for code in codes for phrase in by_code[code].phrases]
    tokens: list[Clause] = [((by_code[code].token,),) for code in codes]
    tokens += [((by_code[code].mention,),) for code in codes]
    clauses = tokens + [
        tuple(query_forms(word) for word in phrase) for phrase in _without_longer_phrases(phrases)
    ]
    search_clauses = tokens + ([tuple(query_forms(word) for word in run)] if run else [])
    return Concept(
        words=run,
        clauses=tuple(dict.fromkeys(clauses)),
        terms=codes,
        search_clauses=tuple(dict.fromkeys(search_clauses)),
    )


def mentioned_terms(text_words: list[str], vocabulary: Vocabulary) -> list[str]:
    """The codes of the terms a text names by a label or a synonym (for the index)."""
    return sorted(
        {code for _start, _length, codes in _named_runs(text_words, vocabulary) for code in codes}
    )


def parse(
    text: str,
    vocabulary: Vocabulary,
    correct: Callable[[list[str], frozenset[str]], dict[str, tuple[str, ...]]],
) -> ParsedQuery:
    """The concepts of a query. `correct(words, vocabulary_words)` finds typo corrections
    for the words it does not know (see `typos.corrections`)."""
    query_words = list(dict.fromkeys(words(text)))[:MAX_QUERY_WORDS]
    vocabulary_words = vocabulary.words
    corrections = correct(query_words, vocabulary_words) if query_words else {}
    # Recognise terms on the corrected words, so that "decoletage" names décolletage.
    corrected = [corrections.get(word, (word,))[0] for word in query_words]
    by_code = vocabulary.by_code
    concepts, position = [], 0
    for run, codes in _recognise(corrected, vocabulary):
        typed = tuple(query_words[position : position + len(run)])
        position += len(run)
        if codes:
            concept = term_concept(run, codes, by_code)
            literal = tuple(_word_alternatives(word, corrections) for word in typed)
            concepts.append(replace(concept, words=typed, literal=literal))
        else:
            word = typed[0]
            clause = (_word_alternatives(word, corrections),)
            concepts.append(
                Concept(words=typed, clauses=(clause,), literal=clause, search_clauses=(clause,))
            )
    return ParsedQuery(
        words=tuple(query_words),
        concepts=_merged(concepts)[:MAX_CONCEPTS],
        corrections=corrections,
    )


def _merged(concepts: list[Concept]) -> tuple[Concept, ...]:
    """Concepts naming the same terms are one need said twice ("énergie hydrogène", both
    words of the energy market): merged, so that matching both is not asked twice."""
    merged: dict[tuple[str, ...] | int, Concept] = {}
    for number, concept in enumerate(concepts):
        key = concept.terms or number
        if key in merged:
            first = merged[key]
            concept = replace(
                first, words=first.words + concept.words, literal=first.literal + concept.literal
            )
        merged[key] = concept
    return tuple(merged.values())


def all_tokens(concepts: Iterable[Concept]) -> set[str]:
    return {token for concept in concepts for token in concept.tokens()}
