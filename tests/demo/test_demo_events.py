"""The demo's events: MICRONORA 2026 with 300 participants, their requests and a published
schedule; the pôle's days past and coming; a full workshop with its waiting list; the plan
the same for the same day, and a second run that writes nothing."""

import datetime
from collections import Counter

import pytest
from django.db.models import Count
from django.utils import timezone

from grappe.core.models import ActivityLog
from grappe.core.services import DEFAULT_VOCABULARY, read_vocabulary_csv
from grappe.demo import events as demo_events
from grappe.demo.context import DemoContext
from grappe.demo.events_plan import B2B_DAYS, MICRONORA_SLUG, plan
from grappe.demo.events_requests import MOST_MEETINGS
from grappe.demo.organisations import plan_organisations
from grappe.demo.people import plan_people
from grappe.events.choices import EventKind, RegistrationStatus, RequestStatus, RunStatus
from grappe.events.models import (
    B2BProfile,
    Event,
    Meeting,
    MeetingRequest,
    MeetingSlot,
    Registration,
    SchedulingRun,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 26)
VOCABULARY = {row["code"] for row in read_vocabulary_csv(DEFAULT_VOCABULARY)}


# The plan: plain Python, no database.


@pytest.fixture(scope="module")
def events_plan():
    return plan(TODAY)


def test_the_plan_is_the_same_for_the_same_day(events_plan):
    assert plan(TODAY) == events_plan


def test_micronora_plans_300_participants_with_profiles_in_the_vocabulary(events_plan):
    participants = events_plan.participants
    assert len(participants) == 300
    assert len({p.email for p in participants}) == 300
    members = [p for p in participants if p.organisation]
    assert 150 <= len(members) <= 220
    for participant in participants:
        assert set(participant.offers) | set(participant.seeks) <= VOCABULARY, participant.email
        assert participant.offers or participant.seeks
        assert participant.offer
        assert participant.seek
        assert participant.days in ((0, 1), (0,), (1,))
    member_emails = {person.email for person in plan_people(plan_organisations(2026))}
    assert {p.email for p in members} <= member_emails
    assert not {p.email for p in participants if not p.organisation} & member_emails


def test_requests_are_about_five_each_skewed_and_mostly_accepted(events_plan):
    requests = events_plan.meetings.requests
    participants = {p.email: p for p in events_plan.participants}
    assert 4 <= len(requests) / len(participants) <= 6
    pairs = [frozenset((r.requester, r.recipient)) for r in requests]
    assert len(set(pairs)) == len(pairs), "a pair asks once"
    for request in requests:
        asker, asked = participants[request.requester], participants[request.recipient]
        assert asker.organisation_name != asked.organisation_name
        if request.answer == RequestStatus.ACCEPTED:
            assert set(asker.days) & set(asked.days)
    answers = Counter(r.answer for r in requests)
    assert answers[RequestStatus.ACCEPTED] > len(requests) / 2
    assert answers[RequestStatus.DECLINED] > 0
    assert answers[RequestStatus.PENDING] > 0
    received = Counter(r.recipient for r in requests)
    assert received.most_common(1)[0][1] >= 20, "the large buyers are much asked"
    accepted = Counter()
    for request in requests:
        if request.answer == RequestStatus.ACCEPTED:
            accepted.update((request.requester, request.recipient))
    for email, count in accepted.items():
        assert count <= MOST_MEETINGS[len(participants[email].days)]
    assert sum(1 for r in requests if r.message) > 0.8 * len(requests)


@pytest.mark.parametrize(
    "today",
    [datetime.date(2026, 11, 26), datetime.date(2026, 12, 10), datetime.date(2027, 3, 2)],
)
def test_the_pole_days_are_placed_around_the_day_outside_the_holidays(today):
    events = plan(today).events
    assert [e.kind for e in events].count(EventKind.TRAINING) == 2
    assert {e.kind for e in events} == {
        EventKind.TRADE_SHOW, EventKind.BUSINESS_CONVENTION, EventKind.CONFERENCE,
        EventKind.TRAINING, EventKind.WORKSHOP,
    }  # fmt: skip
    micronora = next(e for e in events if e.slug == MICRONORA_SLUG)
    assert micronora.starts_at.date() == datetime.date(2026, 9, 22)
    for event in events:
        if event is micronora:
            continue
        day = event.starts_at.date()
        assert not (day.month == 12 and day.day >= 19)
        assert not (day.month == 1 and day.day <= 5)
        assert day.weekday() < 5
        assert event.registration_opens_at < event.registration_closes_at <= event.starts_at
        checked_in = any(a.checked_in for a in event.attendees)
        assert checked_in == (day < today), event.slug


# The demo as built.


def micronora() -> Event:
    return Event.objects.get(slug=MICRONORA_SLUG)


def test_micronora_2026_has_300_confirmed_participants_and_b2b_meetings(demo):
    event = micronora()
    assert event.kind == EventKind.TRADE_SHOW
    assert event.city == "Besançon"
    assert event.b2b_enabled
    assert event.registrations.count() == 300
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 300
    assert event.seats_taken == 300
    members = event.registrations.filter(is_member=True)
    assert members.count() == members.filter(person__isnull=False).count() > 150
    assert B2BProfile.objects.filter(registration__event=event).count() == 300


