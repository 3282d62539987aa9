"""Random bodies and query strings never make the API fail: every answer is below 500."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import FeeRateFactory, MembershipFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

FIELDS = [
    "name", "kind", "siren", "siret", "naf_code", "headcount_band", "postcode", "country",
    "website", "dues_category", "first_name", "last_name", "email", "phone", "role",
    "directory_consent", "organisation", "year", "fee", "status", "reason", "invoiced_on",
    "paid_on",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["", "25000", "99999", "2026-02-30", "2026-01-01", "-1", "1e9", "lab", "NaN"]),
)
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(), scalars))
bodies = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), values, max_size=6),
    values,
)
FUZZ = settings(
    max_examples=40,
    database=None,  # no example database left in the work tree
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def world():
    organisation = OrganisationFactory(slug="cible")
    person = PersonFactory()
    membership = MembershipFactory(organisation=organisation, year=2024)
    FeeRateFactory()
    return {"person": person.pk, "membership": membership.pk}


WRITES = [
    ("post", "/organisations"),
    ("patch", "/organisations/cible"),
    ("post", "/organisations/cible/people"),
    ("patch", "/people/{person}"),
    ("post", "/memberships"),
    ("post", "/memberships/renew"),
    ("post", "/memberships/{membership}/status"),
    ("post", "/memberships/{membership}/invoice"),
    ("post", "/memberships/{membership}/payment"),
]


@pytest.mark.parametrize(("method", "path"), WRITES)
@FUZZ
@given(body=bodies)
def test_writes_never_fail(staff_api, world, method, path, body):
    response = getattr(staff_api, method)(path.format(**world), raw=json.dumps(body))
    assert response.status_code < 500, response.content


READS = ["/organisations", "/people", "/memberships", "/clusters"]
PARAMS = ["q", "kind", "cluster", "departement", "members_only", "organisation", "year",
          "status", "limit", "offset"]  # fmt: skip


@pytest.mark.parametrize("path", READS)
@FUZZ
@given(params=st.dictionaries(st.sampled_from(PARAMS), st.text(max_size=25), max_size=4))
def test_reads_never_fail(staff_api, world, path, params):
    response = staff_api.get(path, params)
    assert response.status_code < 500, response.content
