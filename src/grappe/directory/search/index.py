"""Keeping the search index in step with the data.

`reindex_organisations` is called inside the transaction of every write that changes what
the search sees (the directory's own services, and the members' and vocabulary's changes
through `grappe.core.hooks`), so the index commits or rolls back with the change. It
rebuilds the organisations' `SearchDocument` rows; the database keeps its full-text index
in step with them (see migration 0002). A batch of ids costs a handful of queries.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from grappe.directory.models import (
    Capability,
    CapabilityProfile,
    Equipment,
    SearchDocument,
    SearchToken,
    Tolerance,
)
from grappe.directory.search import bitmaps, postgres, sqlite
from grappe.directory.search.analysis import analyse, forms, words
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


def build_documents(ids: list[int], vocabulary: Vocabulary) -> list[Built]:
    """The search documents of these organisations, read in six queries."""
    term_texts = {term.id: term_text(term) for term in vocabulary.terms}
    wanted = set(ids)
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
    documents = []
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
        documents.append(
            Built(
                organisation_id=pk,
                name=analyse_with_mentions(name, vocabulary),
                terms=" ".join(term_texts[term_id] for (term_id,) in capabilities[pk]),
                capability=analyse_with_mentions("\n".join(capability_parts), vocabulary),
                description=analyse_with_mentions(
                    f"{description_fr}\n{description_en}", vocabulary
                ),
                place=_analyse_place(" ".join(place)),
                facets=" ".join(keys),
            )
        )
    return documents


INSERT_SQL = (
    "INSERT INTO directory_searchdocument "
    "(organisation_id, name, terms, capability, description, place, facets, updated_at) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
)


def _write(documents: list[Built]) -> None:
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.executemany(
            INSERT_SQL,
            [(d.organisation_id, *d.columns(), d.facets, now) for d in documents],
        )


def typo_tokens(documents: Iterable[Built]) -> set[str]:
    """The word forms of these documents that typos may be corrected towards."""
    found: set[str] = set()
    for document in documents:
        for column in document.columns():
            found.update(column.split())
    return {
        token
        for token in found
        if len(token) >= TYPO_TOKEN_MIN_LENGTH
        and token.isalpha()
        and not is_vocabulary_token(token)
    }


def _reindex(ids: list[int], vocabulary: Vocabulary) -> dict[int, tuple[set, set]]:
    """Rebuild these documents; return each one's facet keys before and after."""
    before = dict(
        SearchDocument.objects.filter(organisation_id__in=ids).values_list(
            "organisation_id", "facets"
        )
    )
    documents = build_documents(ids, vocabulary)
    SearchDocument.objects.filter(organisation_id__in=ids).delete()
    _write(documents)
    SearchToken.objects.bulk_create(
        [SearchToken(token=token) for token in sorted(typo_tokens(documents))],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    after = {document.organisation_id: document.facets for document in documents}
    return {
        pk: (set(before.get(pk, "").split()), set(after.get(pk, "").split()))
        for pk in before.keys() | after.keys()
    }


def reindex_organisations(organisation_ids: Iterable[int]) -> None:
    """Rebuild the search documents and facet bitmaps of these organisations (deleted
    ones are dropped), a few queries per batch of 500."""
    ids = sorted({int(pk) for pk in organisation_ids})
    if not ids:
        return
    vocabulary = load_vocabulary()
    changes: dict[int, tuple[set, set]] = {}
    with transaction.atomic():
        for batch in _batches(ids, BATCH_SIZE):
            changes.update(_reindex(batch, vocabulary))
        bitmaps.apply_changes(changes)


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
    engine = postgres if connection.vendor == "postgresql" else sqlite
    for pk in ids:
        if pk in by_id:
            concept = term_concept((), (by_id[pk].code,), vocabulary.by_code)
            everything = replace(concept, search_clauses=concept.clauses)
            found |= set(engine.match_ids((everything,), 1))
    reindex_organisations(found)


def reindex_all(*, batch_size: int = BATCH_SIZE) -> Iterator[int]:
    """Rebuild every document, the typo dictionary and the facet bitmaps, one transaction
    per batch (the bitmaps at the end, in one).

    Yields the number of organisations indexed after each batch (for progress reports).
    """
    ids = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    vocabulary = load_vocabulary()
    SearchToken.objects.all().delete()
    keys_of: dict[int, list[str]] = {}
    for batch in _batches(ids, max(1, batch_size)):
        with transaction.atomic():
            changes = _reindex(batch, vocabulary)
        keys_of.update({pk: sorted(new) for pk, (_old, new) in changes.items()})
        yield len(keys_of)
    with transaction.atomic():
        bitmaps.rebuild(keys_of)
