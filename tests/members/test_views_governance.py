import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from grappe.members.choices import GovernanceRole, GoverningBody, PartnershipType
from tests.factories import (
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    # Pages are checked against their English msgids, whatever French translations say.
    settings.LANGUAGE_CODE = "en"


def board_seat(role: str, **kwargs):
    return PositionFactory(body=GoverningBody.BOARD, role=role, title="", **kwargs)


@pytest.fixture
def president():
    return board_seat(
        GovernanceRole.PRESIDENT,
        person=PersonFactory(first_name="Laurent", last_name="Deschamps"),
        organisation=OrganisationFactory(name="Precision Comtoise"),
        start_date=datetime.date(2020, 7, 2),
    )


def test_governance_is_public_and_shows_the_president_since(anonymous_client, president):
    response = anonymous_client.get(reverse("members:governance"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Laurent Deschamps" in html
    assert "since 2 July 2020" in html


def test_governance_in_french_dates_the_president_in_french(client, president, settings):
    settings.LANGUAGE_CODE = "fr"
    html = client.get(reverse("members:governance")).content.decode()
    assert "2 juillet 2020" in html


def test_a_former_president_is_not_shown(anonymous_client):
    board_seat(
        GovernanceRole.PRESIDENT,
        person=PersonFactory(last_name="Ancien"),
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2020, 7, 1),
    )
    html = anonymous_client.get(reverse("members:governance")).content.decode()
    assert "Ancien" not in html
    assert "The presidency is vacant." in html


def test_board_lists_role_person_and_organisation_officers_first(anonymous_client, president):
    board_seat(
        GovernanceRole.BOARD_MEMBER,
        person=PersonFactory(first_name="Anne", last_name="Aubry"),
        organisation=OrganisationFactory(name="Labo Femto"),
    )
    board_seat(GovernanceRole.TREASURER, person=PersonFactory(last_name="Trésorier"))
    response = anonymous_client.get(reverse("members:governance"))
    board = response.context["board"]
    assert [seat.role for seat in board] == ["president", "treasurer", "board_member"]
    html = response.content.decode()
    assert "Anne Aubry" in html
    assert "Labo Femto" in html
    assert "Board member" in html


def test_staff_email_is_shown_only_with_consent(anonymous_client):
    consenting = PersonFactory(
        email="directrice@pole.example",
        directory_consent=True,
        directory_consent_at=timezone.now(),
    )
    private = PersonFactory(email="discret@pole.example", directory_consent=False)
    PositionFactory(person=consenting, role=GovernanceRole.DIRECTOR, title="Directrice")
    PositionFactory(person=private, title="Chargé de mission")
    response = anonymous_client.get(reverse("members:governance"))
    html = response.content.decode()
    assert "directrice@pole.example" in html
    assert "discret@pole.example" not in html
    assert private.full_name in html
    assert "Chargé de mission" in html
    assert [position.person for position in response.context["staff"]] == [consenting, private]


def test_governance_queries_do_not_grow(anonymous_client, president, django_assert_max_num_queries):
    for _ in range(8):
        board_seat(GovernanceRole.BOARD_MEMBER, organisation=OrganisationFactory())
        PositionFactory()
    with django_assert_max_num_queries(4):
        response = anonymous_client.get(reverse("members:governance"))
    assert len(response.context["board"]) == 9
    assert len(response.context["staff"]) == 8


def test_governance_empty_state(anonymous_client):
    html = anonymous_client.get(reverse("members:governance")).content.decode()
    assert "No board member is recorded." in html
    assert "No staff member is recorded." in html


def test_partnerships_are_public_in_the_reader_language(client, settings):
    PartnershipFactory(
        partner=OrganisationFactory(name="MEDICEN Paris Region"),
        type=PartnershipType.HEALTH_NETWORK,
        start_date=datetime.date(2016, 3, 1),
        description_fr="Partenariat santé.",
        description_en="Health partnership.",
    )
    response = client.get(reverse("members:partnership_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "MEDICEN Paris Region" in html
    assert "Health pôles network" in html
    assert "since 1 March 2016" in html
    assert "Health partnership." in html
    assert "Partenariat santé." not in html
    settings.LANGUAGE_CODE = "fr"
    assert "Partenariat santé." in client.get(reverse("members:partnership_list")).content.decode()


def test_partnership_description_falls_back_on_the_other_language(client):
    PartnershipFactory(description_fr="Seulement en français.", description_en="")
    assert (
        "Seulement en français." in client.get(reverse("members:partnership_list")).content.decode()
    )


def test_partnerships_queries_do_not_grow(client, django_assert_max_num_queries):
    PartnershipFactory.create_batch(12)
    with django_assert_max_num_queries(3):
        response = client.get(reverse("members:partnership_list"))
    assert len(response.context["rows"]) == 12


def test_partnerships_empty_state(client):
    html = client.get(reverse("members:partnership_list")).content.decode()
    assert "No partnership is recorded yet." in html
