"""People over the API: consent decides who the public sees, rules decide the rest."""

import pytest
from django.contrib.auth.models import AnonymousUser

from grappe.core.models import ActivityLog
from grappe.members.models import Person
from tests.factories import AffiliationFactory, OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consenting(member_org):
    person = PersonFactory(
        first_name="Alice",
        email="alice@example.org",
        phone="+33381111111",
        directory_consent=True,
        directory_consent_at="2024-01-01T00:00:00Z",
    )
    AffiliationFactory(person=person, organisation=member_org)
    return person


@pytest.fixture
def private(member_org):
    """A colleague of the member contact who did not consent to the directory."""
    person = PersonFactory(
        first_name="Bruno", email="bruno.secret@example.org", phone="+33381222222"
    )
    AffiliationFactory(person=person, organisation=member_org)
    return person


@pytest.fixture
def stranger():
    """Someone of another organisation, who did not consent either."""
    person = PersonFactory(first_name="Chloé", email="chloe.secret@example.org")
    AffiliationFactory(person=person, organisation=OrganisationFactory(name="Ailleurs"))
    return person


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_public_sees_only_people_who_consented(anonymous_api, consenting, private, stranger):
    response = anonymous_api.get("/people")
    assert ids(response) == {consenting.pk}
    item = response.json()["items"][0]
    assert item["email"] == "alice@example.org"
    assert item["phone"] == "+33381111111"
    assert item["organisations"][0]["organisation"]["slug"] == "decolletage-comtois"


def test_public_never_sees_the_email_or_phone_of_who_did_not_consent(
    anonymous_api, consenting, private, stranger
):
    pages = [
        anonymous_api.get("/people"),
        anonymous_api.get("/people", {"organisation": "decolletage-comtois"}),
        anonymous_api.get(f"/people/{private.pk}"),
        anonymous_api.get("/organisations/decolletage-comtois"),
        anonymous_api.get("/organisations"),
    ]
    for response in pages:
        text = response.content.decode()
        for secret in ("bruno.secret@example.org", "+33381222222", "chloe.secret@example.org"):
            assert secret not in text
    assert anonymous_api.get(f"/people/{private.pk}").status_code == 404


def test_member_sees_consenting_people_and_its_colleagues(
    member_api, member_api_user, consenting, private, stranger
):
    me = member_api_user.person
    assert ids(member_api.get("/people")) == {consenting.pk, private.pk, me.pk}
    colleague = member_api.get(f"/people/{private.pk}").json()
    assert colleague["email"] == "bruno.secret@example.org"
    assert member_api.get(f"/people/{stranger.pk}").status_code == 404


def test_staff_sees_everyone(staff_api, consenting, private, stranger):
    assert {consenting.pk, private.pk, stranger.pk} <= ids(staff_api.get("/people"))
    assert staff_api.get(f"/people/{stranger.pk}").json()["email"] == "chloe.secret@example.org"


def test_filter_by_organisation(staff_api, consenting, stranger):
    assert ids(staff_api.get("/people", {"organisation": "decolletage-comtois"})) >= {consenting.pk}
    assert stranger.pk not in ids(staff_api.get("/people", {"organisation": "decolletage-comtois"}))
    assert ids(staff_api.get("/people", {"organisation": "nowhere"})) == set()


@pytest.mark.parametrize("who", ["anonymous", "staff", "member"])
def test_list_query_count_does_not_grow(
    who, anonymous_api, staff_api, member_api, member_org, django_assert_max_num_queries
):
    api = {"anonymous": anonymous_api, "staff": staff_api, "member": member_api}[who]

    def add_people(count):
        for person in PersonFactory.create_batch(
            count, directory_consent=True, directory_consent_at="2024-01-01T00:00:00Z"
        ):
            AffiliationFactory(person=person, organisation=member_org)
            AffiliationFactory(person=person, organisation=OrganisationFactory())

    add_people(2)
    with django_assert_max_num_queries(6) as few:
        assert api.get("/people").status_code == 200
    add_people(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(api.get("/people").json()["items"]) >= 17


def test_member_adds_a_person_to_its_organisation(member_api, member_org):
    response = member_api.post(
        f"/organisations/{member_org.slug}/people",
        {"first_name": "Denis", "last_name": "Roy", "email": "Denis.Roy@Example.org",
         "phone": "03 81 33 33 33", "role": "quality"},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["email"] == "denis.roy@example.org"
    assert body["phone"] == "+33381333333"
    assert body["organisations"] == [
        {
            "organisation": {"slug": member_org.slug, "name": member_org.name},
            "role": "quality",
            "is_main_contact": False,
        }
    ]
    assert ActivityLog.objects.filter(action="members.person.created").count() == 1


def test_member_may_not_add_a_person_to_another_organisation(member_api):
    other = OrganisationFactory(name="Voisin")
    response = member_api.post(
        f"/organisations/{other.slug}/people", {"first_name": "Eve", "last_name": "Intrus"}
    )
    assert response.status_code == 403
    assert not Person.objects.filter(last_name="Intrus").exists()


def test_adding_a_person_to_an_unknown_organisation_is_404(staff_api):
    response = staff_api.post(
        "/organisations/nowhere/people", {"first_name": "A", "last_name": "B"}
    )
    assert response.status_code == 404


def test_edit_self_and_colleague(member_api, member_api_user, private):
    me = member_api_user.person
    response = member_api.patch(f"/people/{me.pk}", {"job_title": "Directrice"})
    assert response.status_code == 200, response.content
    assert response.json()["job_title"] == "Directrice"
    response = member_api.patch(f"/people/{private.pk}", {"directory_consent": True})
    assert response.status_code == 200
    private.refresh_from_db()
    assert private.directory_consent
    assert private.directory_consent_at is not None


def test_editing_a_visible_stranger_is_403_and_an_invisible_one_404(
    member_api, consenting, stranger
):
    outsider = PersonFactory(
        first_name="Visible", directory_consent=True, directory_consent_at="2024-01-01T00:00:00Z"
    )
    AffiliationFactory(person=outsider, organisation=OrganisationFactory(name="Loin"))
    response = member_api.patch(f"/people/{outsider.pk}", {"job_title": "Pirate"})
    assert response.status_code == 403
    assert member_api.patch(f"/people/{stranger.pk}", {"job_title": "Pirate"}).status_code == 404
    outsider.refresh_from_db()
    assert outsider.job_title != "Pirate"


def test_anonymous_may_not_edit(anonymous_api, consenting):
    assert anonymous_api.patch(f"/people/{consenting.pk}", {"job_title": "X"}).status_code == 401


@pytest.mark.parametrize("who", ["anonymous", "member", "outsider", "staff"])
def test_the_list_is_exactly_the_people_the_rules_let_one_see(
    who, api_as, member_api_user, api_staff, consenting, private, stranger
):
    from_rules = {"member": member_api_user, "staff": api_staff}
    user = from_rules.get(who) or (UserFactory() if who == "outsider" else AnonymousUser())
    api = api_as(None if who == "anonymous" else user)
    allowed = {
        person.pk for person in Person.objects.all() if user.has_perm("members.view_person", person)
    }
    assert ids(api.get("/people")) == allowed
