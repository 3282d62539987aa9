"""Search quality: mean nDCG@10 over buyers' queries with graded judgments must stay ≥ 0.85.

The dataset (tests/directory/relevance/dataset.py), the judgments (…/judgments.py, grading
scale in its docstring) and the metric (…/metric.py) are tested here too, so that neither
a typo in the data nor a wrong formula can make the quality test pass or fail silently.
"""

import csv
import math
import statistics

import pytest
from stdnum import luhn
from stdnum.fr import siret as stdnum_siret

from grappe.core.models import Term
from grappe.core.services import DEFAULT_VOCABULARY
from grappe.directory.models import Capability, CapabilityProfile, Equipment, Tolerance
from grappe.directory.search.service import search
from grappe.directory.search.types import SearchQuery
from grappe.members.geography import place_of_postcode
from grappe.members.models import ClusterMembership, Organisation
from tests.directory.relevance.dataset import CLUSTERS, ORGANISATIONS, slug_of
from tests.directory.relevance.judgments import QUERIES
from tests.directory.relevance.metric import dcg, ndcg
from tests.directory.relevance.records import Judged

THRESHOLD = 0.85
K = 10
BOURGOGNE_FRANCHE_COMTE = "27"


# --- The metric, on examples computed by hand ---------------------------------------------


def test_dcg_discounts_by_log2_of_rank_plus_one():
    # (2³−1)/log2(2) + (2²−1)/log2(3) + (2¹−1)/log2(4) = 7 + 3/1.58496 + 1/2
    assert dcg([3, 2, 1], 10) == pytest.approx(7 + 1.892789 + 0.5, abs=1e-6)
    assert dcg([0, 3], 10) == pytest.approx(7 / math.log2(3))
    assert dcg([3, 3, 3], 2) == pytest.approx(7 + 7 / math.log2(3))  # cut at k


def test_ndcg_of_the_ideal_ranking_is_one():
    judgments = {"a": 3, "b": 2, "c": 1}
    assert ndcg(["a", "b", "c"], judgments) == pytest.approx(1.0)
    assert ndcg(["a", "b", "c", "x", "y"], judgments) == pytest.approx(1.0)


def test_ndcg_of_the_reversed_ranking():
    # DCG = 1 + 3/log2(3) + 7/2 = 6.392789; ideal = 7 + 3/log2(3) + 1/2 = 9.392789
    judgments = {"a": 3, "b": 2, "c": 1}
    assert ndcg(["c", "b", "a"], judgments) == pytest.approx(6.392789 / 9.392789, abs=1e-6)


def test_ndcg_counts_relevant_results_not_found_in_the_ideal():
    # Only "a" found, at rank 2: 7/log2(3) against the ideal 7 + 3/log2(3) = 8.892789
    judgments = {"a": 3, "b": 2}
    assert ndcg(["x", "a"], judgments) == pytest.approx(4.416508 / 8.892789, abs=1e-6)


def test_ndcg_ignores_results_beyond_k():
    judgments = {"a": 3}
    ranking = [f"x{i}" for i in range(10)] + ["a"]
    assert ndcg(ranking, judgments, k=10) == 0.0
    assert ndcg(ranking, judgments, k=11) == pytest.approx(7 / math.log2(12) / 7)


def test_ndcg_of_nothing_found_is_zero():
    assert ndcg([], {"a": 1}) == 0.0


def test_ndcg_refuses_a_query_without_relevant_judgment_or_a_repeated_result():
    with pytest.raises(ValueError, match="judgment"):
        ndcg(["a"], {"a": 0})
    with pytest.raises(ValueError, match="once"):
        ndcg(["a", "a"], {"a": 3})


# --- The dataset and the judgments are what they claim ------------------------------------


def _vocabulary_codes() -> dict[str, str]:
    with DEFAULT_VOCABULARY.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["facet"] for row in csv.DictReader(handle)}


def test_the_dataset_has_80_distinct_organisations_with_valid_sirets():
    assert len(ORGANISATIONS) == 80
    assert len({slug_of(r) for r in ORGANISATIONS}) == len(ORGANISATIONS)
    assert len({r.siret for r in ORGANISATIONS}) == len(ORGANISATIONS)
    for record in ORGANISATIONS:
        assert luhn.is_valid(record.siret), record.name
        assert luhn.is_valid(record.siret[:9]), record.name  # the SIREN
        assert stdnum_siret.is_valid(record.siret), record.name


