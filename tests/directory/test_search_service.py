"""The search service on a small directory built through the services: what it must find,
how it explains each hit, filters, facet counts and pagination."""

import pytest
from django.utils import translation

from grappe.directory.search.service import clean, search
from grappe.directory.search.types import FILTERS, MAX_LIMIT, MAX_QUERY_LENGTH, SearchQuery
from grappe.members.services.organisations import update_organisation
from tests.directory.search_data import build_small_directory
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    return build_small_directory()


def found(text: str = "", **filters) -> list[str]:
    """The names found, best first."""
    return [hit.name for hit in search(SearchQuery(text=text, limit=50, **filters)).hits]


def first_word(name: str) -> str:
    return name.split()[0]


def found_keys(text: str = "", **filters) -> set[str]:
    return {first_word(name).lower() for name in found(text, **filters)}


# Accents and case


@pytest.mark.parametrize("text", ["decolletage", "DÉCOLLETAGE", "Décolletage", "décolletage"])
def test_accents_and_case_do_not_matter(directory, text):
    assert {"alpha", "beta"} <= found_keys(text)


def test_the_city_is_indexed_without_its_accent(directory):
    assert found_keys("besancon") == {"alpha", "epsilon", "theta"}
    assert found_keys("BESANÇON") == {"alpha", "epsilon", "theta"}


def test_the_departement_name_is_indexed(directory):
    assert {"alpha", "beta", "epsilon", "theta"} <= found_keys("Doubs")
    assert "gamma" not in found_keys("Doubs")


# Stemming in French and English


def test_french_plural_finds_the_singular(directory):
    assert found("vis orthopédiques")[0] == "Alpha Décolletage"


def test_english_plural_finds_the_singular(directory):
    assert "delta" in found_keys("implants")


# Synonyms across languages


def test_an_english_synonym_finds_the_french_term(directory):
    assert {"alpha", "beta"} <= found_keys("swiss turning")


def test_titanium_finds_titane_and_ta6v(directory):
    keys = found_keys("titanium")
    assert "alpha" in keys  # carries the term
    assert "theta" in keys  # only says TA6V in its description


@pytest.mark.parametrize("text", ["EN9100", "EN 9100", "en-9100", "AS9100"])
def test_certification_codes_with_or_without_space(directory, text):
    keys = found_keys(text)
    assert "gamma" in keys  # carries the certification
    if text != "AS9100":
        assert "zeta" in keys  # writes "EN 9100" in its description


# Typos


@pytest.mark.parametrize(
    ("text", "expected"),
    [("decoletage", "alpha"), ("decolletgae", "beta"), ("electroerosoin", "gamma")],
)
def test_typos_in_long_words_are_forgiven(directory, text, expected):
    assert expected in found_keys(text)


def test_short_words_are_not_corrected(directory):
    assert found_keys("vus") == set()


# Equipment, tolerances, clusters


def test_equipment_tolerances_and_clusters_are_indexed(directory):
    assert found_keys("Tornos") == {"alpha"}
    assert found_keys("diametre") == {"gamma"}
    assert "alpha" in found_keys("innov health")


# Ranking and explanations


def test_the_supplier_with_everything_asked_comes_first(directory):
    result = search(SearchQuery(text="vis orthopédiques titane ISO 13485"))
    assert result.hits[0].name == "Alpha Décolletage"
    assert result.hits[0].score == max(hit.score for hit in result.hits)


def test_an_asked_certification_ranks_its_holders_first(directory):
    assert found("décolletage ISO 13485")[0] == "Alpha Décolletage"
    assert found("décolletage ISO 9001")[0] == "Beta Horlogerie"


def test_each_hit_says_which_terms_and_words_matched(directory):
    hit = search(SearchQuery(text="vis orthopédiques titanium")).hits[0]
    assert hit.name == "Alpha Décolletage"
    assert hit.matched["material"] == ["titane"]
    assert hit.matched["text"] == ["vis", "orthopediques", "titanium"]
    assert set(hit.matched) <= {*FILTERS, "text"}


def test_the_snippet_marks_the_words_found(directory):
    hit = search(SearchQuery(text="vis orthopédiques")).hits[0]
    assert "<mark>vis</mark> <mark>orthopédique</mark>" in hit.snippet
    assert len(hit.snippet) < 300


def test_the_snippet_is_html_escaped(directory):
    hit = search(SearchQuery(text="dental implant")).hits[0]
    assert hit.name == "Delta Polymères"
    assert "R&amp;D &lt;prototypes&gt;" in hit.snippet
    assert "<mark>dental</mark> <mark>implant</mark>" in hit.snippet
    assert "<prototypes>" not in hit.snippet


def test_the_snippet_of_a_long_text_is_an_excerpt_around_the_first_match(directory):
    long_text = "Atelier. " * 40 + "Spécialiste du rodage de précision. " + "Qualité. " * 40
    result = search(SearchQuery(text="rodage"))
    assert result.count == 0
    update_organisation(
        actor=None,
        organisation=directory["epsilon"],
        data={"description_fr": long_text},
        staff=True,
    )
    snippet = search(SearchQuery(text="rodage")).hits[0].snippet
    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert "<mark>rodage</mark>" in snippet
    assert len(snippet) <= 220


# Filters and facets


