"""The thematic clusters over the API: public, with their organisations."""

import pytest

from tests.factories import (
    ClusterFactory,
    ClusterMembershipFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_list_and_detail(anonymous_api):
    animator = PersonFactory(first_name="Inès", last_name="Vernier")
    health = ClusterFactory(slug="innov-health", name="INNOV'HEALTH", animator=animator)
    ClusterFactory(slug="aeromutech", name="AEROμTECH")
    for name in ("Biotech Doubs", "Implants Comtois"):
        ClusterMembershipFactory(cluster=health, organisation=OrganisationFactory(name=name))

    page = anonymous_api.get("/clusters").json()
    assert page["count"] == 2
    by_slug = {item["slug"]: item for item in page["items"]}
    assert by_slug["innov-health"]["organisation_count"] == 2
    assert by_slug["innov-health"]["animator"] == "Inès Vernier"
    assert by_slug["aeromutech"]["animator"] is None

    detail = anonymous_api.get("/clusters/innov-health").json()
    assert [org["name"] for org in detail["organisations"]] == ["Biotech Doubs", "Implants Comtois"]
    assert "naf_code" not in detail["organisations"][0]
    assert anonymous_api.get("/clusters/nowhere").status_code == 404


def test_query_counts_do_not_grow(anonymous_api, django_assert_max_num_queries):
    cluster = ClusterFactory(slug="big")
    ClusterFactory.create_batch(2)
    with django_assert_max_num_queries(2) as few_list:
        anonymous_api.get("/clusters")
    with django_assert_max_num_queries(2) as few_detail:
        anonymous_api.get("/clusters/big")
    ClusterFactory.create_batch(10)
    for organisation in OrganisationFactory.create_batch(15):
        ClusterMembershipFactory(cluster=cluster, organisation=organisation)
    with django_assert_max_num_queries(len(few_list.captured_queries)):
        assert anonymous_api.get("/clusters").json()["count"] == 13
    with django_assert_max_num_queries(len(few_detail.captured_queries)):
        assert len(anonymous_api.get("/clusters/big").json()["organisations"]) == 15
