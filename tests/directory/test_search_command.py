"""`grappe search`: the same results as the service, as JSON or as a table."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from grappe.directory.search.index import reindex_organisations
from grappe.directory.search.serialise import hit_to_dict
from grappe.directory.search.service import search
from grappe.directory.search.types import MAX_LIMIT, SearchQuery
from tests.directory.search_data import build_small_directory
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    return build_small_directory()


def run(*args: str) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("search", *args, stdout=out)
    return out.getvalue()


def test_json_is_the_list_of_results_of_the_service(directory):
    printed = json.loads(run("vis orthopédiques titane", "--json"))
    expected = [
        hit_to_dict(hit) for hit in search(SearchQuery(text="vis orthopédiques titane")).hits
    ]
    assert printed == expected
    assert printed[0]["name"] == "Alpha Décolletage"
    assert set(printed[0]) == {"siret", "name", "slug", "score", "matched", "snippet"}
    assert printed[0]["siret"] == directory["alpha"].siret


def test_the_table_lists_rank_score_name_siret_and_what_matched(directory):
    lines = run("décolletage").splitlines()
    assert lines[0].split()[:4] == ["#", "score", "name", "SIRET"]
    assert "Alpha Décolletage" in lines[1] or "Alpha Décolletage" in lines[2]
    assert any("process: decolletage" in line for line in lines[1:])
    assert len(lines) == 3


def test_the_table_says_when_nothing_is_found(directory):
    assert run("zzzzzz").strip() == "No organisation found."


def test_the_empty_query_lists_every_organisation(directory):
    printed = json.loads(run("--json"))
    assert len(printed) == 7
    assert [hit["name"] for hit in printed] == sorted(hit["name"] for hit in printed)


def test_the_limit_may_be_any_positive_number(directory):
    assert len(json.loads(run("", "--limit", "2", "--json"))) == 2
    organisations = OrganisationFactory.create_batch(MAX_LIMIT)
    reindex_organisations([o.pk for o in organisations])
    assert len(json.loads(run("", "--limit", "1000", "--json"))) == MAX_LIMIT + 7
    assert len(json.loads(run("", "--limit", str(MAX_LIMIT + 3), "--json"))) == MAX_LIMIT + 3
    assert len(json.loads(run("", "--json"))) == MAX_LIMIT + 7


@pytest.mark.parametrize("limit", ["0", "-3", "abc", "1.5"])
def test_a_limit_that_is_not_a_positive_number_is_refused(directory, limit):
    with pytest.raises(CommandError, match="--limit must be a positive whole number"):
        run("titane", f"--limit={limit}")


def test_facet_options_filter(directory):
    printed = json.loads(run("--process", "decolletage", "--market", "luxe", "--json"))
    assert [hit["name"] for hit in printed] == ["Beta Horlogerie"]
    printed = json.loads(run("--departement", "39", "--departement", "74", "--json"))
    assert {hit["name"] for hit in printed} == {"Gamma Érosion", "Zeta Traitements"}
