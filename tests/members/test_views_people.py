"""The people pages over HTTP: a person's card, adding a contact, editing a person."""

import datetime

import pytest
from django.urls import reverse

from grappe.core.models import ActivityLog
from grappe.members.models import Affiliation, Person
from tests.factories import AffiliationFactory, PersonFactory, member_contact
from tests.members.conftest import logged_in

pytestmark = pytest.mark.django_db

CONSENTED_ON = datetime.datetime(2024, 3, 15, 10, 0, tzinfo=datetime.UTC)


def detail_url(person) -> str:
    return reverse("members:person_detail", kwargs={"pk": person.pk})


def edit_url(person) -> str:
    return reverse("members:person_edit", kwargs={"pk": person.pk})


def create_url(organisation) -> str:
    return reverse("members:person_create", kwargs={"slug": organisation.slug})


def person_data(**overrides) -> dict:
    data = {
        "first_name": "Inès",
        "last_name": "Horlogère",
        "email": "ines@example.org",
        "phone": "03 81 44 55 66",
        "job_title": "Directrice R&D",
        "role": "rd",
    }
    data.update(overrides)
    return data


@pytest.fixture
def private(own_organisation):
    """A colleague of `member_user` who did not consent to the directory."""
    person = PersonFactory(
        first_name="Paul",
        last_name="Discret",
        email="paul.secret@example.org",
        phone="+33381222222",
    )
    AffiliationFactory(person=person, organisation=own_organisation, role="quality")
    return person


@pytest.fixture
def public(own_organisation):
    person = PersonFactory(
        first_name="Claire",
        last_name="Publique",
        email="claire@example.org",
        phone="+33381111111",
        directory_consent=True,
        directory_consent_at=CONSENTED_ON,
    )
    AffiliationFactory(person=person, organisation=own_organisation, role="sales")
    return person


# Detail


def test_consenting_person_is_public_with_contact_details(anonymous_client, public):
    response = anonymous_client.get(detail_url(public))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Claire Publique" in html
    assert "claire@example.org" in html
    assert "03 81 11 11 11" in html
    assert public.affiliations.get().organisation.name in html


def test_person_who_did_not_consent_is_hidden_from_the_public(anonymous_client, private):
    response = anonymous_client.get(detail_url(private))
    assert response.status_code == 404
    html = response.content.decode()
    assert "paul.secret@example.org" not in html
    assert "03 81 22 22 22" not in html


def test_person_who_did_not_consent_is_refused_to_other_users(
    other_member_client, outsider_client, private
):
    for client in (other_member_client, outsider_client):
        response = client.get(detail_url(private))
        assert response.status_code == 403
        assert "paul.secret@example.org" not in response.content.decode()


def test_person_visible_to_colleagues_self_and_staff(member_client, staff_user, private):
    own = logged_in(member_contact(organisation=private.affiliations.get().organisation))
    self_user = member_contact()
    for client, person in (
        (member_client, private),
        (logged_in(staff_user), private),
        (own, private),
        (logged_in(self_user), self_user.person),
    ):
        response = client.get(detail_url(person))
        assert response.status_code == 200
        assert person.email in response.content.decode()


def test_consent_dates_shown_to_editors(member_client, public):
    html = member_client.get(detail_url(public)).content.decode()
    assert "15/03/2024" in html


def test_unknown_person_is_404(anonymous_client):
    assert anonymous_client.get("/personnes/999999/").status_code == 404


# Create


def test_contact_adds_a_person_to_its_organisation(member_client, own_organisation):
    response = member_client.get(create_url(own_organisation))
    assert response.status_code == 200
    assert 'name="role"' in response.content.decode()
    response = member_client.post(
        create_url(own_organisation), person_data(directory_consent="on"), follow=True
    )
    assert response.redirect_chain[-1][0] == own_organisation.get_absolute_url()
    person = Person.objects.get(email="ines@example.org")
    assert person.phone == "+33381445566"
    assert person.directory_consent
    assert person.directory_consent_at is not None
    assert not person.newsletter_opt_in
    affiliation = Affiliation.objects.get(person=person)
    assert (affiliation.organisation, affiliation.role) == (own_organisation, "rd")
    assert "Inès Horlogère" in response.content.decode()
    assert ActivityLog.objects.filter(action="members.person.created").count() == 1


