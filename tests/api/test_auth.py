"""Token authentication, the OpenAPI schema and the offline documentation."""

import re

import pytest
from django.test import Client

from grappe.core.models import ApiToken
from grappe.core.services import create_api_token, revoke_api_token
from tests.api.conftest import API, ApiClient
from tests.factories import OrganisationFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(slug="horlogerie-doubs", siret="73282932000074")


def test_no_token_is_the_public(organisation):
    response = ApiClient().get("/organisations/horlogerie-doubs")
    assert response.status_code == 200
    body = response.json()
    assert body["view"] == "public"
    assert body["siret"] == "73282932000074"  # a public identifier (Sirene open data)
    assert "naf_code" not in body


def test_valid_token_authenticates_and_marks_the_token_used(organisation):
    staff = StaffUserFactory()
    issued = create_api_token(user=staff, name="script")
    response = ApiClient(issued.raw).get("/organisations/horlogerie-doubs")
    assert response.status_code == 200
    assert response.json()["view"] == "full"
    assert response.json()["siret"] == "73282932000074"
    assert ApiToken.objects.get(pk=issued.token.pk).last_used_at is not None


def test_revoked_token_is_401_not_anonymous(organisation):
    staff = StaffUserFactory()
    issued = create_api_token(user=staff, name="script")
    revoke_api_token(token=issued.token, actor=staff)
    response = ApiClient(issued.raw).get("/organisations/horlogerie-doubs")
    assert response.status_code == 401
    assert response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_token_of_a_deactivated_user_is_401(organisation):
    staff = StaffUserFactory()
    issued = create_api_token(user=staff, name="script")
    staff.is_active = False
    staff.save(update_fields=["is_active"])
    assert ApiClient(issued.raw).get("/organisations").status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer grp_not-a-real-token", "Bearer", "Bearer   ", "Token abc", "Basic dXNlcjpwYXNz", ""],
)
def test_invalid_or_malformed_authorization_is_401(organisation, header):
    response = Client().get(f"{API}/organisations", headers={"Authorization": header})
    assert response.status_code == 401
    assert "detail" in response.json()


def test_the_browser_session_is_ignored(client, organisation):
    """A signed-in staff browser without a token is the public: no cookie acts on the API."""
    client.force_login(StaffUserFactory())
    response = client.get(f"{API}/organisations/horlogerie-doubs")
    assert response.json()["view"] == "public"
    response = client.post(
        f"{API}/organisations", {"name": "Cookie Corp"}, content_type="application/json"
    )
    assert response.status_code == 401


def test_anonymous_write_asks_for_a_token():
    response = ApiClient().post("/organisations", {"name": "Anonyme SARL"})
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_openapi_schema_lists_the_endpoints_and_the_bearer_scheme():
    response = Client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    for path in (
        "/api/v1/organisations",
        "/api/v1/organisations/{slug}",
        "/api/v1/organisations/{slug}/people",
        "/api/v1/people",
        "/api/v1/people/{person_id}",
        "/api/v1/memberships",
        "/api/v1/memberships/renew",
        "/api/v1/memberships/{membership_id}/status",
        "/api/v1/memberships/{membership_id}/invoice",
        "/api/v1/memberships/{membership_id}/payment",
        "/api/v1/clusters",
        "/api/v1/clusters/{slug}",
    ):
        assert path in schema["paths"], path
    assert schema["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
    assert not any("docs/assets" in path for path in schema["paths"])


def test_docs_page_loads_only_local_assets():
    client = Client()
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    for source in sources:
        assert source.startswith("/api/v1/docs/assets/"), source
        asset = client.get(source)
        assert asset.status_code == 200, source
        assert b"".join(asset.streaming_content)


def test_docs_assets_serve_only_known_files():
    assert Client().get(f"{API}/docs/assets/..%2Fmain.py").status_code == 404
    assert Client().get(f"{API}/docs/assets/redoc.standalone.js").status_code == 404
