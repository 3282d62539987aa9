"""Facet counts over every match, from the facet bitmaps: an AND and a bit count each."""

from collections import defaultdict

from grappe.directory.search import bitmaps
from grappe.directory.search.expansion import Vocabulary
from grappe.directory.search.types import FILTERS, FacetCount
from grappe.members.choices import HeadcountBand, OrganisationKind
from grappe.members.geography import DEPARTEMENTS

Clusters = dict[int, tuple[str, str]]  # cluster id → (slug, name)


def _field_label(name: str, value: str) -> str:
    if name == "departement":
        departement = DEPARTEMENTS.get(value)
        return f"{departement[0]} ({value})" if departement else value
    if name == "headcount_band":
        return str(HeadcountBand(value).label) if value in HeadcountBand.values else value
    if name == "kind":
        return str(OrganisationKind(value).label) if value in OrganisationKind.values else value
    return value


def describe(key: str, vocabulary: Vocabulary, clusters: Clusters) -> tuple[str, str, str] | None:
    """(facet name, value, label) of a bitmap key, or None for a term or cluster gone."""
    prefix, rest = key[:1], key[1:]
    if prefix == bitmaps.TERM:
        term = vocabulary.by_id.get(int(rest))
        return (term.facet, term.code, term.label) if term else None
    if prefix == bitmaps.CLUSTER:
        slug, name = clusters.get(int(rest), ("", ""))
        return ("cluster", slug, name) if slug else None
    for name, field_prefix in bitmaps.FIELD_PREFIXES.items():
        if prefix == field_prefix:
            return name, rest, _field_label(name, rest)
    return None


def counts(
    matched: int, facet_bits: dict[str, int], vocabulary: Vocabulary, clusters: Clusters
) -> dict[str, list[FacetCount]]:
    """Every name of FILTERS → the values present among the matches, by count then label."""
    found: dict[str, list[FacetCount]] = defaultdict(list)
    for key, bits in facet_bits.items():
        count = (matched & bits).bit_count()
        if count and (described := describe(key, vocabulary, clusters)):
            name, value, label = described
            found[name].append(FacetCount(value, label, count))
    return {
        name: sorted(found.get(name, []), key=lambda f: (-f.count, f.label.casefold(), f.value))
        for name in FILTERS
    }
