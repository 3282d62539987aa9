import json

import pytest
from django.test import Client

from grappe.core.services import create_api_token
from tests.factories import OrganisationFactory, StaffUserFactory, UserFactory, member_contact

API = "/api/v1"


class ApiClient:
    """The Django test client speaking JSON to the API, with a bearer token or none."""

    def __init__(self, token: str | None = None):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, params: dict | None = None, **headers):
        return self.client.get(API + path, params or {}, headers={**self.headers, **headers})

    def post(self, path: str, data=None, *, raw: str | None = None):
        body = raw if raw is not None else json.dumps(data if data is not None else {})
        return self.client.post(
            API + path, body, content_type="application/json", headers=self.headers
        )

    def patch(self, path: str, data=None, *, raw: str | None = None):
        body = raw if raw is not None else json.dumps(data if data is not None else {})
        return self.client.patch(
            API + path, body, content_type="application/json", headers=self.headers
        )


def error_fields(response) -> list[str]:
    """The fields named by a 422 response, e.g. ["siret"] for loc ["body", "siret"]."""
    assert response.status_code == 422, response.content
    return [".".join(str(part) for part in error["loc"][1:]) for error in response.json()["detail"]]


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    # WhiteNoise warns (an error under filterwarnings) when STATIC_ROOT does not exist,
    # which is the case before the first `collectstatic`.
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()


@pytest.fixture
def api_as():
    """An API client with a fresh token of `user`, or the anonymous public for None."""

    def make(user=None) -> ApiClient:
        if user is None:
            return ApiClient()
        return ApiClient(create_api_token(user=user, name="tests").raw)

    return make


@pytest.fixture
def anonymous_api(db, api_as):
    return api_as(None)


@pytest.fixture
def api_staff(db):
    return StaffUserFactory(username="api-staff")


@pytest.fixture
def staff_api(api_as, api_staff):
    return api_as(api_staff)


@pytest.fixture
def member_org(db):
    return OrganisationFactory(name="Décolletage Comtois", slug="decolletage-comtois")


@pytest.fixture
def member_api_user(member_org):
    return member_contact(organisation=member_org, username="api-member")


@pytest.fixture
def member_api(api_as, member_api_user):
    return api_as(member_api_user)


@pytest.fixture
def outsider_api(db, api_as):
    """Signed in, but the contact of no organisation."""
    return api_as(UserFactory(username="api-outsider"))
