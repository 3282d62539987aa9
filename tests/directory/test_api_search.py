"""GET /api/v1/directory/search: public, the same results as the command, bounded input;
never a 500."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grappe.core.models import Facet
from grappe.core.services import create_api_token
from grappe.directory import services
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    StaffUserFactory,
    TermFactory,
    UserFactory,
    member_contact,
    valid_siret,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/directory/search"


def get(params=None, token: str | None = None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return Client().get(URL, params or {}, headers=headers)


def token_of(user) -> str:
    return create_api_token(user=user, name="tests").raw


@pytest.fixture
def staff():
    return StaffUserFactory(username="api-staff")


@pytest.fixture
def terms():
    return {
        "decolletage": TermFactory(
            code="decolletage",
            facet=Facet.PROCESS,
            label_fr="Décolletage",
            label_en="Swiss-type bar turning",
            synonyms_en=["swiss turning"],
        ),
        "titane": TermFactory(
            code="titane", facet=Facet.MATERIAL, label_fr="Titane", label_en="Titanium"
        ),
        "medical": TermFactory(code="medical", facet=Facet.MARKET, label_fr="Médical"),
        "iso_13485": TermFactory(code="iso_13485", facet=Facet.CERTIFICATION, label_fr="ISO 13485"),
    }


def build(staff, name, *terms, text_fr="", **fields):
    organisation = OrganisationFactory(name=name, **fields)
    services.set_capabilities(actor=staff, organisation=organisation, terms=terms)
    if text_fr:
        services.update_capability_profile(
            actor=staff, organisation=organisation, text_fr=text_fr, text_en=""
        )
    return organisation


@pytest.fixture
def directory(staff, terms):
    comtois = build(
        staff,
        "Décolletage Comtois",
        terms["decolletage"],
        terms["titane"],
        terms["medical"],
        terms["iso_13485"],
        text_fr="Vis orthopédiques en titane, décolletage de précision.",
        departement="25",
        headcount_band="21",
    )
    MembershipFactory(organisation=comtois)
    build(staff, "Jura Usinage", terms["titane"], text_fr="Usinage du titane.", departement="39")
    build(staff, "Atelier Horloger", terms["decolletage"], departement="25", kind="lab")
    return comtois


def test_public_search_returns_the_contract(directory):
    response = get({"q": "décolletage titane"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"count", "results", "facets"}
    assert data["count"] >= 1
    first = data["results"][0]
    assert first["name"] == "Décolletage Comtois"
    assert {"siret", "name", "score", "matched", "snippet", "slug"} <= set(first)
    assert isinstance(first["score"], float)
    assert "decolletage" in first["matched"].get("process", [])
    assert "<mark>" in first["snippet"]


def test_empty_query_lists_every_organisation_by_name(directory):
    data = get().json()
    assert data["count"] == 3
    assert [hit["name"] for hit in data["results"]] == [
        "Atelier Horloger",
        "Décolletage Comtois",
        "Jura Usinage",
    ]


def test_public_sees_the_siret_but_no_headcount_counts(directory):
    data = get().json()
    sirets = {hit["name"]: hit["siret"] for hit in data["results"]}
    assert sirets["Décolletage Comtois"] == directory.siret
    assert "headcount_band" not in data["facets"]
    assert {"process", "material", "market", "certification", "departement", "kind"} <= set(
        data["facets"]
    )


@pytest.mark.parametrize("who", ["staff", "member"])
def test_members_and_staff_get_every_field(who, directory, staff):
    user = staff if who == "staff" else member_contact(organisation=directory)
    data = get({"q": "décolletage"}, token=token_of(user)).json()
    sirets = {hit["name"]: hit["siret"] for hit in data["results"]}
    assert sirets["Décolletage Comtois"] == directory.siret
    assert "headcount_band" in data["facets"]
    members = get({"members_only": "true"}, token=token_of(user)).json()
    assert [hit["name"] for hit in members["results"]] == ["Décolletage Comtois"]
    by_band = get({"headcount_band": "21"}, token=token_of(user)).json()
    assert [hit["name"] for hit in by_band["results"]] == ["Décolletage Comtois"]


@pytest.mark.parametrize("params", [{"members_only": "true"}, {"headcount_band": "21"}])
def test_restricted_filters_are_refused_to_the_public(directory, params):
    assert get(params).status_code == 401
    outsider = token_of(UserFactory(username="api-outsider"))
    response = get(params, token=outsider)
    assert response.status_code == 403
    assert "detail" in response.json()


def test_repeated_facet_values_are_ored_and_facets_anded(directory):
    both = get({"departement": ["25", "39"]}).json()
    assert both["count"] == 3
    narrowed = get({"departement": ["25", "39"], "process": "decolletage", "kind": "lab"}).json()
    assert [hit["name"] for hit in narrowed["results"]] == ["Atelier Horloger"]


def test_facet_counts_come_with_labels(directory):
    data = get().json()
    process = {facet["value"]: facet for facet in data["facets"]["process"]}
    assert process["decolletage"]["count"] == 2
    assert process["decolletage"]["label"]


def test_limit_and_offset_page_through_the_results(staff, terms):
    for number in range(7):
        build(staff, f"Organisation {number}", terms["titane"], siret=valid_siret(300 + number))
    first = get({"limit": 3}).json()
    second = get({"limit": 3, "offset": 3}).json()
    assert first["count"] == second["count"] == 7
    assert [hit["name"] for hit in first["results"]] == [f"Organisation {n}" for n in range(3)]
    assert [hit["name"] for hit in second["results"]] == [f"Organisation {n}" for n in range(3, 6)]
    assert get({"offset": 100}).json()["results"] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"limit": -1}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": "x"}, "offset"),
        ({"q": "x" * 10_001}, "q"),
        ({"process": "x" * 101}, "process"),
        ({"members_only": "maybe"}, "members_only"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(directory, params, field):
    response = get(params)
    assert response.status_code == 422
    locations = [error["loc"] for error in response.json()["detail"]]
    assert any(field in location for location in locations), locations


def test_limit_bounds_are_accepted(directory):
    assert get({"limit": 1}).status_code == 200
    assert len(get({"limit": 200}).json()["results"]) == 3


@pytest.mark.parametrize(
    "q",
    [
        "x" * 10_000,
        '"décolletage',
        "titane*",
        "NEAR(titane décolletage)",
        "'; DROP TABLE members_organisation; --",
        "((titane",
        "titane))",
        "a\x01b\x1f\x7fc\u202e",
        "AND OR NOT ^ : - +",
    ],
)
def test_odd_queries_are_answered_normally(directory, q):
    response = get({"q": q})
    assert response.status_code == 200
    assert set(response.json()) == {"count", "results", "facets"}


def test_nul_character_is_not_a_server_error(directory):
    assert get({"q": "titane\x00"}).status_code < 500
    assert get({"process": "a\x00"}).status_code == 422


def test_bad_token_is_401(directory):
    response = get(token="grp_not-a-token")
    assert response.status_code == 401


def test_results_are_the_json_of_the_command(directory, staff):
    out = StringIO()
    call_command("search", "vis titane", "--json", "--limit", "10", stdout=out)
    from_command = json.loads(out.getvalue())
    from_api = get({"q": "vis titane", "limit": 10}, token=token_of(staff)).json()["results"]
    assert from_api == from_command


def test_search_is_in_the_openapi_schema():
    schema = Client().get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/directory/search"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "limit", "offset", "process", "cluster", "departement"} <= names


FUZZ = settings(
    max_examples=40,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PARAMS = ["q", "limit", "offset", *("process", "material", "market", "certification"),
          "cluster", "departement", "headcount_band", "kind", "members_only"]  # fmt: skip


@FUZZ
@given(params=st.dictionaries(st.sampled_from(PARAMS), st.text(max_size=40), max_size=5))
def test_random_query_strings_never_fail(directory, params):
    assert get(params).status_code < 500
