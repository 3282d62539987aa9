"""The one entry point of the search: `search(SearchQuery) -> SearchResult`.

The backend (SQLite FTS5 or PostgreSQL full text) is chosen from the database vendor;
everything else — analysis, synonyms, typos, filters, facets, boosts, snippets — is the
same code for both, so both return the same contract. A search costs a fixed handful of
queries whatever the number of results.
"""

import heapq
import math
from dataclasses import replace
from operator import itemgetter
from types import ModuleType

from django.db import connection

from grappe.core.i18n import is_english
from grappe.directory.models import SearchDocument
from grappe.directory.search import bitmaps, facets, filters, postgres, ranking, sqlite
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
from grappe.members.models import Cluster, Organisation

CANDIDATES = 100  # the best text matches that the boosts may reorder
MAX_FILTER_VALUES = 50  # per facet; more is not a real query
MIN_RESULTS = 10  # fewer complete matches than this, and near matches are added


def backend() -> ModuleType:
    return postgres if connection.vendor == "postgresql" else sqlite


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


def _documents(
    ids: list[int], parsed: ParsedQuery, vocabulary: Vocabulary, filter_codes: set[str]
) -> dict[int, tuple[str, Document]]:
    """id → (name, what the ranking needs of its search document), in one query."""
    by_code = vocabulary.by_code
    wanted = frozenset(
        all_tokens(parsed.concepts)
        | {by_code[code].token for code in filter_codes if code in by_code}
    )
    rows = SearchDocument.objects.filter(organisation_id__in=ids).values_list(
        "organisation_id",
        "organisation__name",
        "name",
        "terms",
        "capability",
        "description",
        "place",
    )
    return {
        pk: (name, Document.from_columns(tuple(columns), wanted, vocabulary.by_token))
        for pk, name, *columns in rows
    }


def _ranked_page(
    rows: list[tuple[int, float]],
    query: SearchQuery,
    parsed: ParsedQuery,
    vocabulary: Vocabulary,
    filter_codes: set[str],
) -> tuple[list[Candidate], dict[int, Document]]:
    """The page of a text query: the best CANDIDATES text matches reordered by score; any
    position beyond them in text order."""
    # The rows come in id order and both selections are stable: equal ranks stay by id.
    end = query.offset + query.limit
    if end > CANDIDATES:
        ordered = sorted(rows, key=itemgetter(1), reverse=True)[:end]
    else:
        ordered = heapq.nlargest(CANDIDATES, rows, key=itemgetter(1))
    window, tail = ordered[:CANDIDATES], ordered[max(query.offset, CANDIDATES) : end]
    found = _documents([pk for pk, _rank in window + tail], parsed, vocabulary, filter_codes)
    best = max((rank for _pk, rank in window), default=0.0)
    candidates = []
    for pk, rank in window + tail:
        name, document = found.get(pk, ("", EMPTY_DOCUMENT))
        candidate = Candidate(id=pk, rank=float(rank or 0), name=name)
        candidate.score = ranking.score(candidate, document, parsed, vocabulary, best)
        candidates.append(candidate)
    reordered = sorted(candidates[: len(window)], key=lambda c: (-c.score, -c.rank, c.name, c.id))
    page = (reordered + candidates[len(window) :])[query.offset : end]
    return page, {pk: document for pk, (_name, document) in found.items()}


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


def _directory_ids(query: SearchQuery) -> list[int]:
    sql, params = filters.directory_sql(query)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM ({sql}) r", params)
        return [pk for (pk,) in cursor.fetchall()]


def _hits(
    page: list[Candidate],
    documents: dict[int, Document],
    parsed: ParsedQuery,
    vocabulary: Vocabulary,
    filter_codes: set[str],
) -> list[Hit]:
    details = {
        row[0]: row
        for row in Organisation.objects.filter(pk__in=[c.id for c in page]).values_list(
            "id",
            "slug",
            "name",
            "siret",
            "description_fr",
            "description_en",
            "capability_profile__text_fr",
            "capability_profile__text_en",
        )
    }
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


def _sampling(
    first: list[tuple[int, float]], allowed: int | None, facet_bits: dict[str, int], limit: int
) -> int:
    """1 when at most `limit` matches are expected to pass the filters, else the step of an
    even sample of about `limit` of them (by id) to rank.

    The number of matches is estimated without counting them: `first` are the first
    `limit` + 1 matches in (about) id order, found in the ids up to the last of them."""
    indexed = 0
    for key, bits in facet_bits.items():
        if key.startswith(bitmaps.KIND):  # every indexed organisation has a kind
            indexed |= bits
    last = max(pk for pk, _rank in first)
    below_last = (indexed & ((1 << (last + 1)) - 1)).bit_count()
    expected = len(first) * indexed.bit_count() / max(below_last, 1)
    if allowed is not None:
        expected *= (allowed & indexed).bit_count() / max(indexed.bit_count(), 1)
    return max(1, math.ceil(expected / limit))


def _text_matches(
    parsed: ParsedQuery,
    engine: ModuleType,
    allowed: int | None,
    facet_bits: dict[str, int],
) -> list[tuple[int, float]]:
    """(id, text rank) of every match that passes the filters, at the strictest level of
    `relaxation` that finds MIN_RESULTS (or at the loosest).

    Ranking every match of a broad query ("ISO 9001" among 100 000 organisations) would
    cost most of the time of the search: beyond the backend's RANK_LIMIT matches, only an
    even sample of RANK_LIMIT is ranked (the others follow, rank -1). Count and facets stay
    exact."""
    allowed_bits = bitmaps.members(allowed) if allowed is not None else None
    rows: list[tuple[int, float]] = []
    for at_least in relaxation(len(parsed.concepts)):
        rows = engine.matches(parsed.concepts, at_least, limit=engine.RANK_LIMIT + 1)
        if len(rows) > engine.RANK_LIMIT:
            step = _sampling(rows, allowed, facet_bits, engine.RANK_LIMIT)
            rows = engine.matches(parsed.concepts, at_least, sample=step)
        if allowed_bits is not None:
            rows = [row for row in rows if bitmaps.has(allowed_bits, row[0])]
        if len(rows) >= MIN_RESULTS:
            break
    return rows


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
    facet_bits = bitmaps.load()
    clusters = {
        pk: (slug, name) for pk, slug, name in Cluster.objects.values_list("id", "slug", "name")
    }
    filter_codes = {code for facet in TERM_FACETS for code in getattr(query, facet)}
    if parsed.concepts:
        allowed = filters.bitmap(query, facet_bits, vocabulary, clusters)
        rows = _text_matches(parsed, engine, allowed, facet_bits)
        ids = [pk for pk, _rank in rows]
    else:
        ids = _directory_ids(query)
    total = len(ids)
    facet_counts = facets.counts(bitmaps.of_ids(ids), facet_bits, vocabulary, clusters)
    if total == 0 or query.limit == 0 or query.offset >= total:
        return SearchResult(count=total, hits=[], facets=facet_counts)
    if parsed.concepts:
        page, documents = _ranked_page(rows, query, parsed, vocabulary, filter_codes)
    else:
        page, documents = _name_page(query, parsed, vocabulary, filter_codes)
    hits = _hits(page, documents, parsed, vocabulary, filter_codes)
    return SearchResult(count=total, hits=hits, facets=facet_counts)