def test_the_dataset_lies_in_bourgogne_franche_comte_at_real_postcodes():
    for record in ORGANISATIONS:
        place = place_of_postcode(record.postcode)
        assert place is not None, record.name
        assert place.region == BOURGOGNE_FRANCHE_COMTE, record.name
        assert record.city in place.communes, record.name


def test_the_dataset_uses_the_projects_vocabulary_and_clusters():
    codes = _vocabulary_codes()
    cluster_slugs = {cluster["slug"] for cluster in CLUSTERS}
    used_facets = set()
    for record in ORGANISATIONS:
        assert set(record.terms) <= codes.keys(), record.name
        assert len(set(record.terms)) == len(record.terms), record.name
        assert set(record.clusters) <= cluster_slugs, record.name
        used_facets |= {codes[code] for code in record.terms}
        for _feature, _um, process in record.tolerances:
            assert process is None or codes[process] == "process", record.name
    assert used_facets == {"process", "material", "market", "certification"}


def test_the_dataset_mixes_languages_and_styles():
    with_english = sum(1 for r in ORGANISATIONS if r.description_en)
    assert 30 <= with_english <= 50  # about half
    assert any(r.profile_fr and not r.profile_en for r in ORGANISATIONS)  # French only
    assert any(not r.profile_fr and not r.terms for r in ORGANISATIONS)  # nothing but a name
    assert any(r.profile_fr and len(r.profile_fr) < 100 for r in ORGANISATIONS)  # terse


def test_the_judgments_are_graded_on_the_dataset():
    slugs = {slug_of(r) for r in ORGANISATIONS}
    assert len(QUERIES) >= 40
    assert len({q.text for q in QUERIES}) == len(QUERIES)
    for query in QUERIES:
        assert set(query.grades) <= slugs, (query.text, set(query.grades) - slugs)
        assert set(query.grades.values()) <= {1, 2, 3}, query.text
        assert 3 in query.grades.values(), query.text


# --- The dataset loads through the services ----------------------------------------------


@pytest.mark.django_db
def test_the_dataset_is_built_through_the_services(relevance_dataset):
    assert set(relevance_dataset) == {slug_of(r) for r in ORGANISATIONS}
    assert Organisation.objects.count() == len(ORGANISATIONS)
    assert Term.objects.count() == len(_vocabulary_codes())
    assert Capability.objects.count() == sum(len(r.terms) for r in ORGANISATIONS)
    assert CapabilityProfile.objects.count() == sum(
        1 for r in ORGANISATIONS if r.profile_fr or r.profile_en
    )
    assert Equipment.objects.count() == sum(len(r.equipment) for r in ORGANISATIONS)
    assert Tolerance.objects.count() == sum(len(r.tolerances) for r in ORGANISATIONS)
    assert ClusterMembership.objects.count() == sum(len(r.clusters) for r in ORGANISATIONS)
    loue = relevance_dataset["decolletage-de-la-loue"]
    assert loue.departement == "25"
    assert loue.siren == "619390719"


# --- The search quality ------------------------------------------------------------------


def _report(scores: list[tuple[float, Judged, list[str]]], mean: float) -> str:
    """Why the test failed: the worst queries with what came first (grade in brackets)."""
    lines = [f"mean nDCG@{K} = {mean:.3f} (threshold {THRESHOLD}) over {len(scores)} queries"]
    lines.append("worst queries, with the first results and their grades:")
    for score, query, ranking in sorted(scores, key=lambda row: row[0])[:8]:
        found = ", ".join(f"{slug}[{query.grades.get(slug, 0)}]" for slug in ranking[:5])
        lines.append(f"  {score:.3f}  {query.text!r}: {found or '(nothing)'}")
    lines.append("every query:")
    lines += [f"  {score:.3f}  {query.text}" for score, query, _ranking in scores]
    return "\n".join(lines)


@pytest.mark.django_db
def test_search_ranks_what_a_buyer_wants_first(relevance_dataset):
    scores = []
    for query in QUERIES:
        result = search(SearchQuery(text=query.text, limit=K))
        ranking = [hit.slug for hit in result.hits]
        scores.append((ndcg(ranking, query.grades, k=K), query, ranking))
    mean = statistics.fmean(score for score, _query, _ranking in scores)
    assert mean >= THRESHOLD, _report(scores, mean)
