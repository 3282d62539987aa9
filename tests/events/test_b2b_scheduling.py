"""Scheduling from the database: the instance built (slots in order by session, tables per
slot, availability, weights, published meetings fixed), the schedule written back and
checked independently, the run recorded, publication, and re-scheduling after publication
that never moves a published meeting."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from grappe.events.choices import Priority, RunStatus
from grappe.events.models import Meeting, SchedulingRun
from grappe.events.services.b2b_common import WrongState
from grappe.events.services.b2b_requests import (
    accept_request,
    add_meeting,
    cancel_meeting,
    request_meeting,
)
from grappe.events.services.b2b_scheduling import (
    build_problem,
    participant_key,
    publish_agendas,
    run_scheduling,
    slot_key,
)
from grappe.scheduling.checker import check
from grappe.scheduling.model import Placement, Schedule, Status
from tests.events.b2b_factories import b2b_event, participant, slots

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return b2b_event()


def meet(a, b, priority=Priority.NORMAL) -> Meeting:
    request = request_meeting(
        actor=a.user, requester=a.profile, recipient=b.profile, priority=priority
    )
    return accept_request(actor=b.user, request=request)


def db_schedule(problem) -> Schedule:
    """What the database holds, as a schedule for the checker."""
    rows = Meeting.objects.in_bulk([m.pk for m in problem.meetings.values()])
    keys = {m.pk: key for key, m in problem.meetings.items()}
    placed = [
        Placement(meeting=keys[pk], slot=slot_key(row.slot_id), table=row.table)
        for pk, row in rows.items()
        if row.slot_id
    ]
    done = {p.meeting for p in placed}
    return Schedule(
        status=Status.FEASIBLE,
        scheduled=placed,
        unscheduled=[key for key in problem.meetings if key not in done],
    )


def test_the_instance_says_what_the_database_says(staff, event):
    morning = slots(event, staff=staff, tables=3)
    afternoon = slots(
        event,
        staff=staff,
        session="après-midi",
        starts=datetime.time(14),
        ends=datetime.time(15),
        tables=1,
    )
    alice, bruno, carla = (participant(event) for _ in range(3))
    alice.profile.unavailable_slots.add(morning[0])
    high = meet(alice, bruno, Priority.HIGH)
    low = meet(carla, bruno, Priority.LOW)
    instance = build_problem(event).instance
    assert [slot.id for slot in instance.slots] == [slot_key(s.pk) for s in morning + afternoon]
    sessions = [slot.session for slot in instance.slots]
    assert len(set(sessions[:4])) == 1
    assert sessions[4] != sessions[0]
    assert instance.tables_in(slot_key(morning[0].pk)) == 3
    assert instance.tables_in(slot_key(afternoon[0].pk)) == 1
    participants = instance.participant_by_id()
    assert slot_key(morning[0].pk) not in participants[participant_key(alice.profile.pk)].available
    assert participants[participant_key(bruno.profile.pk)].available is None
    weights = {m.id: m.weight for m in instance.meetings}
    assert weights == {f"m{high.pk}": 3, f"m{low.pk}": 1}


def test_a_run_places_the_meetings_and_records_what_it_found(staff, event):
    slots(event, staff=staff, tables=1)  # 4 slots of one table
    people = [participant(event) for _ in range(4)]
    for a, b in [(0, 1), (0, 2), (0, 3), (1, 2), (2, 3)]:
        meet(people[a], people[b])
    run = run_scheduling(actor=staff, event=event)
    assert run.status in (RunStatus.OPTIMAL, RunStatus.FEASIBLE)
    assert run.meetings_scheduled == 4  # one table, four slots
    assert run.meetings_unscheduled == 1
    assert run.run_by == staff
    problem = build_problem(event)
    assert check(problem.instance, db_schedule(problem)).ok
    assert Meeting.objects.filter(slot__isnull=False).count() == 4


def test_only_staff_schedule_and_publish(event):
    slots(event)
    member = participant(event).user
    with pytest.raises(PermissionDenied):
        run_scheduling(actor=member, event=event)
    with pytest.raises(PermissionDenied):
        publish_agendas(actor=member, event=event)
    assert not SchedulingRun.objects.exists()


def test_no_scheduling_without_slots_and_no_publication_without_a_run(staff, event):
    with pytest.raises(WrongState, match="slots"):
        run_scheduling(actor=staff, event=event)
    with pytest.raises(WrongState, match="Run the scheduling"):
        publish_agendas(actor=staff, event=event)


def test_publication_freezes_the_meetings_and_tells_everybody(
    staff, event, django_capture_on_commit_callbacks
):
    slots(event, staff=staff)
    alice, bruno, carla = (participant(event) for _ in range(3))
    meet(alice, bruno)
    run_scheduling(actor=staff, event=event)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_agendas(actor=staff, event=event) == 1
    event.refresh_from_db()
    assert event.agendas_published_at is not None
    assert Meeting.objects.get().published_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        p.profile.registration.email for p in (alice, bruno, carla)
    )


def test_after_publication_a_new_meeting_is_placed_around_the_published_ones(
    staff, event, django_capture_on_commit_callbacks
):
    first_slots = slots(event, staff=staff, tables=1)
    people = [participant(event) for _ in range(4)]
    published = [meet(people[0], people[1]), meet(people[2], people[3])]
    run_scheduling(actor=staff, event=event)
    publish_agendas(actor=staff, event=event)
    before = {m.pk: (m.slot_id, m.table) for m in Meeting.objects.all()}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new = meet(people[0], people[2])
    new.refresh_from_db()
    # The published meetings did not move; the new one found a free slot and is published.
    assert {pk: (m.slot_id, m.table) for pk, m in Meeting.objects.in_bulk(before).items()} == (
        before
    )
    assert new.slot_id in {s.pk for s in first_slots}
    assert new.slot_id not in {before[published[0].pk][0], before[published[1].pk][0]}
    assert new.published_at is not None
    told = {m.to[0] for m in mail.outbox if "changed" in m.subject or "changé" in m.subject}
    assert told == {people[0].profile.registration.email, people[2].profile.registration.email}
    problem = build_problem(event)
    assert check(problem.instance, db_schedule(problem)).ok


def test_a_cancellation_after_publication_frees_the_slot_for_a_waiting_meeting(
    staff, event, django_capture_on_commit_callbacks
):
    slots(event, staff=staff, tables=1, ends=datetime.time(9, 20))  # one slot, one table
    a, b, c, d = (participant(event) for _ in range(4))
    first = meet(a, b, Priority.HIGH)
    waiting = meet(c, d, Priority.LOW)
    run_scheduling(actor=staff, event=event)
    publish_agendas(actor=staff, event=event)
    waiting.refresh_from_db()
    assert waiting.slot_id is None
    with django_capture_on_commit_callbacks(execute=True):
        cancel_meeting(actor=a.user, meeting=first)
    waiting.refresh_from_db()
    assert waiting.slot_id is not None
    assert waiting.published_at is not None


def test_a_published_meeting_stays_even_if_its_participant_becomes_unavailable(staff, event):
    created = slots(event, staff=staff)
    a, b = participant(event), participant(event)
    meeting = meet(a, b)
    run_scheduling(actor=staff, event=event)
    publish_agendas(actor=staff, event=event)
    meeting.refresh_from_db()
    a.profile.unavailable_slots.set(created)
    run = run_scheduling(actor=staff, event=event)
    assert run.status != RunStatus.INFEASIBLE
    placed = Meeting.objects.get(pk=meeting.pk)
    assert (placed.slot_id, placed.table) == (meeting.slot_id, meeting.table)


def test_staff_added_meetings_are_scheduled_too(staff, event):
    slots(event, staff=staff)
    a, b = participant(event), participant(event)
    add_meeting(actor=staff, first=a.profile, second=b.profile, weight=Priority.HIGH)
    run = run_scheduling(actor=staff, event=event)
    assert run.meetings_scheduled == 1
    assert run.weight == Priority.HIGH
    assert Meeting.objects.get().table == 1


def test_run_timestamps_are_aware(staff, event):
    slots(event, staff=staff)
    run = run_scheduling(actor=staff, event=event)
    assert timezone.is_aware(run.created_at)
    assert run.meetings_scheduled == 0
