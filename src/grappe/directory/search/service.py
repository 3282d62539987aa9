"""The one entry point of the search: `search(SearchQuery) -> SearchResult`.

The backend (SQLite FTS5 or PostgreSQL full text) is chosen from the database vendor;
everything else — analysis, synonyms, typos, filters, facets, boosts, snippets — is the
same code for both, so both return the same contract. A search costs a fixed handful of
queries whatever the number of results.
"""

import heapq
from dataclasses import dataclass, replace
from operator import itemgetter
from types import ModuleType

from django.db import connection

from grappe.core.i18n import is_english
from grappe.directory.search import bitmaps, facets, filters, matching, ranking
from grappe.directory.search.engines import backend
from grappe.directory.search.expansion import (
    ParsedQuery,
    Vocabulary,
    all_tokens,
    load_vocabulary,
    parse,
)
from grappe.directory.search.ranking import EMPTY_DOCUMENT, Candidate, Document
from grappe.directory.search.snippets import snippet
from grappe.directory.search.types import (
    FILTERS,
    MAX_LIMIT,
    MAX_QUERY_LENGTH,
    TERM_FACETS,
    Hit,
    SearchQuery,
    SearchResult,
)
from grappe.directory.search.typos import corrections
from grappe.members.models import Cluster

CANDIDATES = 100  # the best text matches that the boosts may reorder
MAX_FILTER_VALUES = 50  # per facet; more is not a real query
MIN_RESULTS = 10  # fewer complete matches than this, and near matches are added


@dataclass(frozen=True)
class TextMatches:
    """The matches of a text query that pass the filters: all of them as a bitmap (for the
    count and the facets), and the text rank of those ranked (all, or an even sample)."""

    at_least: int
    bits: int
    ranked: list[tuple[int, float]]  # (id, rank), in id order


def _printable(value: object, length: int) -> str:
    """The value as text without control characters (PostgreSQL refuses NUL), cut."""
    return "".join(char for char in str(value)[:length] if char.isprintable()).strip()


def clean(query: SearchQuery) -> SearchQuery:
    """The query within bounds: text cut, limit in 0..MAX_LIMIT, offset ≥ 0, values trimmed."""
    values = {
        name: tuple(
            dict.fromkeys(v for v in (_printable(v, 100) for v in getattr(query, name)) if v)
        )[:MAX_FILTER_VALUES]
        for name in FILTERS
    }
    return replace(
        query,
        text=(query.text or "")[:MAX_QUERY_LENGTH],
        limit=min(max(int(query.limit), 0), MAX_LIMIT),
        offset=max(int(query.offset), 0),
        **values,
    )


# Raw SQL: the ORM's cost of building these two queries is a good part of a search's.
DOCUMENTS_SQL = (
    "SELECT d.organisation_id, o.name, d.name, d.terms, d.capability, d.description, d.place "
    "FROM directory_searchdocument d JOIN members_organisation o ON o.id = d.organisation_id "
    "WHERE d.organisation_id {}"
)
DETAILS_SQL = (
    "SELECT o.id, o.slug, o.name, o.siret, o.description_fr, o.description_en, p.text_fr, "
    "p.text_en FROM members_organisation o "
    "LEFT JOIN directory_capabilityprofile p ON p.organisation_id = o.id WHERE o.id {}"
)


def _rows(sql: str, ids: list[int]) -> list[tuple]:
    """The rows of `sql` whose "{}" becomes the backend's condition on a list of ids."""
    if not ids:
        return []
    condition, params = backend().among(ids)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(condition), params)
        return cursor.fetchall()


def _documents(
    ids: list[int], parsed: ParsedQuery, vocabulary: Vocabulary, filter_codes: set[str]
) -> dict[int, tuple[str, Document]]:
    """id → (name, what the ranking needs of its search document), in one query."""
    by_code = vocabulary.by_code
    wanted = frozenset(
        all_tokens(parsed.concepts)
        | {by_code[code].token for code in filter_codes if code in by_code}
    )
    rows = _rows(DOCUMENTS_SQL, ids)
    return {
        pk: (name, Document.from_columns(tuple(columns), wanted, vocabulary.by_token))
        for pk, name, *columns in rows
    }


def _ranked_page(
    found: TextMatches,
    query: SearchQuery,
    parsed: ParsedQuery,
    vocabulary: Vocabulary,
    filter_codes: set[str],
) -> tuple[list[Candidate], dict[int, Document]]:
    """The page of a text query: the best CANDIDATES text matches reordered by score; any
    position beyond them in text order, the matches left unranked last, by id."""
    # The rows come in id order and both selections are stable: equal ranks stay by id.
    rows = found.ranked
    end = query.offset + query.limit
    wanted = max(end, CANDIDATES)
    ordered = heapq.nlargest(wanted, rows, key=itemgetter(1))  # as stable as sorted()
    if len(ordered) < wanted:  # fewer ranked than needed: the unranked follow, by id
        unranked = found.bits & ~bitmaps.of_ids([pk for pk, _rank in rows])
        ordered += [(pk, -1.0) for pk in bitmaps.ids(unranked)[: wanted - len(ordered)]]
    window, tail = ordered[:CANDIDATES], ordered[max(query.offset, CANDIDATES) : end]
    found_documents = _documents(
        [pk for pk, _rank in window + tail], parsed, vocabulary, filter_codes
    )
    best = max((rank for _pk, rank in window), default=0.0)
    candidates = []
    for pk, rank in window + tail:
        name, document = found_documents.get(pk, ("", EMPTY_DOCUMENT))
        candidate = Candidate(id=pk, rank=float(rank or 0), name=name)
        candidate.score = ranking.score(candidate, document, parsed, vocabulary, best)
        candidates.append(candidate)
    reordered = sorted(candidates[: len(window)], key=lambda c: (-c.score, -c.rank, c.name, c.id))
    page = (reordered + candidates[len(window) :])[query.offset : end]
    return page, {pk: document for pk, (_name, document) in found_documents.items()}


