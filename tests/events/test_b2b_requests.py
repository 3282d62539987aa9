"""Meeting requests and meetings through the services: ask, accept, decline, withdraw, the
staff's additions and removals, and every kind of bad request refused with nothing written."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from grappe.core.models import ActivityLog
from grappe.events.choices import Priority, RegistrationStatus, RequestStatus
from grappe.events.models import Meeting, MeetingRequest
from grappe.events.services.b2b_common import WrongState
from grappe.events.services.b2b_requests import (
    accept_request,
    add_meeting,
    cancel_meeting,
    decline_request,
    request_meeting,
    withdraw_request,
)
from grappe.events.services.registration import cancel_registration
from tests.events.b2b_factories import b2b_event, participant
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return b2b_event()


def ask(requester, recipient, **fields):
    return request_meeting(
        actor=requester.user, requester=requester.profile, recipient=recipient.profile, **fields
    )


def test_a_request_accepted_becomes_a_meeting_weighing_its_priority(
    alice, bruno, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(alice, bruno, message="Vos vis médicales ?", priority=Priority.HIGH)
    assert request.status == RequestStatus.PENDING
    assert [m.to for m in mail.outbox] == [[bruno.profile.registration.email]]
    assert "Alpha Décolletage" in mail.outbox[0].body
    assert "Vos vis médicales ?" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        meeting = accept_request(actor=bruno.user, request=request)
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert request.answered_at
    assert (meeting.first, meeting.second) == (alice.profile, bruno.profile)
    assert meeting.weight == Priority.HIGH
    assert meeting.request == request
    assert mail.outbox[-1].to == [alice.profile.registration.email]
    assert set(ActivityLog.objects.values_list("action", flat=True)) >= {
        "events.b2b.request_made",
        "events.b2b.request_accepted",
    }


def test_declined_and_withdrawn_requests_make_no_meeting(alice, bruno, event):
    carla = participant(event)
    declined = decline_request(actor=bruno.user, request=ask(alice, bruno))
    withdrawn = withdraw_request(actor=alice.user, request=ask(alice, carla))
    assert declined.status == RequestStatus.DECLINED
    assert withdrawn.status == RequestStatus.WITHDRAWN
    assert not Meeting.objects.exists()
    # Once declined, asking again is allowed.
    assert ask(alice, bruno).status == RequestStatus.PENDING


def nothing_written(before: tuple[int, int, int]) -> bool:
    return before == (
        MeetingRequest.objects.count(),
        Meeting.objects.count(),
        ActivityLog.objects.filter(action__startswith="events.b2b.request").count(),
    )


def counts() -> tuple[int, int, int]:
    return (
        MeetingRequest.objects.count(),
        Meeting.objects.count(),
        ActivityLog.objects.filter(action__startswith="events.b2b.request").count(),
    )


def test_a_request_to_oneself_is_refused_naming_the_recipient(alice):
    before = counts()
    with pytest.raises(ValidationError) as error:
        ask(alice, alice)
    assert "yourself" in error.value.message_dict["recipient"][0]
    assert nothing_written(before)


def test_a_request_to_a_participant_of_another_event_is_refused(alice):
    stranger = participant(b2b_event())
    before = counts()
    with pytest.raises(ValidationError) as error:
        ask(alice, stranger)
    assert "does not take part" in error.value.message_dict["recipient"][0]
    assert nothing_written(before)


def test_a_request_to_a_cancelled_or_unlisted_participant_is_refused(alice, bruno, event):
    carla = participant(event)
    registration = carla.profile.registration
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status"])
    bruno.profile.is_listed = False
    bruno.profile.save(update_fields=["is_listed"])
    before = counts()
    with pytest.raises(ValidationError) as cancelled:
        ask(alice, carla)
    with pytest.raises(ValidationError) as unlisted:
        ask(alice, bruno)
    assert "no longer confirmed" in cancelled.value.message_dict["recipient"][0]
    assert "does not take requests" in unlisted.value.message_dict["recipient"][0]
    assert nothing_written(before)


def test_a_request_twice_or_both_ways_is_refused(alice, bruno):
    ask(alice, bruno)
    before = counts()
    with pytest.raises(WrongState, match="already open"):
        ask(alice, bruno)
    with pytest.raises(WrongState, match="already open"):
        ask(bruno, alice)
    assert nothing_written(before)


@pytest.mark.parametrize(
    ("fields", "field"), [({"priority": 7}, "priority"), ({"message": "x" * 1001}, "message")]
)
def test_bad_priority_or_long_message_names_the_field(alice, bruno, fields, field):
    with pytest.raises(ValidationError) as error:
        ask(alice, bruno, **fields)
    assert field in error.value.message_dict
    assert not MeetingRequest.objects.exists()


def test_only_the_recipient_answers_and_only_the_requester_withdraws(alice, bruno, event):
    carla = participant(event)
    request = ask(alice, bruno)
    for actor in (alice.user, carla.user):
        with pytest.raises(PermissionDenied):
            accept_request(actor=actor, request=request)
    with pytest.raises(PermissionDenied):
        withdraw_request(actor=bruno.user, request=request)
    with pytest.raises(PermissionDenied):
        request_meeting(actor=carla.user, requester=alice.profile, recipient=bruno.profile)
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING


def test_answering_twice_is_a_wrong_state(alice, bruno):
    request = ask(alice, bruno)
    accept_request(actor=bruno.user, request=request)
    with pytest.raises(WrongState):
        decline_request(actor=bruno.user, request=request)
    with pytest.raises(WrongState, match="cancel the meeting"):
        withdraw_request(actor=alice.user, request=request)
    assert Meeting.objects.count() == 1


def test_staff_add_and_remove_meetings(alice, bruno, django_capture_on_commit_callbacks):
    staff = StaffUserFactory()
    with pytest.raises(PermissionDenied):
        add_meeting(actor=alice.user, first=alice.profile, second=bruno.profile)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = add_meeting(actor=staff, first=alice.profile, second=bruno.profile, weight=3)
    assert meeting.added_by_staff
    assert meeting.weight == 3
    assert len(mail.outbox) == 2
    with pytest.raises(WrongState, match="already have a meeting"):
        add_meeting(actor=staff, first=bruno.profile, second=alice.profile)
    with pytest.raises(WrongState, match="already have a meeting"):
        ask(alice, bruno)
    cancel_meeting(actor=staff, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    with pytest.raises(WrongState):
        cancel_meeting(actor=staff, meeting=meeting)


def test_a_participant_cancels_its_meeting_and_the_request_is_withdrawn(alice, bruno, event):
    carla = participant(event)
    meeting = accept_request(actor=bruno.user, request=ask(alice, bruno))
    with pytest.raises(PermissionDenied):
        cancel_meeting(actor=carla.user, meeting=meeting)
    cancel_meeting(actor=bruno.user, meeting=meeting)
    assert meeting.request.__class__.objects.get(pk=meeting.request_id).status == (
        RequestStatus.WITHDRAWN
    )
    # The pair may meet again.
    assert ask(bruno, alice).status == RequestStatus.PENDING


def test_a_cancelled_registration_cancels_its_meetings_and_requests(alice, bruno, event):
    carla = participant(event)
    accept_request(actor=bruno.user, request=ask(alice, bruno))
    pending = ask(carla, alice)
    cancel_registration(actor=alice.user, registration=alice.profile.registration)
    assert ActivityLog.objects.filter(action="events.registration.cancelled").get().data == {
        "from": "confirmed",
        "meetings_cancelled": 1,
    }
    assert not Meeting.objects.filter(cancelled_at__isnull=True).exists()
    pending.refresh_from_db()
    assert pending.status == RequestStatus.WITHDRAWN


def test_no_request_on_an_event_without_b2b(alice, bruno, event):
    event.b2b_enabled = False
    event.save(update_fields=["b2b_enabled"])
    alice.profile.registration.event.refresh_from_db()
    with pytest.raises(WrongState, match="no B2B"):
        ask(alice, bruno)
