"""Bad input: a 422 naming the field (400 for a body that is not JSON), nothing written,
never a 500."""

import pytest

from grappe.core.models import ActivityLog
from grappe.members.models import Membership, Organisation, Person
from tests.api.conftest import error_fields
from tests.factories import (
    AffiliationFactory,
    FeeRateFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    valid_siret,
)

pytestmark = pytest.mark.django_db


def database_counts() -> tuple[int, ...]:
    return (
        Organisation.objects.count(),
        Person.objects.count(),
        Membership.objects.count(),
        ActivityLog.objects.count(),
    )


@pytest.fixture
def unchanged(db):
    """Assert, after the test, that nothing was written to the database."""
    before = database_counts()
    yield
    assert database_counts() == before


@pytest.fixture
def existing():
    organisation = OrganisationFactory(name="Existante", slug="existante", siret=valid_siret(1))
    person = PersonFactory(email="deja@example.org")
    AffiliationFactory(person=person, organisation=organisation)
    membership = MembershipFactory(organisation=organisation, year=2024)
    FeeRateFactory()
    return {"organisation": organisation, "person": person, "membership": membership}


ORGANISATION_CASES = [
    pytest.param({"name": "A", "siret": "12345678901234"}, "siret", id="invalid-siret"),
    pytest.param({"name": "A", "siret": valid_siret(1)}, "siret", id="siret-already-used"),
    pytest.param({"name": "A", "postcode": "99999"}, "postcode", id="postcode-does-not-exist"),
    pytest.param({"name": "A", "kind": "spaceship"}, "kind", id="unknown-kind"),
    pytest.param({"name": "A", "dues_category": "vip"}, "dues_category", id="unknown-dues"),
    pytest.param({"name": "A", "headcount_band": "99"}, "headcount_band", id="unknown-band"),
    pytest.param({"name": "A", "naf_code": "2562B"}, "naf_code", id="invalid-naf"),
    pytest.param({"name": "A", "siren": "123"}, "siren", id="invalid-siren"),
    pytest.param({"name": "A", "website": "not a url"}, "website", id="invalid-website"),
    pytest.param({"name": ""}, "name", id="blank-name"),
    pytest.param({"name": "x" * 300}, "name", id="name-too-long"),
    pytest.param({"kind": "lab"}, "name", id="missing-name"),
    pytest.param({"name": 42}, "name", id="name-wrong-type"),
    pytest.param({"name": ["A"]}, "name", id="name-is-a-list"),
    pytest.param({"name": "A\x00B"}, "name", id="nul-character"),
    pytest.param({"name": "A", "colour": "red"}, "colour", id="unknown-field"),
]


@pytest.mark.parametrize(("payload", "field"), ORGANISATION_CASES)
def test_create_organisation_rejects(staff_api, existing, unchanged, payload, field):
    response = staff_api.post("/organisations", payload)
    assert field in error_fields(response)
    error = response.json()["detail"][0]
    assert error["msg"]
    assert error["type"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        pytest.param({"siret": "12345678901234"}, "siret", id="invalid-siret"),
        pytest.param({"siret": valid_siret(1)}, "siret", id="siret-already-used"),
        pytest.param({"postcode": "00000"}, "postcode", id="postcode-does-not-exist"),
        pytest.param({"kind": "spaceship"}, "kind", id="unknown-kind"),
        pytest.param({"name": None}, "name", id="null-name"),
        pytest.param({"name": ""}, "name", id="blank-name"),
    ],
)
def test_update_organisation_rejects(staff_api, existing, payload, field):
    other = OrganisationFactory(name="Autre", siret=valid_siret(2))
    before = (other.name, other.siret, other.postcode, other.kind)
    counts = database_counts()
    response = staff_api.patch(f"/organisations/{other.slug}", payload)
    assert field in error_fields(response)
    other.refresh_from_db()
    assert (other.name, other.siret, other.postcode, other.kind) == before
    assert database_counts() == counts


PERSON_CASES = [
    pytest.param({"email": "deja@example.org"}, "email", id="email-already-used"),
    pytest.param({"email": "DEJA@example.org"}, "email", id="email-already-used-other-case"),
    pytest.param({"email": "not-an-email"}, "email", id="invalid-email"),
    pytest.param({"phone": "12"}, "phone", id="invalid-phone"),
    pytest.param({"phone": "abc"}, "phone", id="not-a-phone"),
    pytest.param({"role": "boss"}, "role", id="unknown-role"),
    pytest.param({"directory_consent": "perhaps"}, "directory_consent", id="bool-wrong-type"),
    pytest.param({"first_name": ""}, "first_name", id="blank-first-name"),
]


