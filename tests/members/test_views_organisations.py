"""The organisation pages over HTTP: list, detail, create, edit and cluster moves."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grappe.core.models import ActivityLog
from grappe.members.models import ClusterMembership, Organisation
from tests.factories import (
    AffiliationFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    member_contact,
    valid_siret,
)
from tests.members.conftest import logged_in

pytestmark = pytest.mark.django_db

LIST_URL = reverse("members:organisation_list")
CREATE_URL = reverse("members:organisation_create")
HTMX = {"HTTP_HX_REQUEST": "true"}


def detail_url(organisation) -> str:
    return reverse("members:organisation_detail", kwargs={"slug": organisation.slug})


def edit_url(organisation) -> str:
    return reverse("members:organisation_edit", kwargs={"slug": organisation.slug})


def clusters_url(organisation) -> str:
    return reverse("members:organisation_clusters", kwargs={"slug": organisation.slug})


def listed_names(response) -> list[str]:
    return [organisation.name for organisation in response.context["page_obj"]]


def organisation_data(**overrides) -> dict:
    """A complete, valid POST of the staff's organisation form."""
    data = {
        "name": "Usinage du Jura",
        "kind": "company",
        "dues_category": "pme",
        "siren": "",
        "siret": valid_siret(901),
        "naf_code": "25.62B",
        "headcount_band": "12",
        "address": "3 rue des Horlogers",
        "postcode": "39100",
        "city": "Dole",
        "country": "FR",
        "website": "https://usinage-jura.example",
        "description_fr": "Usinage de précision.",
        "description_en": "Precision machining.",
    }
    data.update(overrides)
    return data


# The list


@pytest.fixture
def listed():
    health = ClusterFactory(name="INNOV'HEALTH", slug="innov-health")
    aero = ClusterFactory(name="AEROμTECH", slug="aero-tech")
    besancon = OrganisationFactory(name="Alpha Décolletage", city="Besançon", departement="25")
    dole = OrganisationFactory(name="Beta Usinage", city="Dole", departement="39", kind="lab")
    belfort = OrganisationFactory(
        name="Gamma Traitement", city="Belfort", departement="90", kind="school"
    )
    ClusterMembershipFactory(cluster=health, organisation=besancon)
    ClusterMembershipFactory(cluster=aero, organisation=dole)
    MembershipFactory(organisation=besancon)
    MembershipFactory(organisation=belfort, status="lapsed")
    return {"besancon": besancon, "dole": dole, "belfort": belfort}


def test_list_is_public_with_public_columns_only(anonymous_client, listed):
    response = anonymous_client.get(LIST_URL)
    assert response.status_code == 200
    assert listed_names(response) == ["Alpha Décolletage", "Beta Usinage", "Gamma Traitement"]
    html = response.content.decode()
    assert "INNOV&#x27;HEALTH" in html
    assert response.context["page_obj"].paginator.count == 3
    assert 'name="members_only"' not in html
    assert "Headcount" not in html
    assert "Effectif" not in html


def test_list_search_by_name_and_city(anonymous_client, listed):
    assert listed_names(anonymous_client.get(LIST_URL, {"q": "beta"})) == ["Beta Usinage"]
    assert listed_names(anonymous_client.get(LIST_URL, {"q": "belf"})) == ["Gamma Traitement"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "lab"}, ["Beta Usinage"]),
        ({"cluster": "innov-health"}, ["Alpha Décolletage"]),
        ({"departement": "90"}, ["Gamma Traitement"]),
        ({"kind": "company", "departement": "39"}, []),
    ],
)
def test_list_filters(anonymous_client, listed, params, expected):
    assert listed_names(anonymous_client.get(LIST_URL, params)) == expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("city", ["Gamma Traitement", "Alpha Décolletage", "Beta Usinage"]),
        ("-departement", ["Gamma Traitement", "Beta Usinage", "Alpha Décolletage"]),
        ("-name", ["Gamma Traitement", "Beta Usinage", "Alpha Décolletage"]),
        ("kind", ["Alpha Décolletage", "Beta Usinage", "Gamma Traitement"]),
    ],
)
def test_list_sorts(anonymous_client, listed, sort, expected):
    assert listed_names(anonymous_client.get(LIST_URL, {"sort": sort})) == expected


def test_sort_headers_reverse_the_sorted_column_and_keep_the_filters(anonymous_client, listed):
    response = anonymous_client.get(LIST_URL, {"sort": "city", "kind": "lab", "page": "1"})
    headers = {header["key"]: header for header in response.context["headers"]}
    assert headers["city"]["active"]
    assert "sort=-city" in headers["city"]["url"]
    assert "kind=lab" in headers["city"]["url"]
    assert "page=" not in headers["city"]["url"]
    assert "sort=name" in headers["name"]["url"]


