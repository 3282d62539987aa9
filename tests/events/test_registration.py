"""Registration services: one click for members, the public form with e-mail confirmation,
the waiting list and its promotions, cancellation; refusals write nothing."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from grappe.core.models import ActivityLog
from grappe.events import services
from grappe.events.choices import Audience, RegistrationStatus
from grappe.events.models import Event, Registration
from grappe.events.services import WrongState
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import member_contact

pytestmark = pytest.mark.django_db
Status = RegistrationStatus


def seats(event: Event) -> int:
    return Event.objects.get(pk=event.pk).seats_taken


def guest(event, email="claude@example.org", **kwargs):
    return services.register_guest(
        event=event,
        first_name=kwargs.get("first_name", "Claude"),
        last_name=kwargs.get("last_name", "Girard"),
        email=email,
        organisation_name="Horlogerie Comtoise",
    )


def test_a_member_registers_in_one_click_at_the_member_rate(
    member, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register_member(actor=member, event=event)
    assert registration.status == Status.CONFIRMED
    assert registration.is_member
    assert registration.person == member.person
    assert registration.organisation == member.person.organisations.get()
    assert registration.email == member.person.email
    assert len(registration.token) >= 40
    assert seats(event) == 1
    assert ActivityLog.objects.filter(action="events.registration.created").count() == 1
    (message,) = mail.outbox
    assert message.to == [member.person.email]
    assert message.subject == "[PMT] Registration confirmed: Machining workshop"
    assert f"/evenements/billet/{registration.token}/" in message.body


def test_a_guest_is_pending_until_the_link_is_clicked(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = guest(event)
    assert registration.status == Status.PENDING
    assert not registration.is_member
    assert seats(event) == 0  # a pending registration takes no seat
    (message,) = mail.outbox
    assert message.subject == "[PMT] Confirm your registration: Machining workshop"
    assert f"/evenements/billet/{registration.token}/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = services.confirm_registration(token=registration.token)
    assert confirmed.status == Status.CONFIRMED
    assert seats(event) == 1
    assert mail.outbox[-1].subject == "[PMT] Registration confirmed: Machining workshop"
    # Following the link again changes nothing.
    assert services.confirm_registration(token=registration.token).status == Status.CONFIRMED
    assert seats(event) == 1


def test_the_guest_form_names_the_field_in_error(event):
    with pytest.raises(ValidationError) as error:
        services.register_guest(
            event=event, first_name="", last_name="Girard", email="not-an-address"
        )
    assert set(error.value.message_dict) == {"first_name", "email"}
    assert not Registration.objects.exists()


def test_when_full_the_next_goes_to_the_waiting_list_and_is_promoted_with_an_email(
    event, member, other_member, django_capture_on_commit_callbacks
):
    first = services.register_member(actor=member, event=event)
    services.register_member(actor=other_member, event=event)
    third = member_contact(username="third")
    fourth = member_contact(username="fourth")
    waiting = services.register_member(actor=third, event=event)
    last = services.register_member(actor=fourth, event=event)
    assert (waiting.status, last.status) == (Status.WAITING, Status.WAITING)
    assert seats(event) == 2
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(actor=member, registration=first)
    waiting.refresh_from_db()
    last.refresh_from_db()
    assert waiting.status == Status.CONFIRMED  # the earliest waiting is promoted
    assert last.status == Status.WAITING
    assert seats(event) == 2
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[waiting.email] == "[PMT] A seat is yours: Machining workshop"
    assert subjects[first.email] == "[PMT] Registration cancelled: Machining workshop"
    assert ActivityLog.objects.filter(action="events.registration.promoted").count() == 1


def test_a_guest_confirming_on_a_full_event_joins_the_waiting_list(event, member, other_member):
    registration = guest(event)
    services.register_member(actor=member, event=event)
    services.register_member(actor=other_member, event=event)
    assert services.confirm_registration(token=registration.token).status == Status.WAITING


def test_a_larger_capacity_promotes_the_waiting_list(event, member, other_member, staff):
    services.register_member(actor=member, event=event)
    services.register_member(actor=other_member, event=event)
    waiting = services.register_member(actor=member_contact(username="third"), event=event)
    assert waiting.status == Status.WAITING
    services.update_event(actor=staff, event=event, data={"capacity": 3})
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert seats(event) == 3


def test_a_capacity_below_the_confirmed_is_refused(event, member, other_member, staff):
    services.register_member(actor=member, event=event)
    services.register_member(actor=other_member, event=event)
    with pytest.raises(ValidationError) as error:
        services.update_event(actor=staff, event=event, data={"capacity": 1})
    assert "capacity" in error.value.message_dict
    assert Event.objects.get(pk=event.pk).capacity == 2


# Refusals: nothing is written --------------------------------------------------------------


def nothing_written(event):
    assert not Registration.objects.filter(event=event).exists()
    assert seats(event) == 0
    assert not ActivityLog.objects.filter(action__startswith="events.registration").exists()


def test_registration_before_opening_is_refused(member):
    event = EventFactory(registration_opens_at=timezone.now() + datetime.timedelta(days=2))
    with pytest.raises(WrongState, match="opens on"):
        services.register_member(actor=member, event=event)
    with pytest.raises(WrongState, match="opens on"):
        guest(event)
    nothing_written(event)


def test_registration_after_closing_is_refused(member):
    event = EventFactory(registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(WrongState, match="closed"):
        services.register_member(actor=member, event=event)
    with pytest.raises(WrongState, match="closed"):
        guest(event)
    nothing_written(event)


def test_registering_twice_is_refused(member, event):
    services.register_member(actor=member, event=event)
    with pytest.raises(WrongState, match="already registered"):
        services.register_member(actor=member, event=event)
    guest(event, email="claude@example.org")
    with pytest.raises(WrongState, match="already registered"):
        guest(event, email="CLAUDE@example.org")
    assert Registration.objects.filter(event=event).count() == 2
    assert seats(event) == 1


def test_the_database_refuses_a_second_live_registration_of_an_email(event):
    RegistrationFactory(event=event, email="a@example.org")
    with pytest.raises(WrongState, match="already registered"):
        services.registration._insert(
            Registration(
                event=event,
                first_name="A",
                last_name="B",
                email="A@example.org",
                status=Status.PENDING,
                token="x" * 43,
            )
        )


def test_beyond_capacity_without_a_waiting_list_is_refused(member, other_member):
    event = EventFactory(capacity=1, has_waiting_list=False)
    services.register_member(actor=member, event=event)
    with pytest.raises(WrongState, match="full"):
        services.register_member(actor=other_member, event=event)
    with pytest.raises(WrongState, match="full"):
        guest(event)
    assert Registration.objects.filter(event=event).count() == 1
    assert seats(event) == 1


def test_a_pending_guest_confirming_a_full_event_without_list_is_refused(member):
    event = EventFactory(capacity=1, has_waiting_list=False)
    registration = guest(event)
    services.register_member(actor=member, event=event)
    with pytest.raises(WrongState, match="full"):
        services.confirm_registration(token=registration.token)
    registration.refresh_from_db()
    assert registration.status == Status.PENDING
    assert seats(event) == 1


def test_members_only_events_refuse_non_members(outsider):
    event = EventFactory(audience=Audience.MEMBERS)
    with pytest.raises(PermissionDenied):
        services.register_member(actor=outsider, event=event)
    with pytest.raises(PermissionDenied):
        guest(event)
    nothing_written(event)


# Cancellation ------------------------------------------------------------------------------


def test_only_the_participant_or_the_staff_cancel(member, other_member, staff, event):
    registration = services.register_member(actor=member, event=event)
    with pytest.raises(PermissionDenied):
        services.cancel_registration(actor=other_member, registration=registration)
    services.cancel_registration(actor=staff, registration=registration)
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert seats(event) == 0
    with pytest.raises(WrongState, match="already cancelled"):
        services.cancel_registration(actor=member, registration=registration)


def test_cancelling_from_the_emailed_link(event):
    registration = guest(event)
    services.confirm_registration(token=registration.token)
    assert seats(event) == 1
    services.cancel_registration_by_token(token=registration.token)
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert seats(event) == 0


def test_after_cancelling_one_may_register_again(member, event):
    registration = services.register_member(actor=member, event=event)
    services.cancel_registration(actor=member, registration=registration)
    again = services.register_member(actor=member, event=event)
    assert again.status == Status.CONFIRMED


def test_participants_cannot_cancel_once_the_event_has_started(member):
    event = EventFactory(
        starts_at=timezone.now() + datetime.timedelta(hours=1),
        registration_closes_at=None,
    )
    registration = services.register_member(actor=member, event=event)
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    with pytest.raises(WrongState, match="started"):
        services.cancel_registration(actor=member, registration=registration)
