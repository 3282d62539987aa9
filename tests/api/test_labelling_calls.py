"""Funding calls, the scoring grid and the labelling figures over the API."""

import datetime
import json

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grappe.labelling.choices import Funder
from grappe.labelling.models import FundingCall
from tests.api.conftest import error_fields
from tests.api.labelling_world import assigned, build_world, funded
from tests.factories import FundingCallFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def world():
    return build_world()


CALL = {
    "name": "Concours i-Nov, vague 21",
    "funder": "bpi_inov",
    "addressee": "Bpifrance, Direction de l'innovation",
    "deadline": "2031-03-07",
}


def test_everybody_reads_the_calls(world, anonymous_api):
    FundingCallFactory(name="FUI 26", funder=Funder.OTHER, deadline=datetime.date(2018, 10, 10))
    calls = anonymous_api.get("/calls").json()
    assert calls["count"] == 2
    assert [c["name"] for c in anonymous_api.get("/calls", {"open": "true"}).json()["items"]] == [
        "PSPC-Régions, relève 9"
    ]
    assert anonymous_api.get("/calls", {"funder": "other"}).json()["count"] == 1
    assert anonymous_api.get(f"/calls/{world.call.pk}").json()["addressee"]
    assert anonymous_api.get("/calls/999999").status_code == 404


def test_the_staff_create_and_change_calls(world, api_as, anonymous_api):
    assert anonymous_api.post("/calls", CALL).status_code == 401
    assert api_as(world.contact).post("/calls", CALL).status_code == 403
    staff = api_as(world.staff)
    response = staff.post("/calls", CALL)
    assert response.status_code == 201, response.content
    call = response.json()
    changed = staff.patch(f"/calls/{call['id']}", {"deadline": "2031-04-01"})
    assert changed.json()["deadline"] == "2031-04-01"
    assert api_as(world.contact).patch(f"/calls/{call['id']}", {"name": "x"}).status_code == 403


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"funder": "nasa"}, "funder"),
        ({"deadline": "2031-02-30"}, "deadline"),
        ({"name": ""}, "name"),
        ({"url": "not a url"}, "url"),
        ({"extra": 1}, "extra"),
    ],
)
def test_bad_calls_are_422_naming_the_field(world, api_as, change, field):
    response = api_as(world.staff).post("/calls", {**CALL, **change})
    assert field in error_fields(response)
    assert FundingCall.objects.count() == 1


def test_the_scoring_grid_is_public(world, anonymous_api):
    grid = anonymous_api.get("/criteria").json()
    assert [(c["code"], c["weight"]) for c in grid] == [("innovation", "3.00"), ("market", "1.00")]


def test_the_figures_are_for_the_staff(world, api_as, anonymous_api):
    funded(world)
    assert anonymous_api.get("/labelling/figures").status_code == 401
    assert api_as(world.contact).get("/labelling/figures").status_code == 403
    figures = api_as(world.staff).get("/labelling/figures").json()
    assert figures["labelled_projects"] == 1
    assert figures["funded"] == 1
    assert figures["per_year"] == [{"year": timezone.localdate().year, "count": 1}]
    assert figures["aid_obtained"] == "150000.00"
    this_year = api_as(world.staff).get("/labelling/figures", {"year": timezone.localdate().year})
    assert this_year.json()["labelled_projects"] == 1
    assert api_as(world.staff).get("/labelling/figures", {"year": 1900}).status_code == 422


def test_listing_calls_and_assignments_takes_a_fixed_number_of_queries(
    world, api_as, django_assert_max_num_queries
):
    assigned(world)
    expert = api_as(world.experts[0])
    with django_assert_max_num_queries(6):
        assert expert.get("/assignments").json()["count"] == 1
    with django_assert_max_num_queries(3):
        assert expert.get("/calls").json()["count"] == 1
    FundingCallFactory.create_batch(10)
    with django_assert_max_num_queries(3):
        assert expert.get("/calls").json()["count"] == 11


# Random input never makes the labelling endpoints fail -------------------------------------

FIELDS = ["acronym", "title", "lead", "total_budget", "partners", "markets", "call", "to",
          "reason", "decision", "reservations", "lines", "kind", "quantity", "answer",
          "expert", "scores", "held_on", "members", "application", "funder", "deadline",
          "trl_start"]  # fmt: skip
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["", "labelled", "sante", "decolletage-comtois", "2026-02-30", "-1", "NaN"]),
)
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(), scalars))
bodies = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), values, max_size=6), values
)
FUZZ = settings(
    max_examples=25,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
WRITES = [
    ("post", "/projects"),
    ("patch", "/projects/{project}"),
    ("post", "/projects/{project}/applications"),
    ("post", "/applications/{application}/transition"),
    ("post", "/applications/{application}/submit"),
    ("post", "/applications/{application}/decision"),
    ("post", "/applications/{application}/funding"),
    ("post", "/applications/{application}/results"),
    ("post", "/applications/{application}/assignments"),
    ("post", "/committee-meetings"),
    ("post", "/calls"),
]


@pytest.mark.parametrize(("method", "path"), WRITES)
@FUZZ
@given(body=bodies)
def test_writes_never_fail(world, api_as, method, path, body):
    api = api_as(world.staff)
    target = path.format(project=world.project.pk, application=world.application.pk)
    response = getattr(api, method)(target, raw=json.dumps(body))
    assert response.status_code < 500, response.content