def test_bad_list_parameters_are_ignored(anonymous_client, listed):
    response = anonymous_client.get(
        LIST_URL, {"kind": "spaceship", "sort": "drop table", "page": "abc", "cluster": "x"}
    )
    assert response.status_code == 200
    assert len(listed_names(response)) == 3


def test_empty_state(anonymous_client, listed):
    response = anonymous_client.get(LIST_URL, {"q": "introuvable"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    assert 'class="alert alert-light border"' in response.content.decode()


def test_members_only_filter_is_for_directory_readers(
    member_client, outsider_client, anonymous_client, listed
):
    # The member's own organisation (from the fixture) is a member too.
    member_names = listed_names(member_client.get(LIST_URL, {"members_only": "on"}))
    assert "Alpha Décolletage" in member_names
    assert "Beta Usinage" not in member_names
    assert "Gamma Traitement" not in member_names  # lapsed
    html = member_client.get(LIST_URL).content.decode()
    assert 'name="members_only"' in html
    for refused in (outsider_client, anonymous_client):
        response = refused.get(LIST_URL, {"members_only": "on"})
        assert "Beta Usinage" in listed_names(response)
        assert 'name="members_only"' not in response.content.decode()


def test_staff_see_membership_column(staff_client, listed):
    response = staff_client.get(LIST_URL, {"q": "Alpha"})
    (organisation,) = response.context["page_obj"]
    assert organisation.is_member


def test_list_paginates_by_25(anonymous_client):
    OrganisationFactory.create_batch(30)
    first = anonymous_client.get(LIST_URL)
    assert len(first.context["page_obj"]) == 25
    assert "page=2" in first.content.decode()
    second = anonymous_client.get(LIST_URL, {"page": 2})
    assert len(second.context["page_obj"]) == 5


def test_htmx_request_gets_the_results_partial(anonymous_client, listed):
    response = anonymous_client.get(LIST_URL, {"q": "alpha", "sort": "city"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "Alpha Décolletage" in html
    assert 'hx-swap-oob="true"' in html
    assert 'value="city"' in html


def test_full_page_has_the_live_search_form(anonymous_client, listed):
    html = anonymous_client.get(LIST_URL).content.decode()
    assert 'hx-trigger="input changed delay:300ms, change"' in html
    assert 'hx-target="#results"' in html
    assert 'hx-push-url="true"' in html


def _add_organisations(count: int) -> None:
    """Organisations in clusters, a third of them members this year."""
    clusters = [ClusterFactory(slug="innov-health"), ClusterFactory(slug="aero-tech")]
    for number, organisation in enumerate(OrganisationFactory.create_batch(count)):
        ClusterMembershipFactory(cluster=clusters[number % 2], organisation=organisation)
        if number % 3 == 0:
            MembershipFactory(organisation=organisation)


def _count_queries(client, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST_URL, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["anonymous_client", "member_client", "staff_client"])
@pytest.mark.parametrize("params", [{}, {"members_only": "on", "sort": "-city", "q": "micro"}])
def test_list_query_count_does_not_grow_with_rows(
    request, who, params, django_assert_max_num_queries
):
    client = request.getfixturevalue(who)
    _add_organisations(5)
    few = _count_queries(client, params)
    _add_organisations(25)
    assert _count_queries(client, params) == few
    with django_assert_max_num_queries(12):
        client.get(LIST_URL, params)


# The detail


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(
        name="Delta Micro",
        siret=valid_siret(77),
        siren=valid_siret(77)[:9],
        address="7 rue Secrète",
        description_fr="Micromécanique horlogère.",
        description_en="Watchmaking micromechanics.",
    )
    ClusterMembershipFactory(
        cluster=ClusterFactory(name="AEROμTECH", slug="aero-tech"), organisation=organisation
    )
    MembershipFactory(organisation=organisation, year=2024, fee="1234.00")
    return organisation


@pytest.fixture
def consenting(organisation):
    person = PersonFactory(
        first_name="Claire",
        last_name="Publique",
        email="claire@delta.example",
        phone="+33381111111",
        directory_consent=True,
        directory_consent_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
    )
    AffiliationFactory(person=person, organisation=organisation)
    return person


@pytest.fixture
def private(organisation):
    person = PersonFactory(
        first_name="Paul",
        last_name="Discret",
        email="paul.secret@delta.example",
        phone="+33381222222",
        directory_consent=False,
    )
    AffiliationFactory(person=person, organisation=organisation)
    return person


def test_detail_public_fields(anonymous_client, organisation):
    response = anonymous_client.get(detail_url(organisation))
    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Delta Micro", "Besançon", "25 — Doubs", "Bourgogne-Franche-Comté", "AEROμTECH"):
        assert text in html
    assert "Micromécanique horlogère." in html
    for hidden in ("7 rue Secrète", "25.62B", "1234"):
        assert hidden not in html


def test_detail_description_in_the_current_language(anonymous_client, organisation):
    anonymous_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = anonymous_client.get(detail_url(organisation)).content.decode()
    assert "Watchmaking micromechanics." in html
    assert "Micromécanique horlogère." not in html


def test_detail_fields_for_members(member_client, organisation):
    html = member_client.get(detail_url(organisation)).content.decode()
    assert organisation.siret in html
    assert "7 rue Secrète" in html
    assert "25.62B" in html


def test_public_never_sees_contact_of_a_person_who_did_not_consent(
    anonymous_client, outsider_client, other_member_client, organisation, consenting, private
):
    for client in (anonymous_client, outsider_client, other_member_client):
        html = client.get(detail_url(organisation)).content.decode()
        assert "Claire Publique" in html
        assert "claire@delta.example" in html
        assert "03 81 11 11 11" in html
        assert "Paul" not in html
        assert "Discret" not in html
        assert "paul.secret@delta.example" not in html
        assert "+33381222222" not in html
        assert "03 81 22 22 22" not in html


def test_colleagues_and_staff_see_every_person(staff_client, organisation, consenting, private):
    colleague = logged_in(member_contact(organisation=organisation))
    for client in (staff_client, colleague):
        html = client.get(detail_url(organisation)).content.decode()
        assert "paul.secret@delta.example" in html
        assert "03 81 22 22 22" in html


def test_memberships_history_for_own_contacts_and_staff(
    staff_client, other_member_client, anonymous_client, organisation
):
    own = logged_in(member_contact(organisation=organisation))
    for client in (staff_client, own):
        response = client.get(detail_url(organisation))
        assert response.context["can_see_memberships"]
        assert "2024" in response.content.decode()
        assert [m.year for m in response.context["memberships"]][-1] == 2024
    for client in (other_member_client, anonymous_client):
        response = client.get(detail_url(organisation))
        assert not response.context["can_see_memberships"]
        assert "memberships-title" not in response.content.decode()


def test_activity_and_staff_buttons_for_staff_only(staff_client, member_user, organisation):
    html = staff_client.get(detail_url(organisation)).content.decode()
    assert "activity-title" in html
    assert reverse("members:membership_create", kwargs={"slug": organisation.slug}) in html
    assert edit_url(organisation) in html
    assert clusters_url(organisation) in html
    html = logged_in(member_user).get(detail_url(organisation)).content.decode()
    for absent in ("activity-title", edit_url(organisation), clusters_url(organisation)):
        assert absent not in html
    assert reverse("members:membership_create", kwargs={"slug": organisation.slug}) not in html


def test_own_contact_sees_edit_and_add_person(member_client, own_organisation):
    html = member_client.get(detail_url(own_organisation)).content.decode()
    assert edit_url(own_organisation) in html
    assert reverse("members:person_create", kwargs={"slug": own_organisation.slug}) in html


def test_detail_unknown_slug_is_404(anonymous_client):
    assert anonymous_client.get("/organisations/nulle-part/").status_code == 404


# Create


def test_create_requires_login_and_staff(anonymous_client, member_client, outsider_client):
    response = anonymous_client.get(CREATE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert member_client.get(CREATE_URL).status_code == 403
    assert member_client.post(CREATE_URL, organisation_data()).status_code == 403
    assert outsider_client.get(CREATE_URL).status_code == 403
    assert not Organisation.objects.filter(name="Usinage du Jura").exists()


def test_staff_create_an_organisation(staff_client):
    assert staff_client.get(CREATE_URL).status_code == 200
    response = staff_client.post(CREATE_URL, organisation_data(), follow=True)
    organisation = Organisation.objects.get(name="Usinage du Jura")
    assert response.redirect_chain[-1][0] == detail_url(organisation)
    assert organisation.departement == "39"
    assert organisation.siren == organisation.siret[:9]
    assert "Usinage du Jura" in response.content.decode()
    assert [str(m) for m in response.context["messages"]]
    assert ActivityLog.objects.filter(action="members.organisation.created").count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [("siret", "12345678901234"), ("postcode", "96000"), ("naf_code", "2562"), ("kind", "ufo")],
)
def test_create_with_bad_input_names_the_field_and_writes_nothing(staff_client, field, value):
    response = staff_client.post(CREATE_URL, organisation_data(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Organisation.objects.exists()
    assert not ActivityLog.objects.exists()


def test_create_with_a_siret_already_used(staff_client):
    existing = OrganisationFactory()
    response = staff_client.post(CREATE_URL, organisation_data(siret=existing.siret))
    assert response.status_code == 200
    assert "siret" in response.context["form"].errors
    assert Organisation.objects.count() == 1


# Edit


def test_edit_form_contract(member_client, own_organisation):
    html = member_client.get(edit_url(own_organisation)).content.decode()
    assert '<textarea name="description_fr"' in html
    assert 'id="id_description_fr"' in html
    assert 'type="submit"' in html


def test_member_edits_its_own_organisation(member_client, own_organisation):
    data = {
        name: value
        for name, value in organisation_data(description_fr="Nouvelle description.").items()
        if name not in {"siret", "siren", "kind", "dues_category"}
    }
    response = member_client.post(edit_url(own_organisation), data, follow=True)
    assert response.redirect_chain[-1][0] == detail_url(own_organisation)
    assert "Nouvelle description." in response.content.decode()
    own_organisation.refresh_from_db()
    assert own_organisation.description_fr == "Nouvelle description."
    assert own_organisation.departement == "39"


def test_member_form_excludes_staff_fields(member_client, own_organisation):
    siret = own_organisation.siret
    response = member_client.get(edit_url(own_organisation))
    assert set(response.context["form"].fields).isdisjoint(
        {"siret", "siren", "kind", "dues_category"}
    )
    html = response.content.decode()
    assert 'name="siret"' not in html
    assert 'name="dues_category"' not in html
    # A forged POST of a staff-only field is ignored.
    member_client.post(edit_url(own_organisation), organisation_data(siret=valid_siret(5)))
    own_organisation.refresh_from_db()
    assert own_organisation.siret == siret
    assert own_organisation.dues_category == "pme"


def test_member_editing_another_organisation_gets_403(member_client, organisation):
    before = organisation.description_fr
    assert member_client.get(edit_url(organisation)).status_code == 403
    response = member_client.post(edit_url(organisation), organisation_data(name="Piraté"))
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.description_fr == before
    assert organisation.name == "Delta Micro"


def test_edit_refused_to_outsider_and_anonymous(outsider_client, anonymous_client, organisation):
    assert outsider_client.get(edit_url(organisation)).status_code == 403
    response = anonymous_client.get(edit_url(organisation))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("field", "value"), [("siret", "12345678901234"), ("postcode", "96000")])
def test_staff_edit_with_bad_input(staff_client, organisation, field, value):
    before = (organisation.siret, organisation.postcode, organisation.name)
    response = staff_client.post(
        edit_url(organisation), organisation_data(name="Renommée", **{field: value})
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    organisation.refresh_from_db()
    assert (organisation.siret, organisation.postcode, organisation.name) == before
    assert not ActivityLog.objects.filter(action="members.organisation.updated").exists()


def test_staff_edit_with_a_siret_already_used(staff_client, organisation):
    other = OrganisationFactory()
    response = staff_client.post(edit_url(organisation), organisation_data(siret=other.siret))
    assert response.status_code == 200
    assert "siret" in response.context["form"].errors
    organisation.refresh_from_db()
    assert organisation.siret != other.siret


def test_staff_edit_staff_fields(staff_client, organisation):
    response = staff_client.post(
        edit_url(organisation), organisation_data(siret="", dues_category="eti", kind="lab")
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.dues_category == "eti"
    assert organisation.kind == "lab"


# Clusters


def test_staff_join_and_leave_a_cluster(staff_client, organisation):
    health = ClusterFactory(name="INNOV'HEALTH", slug="innov-health")
    response = staff_client.post(
        clusters_url(organisation), {"cluster": "innov-health", "action": "join"}
    )
    assert response.status_code == 302
    assert ClusterMembership.objects.filter(cluster=health, organisation=organisation).exists()
    response = staff_client.post(
        clusters_url(organisation), {"cluster": "innov-health", "action": "leave"}, **HTMX
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert 'id="organisation-clusters"' in response.content.decode()
    assert not ClusterMembership.objects.filter(cluster=health, organisation=organisation).exists()
    assert ActivityLog.objects.filter(action="members.cluster.left").count() == 1


def test_leaving_asks_for_confirmation(staff_client, organisation):
    html = staff_client.get(detail_url(organisation)).content.decode()
    assert "hx-confirm=" in html


def test_cluster_moves_refused(member_client, anonymous_client, own_organisation):
    ClusterFactory(slug="innov-health")
    data = {"cluster": "innov-health", "action": "join"}
    assert member_client.post(clusters_url(own_organisation), data).status_code == 403
    response = anonymous_client.post(clusters_url(own_organisation), data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not ClusterMembership.objects.exists()


def test_cluster_move_bad_input(staff_client, organisation):
    assert staff_client.get(clusters_url(organisation)).status_code == 405
    response = staff_client.post(clusters_url(organisation), {"cluster": "nope", "action": "x"})
    assert response.status_code == 302
    response = staff_client.post(
        clusters_url(organisation), {"cluster": "nope", "action": "join"}, **HTMX
    )
    assert response.status_code == 200
    assert "alert-danger" in response.content.decode()
    assert organisation.clusters.count() == 1