@pytest.mark.parametrize(("extra", "field"), PERSON_CASES)
def test_create_person_rejects(staff_api, existing, unchanged, extra, field):
    payload = {"first_name": "Zoé", "last_name": "Nouvelle", **extra}
    response = staff_api.post("/organisations/existante/people", payload)
    assert field in error_fields(response)


def test_update_person_with_a_used_email_is_422(staff_api, existing):
    person = PersonFactory(email="libre@example.org")
    before = database_counts()
    response = staff_api.patch(f"/people/{person.pk}", {"email": "deja@example.org"})
    assert error_fields(response) == ["email"]
    person.refresh_from_db()
    assert person.email == "libre@example.org"
    assert database_counts() == before


MEMBERSHIP_CASES = [
    pytest.param({"fee": "-1"}, "fee", id="negative-fee"),
    pytest.param({"fee": -0.01}, "fee", id="negative-fee-number"),
    pytest.param({"fee": "lots"}, "fee", id="fee-not-a-number"),
    pytest.param({"fee": "1e12"}, "fee", id="fee-too-large"),
    pytest.param({"fee": "NaN"}, "fee", id="fee-nan"),
    pytest.param({"year": 2024}, None, id="year-already-has-one"),
    pytest.param({"year": 1999}, "year", id="year-before-the-pole"),
    pytest.param({"year": 10**20}, "year", id="year-huge"),
    pytest.param({"year": "next"}, "year", id="year-wrong-type"),
    pytest.param({"organisation": "nowhere"}, "organisation", id="unknown-organisation"),
]


@pytest.mark.parametrize(("extra", "field"), MEMBERSHIP_CASES)
def test_create_membership_rejects(staff_api, existing, unchanged, extra, field):
    payload = {"organisation": "existante", "year": 2030, "fee": "100", **extra}
    response = staff_api.post("/memberships", payload)
    assert response.status_code == 422, response.content
    if field is not None:
        assert field in error_fields(response)


@pytest.mark.parametrize(
    ("path", "payload", "field"),
    [
        pytest.param("invoice", {"invoiced_on": "yesterday"}, "invoiced_on", id="bad-date"),
        pytest.param("invoice", {"invoiced_on": "2026-02-30"}, "invoiced_on", id="no-such-day"),
        pytest.param("payment", {"paid_on": 20260101}, "paid_on", id="date-wrong-type"),
        pytest.param("status", {"status": None}, "status", id="null-status"),
        pytest.param("status", {}, "status", id="missing-status"),
    ],
)
def test_membership_actions_reject(staff_api, existing, unchanged, path, payload, field):
    membership = existing["membership"]
    response = staff_api.post(f"/memberships/{membership.pk}/{path}", payload)
    assert field in error_fields(response)


@pytest.mark.parametrize("year", [1999, 3000, "last", None])
def test_renew_rejects_a_bad_year(staff_api, existing, unchanged, year):
    assert "year" in error_fields(staff_api.post("/memberships/renew", {"year": year}))


@pytest.mark.parametrize(
    "raw",
    ['{"name": "A"', "not json at all", "[1, 2", '{"name": "\\ud800"}', "\u00e9\u00e9"],
)
def test_malformed_json_is_a_client_error(staff_api, existing, unchanged, raw):
    response = staff_api.post("/organisations", raw=raw)
    assert response.status_code in (400, 422)
    assert "detail" in response.json()


@pytest.mark.parametrize("raw", ["[]", "null", '"text"', "42"])
def test_body_of_the_wrong_shape_is_422(staff_api, existing, unchanged, raw):
    response = staff_api.post("/organisations", raw=raw)
    assert response.status_code == 422
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/organisations", {"kind": "spaceship"}),
        ("/organisations", {"q": "a\x00b"}),
        ("/organisations", {"members_only": "perhaps"}),
        ("/organisations", {"limit": "many"}),
        ("/organisations", {"offset": str(10**30)}),
        ("/people", {"organisation": "a\x00b"}),
        ("/memberships", {"year": "last"}),
        ("/memberships", {"year": str(10**30)}),
        ("/memberships", {"status": "frozen"}),
    ],
)
def test_bad_query_parameters_are_422(staff_api, path, params):
    response = staff_api.get(path, params)
    assert response.status_code == 422, response.content


@pytest.mark.parametrize(
    "path",
    [
        "/organisations/a%00b",
        "/organisations/%C3%A9t%C3%A9",
        "/people/99999999999999999999999",
        "/people/abc",
        "/clusters/a%00b",
    ],
)
def test_odd_paths_are_404(staff_api, path):
    assert staff_api.get(path).status_code == 404
