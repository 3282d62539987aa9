"""The staff's imports of an event's history (services.history): what each writes with its
dates, one activity-log entry per import, no e-mail, the staff only, and a bad row refused
by name with nothing written."""

import datetime
from dataclasses import replace

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from grappe.core.models import ActivityLog
from grappe.events.choices import Audience, Priority, RegistrationStatus, RequestStatus
from grappe.events.models import (
    B2BProfile,
    Event,
    Meeting,
    MeetingRequest,
    MeetingSlot,
    Registration,
)
from grappe.events.services import b2b_scheduling
from grappe.events.services.b2b_profiles import ensure_profile
from grappe.events.services.b2b_scheduling import run_scheduling
from grappe.events.services.common import WrongState
from grappe.events.services.history import (
    ProfileRecord,
    RegistrationRecord,
    RequestRecord,
    StaffMeetingRecord,
    import_meeting_history,
    import_registrations,
)
from grappe.scheduling.greedy import greedy
from tests.events.b2b_factories import b2b_event, slots
from tests.events.factories import EventFactory, RegistrationFactory, in_days
from tests.factories import OrganisationFactory, PersonFactory, TermFactory

pytestmark = pytest.mark.django_db

Status = RegistrationStatus


def logs(action: str):
    return ActivityLog.objects.filter(action=action)


# Registrations -----------------------------------------------------------------------------


@pytest.fixture
def past_event():
    """A workshop held ten days ago, 3 seats, registrations taken over the month before."""
    starts = in_days(-10, 9)
    return EventFactory(
        capacity=3,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        registration_opens_at=starts - datetime.timedelta(days=40),
        registration_closes_at=starts - datetime.timedelta(days=1),
    )


def row(event: Event, n: int, status: str = Status.CONFIRMED, **changes) -> RegistrationRecord:
    """Registered `n` days after the window opened; confirmed or waiting then."""
    at = event.registration_opens_at + datetime.timedelta(days=n)
    moments = {
        Status.CONFIRMED: {"confirmed_at": at},
        Status.WAITING: {"waiting_since": at},
        Status.CANCELLED: {"confirmed_at": at, "cancelled_at": at + datetime.timedelta(days=2)},
    }.get(status, {})
    values = {
        "first_name": "Claire",
        "last_name": f"Faivre{n}",
        "email": f"claire.faivre{n}@example.org",
        "status": status,
        "registered_at": at,
        "organisation_name": "Horlogerie Comtoise",
    }
    return RegistrationRecord(**(values | moments | changes))