def test_the_slot_plan_has_two_days_of_20_minute_slots_with_tables(demo):
    slots = MeetingSlot.objects.filter(event=micronora())
    assert slots.count() == 32
    days = {timezone.localtime(slot.starts_at).date() for slot in slots}
    assert days == set(B2B_DAYS)
    for slot in slots:
        assert slot.ends_at - slot.starts_at == datetime.timedelta(minutes=20)
        assert slot.tables == 40


def test_one_day_participants_are_away_the_other_day(demo):
    away = B2BProfile.objects.filter(registration__event=micronora()).annotate(
        slots=Count("unavailable_slots")
    )
    assert set(away.values_list("slots", flat=True)) == {0, 16}
    assert away.filter(slots=16).count() > 30


def test_requests_were_made_answered_and_became_meetings(demo):
    event = micronora()
    requests = MeetingRequest.objects.filter(event=event)
    statuses = Counter(requests.values_list("status", flat=True))
    assert 1000 <= requests.count() <= 1800
    assert statuses[RequestStatus.ACCEPTED] > statuses[RequestStatus.DECLINED] > 0
    assert statuses[RequestStatus.PENDING] > 0
    accepted = requests.filter(status=RequestStatus.ACCEPTED)
    assert Meeting.objects.filter(event=event, request__in=accepted).count() == accepted.count()
    assert Meeting.objects.filter(event=event, added_by_staff=True).exists()
    assert not requests.exclude(status=RequestStatus.PENDING).filter(answered_at=None).exists()


def test_the_agendas_are_published_with_a_slot_and_a_table_each(demo):
    event = micronora()
    assert event.agendas_published_at is not None
    run = SchedulingRun.objects.get(event=event)
    assert run.status in (RunStatus.OPTIMAL, RunStatus.FEASIBLE)
    live = Meeting.objects.filter(event=event, cancelled_at__isnull=True)
    published = live.filter(published_at__isnull=False).select_related("slot")
    assert published.count() == run.meetings_scheduled >= 0.95 * live.count()
    seats, tables = Counter(), Counter()
    for meeting in published:
        assert meeting.slot is not None
        assert 1 <= meeting.table <= meeting.slot.tables
        seats.update([(meeting.first_id, meeting.slot_id), (meeting.second_id, meeting.slot_id)])
        tables[(meeting.slot_id, meeting.table)] += 1
    assert max(seats.values()) == 1, "nobody has two meetings in a slot"
    assert max(tables.values()) == 1


def test_the_member_login_has_its_published_agenda(demo):
    registration = micronora().registrations.get(person__user__username="membre")
    profile = registration.b2b_profile
    meetings = Meeting.objects.filter(first=profile) | Meeting.objects.filter(second=profile)
    assert meetings.filter(published_at__isnull=False).count() >= 3


def test_the_full_workshop_has_a_waiting_list_in_order(demo):
    workshop = Event.objects.get(kind=EventKind.WORKSHOP)
    assert workshop.is_full
    assert workshop.has_waiting_list
    waiting = workshop.registrations.filter(status=RegistrationStatus.WAITING)
    assert waiting.count() >= 5
    moments = list(waiting.order_by("waiting_since").values_list("waiting_since", flat=True))
    assert len(set(moments)) == len(moments)
    assert workshop.registrations.filter(person__user__username="membre").exists()


def test_past_days_were_attended_and_coming_ones_are_open(demo):
    now = timezone.now()
    for event in Event.objects.exclude(slug=MICRONORA_SLUG):
        checked_in = Registration.objects.filter(event=event, checked_in_at__isnull=False)
        if event.ends_at < now:
            assert checked_in.count() >= 0.7 * event.seats_taken, event.slug
        else:
            assert not checked_in.exists(), event.slug
            assert event.registration_is_open(now) or event.is_full, event.slug
    assert Event.objects.filter(kind=EventKind.TRAINING).count() == 2
    bio = Event.objects.get(kind=EventKind.BUSINESS_CONVENTION)
    assert bio.registrations.filter(status=RegistrationStatus.PENDING).exists()


def test_the_history_has_the_dates_it_happened(demo):
    for event in Event.objects.all():
        registrations = Registration.objects.filter(event=event)
        assert not registrations.filter(created_at__gt=event.registration_closes_at).exists()
        for registration in registrations.filter(checked_in_at__isnull=False):
            assert registration.checked_in_at.date() == event.starts_at.date()
    event = micronora()
    assert event.agendas_published_at < event.starts_at
    requests = MeetingRequest.objects.filter(event=event)
    assert not requests.filter(created_at__gt=event.agendas_published_at).exists()
    assert not requests.filter(answered_at__gt=event.agendas_published_at).exists()


def test_the_command_prints_the_events(demo):
    assert "MICRONORA 2026" in demo.first_output
    assert "meeting requests" in demo.first_output


def test_a_second_run_writes_no_event(demo):
    assert demo.first["events"] == demo.second["events"]
    assert demo.first["meetings"] == demo.second["meetings"]
    written = ActivityLog.objects.filter(id__gt=demo.last_log_id, action__startswith="events.")
    assert not written.exists()


def test_a_run_on_another_day_keeps_micronora_as_it_was(demo):
    event = micronora()
    before = (
        event.registrations.count(),
        MeetingRequest.objects.filter(event=event).count(),
        list(Meeting.objects.filter(event=event).values_list("pk", "slot", "table")),
    )
    demo_events.build(DemoContext(today=datetime.date(2027, 3, 2)))
    after = (
        event.registrations.count(),
        MeetingRequest.objects.filter(event=event).count(),
        list(Meeting.objects.filter(event=event).values_list("pk", "slot", "table")),
    )
    assert after == before
