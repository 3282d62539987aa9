"""Keeping the search index in step with the data.

`reindex_organisations` is called inside the transaction of every write that changes what
the search sees (the directory's own services, and the members' and vocabulary's changes
through `grappe.core.hooks`), so the index commits or rolls back with the change. It
rebuilds the organisations' `SearchDocument` rows; the database keeps its full-text index
in step with them (see migration 0002). A batch of ids costs a handful of queries.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from grappe.core.bulk import insert_rows
from grappe.directory.models import (
    Capability,
    CapabilityProfile,
    Equipment,
    SearchDocument,
    SearchToken,
    Tolerance,
)
from grappe.directory.search import bitmaps, matching
from grappe.directory.search.analysis import analyse, forms, words
from grappe.directory.search.engines import backend
from grappe.directory.search.expansion import (
    Vocabulary,
    VocabularyTerm,
    is_vocabulary_token,
    load_vocabulary,
    mention_token,
    mentioned_terms,
    term_concept,
)
from grappe.members.geography import DEPARTEMENTS
from grappe.members.models import ClusterMembership, Organisation

BATCH_SIZE = 500
TYPO_TOKEN_MIN_LENGTH = 4  # the shortest word a 5-letter typo can be corrected towards
# Reindexing at least this share of the organisations at once chooses the frequent tokens.
BULK_SHARE = 0.9


def term_text(term: VocabularyTerm) -> str:
    """A term as the `terms` column holds it: its code token and its labels, analysed."""
    return " ".join([term.token, analyse(f"{term.label_fr} {term.label_en}")])


def analyse_with_mentions(text: str, vocabulary: Vocabulary) -> str:
    """A text column: its tokens, then a mention token for each term it names by a label
    or a synonym ("TA6V" → zytitane), so that a query naming the term asks the database
    for one token instead of all the synonyms."""
    text_words = words(text)
    found = [token for word in text_words for token in forms(word)]
    found += [mention_token(code) for code in mentioned_terms(text_words, vocabulary)]
    return " ".join(found)


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _of(ids: list[int], field: str) -> Q:
    """A condition selecting these ids: a range when they are about contiguous (a full
    reindex, an import: Django turns a list of thousands of ids into parameters slowly), a
    list otherwise. A range may select a few rows more: callers skip them."""
    low, high = min(ids, default=0), max(ids, default=0)
    if len(ids) > 100 and high - low < 2 * len(ids):
        return Q(**{f"{field}__gte": low, f"{field}__lte": high})
    return Q(**{f"{field}__in": ids})


def _by_organisation(rows: Iterable[tuple]) -> dict[int, list[tuple]]:
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row[1:])
    return grouped


@lru_cache(maxsize=4096)
def _analyse_place(place: str) -> str:
    return analyse(place)  # cities, départements and clusters repeat across organisations


@dataclass(frozen=True)
class Built:
    """A search document ready to be written (cheaper than a model instance in bulk)."""

    organisation_id: int
    name: str
    terms: str
    capability: str
    description: str
    place: str
    facets: str

    def columns(self) -> tuple[str, ...]:
        return (self.name, self.terms, self.capability, self.description, self.place)


def build_documents(ids: list[int], vocabulary: Vocabulary) -> Iterator[Built]:
    """The search documents of these organisations: their data read now, in six queries,
    and each document analysed when the iterator reaches it (so that the database may
    store one while the next is analysed, see `_reindex`)."""
    organisations = Organisation.objects.filter(_of(ids, "pk")).values_list(
        "id",
        "name",
        "city",
        "departement",
        "region",
        "description_fr",
        "description_en",
        "headcount_band",
        "kind",
    )
    profiles = {
        pk: (text_fr, text_en)
        for pk, text_fr, text_en in CapabilityProfile.objects.filter(
            _of(ids, "organisation_id")
        ).values_list("organisation_id", "text_fr", "text_en")
    }
    capabilities = _by_organisation(
        Capability.objects.filter(_of(ids, "organisation_id")).values_list(
            "organisation_id", "term_id"
        )
    )
    equipment = _by_organisation(
        Equipment.objects.filter(_of(ids, "organisation_id")).values_list(
            "organisation_id", "machine", "envelope"
        )
    )
    tolerances = _by_organisation(
        Tolerance.objects.filter(_of(ids, "organisation_id")).values_list(
            "organisation_id", "feature", "plus_minus_um", "process__label_fr", "process__label_en"
        )
    )
    clusters = _by_organisation(
        ClusterMembership.objects.filter(_of(ids, "organisation_id")).values_list(
            "organisation_id", "cluster_id", "cluster__name"
        )
    )
    return _analysed(
        set(ids), list(organisations), profiles, capabilities, equipment, tolerances, clusters,
        vocabulary,
    )  # fmt: skip


def _analysed(
    wanted: set[int],
    organisations: list[tuple],
    profiles: dict[int, tuple[str, str]],
    capabilities: dict[int, list[tuple]],
    equipment: dict[int, list[tuple]],
    tolerances: dict[int, list[tuple]],
    clusters: dict[int, list[tuple]],
    vocabulary: Vocabulary,
) -> Iterator[Built]:
    term_texts = {term.id: term_text(term) for term in vocabulary.terms}
    for pk, name, city, departement, region, description_fr, description_en, *rest in organisations:
        if pk not in wanted:
            continue  # in the range of ids read, not asked for
        headcount_band, kind = rest
        capability_parts = [*profiles.get(pk, ())]
        capability_parts += [f"{machine} {envelope}" for machine, envelope in equipment[pk]]
        capability_parts += [
            f"{feature} ±{amount.normalize():f} µm {label_fr or ''} {label_en or ''}"
            for feature, amount, label_fr, label_en in tolerances[pk]
        ]
        departement_name = DEPARTEMENTS.get(departement, ("",))[0]
        place = [city, departement_name, region, *(name for _pk, name in clusters[pk])]
        keys = bitmaps.facet_keys(
            term_ids=[term_id for (term_id,) in capabilities[pk]],
            cluster_ids=[cluster_id for cluster_id, _name in clusters[pk]],
            departement=departement,
            headcount_band=headcount_band,
            kind=kind,
        )
        yield Built(
            organisation_id=pk,
            name=analyse_with_mentions(name, vocabulary),
            terms=" ".join(term_texts[term_id] for (term_id,) in capabilities[pk]),
            capability=analyse_with_mentions("\n".join(capability_parts), vocabulary),
            description=analyse_with_mentions(f"{description_fr}\n{description_en}", vocabulary),
            place=_analyse_place(" ".join(place)),
            facets=" ".join(keys),
        )


def _write(documents: Iterable[Built]) -> list[Built]:
    """Store the documents, as the iterator gives them; return them."""
    now = timezone.now()
    written = []

    def rows() -> Iterator[tuple]:
        for document in documents:
            written.append(document)
            yield (document.organisation_id, *document.columns(), document.facets, now)

    insert_rows(
        SearchDocument._meta.db_table,
        ["organisation_id", *DOCUMENT_COLUMNS, "facets", "updated_at"],
        rows(),
    )
    return written


def tokens_of(columns: Iterable[str]) -> set[str]:
    """Every token of a document's analysed columns, as the full-text index holds them."""
    return set(" ".join(columns).split())