def test_import_registrations_writes_each_with_its_history_and_seats(
    staff, past_event, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Décolletage du Haut-Doubs")
    person = PersonFactory(email="claire.faivre1@example.org")
    doors = past_event.starts_at - datetime.timedelta(minutes=20)
    records = [
        row(past_event, 1, person=person, organisation=organisation, is_member=True,
            checked_in_at=doors),
        row(past_event, 2),
        row(past_event, 3, Status.CANCELLED),
        row(past_event, 4),
        row(past_event, 5, Status.WAITING),
        row(past_event, 6, Status.PENDING),
    ]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        written = import_registrations(actor=staff, event=past_event, records=records)
    assert not callbacks
    assert not mail.outbox
    assert len(written) == 6
    saved = {r.email: r for r in Registration.objects.filter(event=past_event)}
    for record in records:
        registration = saved[record.email]
        assert registration.status == record.status
        assert registration.created_at == record.registered_at
        assert registration.confirmed_at == record.confirmed_at
        assert registration.waiting_since == record.waiting_since
        assert registration.cancelled_at == record.cancelled_at
        assert len(registration.token) >= 40
    first = saved["claire.faivre1@example.org"]
    assert (first.person, first.organisation, first.is_member) == (person, organisation, True)
    assert first.organisation_name == "Décolletage du Haut-Doubs"
    assert (first.checked_in_at, first.checked_in_by) == (doors, staff)
    assert saved["claire.faivre2@example.org"].checked_in_by is None
    past_event.refresh_from_db()
    assert past_event.seats_taken == 3
    (entry,) = ActivityLog.objects.all()
    assert entry.action == "events.registration.imported"
    assert entry.object_id == str(past_event.pk)
    assert entry.actor == staff
    assert entry.data == {
        "registrations": 6, "pending": 1, "confirmed": 3, "waiting": 1, "cancelled": 1,
        "checked_in": 1,
    }  # fmt: skip


def test_import_registrations_takes_the_seats_after_those_already_taken(staff, past_event):
    RegistrationFactory(event=past_event, email="deja@example.org")
    RegistrationFactory(event=past_event, email="annule@example.org", status=Status.CANCELLED)
    records = [row(past_event, 1), row(past_event, 2, email="Annule@example.org")]
    import_registrations(actor=staff, event=past_event, records=records)
    past_event.refresh_from_db()
    assert past_event.seats_taken == 3
    with pytest.raises(ValidationError) as error:
        import_registrations(actor=staff, event=past_event, records=[row(past_event, 3)])
    assert "registrations-0-status" in error.value.message_dict


@pytest.mark.parametrize("actor", ["member", "outsider", None])
def test_import_registrations_is_for_the_staff(request, actor, past_event):
    user = request.getfixturevalue(actor) if actor else None
    with pytest.raises(PermissionDenied):
        import_registrations(actor=user, event=past_event, records=[row(past_event, 1)])
    assert not Registration.objects.exists()


def bad_registrations(event: Event) -> list:
    """(the rows, the key of the error): each time the last row is wrong."""
    ended = event.ends_at + datetime.timedelta(hours=1)
    opens = event.registration_opens_at
    return [
        ([row(event, 1), row(event, 2), row(event, 3), row(event, 4)], "registrations-3-status"),
        ([row(event, 1), row(event, 2, Status.WAITING, waiting_since=None)],
         "registrations-1-waiting_since"),
        ([row(event, 1, Status.WAITING, checked_in_at=event.starts_at)],
         "registrations-0-checked_in_at"),
        ([row(event, 1), row(event, 2, email="CLAIRE.faivre1@example.org")],
         "registrations-1-email"),
        ([row(event, 1, email="claire.example.org")], "registrations-0-email"),
        ([row(event, 1, first_name=" ")], "registrations-0-first_name"),
        ([row(event, 1, status="paid")], "registrations-0-status"),
        ([row(event, 5, Status.CANCELLED, cancelled_at=opens)], "registrations-0-cancelled_at"),
        ([row(event, 1, checked_in_at=ended)], "registrations-0-checked_in_at"),
        ([row(event, 1, registered_at=ended, confirmed_at=ended)],
         "registrations-0-registered_at"),
        ([row(event, 1, confirmed_at=opens - datetime.timedelta(days=1))],
         "registrations-0-confirmed_at"),
        ([row(event, 1, Status.PENDING, confirmed_at=opens)], "registrations-0-confirmed_at"),
        ([row(event, 1, registered_at=datetime.datetime(2026, 1, 5, 9))],
         "registrations-0-registered_at"),
    ]  # fmt: skip


@pytest.mark.parametrize("case", range(13))
def test_import_registrations_refuses_a_bad_row_by_name_and_writes_nothing(staff, past_event, case):
    records, key = bad_registrations(past_event)[case]
    with pytest.raises(ValidationError) as error:
        import_registrations(actor=staff, event=past_event, records=records)
    messages = error.value.message_dict
    assert key in messages, messages
    number = int(key.split("-")[1]) + 1
    assert messages[key][0].startswith(f"Row {number}: ")
    assert not Registration.objects.exists()
    assert not ActivityLog.objects.exists()
    past_event.refresh_from_db()
    assert past_event.seats_taken == 0


def test_import_registrations_refuses_an_email_already_registered(staff, past_event):
    RegistrationFactory(event=past_event, email="claire.faivre1@example.org")
    with pytest.raises(ValidationError) as error:
        import_registrations(actor=staff, event=past_event, records=[row(past_event, 1)])
    assert "already registered" in error.value.message_dict["registrations-0-email"][0]
    assert Registration.objects.count() == 1


def test_import_registrations_follows_the_event_rules(staff, past_event):
    Event.objects.filter(pk=past_event.pk).update(audience=Audience.MEMBERS, has_waiting_list=False)
    past_event.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        import_registrations(
            actor=staff,
            event=past_event,
            records=[row(past_event, 1, is_member=True), row(past_event, 2, Status.WAITING)],
        )
    assert set(error.value.message_dict) == {
        "registrations-1-is_member",
        "registrations-1-status",
    }


def test_import_registrations_writes_in_a_few_queries(
    staff, past_event, django_assert_max_num_queries
):
    Event.objects.filter(pk=past_event.pk).update(capacity=None)
    records = [row(past_event, n % 30, email=f"p{n}@example.org") for n in range(200)]
    # SQLite inserts about 50 registrations a statement; PostgreSQL all of them at once.
    with django_assert_max_num_queries(16):
        import_registrations(actor=staff, event=past_event, records=records)
    assert Registration.objects.filter(event=past_event).count() == 200


# B2B meeting history -----------------------------------------------------------------------


@pytest.fixture
def b2b(staff):
    """A B2B event in a month with 4 slots and five confirmed participants, e's profile
    already there."""
    event = b2b_event()
    slots(event, staff=staff)
    for name in "abcde":
        RegistrationFactory(event=event, email=f"{name}@example.org")
    ensure_profile(actor=staff, registration=event.registrations.get(email="e@example.org"))
    return event


def asked(event: Event, days: int = 20, hour: int = 10) -> datetime.datetime:
    return event.starts_at - datetime.timedelta(days=days, hours=hour)


def event_slots(event: Event) -> list[MeetingSlot]:
    return list(MeetingSlot.objects.filter(event=event).order_by("starts_at"))


def history(event: Event) -> dict:
    """Profiles of a, b, c and d; a asks b (accepted), c (declined); c asks d (pending);
    d asks e (withdrawn); the staff add b and c."""
    machining, sensors = TermFactory(code="usinage"), TermFactory(code="capteurs")
    return {
        "profiles": [
            ProfileRecord(
                email="A@example.org",
                offer="Usinage de précision ",
                seek="Capteurs",
                offered_terms=[machining, machining],
                sought_terms=[sensors],
                unavailable_slots=event_slots(event)[:2],
            ),
            ProfileRecord(email="b@example.org", offered_terms=[sensors]),
            ProfileRecord(email="c@example.org", is_listed=False),
            ProfileRecord(email="d@example.org"),
        ],
        "requests": [
            RequestRecord("a@example.org", "b@example.org", asked(event), "Bonjour",
                          Priority.HIGH, RequestStatus.ACCEPTED, asked(event, 18)),
            RequestRecord("a@example.org", "c@example.org", asked(event),
                          status=RequestStatus.DECLINED, answered_at=asked(event, 19)),
            RequestRecord("c@example.org", "d@example.org", asked(event, 15)),
            RequestRecord("d@example.org", "e@example.org", asked(event, 12),
                          status=RequestStatus.WITHDRAWN, answered_at=asked(event, 11)),
        ],
        "staff_meetings": [
            StaffMeetingRecord("b@example.org", "C@example.org", asked(event, 5), Priority.HIGH)
        ],
    }  # fmt: skip


def test_import_meeting_history_writes_profiles_requests_and_meetings(
    staff, b2b, django_capture_on_commit_callbacks
):
    records = history(b2b)
    last_log = ActivityLog.objects.latest("pk").pk
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        imported = import_meeting_history(actor=staff, event=b2b, **records)
    assert not callbacks
    assert not mail.outbox
    assert (imported.profiles, imported.requests, imported.meetings) == (4, 4, 1)
    assert (imported.staff_meetings, imported.published) == (1, 0)
    profiles = {
        p.registration.email: p
        for p in B2BProfile.objects.filter(registration__event=b2b).select_related("registration")
    }
    a = profiles["a@example.org"]
    assert (a.offer, a.seek, a.is_listed) == ("Usinage de précision", "Capteurs", True)
    assert [t.code for t in a.offered_terms.all()] == ["usinage"]
    assert [t.code for t in a.sought_terms.all()] == ["capteurs"]
    assert set(a.unavailable_slots.all()) == set(event_slots(b2b)[:2])
    assert not profiles["c@example.org"].is_listed
    saved = list(MeetingRequest.objects.filter(event=b2b).order_by("created_at", "pk"))
    assert [(r.requester.registration.email, r.status) for r in saved] == [
        ("a@example.org", RequestStatus.ACCEPTED), ("a@example.org", RequestStatus.DECLINED),
        ("c@example.org", RequestStatus.PENDING), ("d@example.org", RequestStatus.WITHDRAWN),
    ]  # fmt: skip
    for request, record in zip(saved, records["requests"], strict=True):
        assert (request.created_at, request.answered_at) == (
            record.requested_at,
            record.answered_at,
        )
    accepted = Meeting.objects.get(request=saved[0])
    assert (accepted.first, accepted.second) == (a, profiles["b@example.org"])
    assert accepted.weight == Priority.HIGH
    assert accepted.created_at == asked(b2b, 18)
    added = Meeting.objects.get(added_by_staff=True)
    assert (added.first, added.second) == (profiles["b@example.org"], profiles["c@example.org"])
    assert added.created_at == asked(b2b, 5)
    assert added.request is None
    (entry,) = ActivityLog.objects.filter(pk__gt=last_log)
    assert entry.action == "events.b2b.history_imported"
    assert entry.object_id == str(b2b.pk)
    assert entry.data["profiles"] == 4
    assert entry.data["requests_accepted"] == 1
    assert entry.data["staff_meetings"] == 1


def test_import_meeting_history_publishes_the_agendas_at_their_date(
    staff, b2b, monkeypatch, django_capture_on_commit_callbacks
):
    import_meeting_history(actor=staff, event=b2b, **history(b2b))
    with pytest.raises(WrongState):
        import_meeting_history(actor=staff, event=b2b, published_at=asked(b2b, 3))
    monkeypatch.setattr(b2b_scheduling, "solve", lambda instance, *, time_limit: greedy(instance))
    run_scheduling(actor=staff, event=b2b)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        imported = import_meeting_history(actor=staff, event=b2b, published_at=asked(b2b, 3))
    assert not callbacks
    assert not mail.outbox
    assert imported.published == 2
    assert set(Meeting.objects.values_list("published_at", flat=True)) == {asked(b2b, 3)}
    b2b.refresh_from_db()
    assert b2b.agendas_published_at == asked(b2b, 3)
    assert logs("events.b2b.history_imported").count() == 2
    assert logs("events.b2b.history_imported").order_by("pk").last().data["published"] == 2
    with pytest.raises(ValidationError) as error:
        import_meeting_history(actor=staff, event=b2b, published_at=asked(b2b, 4))
    assert "published_at" in error.value.message_dict


def test_run_scheduling_searches_as_long_as_asked_or_as_the_setting_says(
    staff, b2b, monkeypatch, settings
):
    settings.B2B_SCHEDULER_TIME_LIMIT = 7
    limits = []

    def solve(instance, *, time_limit):
        limits.append(time_limit)
        return greedy(instance)

    monkeypatch.setattr(b2b_scheduling, "solve", solve)
    run_scheduling(actor=staff, event=b2b, time_limit=0.5)
    run_scheduling(actor=staff, event=b2b)
    assert limits == [0.5, 7]


@pytest.mark.parametrize("actor", ["member", "outsider", None])
def test_import_meeting_history_is_for_the_staff(request, actor, b2b):
    user = request.getfixturevalue(actor) if actor else None
    with pytest.raises(PermissionDenied):
        import_meeting_history(actor=user, event=b2b, **history(b2b))
    assert B2BProfile.objects.count() == 1


def test_import_meeting_history_needs_b2b_meetings(staff):
    event = EventFactory()
    RegistrationFactory(event=event, email="a@example.org")
    with pytest.raises(WrongState):
        import_meeting_history(
            actor=staff, event=event, profiles=[ProfileRecord(email="a@example.org")]
        )
    assert not B2BProfile.objects.exists()


def _change(records: dict, group: str, index: int, **changes) -> dict:
    rows = list(records[group])
    rows[index] = replace(rows[index], **changes)
    return records | {group: rows}


def _add(records: dict, group: str, record) -> dict:
    return records | {group: [*records[group], record]}


BAD_HISTORY = [
    # A request to oneself.
    (lambda r, e: _change(r, "requests", 2, recipient="C@example.org"), "requests-2-recipient"),
    # A meeting with somebody who has no profile.
    (lambda r, e: _change(r, "staff_meetings", 0, second="z@example.org"),
     "staff_meetings-0-second"),
    (lambda r, e: _change(r, "requests", 1, requester="z@example.org"), "requests-1-requester"),
    # A profile for a registration that is not confirmed, or twice.
    (lambda r, e: _add(r, "profiles", ProfileRecord(email="w@example.org")), "profiles-4-email"),
    (lambda r, e: _add(r, "profiles", ProfileRecord(email="e@example.org")), "profiles-4-email"),
    (lambda r, e: _add(r, "profiles", ProfileRecord(email="b@example.org")), "profiles-4-email"),
    # A slot of another event.
    (lambda r, e: _change(r, "profiles", 1, unavailable_slots=slots(b2b_event())[:1]),
     "profiles-1-unavailable_slots"),
    # Answers without their moment, or before the request.
    (lambda r, e: _change(r, "requests", 0, answered_at=None), "requests-0-answered_at"),
    (lambda r, e: _change(r, "requests", 2, answered_at=asked(e)), "requests-2-answered_at"),
    (lambda r, e: _change(r, "requests", 1, answered_at=asked(e, 25)), "requests-1-answered_at"),
    (lambda r, e: _change(r, "requests", 1, priority=7), "requests-1-priority"),
    (lambda r, e: _change(r, "requests", 1, status="maybe"), "requests-1-status"),
    # A second open request between two participants, either way round.
    (lambda r, e: _add(r, "requests", RequestRecord("d@example.org", "c@example.org", asked(e))),
     "requests-4-recipient"),
    # A second meeting between two participants.
    (lambda r, e: _change(r, "staff_meetings", 0, first="a@example.org",
                          second="b@example.org"), "staff_meetings-0-second"),
    (lambda r, e: _change(r, "staff_meetings", 0, weight=0), "staff_meetings-0-weight"),
]  # fmt: skip


@pytest.mark.parametrize("case", range(len(BAD_HISTORY)))
def test_import_meeting_history_refuses_a_bad_row_by_name_and_writes_nothing(staff, b2b, case):
    RegistrationFactory(event=b2b, email="w@example.org", status=Status.WAITING)
    change, key = BAD_HISTORY[case]
    records = change(history(b2b), b2b)
    before = ActivityLog.objects.count()
    with pytest.raises(ValidationError) as error:
        import_meeting_history(actor=staff, event=b2b, **records)
    messages = error.value.message_dict
    assert key in messages, messages
    assert messages[key][0].startswith(f"Row {int(key.split('-')[1]) + 1}: ")
    assert B2BProfile.objects.count() == 1
    assert not MeetingRequest.objects.exists()
    assert not Meeting.objects.exists()
    assert ActivityLog.objects.count() == before


def test_import_meeting_history_writes_in_a_few_queries(staff, django_assert_max_num_queries):
    event = b2b_event()
    away = slots(event, staff=staff)[:1]
    term = TermFactory()
    emails = [f"p{n}@example.org" for n in range(40)]
    for email in emails:
        RegistrationFactory(event=event, email=email)
    profiles = [
        ProfileRecord(email=email, unavailable_slots=away, offered_terms=[term]) for email in emails
    ]
    requests = [
        RequestRecord(emails[n], emails[(n + k) % 40], asked(event), status=status,
                      answered_at=None if status == RequestStatus.PENDING else asked(event, 19))
        for n in range(40)
        for k, status in ((1, RequestStatus.ACCEPTED), (2, RequestStatus.PENDING))
    ]  # fmt: skip
    with django_assert_max_num_queries(16):
        imported = import_meeting_history(
            actor=staff, event=event, profiles=profiles, requests=requests
        )
    assert (imported.profiles, imported.requests, imported.meetings) == (40, 80, 40)


def test_nothing_to_import_is_refused(staff, b2b, past_event):
    with pytest.raises(ValidationError):
        import_meeting_history(actor=staff, event=b2b)
    with pytest.raises(ValidationError):
        import_registrations(actor=staff, event=past_event, records=[])


def test_a_participant_no_longer_confirmed_takes_no_part(staff, b2b):
    Registration.objects.filter(event=b2b, email="e@example.org").update(
        status=Status.CANCELLED, cancelled_at=asked(b2b, 1)
    )
    with pytest.raises(ValidationError) as error:
        import_meeting_history(actor=staff, event=b2b, **history(b2b))
    assert list(error.value.message_dict) == ["requests-3-recipient"]
    RegistrationFactory(event=b2b, email="E@example.org")
    imported = import_meeting_history(
        actor=staff, event=b2b, **_add(history(b2b), "profiles", ProfileRecord("e@example.org"))
    )
    assert imported.profiles == 5
