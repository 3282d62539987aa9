"""Keeping the search index in step with the data.

`reindex_organisations` is called inside the transaction of every write that changes what
the search sees (the directory's own services, and the members' and vocabulary's changes
through `grappe.core.hooks`), so the index commits or rolls back with the change. It
rebuilds the organisations' `SearchDocument` rows; the database keeps its full-text index
in step with them (see migration 0002). A batch of ids costs a handful of queries.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db import transaction

from grappe.core.models import Term
from grappe.directory.models import (
    Capability,
    CapabilityProfile,
    Equipment,
    SearchDocument,
    SearchToken,
    Tolerance,
)
from grappe.directory.search import bitmaps
from grappe.directory.search.analysis import analyse
from grappe.members.geography import DEPARTEMENTS
from grappe.members.models import ClusterMembership, Organisation

BATCH_SIZE = 500
TYPO_TOKEN_MIN_LENGTH = 4  # the shortest word a 5-letter typo can be corrected towards
CODE_TOKEN_PREFIX = "zz"  # no analysed word starts so, by convention; see code_token


def code_token(code: str) -> str:
    """The token standing for a vocabulary term in the `terms` column: "zz" + its code."""
    return CODE_TOKEN_PREFIX + "".join(char for char in code.lower() if char.isalnum())


def term_text(term: dict) -> str:
    """A term as the `terms` column holds it: its code token and its labels, analysed.

    Synonyms are not indexed: the query side recognises them and asks for the code token,
    so a synonym added to the vocabulary works at once, and documents stay small.
    """
    return " ".join([code_token(term["code"]), analyse(f"{term['label_fr']} {term['label_en']}")])


TERM_FIELDS = ("id", "code", "label_fr", "label_en", "synonyms_fr", "synonyms_en")


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _by_organisation(rows: Iterable[tuple]) -> dict[int, list[tuple]]:
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for organisation_id, *values in rows:
        grouped[organisation_id].append(tuple(values))
    return grouped


def build_documents(ids: list[int], term_texts: dict[int, str]) -> list[SearchDocument]:
    """The search documents of these organisations, read in six queries."""
    organisations = Organisation.objects.filter(pk__in=ids).values_list(
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
            organisation_id__in=ids
        ).values_list("organisation_id", "text_fr", "text_en")
    }
    capabilities = _by_organisation(
        Capability.objects.filter(organisation_id__in=ids).values_list("organisation_id", "term_id")
    )
    equipment = _by_organisation(
        Equipment.objects.filter(organisation_id__in=ids).values_list(
            "organisation_id", "machine", "envelope"
        )
    )
    tolerances = _by_organisation(
        Tolerance.objects.filter(organisation_id__in=ids).values_list(
            "organisation_id", "feature", "plus_minus_um", "process__label_fr", "process__label_en"
        )
    )
    clusters = _by_organisation(
        ClusterMembership.objects.filter(organisation_id__in=ids).values_list(
            "organisation_id", "cluster_id", "cluster__name"
        )
    )
    documents = []
    for pk, name, city, departement, region, description_fr, description_en, *rest in organisations:
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
            SearchDocument(
                organisation_id=pk,
                name=analyse(name),
                terms=" ".join(term_texts[term_id] for (term_id,) in capabilities[pk]),
                capability=analyse("\n".join(capability_parts)),
                description=analyse(f"{description_fr}\n{description_en}"),
                place=analyse(" ".join(place)),
                facets=" ".join(keys),
            )
        )
    return documents


def typo_tokens(documents: Iterable[SearchDocument]) -> set[str]:
    """The word forms of these documents that typos may be corrected towards."""
    found: set[str] = set()
    for document in documents:
        for column in (document.name, document.terms, document.capability, document.place):
            found.update(column.split())
        found.update(document.description.split())
    return {
        token
        for token in found
        if len(token) >= TYPO_TOKEN_MIN_LENGTH
        and token.isalpha()
        and not token.startswith(CODE_TOKEN_PREFIX)
    }


def _term_texts() -> dict[int, str]:
    return {term["id"]: term_text(term) for term in Term.objects.values(*TERM_FIELDS)}


def _reindex(ids: list[int], term_texts: dict[int, str]) -> dict[int, tuple[set, set]]:
    """Rebuild these documents; return each one's facet keys before and after."""
    before = dict(
        SearchDocument.objects.filter(organisation_id__in=ids).values_list(
            "organisation_id", "facets"
        )
    )
    documents = build_documents(ids, term_texts)
    SearchDocument.objects.filter(organisation_id__in=ids).delete()
    SearchDocument.objects.bulk_create(documents, batch_size=BATCH_SIZE)
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
    term_texts = _term_texts()
    changes: dict[int, tuple[set, set]] = {}
    with transaction.atomic():
        for batch in _batches(ids, BATCH_SIZE):
            changes.update(_reindex(batch, term_texts))
        bitmaps.apply_changes(changes)


def reindex_terms(term_ids: Iterable[int]) -> None:
    """Rebuild the search documents of every organisation that carries one of these terms."""
    ids = sorted({int(pk) for pk in term_ids})
    if not ids:
        return
    carriers = set(
        Capability.objects.filter(term_id__in=ids).values_list("organisation_id", flat=True)
    )
    carriers |= set(
        Tolerance.objects.filter(process_id__in=ids).values_list("organisation_id", flat=True)
    )
    reindex_organisations(carriers)


def reindex_all(*, batch_size: int = BATCH_SIZE) -> Iterator[int]:
    """Rebuild every document, the typo dictionary and the facet bitmaps, one transaction
    per batch (the bitmaps at the end, in one).

    Yields the number of organisations indexed after each batch (for progress reports).
    """
    ids = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    term_texts = _term_texts()
    SearchToken.objects.all().delete()
    keys_of: dict[int, list[str]] = {}
    for batch in _batches(ids, max(1, batch_size)):
        with transaction.atomic():
            changes = _reindex(batch, term_texts)
        keys_of.update({pk: sorted(new) for pk, (_old, new) in changes.items()})
        yield len(keys_of)
    with transaction.atomic():
        bitmaps.rebuild(keys_of)