def _name_page(
    query: SearchQuery, parsed: ParsedQuery, vocabulary: Vocabulary, filter_codes: set[str]
) -> tuple[list[Candidate], dict[int, Document]]:
    sql, params = filters.directory_sql(query)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, name FROM ({sql}) r ORDER BY name, id LIMIT %s OFFSET %s",
            [*params, query.limit, query.offset],
        )
        page = [Candidate(id=pk, rank=0.0, name=name) for pk, name in cursor.fetchall()]
    found = _documents([c.id for c in page], parsed, vocabulary, filter_codes)
    return page, {pk: document for pk, (_name, document) in found.items()}


def _directory_ids(query: SearchQuery, engine: ModuleType) -> list[int]:
    sql, params = filters.directory_sql(query)
    return engine.ids_of(f"SELECT r.id AS id FROM ({sql}) r", params)


def _hits(
    page: list[Candidate],
    documents: dict[int, Document],
    parsed: ParsedQuery,
    vocabulary: Vocabulary,
    filter_codes: set[str],
) -> list[Hit]:
    details = {row[0]: row for row in _rows(DETAILS_SQL, [c.id for c in page])}
    hits = []
    for candidate in page:
        if candidate.id not in details:
            continue  # deleted since the match, in another transaction
        _pk, slug, name, siret, description_fr, description_en, text_fr, text_en = details[
            candidate.id
        ]
        ranking.explain(
            candidate, documents.get(candidate.id, EMPTY_DOCUMENT), parsed, vocabulary, filter_codes
        )
        if is_english():
            texts = [text_en, description_en, text_fr, description_fr]
        else:
            texts = [text_fr, description_fr, text_en, description_en]
        hits.append(
            Hit(
                organisation_id=candidate.id,
                slug=slug,
                name=name,
                siret=siret,
                score=round(candidate.score, 4),
                matched=candidate.matched,
                snippet=snippet([text or "" for text in texts], candidate.marks),
            )
        )
    return hits


def relaxation(concept_count: int) -> list[int]:
    """How many of the concepts a match needs, strictest first: all of them; then all but
    one (for 3 to 6 concepts); then any one."""
    levels = [concept_count]
    if 3 <= concept_count <= 6:
        levels.append(concept_count - 1)
    if concept_count > 1:
        levels.append(1)
    return levels


def _text_matches(
    parsed: ParsedQuery,
    engine: ModuleType,
    loaded: bitmaps.Loaded,
    allowed: int | None,
    members_only: bool,
) -> TextMatches:
    """The matches at the strictest level of `relaxation` that finds MIN_RESULTS of them
    passing the filters (or at the loosest), and their text rank.

    Each concept's matches are a bitmap (`matching`: bit operations on the frequent tokens'
    bitmaps, the database for the rare parts, in one query); a level is a bit count away.
    Ranking every match of a broad query ("ISO 9001" among 100 000 organisations) would
    cost most of the time of the search: the backend ranks an even sample of about
    RANK_LIMIT of them (`engine.ranks`); the others follow, unranked. Count and facets are
    exact."""
    concepts = matching.concept_bitmaps(parsed.concepts, loaded.tokens, engine.clause_bitmaps)
    levels = relaxation(len(parsed.concepts))
    for at_least in levels:
        matched = matching.at_least(concepts, at_least)
        bits = matched if allowed is None else matched & allowed
        if members_only and bits:
            bits = filters.only_members(bits, engine.ids_of, loaded.memberships)
        if bits.bit_count() >= MIN_RESULTS or at_least == levels[-1]:
            break
    ranked = []
    if bits:
        ranked = engine.ranks(parsed.concepts, at_least, matched=matched, passing=bits)
    return TextMatches(at_least=at_least, bits=bits, ranked=ranked)


def search(query: SearchQuery) -> SearchResult:
    """Organisations matching the text and the filters, best first (by name without text),
    with the total and the facet counts over every match.

    A text query first asks for every concept; when fewer than MIN_RESULTS organisations
    have them all, it asks for all but one, then for any one, so that near matches follow
    the complete ones instead of an empty page.
    """
    query = clean(query)
    engine = backend()
    vocabulary = load_vocabulary()
    parsed = parse(
        query.text,
        vocabulary,
        lambda words, known: corrections(words, known, engine.typo_candidates_sql),
    )
    loaded = bitmaps.load()
    facet_bits = loaded.facets
    clusters = {
        pk: (slug, name) for pk, slug, name in Cluster.objects.values_list("id", "slug", "name")
    }
    filter_codes = {code for facet in TERM_FACETS for code in getattr(query, facet)}
    if parsed.concepts:
        allowed = filters.bitmap(query, facet_bits, vocabulary, clusters)
        found = _text_matches(parsed, engine, loaded, allowed, query.members_only)
        matched = found.bits
    else:
        matched = bitmaps.of_ids(_directory_ids(query, engine))
    total = matched.bit_count()
    facet_counts = facets.counts(matched, facet_bits, vocabulary, clusters)
    if total == 0 or query.limit == 0 or query.offset >= total:
        return SearchResult(count=total, hits=[], facets=facet_counts)
    if parsed.concepts:
        page, documents = _ranked_page(found, query, parsed, vocabulary, filter_codes)
    else:
        page, documents = _name_page(query, parsed, vocabulary, filter_codes)
    hits = _hits(page, documents, parsed, vocabulary, filter_codes)
    return SearchResult(count=total, hits=hits, facets=facet_counts)
