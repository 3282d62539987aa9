"""Check-in: the service, the door's search page (accents and case ignored, on both
databases) and the QR code's page."""

import importlib
import secrets

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from grappe.events import queries, services
from grappe.events.choices import RegistrationStatus
from grappe.events.models import Registration
from grappe.events.services import WrongState
from tests.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
Status = RegistrationStatus
search_text_migration = importlib.import_module(
    "grappe.events.migrations.0002_registration_search_text"
)


def test_the_staff_check_a_confirmed_participant_in_once(staff, event):
    registration = RegistrationFactory(event=event)
    services.check_in(actor=staff, registration=registration)
    registration.refresh_from_db()
    assert registration.checked_in_at
    assert registration.checked_in_by == staff
    with pytest.raises(WrongState, match="Already checked in"):
        services.check_in(actor=staff, registration=registration)


def test_a_member_who_is_not_staff_cannot_check_in(member, event):
    registration = RegistrationFactory(event=event)
    with pytest.raises(PermissionDenied):
        services.check_in(actor=member, registration=registration)
    registration.refresh_from_db()
    assert registration.checked_in_at is None


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (Status.CANCELLED, "cancelled"),
        (Status.WAITING, "waiting list"),
        (Status.PENDING, "never confirmed"),
    ],
)
def test_only_confirmed_registrations_enter(staff, event, status, words):
    registration = RegistrationFactory(event=event, status=status)
    with pytest.raises(WrongState, match=words):
        services.check_in(actor=staff, registration=registration)


def test_the_search_finds_by_name_as_one_types(client, staff, event):
    RegistrationFactory(event=event, last_name="Faivre", first_name="Léa")
    RegistrationFactory(event=event, last_name="Girard")
    client.force_login(staff)
    url = reverse("events:check_in", args=[event.slug])
    response = client.get(url, {"q": "faiv"}, HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert "Faivre" in text
    assert "Girard" not in text
    assert "<html" not in text
    assert "Nobody registered" in client.get(url, {"q": "zzz"}).content.decode()


def test_the_check_in_button_returns_the_row(client, staff, event):
    registration = RegistrationFactory(event=event)
    client.force_login(staff)
    url = reverse("events:check_in_registration", args=[registration.pk])
    response = client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "list-group-item-success" in response.content.decode()
    response = client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 409
    assert "Already checked in" in response.content.decode()


def test_the_qr_code_page_checks_in_or_says_why_not(client, staff, event):
    registration = RegistrationFactory(event=event)
    cancelled = RegistrationFactory(event=event, status=Status.CANCELLED)
    client.force_login(staff)
    url = reverse("events:check_in_token", args=[registration.token])
    assert 'data-action="check-in"' in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "data-checked-in" in response.content.decode()
    refused = client.get(reverse("events:check_in_token", args=[cancelled.token]))
    assert "was cancelled: no entry" in refused.content.decode()
    assert client.post(reverse("events:check_in_token", args=[cancelled.token])).status_code == 409


def test_the_qr_code_page_is_for_the_staff_only(client, member, event):
    registration = RegistrationFactory(event=event)
    url = reverse("events:check_in_token", args=[registration.token])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(member)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def found(event, text: str) -> list[int]:
    return [registration.pk for registration in queries.check_in_search(event, text)]


def test_the_search_ignores_accents_and_case(event):
    lea = RegistrationFactory(
        event=event,
        first_name="Léa",
        last_name="FAIVRE",
        email="l.faivre@ens2m.example",
        organisation_name="École nationale de mécanique",
    )
    zoe = RegistrationFactory(event=event, first_name="Zoé", last_name="Girard")
    assert found(event, "Lea") == [lea.pk]
    assert found(event, "LÉA faivre") == [lea.pk]
    assert found(event, "faivre lea") == [lea.pk]
    assert found(event, "ecole MÉCANIQUE") == [lea.pk]
    assert found(event, "L.FAIVRE@ENS2M") == [lea.pk]
    assert found(event, "zoe") == [zoe.pk]
    assert found(event, "lea girard") == []
    assert found(event, "éa") == [lea.pk]


def test_the_search_finds_registrations_written_in_bulk(event):
    """The history imports write registrations with bulk_create: they are folded too."""
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                first_name="Œdipe",
                last_name="Straße",
                email="oedipe@example.org",
                status=Status.PENDING,
                token=secrets.token_urlsafe(32),
            )
        ]
    )
    assert len(found(event, "oedipe strasse")) == 1


def test_the_migration_folds_the_registrations_already_there(event):
    lea = RegistrationFactory(event=event, first_name="Léa", last_name="Faivre")
    Registration.objects.filter(pk=lea.pk).update(search_text="")
    assert found(event, "lea") == []
    search_text_migration.fill_search_text(apps, None)
    assert found(event, "lea") == [lea.pk]


def test_the_door_search_costs_a_fixed_number_of_queries(
    client, staff, event, django_assert_max_num_queries
):
    for n in range(15):
        RegistrationFactory(
            event=event, first_name="Léa", last_name=f"Faivre{n}", status=Status.PENDING
        )
    client.force_login(staff)
    url = reverse("events:check_in", args=[event.slug])
    with django_assert_max_num_queries(6):
        response = client.get(url, {"q": "LEA faivre"}, HTTP_HX_REQUEST="true")
    assert response.content.decode().count("Faivre") >= 15