def test_empty_text_lists_every_organisation_by_name(directory):
    result = search(SearchQuery())
    assert result.count == 7
    assert [hit.name for hit in result.hits] == sorted(hit.name for hit in result.hits)
    assert all(hit.score == 0 for hit in result.hits)


def test_values_of_one_facet_are_ored_and_facets_anded(directory):
    assert found_keys(process=("decolletage",)) == {"alpha", "beta"}
    assert found_keys(process=("decolletage", "electroerosion")) == {"alpha", "beta", "gamma"}
    assert found_keys(process=("decolletage",), market=("luxe",)) == {"beta"}
    assert found_keys(material=("titane",), certification=("iso_9001",)) == set()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"departement": ("39",)}, {"gamma"}),
        ({"departement": ("39", "74")}, {"gamma", "zeta"}),
        ({"kind": ("lab",)}, {"epsilon"}),
        ({"cluster": ("innov-health",)}, {"alpha"}),
        ({"headcount_band": ("21",)}, {"beta"}),
        ({"certification": ("iso_13485",)}, {"alpha"}),
        ({"process": ("no_such_code",)}, set()),
    ],
)
def test_organisation_filters(directory, filters, expected):
    assert found_keys(**filters) == expected


def test_members_only(directory):
    MembershipFactory(organisation=directory["gamma"])
    assert found_keys(members_only=True) == {"gamma"}


def test_free_text_and_filters_combine(directory):
    result = search(SearchQuery(text="décolletage", market=("sante",)))
    assert [hit.name for hit in result.hits] == ["Alpha Décolletage"]
    assert result.hits[0].matched["market"] == ["sante"]
    assert result.hits[0].matched["process"] == ["decolletage"]


def test_facet_counts_cover_every_match_not_only_the_page(directory):
    with translation.override("en"):
        result = search(SearchQuery(text="décolletage", limit=1))
    assert result.count == 2
    assert len(result.hits) == 1
    assert set(result.facets) == set(FILTERS)
    counts = {name: {f.value: f.count for f in values} for name, values in result.facets.items()}
    assert counts["process"] == {"decolletage": 2}
    assert counts["market"] == {"sante": 1, "luxe": 1}
    assert counts["cluster"] == {"innov-health": 1}
    assert counts["departement"] == {"25": 2}
    assert counts["kind"] == {"company": 2}
    assert counts["headcount_band"] == {"12": 1, "21": 1}
    labels = {f.value: f.label for values in result.facets.values() for f in values}
    assert labels["decolletage"] == "Swiss-type bar turning"
    assert labels["25"] == "Doubs (25)"
    assert labels["company"] == "Company"


def test_facet_labels_follow_the_language(directory):
    with translation.override("fr"):
        result = search(SearchQuery(text="décolletage"))
    assert result.facets["process"][0].label == "Décolletage"


def test_facets_are_sorted_by_count(directory):
    counts = [f.count for f in search(SearchQuery()).facets["market"]]
    assert counts == sorted(counts, reverse=True)


# Pagination


def test_pages_follow_each_other_without_overlap(directory):
    pages = [search(SearchQuery(limit=3, offset=offset)) for offset in (0, 3, 6)]
    names = [hit.name for page in pages for hit in page.hits]
    assert len(names) == 7 == len(set(names))
    assert all(page.count == 7 for page in pages)


def test_text_pages_keep_the_ranking(directory):
    everything = [hit.name for hit in search(SearchQuery(text="précision", limit=50)).hits]
    paged = [
        hit.name
        for offset in range(0, len(everything))
        for hit in search(SearchQuery(text="précision", limit=1, offset=offset)).hits
    ]
    assert paged == everything


def test_an_offset_past_the_end_gives_no_hit_but_the_count(directory):
    result = search(SearchQuery(offset=100))
    assert result.hits == []
    assert result.count == 7


def test_limits_are_bounded():
    assert clean(SearchQuery(limit=10**6)).limit == MAX_LIMIT
    assert clean(SearchQuery(limit=-5)).limit == 0
    assert clean(SearchQuery(offset=-5)).offset == 0
    assert len(clean(SearchQuery(text="a" * 20_000)).text) == MAX_QUERY_LENGTH


def test_a_zero_limit_gives_counts_only(directory):
    result = search(SearchQuery(text="décolletage", limit=0))
    assert result.count == 2
    assert result.hits == []
    assert result.facets["process"]


def test_a_broad_query_ranks_a_sample_but_counts_everything(directory, monkeypatch):
    everything = search(SearchQuery(text="besancon", limit=50))
    monkeypatch.setattr("grappe.directory.search.sqlite.RANK_LIMIT", 1)
    monkeypatch.setattr("grappe.directory.search.postgres.RANK_LIMIT", 1)
    sampled = search(SearchQuery(text="besancon", limit=50))
    assert sampled.count == everything.count == 3
    assert {hit.name for hit in sampled.hits} == {hit.name for hit in everything.hits}
    assert sampled.facets == everything.facets
    filtered = search(SearchQuery(text="besancon", kind=("lab",), limit=50))
    assert [hit.name for hit in filtered.hits] == ["Epsilon Laboratoire"]


def test_two_words_naming_the_same_term_are_one_need(directory):
    result = search(SearchQuery(text="dental implants"))
    assert "delta" in {first_word(hit.name).lower() for hit in result.hits}
    assert result.hits[0].matched["text"] == ["dental", "implants"]
