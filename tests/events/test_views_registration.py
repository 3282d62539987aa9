"""Registering, confirming, cancelling and downloading tickets through the pages; each
refusal is a clear message, a 4xx, and writes nothing."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from grappe.events import services, tickets
from grappe.events.choices import Audience, RegistrationStatus
from grappe.events.models import Event, Registration
from tests.events.factories import EventFactory
from tests.labelling.letter_factories import require_pdf_rendering

pytestmark = pytest.mark.django_db
Status = RegistrationStatus


def register_url(event):
    return reverse("events:register", args=[event.slug])


GUEST = {
    "first_name": "Claude",
    "last_name": "Girard",
    "email": "claude@example.org",
    "organisation_name": "Horlogerie Comtoise",
}


def test_a_member_registers_in_one_click(client, member, event):
    client.force_login(member)
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'data-action="register"' in page
    assert "<form" in page
    response = client.post(register_url(event), follow=True)
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED
    assert registration.is_member
    assert "You are registered" in response.content.decode()
    assert reverse("events:ticket", args=[registration.pk]) in response.content.decode()


def test_a_guest_registers_confirms_from_the_email_and_gets_a_ticket(
    client, event, django_capture_on_commit_callbacks
):
    assert "first_name" in client.get(register_url(event)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(event), GUEST)
    assert response.status_code == 200
    assert 'data-sent-to="claude@example.org"' in response.content.decode()
    registration = Registration.objects.get()
    assert registration.status == Status.PENDING
    link = reverse("events:participant", args=[registration.token])
    assert link in mail.outbox[0].body
    # Opening the link changes nothing by itself (mail scanners open links too).
    page = client.get(link)
    assert 'data-action="confirm-registration"' in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.PENDING
    response = client.post(reverse("events:confirm", args=[registration.token]), follow=True)
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert reverse("events:ticket_token", args=[registration.token]) in response.content.decode()


def test_the_guest_form_names_the_field_in_error(client, event):
    response = client.post(register_url(event), {**GUEST, "email": "nope", "last_name": ""})
    assert response.status_code == 422
    form = response.context["form"]
    assert set(form.errors) == {"email", "last_name"}
    assert not Registration.objects.exists()


# Bad input on the pages --------------------------------------------------------------------


def refused(response, status, words):
    assert response.status_code == status
    assert words in response.content.decode()


def test_before_opening_after_closing(client, member):
    early = EventFactory(registration_opens_at=timezone.now() + datetime.timedelta(days=1))
    late = EventFactory(registration_closes_at=timezone.now() - datetime.timedelta(days=1))
    refused(client.post(register_url(early), GUEST), 409, "opens on")
    refused(client.post(register_url(late), GUEST), 409, "closed")
    client.force_login(member)
    refused(client.post(register_url(early)), 409, "opens on")
    refused(client.post(register_url(late)), 409, "closed")
    assert not Registration.objects.exists()


def test_twice(client, member, event):
    client.force_login(member)
    client.post(register_url(event))
    refused(client.post(register_url(event)), 409, "already registered")
    client.logout()
    client.post(register_url(event), GUEST)
    refused(client.post(register_url(event), GUEST), 409, "already registered")
    assert Registration.objects.count() == 2


def test_beyond_capacity_without_a_waiting_list(client, member, other_member):
    event = EventFactory(capacity=1, has_waiting_list=False)
    services.register_member(actor=member, event=event)
    client.force_login(other_member)
    refused(client.post(register_url(event)), 409, "full and has no waiting list")
    client.logout()
    refused(client.post(register_url(event), GUEST), 409, "full and has no waiting list")
    assert Registration.objects.count() == 1
    assert Event.objects.get(pk=event.pk).seats_taken == 1


def test_a_non_member_on_a_members_only_event(client, outsider, staff):
    event = EventFactory(audience=Audience.MEMBERS)
    # Hidden from the public, refused to a logged-in non-member (staff see it).
    assert client.post(register_url(event), GUEST).status_code == 404
    client.force_login(outsider)
    assert client.post(register_url(event), GUEST).status_code == 404
    client.force_login(staff)
    assert client.post(register_url(event), GUEST).status_code == 403
    assert not Registration.objects.exists()


# My registrations, cancellation, tickets ----------------------------------------------------


def test_my_registrations_lists_only_mine(client, member, other_member, event):
    mine = services.register_member(actor=member, event=event)
    theirs = services.register_member(actor=other_member, event=EventFactory(title_en="Other"))
    client.force_login(member)
    text = client.get(reverse("events:my_registrations")).content.decode()
    assert f'data-registration="{mine.pk}"' in text
    assert f'data-registration="{theirs.pk}"' not in text


def test_my_registrations_costs_a_fixed_number_of_queries(
    client, member, django_assert_max_num_queries
):
    for _ in range(15):
        services.register_member(actor=member, event=EventFactory())
    client.force_login(member)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("events:my_registrations")).status_code == 200


def test_an_empty_list_says_so(client, member):
    client.force_login(member)
    assert "no registration yet" in client.get(reverse("events:my_registrations")).content.decode()


def test_cancelling_asks_for_confirmation_then_frees_the_seat(client, member, event):
    registration = services.register_member(actor=member, event=event)
    client.force_login(member)
    url = reverse("events:cancel", args=[registration.pk])
    assert 'data-action="confirm"' in client.get(url).content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    response = client.post(url)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert Event.objects.get(pk=event.pk).seats_taken == 0
    refused(client.post(url), 409, "already cancelled")


def test_cancelling_from_the_emailed_link(client, event):
    registration = services.register_guest(
        event=event, first_name="A", last_name="B", email="a@example.org"
    )
    url = reverse("events:cancel_token", args=[registration.token])
    assert client.get(url).status_code == 200
    client.post(url)
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_nobody_else_sees_or_cancels_a_registration(client, member, other_member, event):
    registration = services.register_member(actor=member, event=event)
    client.force_login(other_member)
    assert client.get(reverse("events:ticket", args=[registration.pk])).status_code == 404
    assert client.post(reverse("events:cancel", args=[registration.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("events:ticket", args=[registration.pk])).status_code == 302
    assert client.get(reverse("events:participant", args=["not-a-token"])).status_code == 404
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_no_ticket_before_confirmation(client, event):
    registration = services.register_guest(
        event=event, first_name="A", last_name="B", email="a@example.org"
    )
    response = client.get(reverse("events:ticket_token", args=[registration.token]))
    refused(response, 409, "no ticket")


def test_the_ticket_pdf_names_the_person_and_holds_the_check_in_url(client, member, event):
    require_pdf_rendering()
    registration = services.register_member(actor=member, event=event)
    client.force_login(member)
    response = client.get(reverse("events:ticket", args=[registration.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert registration.last_name in text
    assert "Machining workshop" in text or "Atelier usinage" in text
    html = tickets.render_ticket_html(registration)
    assert "<svg" in html
    assert tickets.check_in_url(registration).endswith(
        reverse("events:check_in_token", args=[registration.token])
    )


def test_without_pdf_rendering_the_ticket_says_so_with_503(client, member, event, monkeypatch):
    registration = services.register_member(actor=member, event=event)
    monkeypatch.setattr("grappe.core.pdf.weasyprint", None)
    client.force_login(member)
    response = client.get(reverse("events:ticket", args=[registration.pk]))
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