def typo_tokens(token_sets: Iterable[set[str]]) -> set[str]:
    """The word forms among these tokens that typos may be corrected towards."""
    found: set[str] = set().union(*token_sets)
    return {
        token
        for token in found
        if len(token) >= TYPO_TOKEN_MIN_LENGTH
        and token.isalpha()
        and not is_vocabulary_token(token)
    }


DOCUMENT_COLUMNS = ("name", "terms", "capability", "description", "place")
Postings = dict[str, list[int]]  # token → ids of the documents that hold it


def _word_keys(tokens: set[str], frequent: frozenset[str]) -> set[str]:
    return {bitmaps.WORD + token for token in tokens & frequent}


def _delete(ids: list[int], *, with_texts: bool) -> dict:
    """Delete these documents; return id → (facet keys, and with `with_texts` the text of
    their columns) of those there were, in one query."""
    texts = " || ' ' || ".join(DOCUMENT_COLUMNS) if with_texts else "''"
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {SearchDocument._meta.db_table} "
            f"WHERE organisation_id IN ({', '.join(['%s'] * len(ids))}) "
            f"RETURNING organisation_id, facets, {texts}",
            ids,
        )
        return {pk: (facets, texts) for pk, facets, texts in cursor.fetchall()}


def _reindex(
    ids: list[int],
    vocabulary: Vocabulary,
    *,
    frequent: frozenset[str],
    postings: Postings | None = None,
    written_tokens: set[str],
) -> dict[int, tuple[set, set]]:
    """Rebuild these documents; return each one's bitmap keys before and after: its facet
    values, and the `frequent` tokens (those with a bitmap) it holds. With `postings`, the
    tokens are left out of the keys and every token's documents are collected there
    instead, for a rebuild of the token bitmaps. `written_tokens` are the typo dictionary's
    tokens written by the batches before (this one's are added)."""
    before = {
        pk: set(facets.split()) | _word_keys(tokens_of([texts]), frequent)
        for pk, (facets, texts) in _delete(
            ids, with_texts=bool(frequent) and postings is None
        ).items()
    }
    documents = _write(build_documents(ids, vocabulary))
    token_sets = [tokens_of(document.columns()) for document in documents]
    new_tokens = typo_tokens(token_sets) - written_tokens
    SearchToken.objects.bulk_create(
        [SearchToken(token=token) for token in sorted(new_tokens)],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    written_tokens.update(new_tokens)
    after = {}
    for document, tokens in zip(documents, token_sets, strict=True):
        keys = set(document.facets.split())
        if postings is not None:
            for token in tokens:
                postings[token].append(document.organisation_id)
        elif frequent:
            keys |= _word_keys(tokens, frequent)
        after[document.organisation_id] = keys
    every = before.keys() | after.keys()
    return {pk: (before.get(pk, set()), after.get(pk, set())) for pk in every}


def _frequent_bitmaps(postings: Postings) -> dict[str, int]:
    """The bitmaps of the tokens in at least `matching.FREQUENT` documents."""
    return {
        token: bitmaps.of_ids(ids)
        for token, ids in postings.items()
        if len(ids) >= matching.FREQUENT and len(bitmaps.WORD + token) <= bitmaps.MAX_KEY_LENGTH
    }


def _collect_postings(ids: list[int], postings: Postings) -> None:
    """Add the tokens of these (unchanged) documents to `postings`."""
    for batch in _batches(ids, 5 * BATCH_SIZE):
        for pk, *texts in SearchDocument.objects.filter(_of(batch, "organisation_id")).values_list(
            "organisation_id", *DOCUMENT_COLUMNS
        ):
            for token in tokens_of(texts):
                postings[token].append(pk)


def reindex_organisations(organisation_ids: Iterable[int]) -> None:
    """Rebuild the search documents and bitmaps of these organisations (deleted ones are
    dropped), a few queries per batch of 500.

    The bitmaps of the frequent tokens are kept exact; which tokens have one is chosen
    again when (nearly) every organisation is reindexed at once — a first import, a
    re-import of the whole directory — as `reindex_all` does."""
    ids = sorted({int(pk) for pk in organisation_ids})
    if not ids:
        return
    vocabulary = load_vocabulary()
    changes: dict[int, tuple[set, set]] = {}
    with transaction.atomic():
        bulk = (
            len(ids) >= matching.FREQUENT and len(ids) >= BULK_SHARE * Organisation.objects.count()
        )
        postings: Postings | None = defaultdict(list) if bulk else None
        frequent = frozenset() if bulk else bitmaps.frequent_tokens()
        written: set[str] = set()
        with backend().bulk_index_writes() if bulk else nullcontext():
            for batch in _batches(ids, BATCH_SIZE):
                changes.update(
                    _reindex(
                        batch,
                        vocabulary,
                        frequent=frequent,
                        postings=postings,
                        written_tokens=written,
                    )
                )
        bitmaps.apply_changes(changes)
        if postings is not None:
            asked = set(ids)
            others = SearchDocument.objects.order_by("organisation_id").values_list(
                "organisation_id", flat=True
            )
            _collect_postings([pk for pk in others if pk not in asked], postings)
            bitmaps.replace_tokens(_frequent_bitmaps(postings))


def reindex_terms(term_ids: Iterable[int]) -> None:
    """Rebuild the search documents of every organisation that carries one of these terms,
    or whose texts named it or name it now (a label or a synonym may have changed)."""
    ids = sorted({int(pk) for pk in term_ids})
    if not ids:
        return
    found = set(
        Capability.objects.filter(term_id__in=ids).values_list("organisation_id", flat=True)
    )
    found |= set(
        Tolerance.objects.filter(process_id__in=ids).values_list("organisation_id", flat=True)
    )
    vocabulary = load_vocabulary()
    by_id = vocabulary.by_id
    engine = backend()
    for pk in ids:
        if pk in by_id:
            concept = term_concept((), (by_id[pk].code,), vocabulary.by_code)
            for bits in engine.clause_bitmaps(concept.clauses):  # every synonym
                found.update(bitmaps.ids(bits))
    reindex_organisations(found)


def reindex_all(*, batch_size: int = BATCH_SIZE) -> Iterator[int]:
    """Rebuild every document, the typo dictionary and the bitmaps (facets, and the tokens
    now in at least `matching.FREQUENT` documents), one transaction per batch (the bitmaps
    at the end, in one).

    Yields the number of organisations indexed after each batch (for progress reports).
    """
    ids = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    vocabulary = load_vocabulary()
    SearchToken.objects.all().delete()
    keys_of: dict[int, list[str]] = {}
    postings: Postings = defaultdict(list)
    written: set[str] = set()
    for batch in _batches(ids, max(1, batch_size)):
        with transaction.atomic():
            changes = _reindex(
                batch, vocabulary, frequent=frozenset(), postings=postings, written_tokens=written
            )
        keys_of.update({pk: sorted(new) for pk, (_old, new) in changes.items()})
        yield len(keys_of)
    with transaction.atomic():
        bitmaps.rebuild(keys_of, tokens=_frequent_bitmaps(postings))
