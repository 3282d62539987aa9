"""A first import of a directory chooses the tokens that get a bitmap (see
`grappe.directory.search.matching`). Apart from the quality test's dataset, which the other
module keeps for all its tests: here the import is the whole directory."""

import pytest

from grappe.directory.search import bitmaps, matching
from grappe.directory.search.service import search
from grappe.directory.search.types import SearchQuery
from grappe.directory.transfer.importing import import_organisations_file
from tests.directory.search_data import load_project_vocabulary
from tests.directory.test_search_token_bitmaps import assert_token_bitmaps_exact
from tests.directory.transfer_helpers import csv_bytes

pytestmark = pytest.mark.django_db


def test_a_large_import_chooses_the_frequent_tokens(monkeypatch):
    monkeypatch.setattr(matching, "FREQUENT", 8)
    load_project_vocabulary()
    rows = [["name", "description_fr", "processes"]]
    rows += [[f"Atelier {n:02d}", "Usinage de précision.", "decolletage"] for n in range(12)]
    rows += [[f"Bureau {n:02d}", "Études mécaniques.", ""] for n in range(3)]

    import_organisations_file(actor=None, content=csv_bytes(rows), filename="ateliers.csv")

    tokens = bitmaps.load().tokens
    assert {"usinag", "precis", "atelier", "zzdecolletage"} <= tokens.keys()
    assert "bureau" not in tokens  # in 3 documents only
    assert_token_bitmaps_exact()
    assert search(SearchQuery(text="usinage précision")).count == 12
    assert search(SearchQuery(text="bureau études")).count == 3
