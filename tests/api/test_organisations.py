"""Organisations over the API: public and full views, filters, writes and their refusals."""

import pytest

from grappe.core.models import ActivityLog
from grappe.members.choices import OrganisationKind
from grappe.members.models import Organisation
from tests.factories import (
    AffiliationFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    valid_siret,
)

pytestmark = pytest.mark.django_db

DETAIL_FIELDS = {"address", "postcode", "naf_code", "headcount_band"}


def test_public_list_shows_public_fields_only(anonymous_api, member_org):
    response = anonymous_api.get("/organisations")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["slug"] == "decolletage-comtois"
    assert item["view"] == "public"
    assert not DETAIL_FIELDS & set(item)
    assert "dues_category" not in item


def test_staff_and_member_contacts_see_every_field(staff_api, member_api, member_org):
    other = OrganisationFactory(name="Zircon Usinage")
    for api in (staff_api, member_api):
        items = api.get("/organisations").json()["items"]
        assert {item["view"] for item in items} == {"full"}
        assert set(items[0]) >= DETAIL_FIELDS
        detail = api.get(f"/organisations/{other.slug}").json()
        assert detail["view"] == "full"
        assert detail["siret"] == other.siret


def test_contact_of_a_non_member_sees_details_of_its_own_organisation_only(api_as):
    own = OrganisationFactory(name="Atelier Non Adhérent")  # no membership: not a member
    other = OrganisationFactory(name="Bureau Voisin")
    user = UserFactory()
    AffiliationFactory(person=PersonFactory(user=user), organisation=own)
    api = api_as(user)
    views = {item["slug"]: item["view"] for item in api.get("/organisations").json()["items"]}
    assert views == {own.slug: "full", other.slug: "public"}
    assert api.get(f"/organisations/{own.slug}").json()["view"] == "full"
    assert api.get(f"/organisations/{other.slug}").json()["view"] == "public"


def test_filters(anonymous_api):
    health = ClusterFactory(slug="innov-health", name="INNOV'HEALTH")
    lab = OrganisationFactory(name="FEMTO Lab", kind=OrganisationKind.LAB, city="Besançon")
    jura = OrganisationFactory(name="Lunetterie du Jura", postcode="39400", departement="39")
    member = OrganisationFactory(name="Membre Actif")
    MembershipFactory(organisation=member)
    ClusterMembershipFactory(cluster=health, organisation=jura)

    def slugs(**params):
        return {
            item["slug"] for item in anonymous_api.get("/organisations", params).json()["items"]
        }

    assert slugs(kind="lab") == {lab.slug}
    assert slugs(q="lunet") == {jura.slug}
    assert slugs(departement="39") == {jura.slug}
    assert slugs(cluster="innov-health") == {jura.slug}
    assert slugs(members_only="true") == {member.slug}
    jura_item = anonymous_api.get("/organisations", {"q": "jura"}).json()["items"][0]
    assert jura_item["clusters"] == [{"slug": "innov-health", "name": "INNOV'HEALTH"}]


def test_pagination(anonymous_api):
    OrganisationFactory.create_batch(7)
    page = anonymous_api.get("/organisations", {"limit": 3, "offset": 5}).json()
    assert page["count"] == 7
    assert len(page["items"]) == 2
    everything = anonymous_api.get("/organisations").json()["items"]
    assert [item["slug"] for item in everything[5:]] == [item["slug"] for item in page["items"]]
    assert anonymous_api.get("/organisations", {"limit": 0}).status_code == 422
    assert anonymous_api.get("/organisations", {"limit": 1000}).status_code == 422
    assert anonymous_api.get("/organisations", {"offset": -1}).status_code == 422


@pytest.mark.parametrize("who", ["anonymous", "staff", "member"])
def test_list_query_count_does_not_grow(
    who, anonymous_api, staff_api, member_api, django_assert_max_num_queries
):
    api = {"anonymous": anonymous_api, "staff": staff_api, "member": member_api}[who]
    cluster = ClusterFactory()
    for organisation in OrganisationFactory.create_batch(3):
        ClusterMembershipFactory(cluster=cluster, organisation=organisation)
    with django_assert_max_num_queries(6) as few:
        assert api.get("/organisations").status_code == 200
    for organisation in OrganisationFactory.create_batch(20):
        ClusterMembershipFactory(cluster=cluster, organisation=organisation)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(api.get("/organisations").json()["items"]) >= 23


def test_unknown_organisation_is_404(anonymous_api):
    response = anonymous_api.get("/organisations/nowhere")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_staff_creates_an_organisation(staff_api):
    response = staff_api.post(
        "/organisations",
        {"name": "Précision Bisontine", "siret": valid_siret(4242), "postcode": "25000"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "precision-bisontine"
    assert body["view"] == "full"
    assert body["departement"] == "25"
    assert body["siren"] == valid_siret(4242)[:9]
    organisation = Organisation.objects.get(slug="precision-bisontine")
    assert ActivityLog.objects.filter(
        action="members.organisation.created", object_id=str(organisation.pk)
    ).exists()


def test_member_may_not_create_an_organisation(member_api):
    response = member_api.post("/organisations", {"name": "Pas Autorisé"})
    assert response.status_code == 403
    assert "detail" in response.json()
    assert not Organisation.objects.filter(name="Pas Autorisé").exists()


def test_member_edits_its_own_organisation(member_api, member_org):
    response = member_api.patch(
        f"/organisations/{member_org.slug}",
        {"description_fr": "Décolletage horloger.", "postcode": "39100"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["description_fr"] == "Décolletage horloger."
    member_org.refresh_from_db()
    assert member_org.description_fr == "Décolletage horloger."
    assert member_org.departement == "39"


def test_member_editing_another_organisation_is_403(member_api):
    other = OrganisationFactory(name="Concurrent", description_fr="Avant.")
    response = member_api.patch(f"/organisations/{other.slug}", {"description_fr": "Piraté."})
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.description_fr == "Avant."


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("siret", valid_siret(777)),
        ("siren", valid_siret(777)[:9]),
        ("dues_category", "large_group"),
        ("kind", "lab"),
    ],
)
def test_member_may_not_change_staff_only_fields(member_api, member_org, field, value):
    before = getattr(member_org, field)
    response = member_api.patch(f"/organisations/{member_org.slug}", {field: value})
    assert response.status_code == 403
    assert field in response.json()["detail"]
    member_org.refresh_from_db()
    assert getattr(member_org, field) == before


def test_staff_changes_staff_only_fields(staff_api, member_org):
    response = staff_api.patch(
        f"/organisations/{member_org.slug}", {"dues_category": "eti", "kind": "school"}
    )
    assert response.status_code == 200, response.content
    member_org.refresh_from_db()
    assert (member_org.dues_category, member_org.kind) == ("eti", "school")


def test_anonymous_may_not_edit(anonymous_api, member_org):
    response = anonymous_api.patch(f"/organisations/{member_org.slug}", {"name": "X"})
    assert response.status_code == 401


def test_patch_with_nothing_changes_nothing(staff_api, member_org):
    before = ActivityLog.objects.count()
    response = staff_api.patch(f"/organisations/{member_org.slug}", {})
    assert response.status_code == 200
    assert ActivityLog.objects.count() == before
