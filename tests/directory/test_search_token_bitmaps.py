"""Frequent tokens matched with bitmaps: the same results as the full-text index alone, and
bitmaps kept exact by every change.

`matching.FREQUENT` is lowered so that the 80 organisations of the quality test have token
bitmaps, as a national directory has for "usinage" or "ISO 9001". Each token bitmap is
checked against the full-text index itself (the backend asked for that one token)."""

import pytest

from grappe.directory.search import bitmaps, matching
from grappe.directory.search.engines import backend
from grappe.directory.search.index import reindex_all
from grappe.directory.search.service import search
from grappe.directory.search.types import SearchQuery
from grappe.directory.services import update_capability_profile
from grappe.directory.transfer.importing import import_organisations_file
from tests.directory.relevance.judgments import QUERIES
from tests.directory.search_data import supplier
from tests.directory.transfer_helpers import csv_bytes

pytestmark = pytest.mark.django_db

FILTERED = (
    SearchQuery(text="décolletage", certification=("iso_13485",)),
    SearchQuery(text="usinage titane", departement=("25",)),
    SearchQuery(text="micro usinage laser", process=("decoupe_laser",), limit=5, offset=3),
    SearchQuery(text="implants", members_only=True),
    SearchQuery(text="pièces précision médical horlogerie aéronautique", kind=("company",)),
)


def outcome(query: SearchQuery) -> tuple:
    result = search(query)
    return (
        result.count,
        [(hit.organisation_id, hit.score) for hit in result.hits],
        {name: [(f.value, f.count) for f in values] for name, values in result.facets.items()},
    )


def every_query() -> list[SearchQuery]:
    return [SearchQuery(text=judged.text) for judged in QUERIES] + list(FILTERED)


def assert_token_bitmaps_exact() -> None:
    """Every token bitmap holds exactly the documents the full-text index finds for it."""
    tokens = bitmaps.load().tokens
    assert tokens, "no token has a bitmap: the test would not test them"
    names = sorted(tokens)
    found = backend().clause_bitmaps([((name,),) for name in names])
    wrong = [name for name, bits in zip(names, found, strict=True) if tokens[name] != bits]
    assert not wrong


@pytest.fixture
def frequent(monkeypatch):
    """A token in 8 of the documents or more is frequent."""
    monkeypatch.setattr(matching, "FREQUENT", 8)


def test_results_are_the_same_with_and_without_token_bitmaps(relevance_dataset, db, frequent):
    without = {query: outcome(query) for query in every_query()}
    assert not bitmaps.load().tokens
    for _done in reindex_all():
        pass
    assert len(bitmaps.load().tokens) > 50
    assert_token_bitmaps_exact()
    with_bitmaps = {query: outcome(query) for query in every_query()}
    assert with_bitmaps == without
    assert sum(count for count, _hits, _facets in without.values()) > 0


def test_changes_keep_the_token_bitmaps_exact(relevance_dataset, db, frequent):
    for _done in reindex_all():
        pass
    tokens = bitmaps.load().tokens
    assert "usinag" in tokens
    assert "electroerosion" not in tokens
    before = search(SearchQuery(text="usinage")).count

    organisation = supplier(
        "Atelier Vuillemin", city="Morteau", text_fr="Usinage et électroérosion."
    )

    assert_token_bitmaps_exact()
    assert bitmaps.has(bitmaps.members(bitmaps.load().tokens["usinag"]), organisation.pk)
    assert search(SearchQuery(text="usinage")).count == before + 1
    # a rare token gets no bitmap on a change, and is still found through the index
    assert "electroerosion" not in bitmaps.load().tokens
    assert organisation.pk in hit_ids(SearchQuery(text="électroérosion", limit=100))

    update_capability_profile(
        actor=None, organisation=organisation, text_fr="Électroérosion seulement.", text_en=""
    )

    assert_token_bitmaps_exact()
    assert search(SearchQuery(text="usinage")).count == before
    assert organisation.pk not in hit_ids(SearchQuery(text="usinage", limit=100))


def hit_ids(query: SearchQuery) -> list[int]:
    return [hit.organisation_id for hit in search(query).hits]


def test_a_small_import_keeps_the_tokens_chosen(relevance_dataset, db, frequent):
    for _done in reindex_all():
        pass
    chosen = set(bitmaps.load().tokens)
    rows = [["name", "description_fr"], ["Atelier Neuf", "Usinage de précision, horlogerie."]]

    import_organisations_file(actor=None, content=csv_bytes(rows), filename="un.csv")

    assert set(bitmaps.load().tokens) == chosen
    assert_token_bitmaps_exact()
