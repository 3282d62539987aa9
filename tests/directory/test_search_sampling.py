"""Broad queries: beyond RANK_LIMIT matches only an even sample is ranked, but the count,
the facet counts and the set of organisations returned page by page stay exact.

RANK_LIMIT is lowered to a few matches so that a directory of some thirty organisations
takes the path a national directory takes for "ISO 9001"; the counts are checked against
the database itself (capabilities, places, kinds, memberships), not against the search."""

from collections import Counter

import pytest

from grappe.directory.models import Capability
from grappe.directory.search.service import search
from grappe.directory.search.types import SearchQuery
from grappe.members.models import Organisation
from grappe.members.queries import current_year
from tests.directory.search_data import load_project_vocabulary, supplier
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

TURNERS = 21  # organisations that turn parts: every one matches "décolletage"
OTHERS = 6  # organisations that do not


@pytest.fixture
def directory():
    """Turners spread over three départements, kinds and materials; a third are members."""
    load_project_vocabulary()
    places = [("25000", "Besançon"), ("39100", "Dole"), ("74300", "Cluses")]
    materials = ["titane", "laiton", "inox"]
    organisations = []
    for number in range(TURNERS):
        postcode, city = places[number % 3]
        organisations.append(
            supplier(
                f"Tourneur {number:02d}",
                postcode=postcode,
                city=city,
                kind="lab" if number % 4 == 0 else "company",
                terms=("decolletage", materials[number % 3])
                + (("iso_13485",) if number % 5 == 0 else ()),
                description_fr="Pièces de précision.",
            )
        )
    for number in range(OTHERS):
        organisations.append(
            supplier(f"Autre {number:02d}", terms=("injection_plastique",), city="Dole")
        )
    for organisation in organisations[::3]:
        MembershipFactory(organisation=organisation)
    return organisations


@pytest.fixture
def sampled(monkeypatch):
    """Rank at most 5 matches (an even sample beyond), on either backend."""
    monkeypatch.setattr("grappe.directory.search.sqlite.RANK_LIMIT", 5)
    monkeypatch.setattr("grappe.directory.search.postgres.RANK_LIMIT", 5)


def every_hit(query: SearchQuery, page: int = 7) -> list[int]:
    """The ids of every hit, page after page."""
    found, offset = [], 0
    while True:
        result = search(SearchQuery(**{**query.__dict__, "limit": page, "offset": offset}))
        found += [hit.organisation_id for hit in result.hits]
        if not result.hits:
            return found
        offset += page


def expected_facets(ids: set[int]) -> dict[str, Counter]:
    """Facet counts over these organisations, read from the database."""
    counts: dict[str, Counter] = {"process": Counter(), "material": Counter()}
    for facet, code in Capability.objects.filter(
        organisation_id__in=ids, term__facet__in=counts
    ).values_list("term__facet", "term__code"):
        counts[facet][code] += 1
    organisations = Organisation.objects.filter(pk__in=ids)
    counts["departement"] = Counter(organisations.values_list("departement", flat=True))
    counts["kind"] = Counter(organisations.values_list("kind", flat=True))
    return counts


def facets_of(result) -> dict[str, Counter]:
    return {
        name: Counter({facet.value: facet.count for facet in result.facets[name]})
        for name in ("process", "material", "departement", "kind")
    }


@pytest.mark.parametrize(
    "filters_given",
    [
        {},
        {"departement": ("39",)},
        {"kind": ("company",), "material": ("titane", "inox")},
        {"members_only": True},
        {"certification": ("iso_13485",), "members_only": True},
    ],
)
def test_count_facets_and_pages_of_a_sampled_query_are_exact(directory, sampled, filters_given):
    query = SearchQuery(text="décolletage", **filters_given)
    turners = Organisation.objects.filter(capabilities__term__code="decolletage")
    if "departement" in filters_given:
        turners = turners.filter(departement__in=filters_given["departement"])
    if "kind" in filters_given:
        turners = turners.filter(kind__in=filters_given["kind"])
    for facet in ("material", "certification"):
        if facet in filters_given:
            turners = turners.filter(
                pk__in=Capability.objects.filter(term__code__in=filters_given[facet]).values(
                    "organisation_id"
                )
            )
    if filters_given.get("members_only"):
        turners = turners.filter(memberships__status="active", memberships__year=current_year())
    expected = set(turners.values_list("pk", flat=True))
    assert expected  # among the TURNERS matches, more than RANK_LIMIT: a sampled query

    result = search(query)
    assert result.count == len(expected)
    assert facets_of(result) == expected_facets(expected)
    pages = every_hit(query)
    assert len(pages) == len(set(pages))  # no organisation twice
    assert set(pages) == expected


def test_a_sampled_query_returns_what_the_unsampled_one_does(directory, monkeypatch):
    everything = search(SearchQuery(text="décolletage", limit=100))
    monkeypatch.setattr("grappe.directory.search.sqlite.RANK_LIMIT", 5)
    monkeypatch.setattr("grappe.directory.search.postgres.RANK_LIMIT", 5)
    sampled = search(SearchQuery(text="décolletage", limit=100))
    assert sampled.count == everything.count == TURNERS
    assert sampled.facets == everything.facets
    assert {hit.organisation_id for hit in sampled.hits} == {
        hit.organisation_id for hit in everything.hits
    }
    # The ranked sample comes first; every hit still says why it was found.
    assert all(hit.matched.get("process") == ["decolletage"] for hit in sampled.hits)
