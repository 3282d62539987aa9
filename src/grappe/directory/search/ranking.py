"""The final score: the text rank of the backend plus boosts, for the best candidates.

    score = (W_TEXT · text + W_COMPLETE · completeness + W_LITERAL · literal + W_NAME · name
             + W_TERMS · terms + W_CERT · certs) / (sum of the weights that apply)

- text: the backend's rank (bm25 on SQLite, ts_rank on PostgreSQL) divided by the best
  rank among the candidates, so 1 for the best text match;
- completeness: the fraction of the query's concepts (a named term, or a word) the
  organisation matches, in its terms or in its texts: a supplier that has everything the
  buyer asked for comes before one that only has a lot of one thing;
- literal: the fraction of the concepts whose words, as typed (or stemmed, or corrected),
  the organisation has, rather than only a synonym: "dental implant" prefers the text
  that says it to the one that says "orthopédie", a synonym of the same market;
- name: the fraction of the concepts whose words, as typed, are in the organisation's
  name: a company called after what it makes is a strong answer;
- terms: the fraction of the terms named by the query that the organisation carries
  (applies when the query names a term);
- certs: the fraction of the certifications named by the query that the organisation holds
  (applies when the query names one): a certification is a hard requirement for a buyer.

The score is between 0 and 1 and only compares hits of one query.
"""

from dataclasses import dataclass, field

from grappe.directory.search.expansion import (
    Clause,
    Concept,
    ParsedQuery,
    Vocabulary,
    is_vocabulary_token,
)
from grappe.directory.search.types import TERM_FACETS

W_TEXT = 1.0
W_COMPLETE = 2.0
W_TERMS = 1.0
W_CERT = 1.5
W_LITERAL = 0.5
W_NAME = 0.5


@dataclass
class Candidate:
    id: int
    rank: float
    name: str
    score: float = 0.0
    matched: dict[str, list[str]] = field(default_factory=dict)
    marks: set[str] = field(default_factory=set)  # tokens to highlight in the snippet


@dataclass(frozen=True)
class Document:
    """What the ranking needs of a search document: which of the tokens it looks for are
    in the texts, which in the terms column, and which wanted terms it carries."""

    text_tokens: frozenset[str]  # found in the name, capability text, description, place
    term_tokens: frozenset[str]  # found in the terms column (code tokens and labels)
    codes: frozenset[str]  # vocabulary codes carried, among the wanted ones
    name_tokens: frozenset[str] = frozenset()  # found in the name

    @classmethod
    def from_columns(
        cls, columns: tuple[str, ...], wanted: frozenset[str], by_token: dict
    ) -> "Document":
        name, terms, capability, description, place = columns
        # set.intersection over str.split runs in C: far cheaper than building a set.
        text = wanted.intersection(f"{name} {capability} {description} {place}".split())
        term_tokens = wanted.intersection(terms.split())
        codes = frozenset(by_token[t].code for t in term_tokens if t in by_token)
        names = wanted.intersection(name.split())
        return cls(frozenset(text), frozenset(term_tokens), codes, frozenset(names))


EMPTY_DOCUMENT = Document(frozenset(), frozenset(), frozenset())


def _satisfied(clause: Clause, tokens: frozenset[str]) -> bool:
    return all(any(token in tokens for token in word) for word in clause)


def _text_clauses(concept: Concept, document: Document) -> list[Clause]:
    return [clause for clause in concept.clauses if _satisfied(clause, document.text_tokens)]


def _concept_matched(concept: Concept, document: Document) -> bool:
    if any(code in document.codes for code in concept.terms):
        return True
    if any(_satisfied(clause, document.text_tokens) for clause in concept.search_clauses):
        return True
    every = document.text_tokens | document.term_tokens
    return any(_satisfied(clause, every) for clause in concept.clauses)


def explain(
    candidate: Candidate,
    document: Document,
    parsed: ParsedQuery,
    vocabulary: Vocabulary,
    filter_codes: set[str],
) -> None:
    """Fill the candidate's `matched` and `marks`: the named or filtered terms it carries,
    and the query words found in its texts."""
    by_code = vocabulary.by_code
    matched: dict[str, list[str]] = {}
    for code in sorted((set(parsed.terms) | filter_codes) & document.codes):
        matched.setdefault(by_code[code].facet, []).append(code)
    found_words, marks = [], set()
    for concept in parsed.concepts:
        clauses = _text_clauses(concept, document)
        if clauses:
            found_words += [word for word in concept.words if word not in found_words]
            marks |= {token for clause in clauses for word in clause for token in word}
    if found_words:
        matched["text"] = found_words
    candidate.matched = {key: matched[key] for key in (*TERM_FACETS, "text") if key in matched}
    candidate.marks = {token for token in marks if not is_vocabulary_token(token)}


def score(
    candidate: Candidate,
    document: Document,
    parsed: ParsedQuery,
    vocabulary: Vocabulary,
    best_rank: float,
) -> float:
    by_code = vocabulary.by_code
    named = set(parsed.terms)
    certifications = {code for code in named if by_code[code].facet == "certification"}
    parts = [(W_TEXT, max(candidate.rank, 0.0) / best_rank if best_rank > 0 else 0.0)]
    if parsed.concepts:
        matched = sum(_concept_matched(concept, document) for concept in parsed.concepts)
        parts.append((W_COMPLETE, matched / len(parsed.concepts)))
        every = document.text_tokens | document.term_tokens
        literal = sum(_satisfied(concept.literal, every) for concept in parsed.concepts)
        parts.append((W_LITERAL, literal / len(parsed.concepts)))
        in_name = sum(_satisfied(c.literal, document.name_tokens) for c in parsed.concepts)
        parts.append((W_NAME, in_name / len(parsed.concepts)))
    if named:
        parts.append((W_TERMS, len(named & document.codes) / len(named)))
    if certifications:
        parts.append((W_CERT, len(certifications & document.codes) / len(certifications)))
    return sum(weight * value for weight, value in parts) / sum(weight for weight, _ in parts)
