"""Reads of the capability directory: the search query as the pages and the API build it
(the search itself is `grappe.directory.search.service.search`), what the hits do not carry,
an organisation's capabilities, the vocabulary with its use."""

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import Case, Count, Q, QuerySet, Value, When

from grappe.core.models import Facet, Term
from grappe.directory.models import Capability, CapabilityProfile, Equipment, Tolerance
from grappe.directory.search.types import (
    FILTERS,
    MAX_LIMIT,
    MAX_QUERY_LENGTH,
    SearchQuery,
)
from grappe.members.choices import HeadcountBand, OrganisationKind
from grappe.members.geography import departement_name
from grappe.members.models import Cluster, Organisation

MAX_FILTER_VALUES = 30  # values of one facet in one query; more is not a person's search
MAX_FILTER_LENGTH = 100


# The search ------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """The query text without control characters, on one line, cut at the engine's limit."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in text or ""
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def clean_values(values: Iterable[str]) -> tuple[str, ...]:
    """A facet's values as asked: trimmed, without blanks, control characters or repeats."""
    cleaned: list[str] = []
    for value in values:
        value = clean_text(str(value))[:MAX_FILTER_LENGTH]
        if value and value not in cleaned:
            cleaned.append(value)
    return tuple(cleaned[:MAX_FILTER_VALUES])


def search_query(
    *,
    text: str = "",
    filters: Mapping[str, Iterable[str]] | None = None,
    members_only: bool = False,
    limit: int = 20,
    offset: int = 0,
) -> SearchQuery:
    """The engine's query from what a page, the API or a command received."""
    filters = filters or {}
    return SearchQuery(
        text=clean_text(text),
        members_only=members_only,
        limit=max(1, min(limit, MAX_LIMIT)),
        offset=max(0, offset),
        **{name: clean_values(filters.get(name, ())) for name in FILTERS},
    )


def organisations_by_id(ids: Iterable[int]) -> dict[int, Organisation]:
    """The organisations of a page of hits, in one query, for what the hits do not carry."""
    return {
        organisation.pk: organisation
        for organisation in Organisation.objects.filter(pk__in=list(ids)).only(
            "pk",
            "slug",
            "name",
            "kind",
            "city",
            "departement",
            "siret",
            "naf_code",
            "headcount_band",
        )
    }


def term_labels(codes: Iterable[str]) -> dict[str, str]:
    """code → label in the reader's language, for the terms with these codes."""
    codes = set(codes)
    if not codes:
        return {}
    return {term.code: term.label for term in Term.objects.filter(code__in=codes)}


def filter_labels(selected: Mapping[str, Iterable[str]]) -> dict[tuple[str, str], str]:
    """(facet, value) → label for the filter values of a query (two queries at most)."""
    labels: dict[tuple[str, str], str] = {}
    term_codes = {value for name in Facet.values for value in selected.get(name, ())}
    for code, label in term_labels(term_codes).items():
        for name in Facet.values:
            labels[(name, code)] = label
    slugs = list(selected.get("cluster", ()))
    if slugs:
        for cluster in Cluster.objects.filter(slug__in=slugs).only("slug", "name"):
            labels[("cluster", cluster.slug)] = cluster.name
    for code in selected.get("departement", ()):
        name = departement_name(code)
        labels[("departement", code)] = f"{code} — {name}" if name else code
    bands = dict(HeadcountBand.choices)
    for code in selected.get("headcount_band", ()):
        labels[("headcount_band", code)] = str(bands.get(code, code))
    kinds = dict(OrganisationKind.choices)
    for code in selected.get("kind", ()):
        labels[("kind", code)] = str(kinds.get(code, code))
    return labels


# An organisation's capabilities -----------------------------------------------------------


@dataclass
class Capabilities:
    """What an organisation knows how to do, for its page and its edit form."""

    terms: dict[str, list[Term]] = field(default_factory=dict)  # facet → terms, in order
    profile: CapabilityProfile | None = None
    equipment: list[Equipment] = field(default_factory=list)
    tolerances: list[Tolerance] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            any(self.terms.values())
            or (self.profile and (self.profile.text_fr or self.profile.text_en))
            or self.equipment
            or self.tolerances
        )


def organisation_terms(organisation: Organisation) -> dict[str, list[Term]]:
    """facet → the organisation's terms of that facet, facets in their usual order."""
    grouped: dict[str, list[Term]] = {facet: [] for facet in Facet.values}
    capabilities = (
        Capability.objects.filter(organisation=organisation)
        .select_related("term")
        .order_by("term__facet", "term__label_fr")
    )
    for capability in capabilities:
        grouped[capability.term.facet].append(capability.term)
    return grouped


def organisation_equipment(organisation: Organisation) -> QuerySet[Equipment]:
    return Equipment.objects.filter(organisation=organisation).order_by("machine", "id")


def organisation_tolerances(organisation: Organisation) -> QuerySet[Tolerance]:
    return (
        Tolerance.objects.filter(organisation=organisation)
        .select_related("process")
        .order_by("plus_minus_um", "id")
    )


def capabilities_of(organisation: Organisation) -> Capabilities:
    """Terms by facet, profile, equipment and tolerances: four queries."""
    return Capabilities(
        terms=organisation_terms(organisation),
        profile=CapabilityProfile.objects.filter(organisation=organisation).first(),
        equipment=list(organisation_equipment(organisation)),
        tolerances=list(organisation_tolerances(organisation)),
    )


# The vocabulary ---------------------------------------------------------------------------


def facet_order() -> Case:
    """The facets in their usual order (process, material, market, certification)."""
    return Case(
        *(When(facet=facet, then=Value(index)) for index, facet in enumerate(Facet.values)),
        default=Value(len(Facet.values)),
    )


def vocabulary(*, text: str = "", facet: str = "") -> QuerySet[Term]:
    """The terms by facet and label, each with `organisation_count`; `text` searches the
    code, the labels and the synonyms."""
    queryset = Term.objects.annotate(organisation_count=Count("capabilities"))
    if facet:
        queryset = queryset.filter(facet=facet)
    text = clean_text(text)
    if text:
        queryset = queryset.filter(
            Q(code__icontains=text)
            | Q(label_fr__icontains=text)
            | Q(label_en__icontains=text)
            | Q(synonyms_fr__icontains=text)
            | Q(synonyms_en__icontains=text)
        )
    return queryset.order_by(facet_order(), "label_fr", "code")


def terms_by_facet() -> dict[str, list[Term]]:
    """Every term, grouped by facet, for the capability form's choices (one query)."""
    grouped: dict[str, list[Term]] = {facet: [] for facet in Facet.values}
    for term in Term.objects.order_by("facet", "label_fr"):
        grouped[term.facet].append(term)
    return grouped


def process_terms() -> QuerySet[Term]:
    return Term.objects.filter(facet=Facet.PROCESS).order_by("label_fr")


def popular_terms(limit: int = 8) -> list[Term]:
    """The terms most organisations carry: ideas for a search that found nothing."""
    return list(
        Term.objects.annotate(organisation_count=Count("capabilities"))
        .filter(organisation_count__gt=0)
        .order_by("-organisation_count", "label_fr")[:limit]
    )