def test_staff_add_a_person_anywhere(staff_client, organisation_elsewhere):
    response = staff_client.post(create_url(organisation_elsewhere), person_data())
    assert response.status_code == 302
    assert Affiliation.objects.filter(
        organisation=organisation_elsewhere, person__email="ines@example.org"
    ).exists()


@pytest.fixture
def organisation_elsewhere(other_member_user):
    return other_member_user.person.organisations.get()


def test_adding_a_person_refused(
    member_client, outsider_client, anonymous_client, organisation_elsewhere
):
    for client in (member_client, outsider_client):
        assert client.get(create_url(organisation_elsewhere)).status_code == 403
        assert client.post(create_url(organisation_elsewhere), person_data()).status_code == 403
    response = anonymous_client.post(create_url(organisation_elsewhere), person_data())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not Person.objects.filter(email="ines@example.org").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "CLAIRE@example.org"),  # already used, whatever the case
        ("email", "not-an-address"),
        ("phone", "12"),
        ("phone", "téléphone"),
        ("role", "boss"),
        ("first_name", ""),
    ],
)
def test_adding_with_bad_input_names_the_field_and_writes_nothing(
    member_client, own_organisation, public, field, value
):
    people = Person.objects.count()
    response = member_client.post(create_url(own_organisation), person_data(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'aria-invalid="true"' in response.content.decode()
    assert Person.objects.count() == people
    assert not ActivityLog.objects.exists()


# Edit


def test_colleague_edits_a_person_and_consents_are_dated(member_client, private):
    response = member_client.get(edit_url(private))
    assert response.status_code == 200
    assert 'name="directory_consent"' in response.content.decode()
    data = person_data(job_title="Responsable qualité", newsletter_opt_in="on")
    del data["role"]
    response = member_client.post(edit_url(private), data, follow=True)
    assert response.redirect_chain[-1][0] == detail_url(private)
    private.refresh_from_db()
    assert private.job_title == "Responsable qualité"
    assert private.newsletter_opt_in
    assert private.newsletter_opt_in_at is not None
    assert not private.directory_consent
    html = member_client.get(edit_url(private)).content.decode()
    assert private.newsletter_opt_in_at.astimezone().strftime("%d/%m/%Y") in html


def test_withdrawing_a_consent_clears_its_date(member_client, public):
    data = {
        "first_name": public.first_name,
        "last_name": public.last_name,
        "email": public.email,
        "phone": public.phone,
        "job_title": public.job_title,
    }
    assert member_client.post(edit_url(public), data).status_code == 302
    public.refresh_from_db()
    assert not public.directory_consent
    assert public.directory_consent_at is None


def test_a_person_edits_themself(member_user, member_client):
    data = person_data(first_name="Moi", email=member_user.person.email)
    assert member_client.post(edit_url(member_user.person), data).status_code == 302
    member_user.person.refresh_from_db()
    assert member_user.person.first_name == "Moi"


def test_editing_a_person_refused(other_member_client, outsider_client, anonymous_client, private):
    for client in (other_member_client, outsider_client):
        assert client.get(edit_url(private)).status_code == 403
        assert client.post(edit_url(private), person_data(first_name="X")).status_code == 403
    response = anonymous_client.get(edit_url(private))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    private.refresh_from_db()
    assert private.first_name == "Paul"


@pytest.mark.parametrize(("field", "value"), [("email", "claire@example.org"), ("phone", "+33 1")])
def test_editing_with_bad_input_names_the_field_and_writes_nothing(
    staff_client, private, public, field, value
):
    response = staff_client.post(
        edit_url(private), person_data(first_name="Changé", **{field: value})
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    private.refresh_from_db()
    assert private.first_name == "Paul"
    assert private.email == "paul.secret@example.org"
    assert not ActivityLog.objects.filter(action="members.person.updated").exists()
    assert "Paul Discret" in response.content.decode()  # the page names the stored person
