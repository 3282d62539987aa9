"""Scheduling the B2B meetings: the database as a scheduler's instance, the schedule back in
the database, and the publication of the agendas.

The scheduler (`grappe.scheduling`) knows nothing of Django: this module builds its
`Instance` from the event's slots (sessions in order, tables per slot), the participants'
availability and the live meetings (weight = the request's priority), calls `solve`, and
writes each meeting's slot and table and a `SchedulingRun`. Published meetings go to the
scheduler with their slot and table fixed, so that a re-scheduling after publication never
moves them: only the meetings not yet placed find a slot.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.events import b2b_mail_tasks
from grappe.events.choices import RegistrationStatus, RunStatus
from grappe.events.models import B2BProfile, Event, Meeting, MeetingSlot, SchedulingRun
from grappe.events.services.b2b_common import (
    WrongState,
    enqueue_on_commit,
    require_b2b,
    require_staff,
)
from grappe.scheduling import model as scheduling
from grappe.scheduling.solver import solve


@dataclass(frozen=True)
class Problem:
    """An instance and the database rows behind its ids."""

    instance: scheduling.Instance
    meetings: dict[str, Meeting]
    slots: dict[str, MeetingSlot]


def slot_key(slot_id: int) -> str:
    return f"s{slot_id}"


def participant_key(profile_id: int) -> str:
    return f"p{profile_id}"


def meeting_key(meeting_id: int) -> str:
    return f"m{meeting_id}"


def live_meetings(event: Event) -> QuerySet[Meeting]:
    """Meetings not cancelled whose two participants are still confirmed."""
    return Meeting.objects.filter(
        event=event,
        cancelled_at__isnull=True,
        first__registration__status=RegistrationStatus.CONFIRMED,
        second__registration__status=RegistrationStatus.CONFIRMED,
    ).order_by("created_at", "pk")


def build_problem(event: Event) -> Problem:
    """The event's meetings as a scheduler's instance, in a fixed number of queries."""
    slots = list(MeetingSlot.objects.filter(event=event).order_by("starts_at"))
    meetings = list(live_meetings(event))
    profile_ids = sorted({m.first_id for m in meetings} | {m.second_id for m in meetings})
    unavailable: dict[int, set[str]] = defaultdict(set)
    through = B2BProfile.unavailable_slots.through.objects.filter(b2bprofile_id__in=profile_ids)
    for profile_id, slot_id in through.values_list("b2bprofile_id", "meetingslot_id"):
        unavailable[profile_id].add(slot_key(slot_id))
    # A published meeting stays where it is, even if its participant has since said that
    # they cannot make that slot: cancelling it is an explicit action.
    fixed: dict[int, set[str]] = defaultdict(set)
    for meeting in meetings:
        if meeting.published_at is not None:
            fixed[meeting.first_id].add(slot_key(meeting.slot_id))
            fixed[meeting.second_id].add(slot_key(meeting.slot_id))
    every_slot = frozenset(slot_key(slot.pk) for slot in slots)
    participants = tuple(
        scheduling.Participant(
            id=participant_key(pk),
            available=(every_slot - unavailable[pk]) | fixed[pk] if unavailable[pk] else None,
        )
        for pk in profile_ids
    )
    instance = scheduling.Instance(
        slots=tuple(
            scheduling.Slot(
                id=slot_key(slot.pk),
                # A session is a run of slots; the date keeps two mornings apart.
                session=f"{timezone.localtime(slot.starts_at):%Y-%m-%d} {slot.session}",
                start=slot.starts_at,
            )
            for slot in slots
        ),
        tables={slot_key(slot.pk): slot.tables for slot in slots},
        participants=participants,
        meetings=tuple(
            scheduling.Meeting(
                id=meeting_key(meeting.pk),
                participants=(
                    participant_key(meeting.first_id),
                    participant_key(meeting.second_id),
                ),
                weight=meeting.weight,
                fixed_slot=slot_key(meeting.slot_id) if meeting.published_at else None,
                fixed_table=meeting.table if meeting.published_at else None,
            )
            for meeting in meetings
        ),
    )
    return Problem(
        instance=instance,
        meetings={meeting_key(m.pk): m for m in meetings},
        slots={slot_key(s.pk): s for s in slots},
    )


def _lock(event: Event) -> Event:
    """Runs of one event one at a time: the event's row is locked until the commit."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _solve_and_write(
    *, event: Event, actor: User | None, time_limit: float | None = None
) -> tuple[SchedulingRun, list[Meeting]]:
    """Solve, write each unpublished meeting's slot and table, record the run. Returns the
    run and the meetings that were placed (unpublished ones only). The search lasts at most
    `time_limit` seconds (None: the B2B_SCHEDULER_TIME_LIMIT setting)."""
    if not MeetingSlot.objects.filter(event=event).exists():
        raise WrongState(_("Define the meeting slots before scheduling."))
    problem = build_problem(event)
    if time_limit is None:
        time_limit = settings.B2B_SCHEDULER_TIME_LIMIT
    schedule = solve(problem.instance, time_limit=time_limit)
    objective = schedule.objective
    bound = schedule.bound
    run = SchedulingRun(
        event=event,
        run_by=actor if actor is not None and actor.is_authenticated else None,
        status=RunStatus(str(schedule.status)),
        meetings_scheduled=len(schedule.scheduled),
        meetings_unscheduled=len(problem.meetings) - len(schedule.scheduled),
        weight=objective.weight if objective else 0,
        breaks=objective.breaks if objective else 0,
        weight_bound=bound.weight if bound else None,
        breaks_bound=bound.breaks if bound else None,
        seconds=round(schedule.time_s, 3),
    )
    run.save()
    if schedule.status in scheduling.NO_SCHEDULE:
        return run, []
    movable = [m for m in problem.meetings.values() if m.published_at is None]
    # Free every table first so that the new placements never meet the old ones.
    Meeting.objects.filter(pk__in=[m.pk for m in movable]).update(slot=None, table=None)
    placed = []
    for placement in schedule.scheduled:
        meeting = problem.meetings[placement.meeting]
        if meeting.published_at is not None:
            continue
        meeting.slot = problem.slots[placement.slot]
        meeting.table = placement.table
        placed.append(meeting)
    Meeting.objects.bulk_update(placed, ["slot", "table"])
    return run, placed


@transaction.atomic
def run_scheduling(
    *, actor: User | None, event: Event, time_limit: float | None = None
) -> SchedulingRun:
    """Place the event's meetings (staff). Published meetings keep their slot and table; the
    others are placed anew and stay a draft until the agendas are published. The scheduler
    searches at most `time_limit` seconds (None: the B2B_SCHEDULER_TIME_LIMIT setting)."""
    require_staff(actor)
    require_b2b(event)
    event = _lock(event)
    run, _placed = _solve_and_write(event=event, actor=actor, time_limit=time_limit)
    log_activity(
        actor=actor,
        action="events.b2b.scheduled",
        target=event,
        data={
            "run": run.pk,
            "status": run.status,
            "scheduled": run.meetings_scheduled,
            "unscheduled": run.meetings_unscheduled,
        },
    )
    return run


@transaction.atomic
def publish_agendas(*, actor: User | None, event: Event) -> int:
    """Publish the placed meetings (staff): their slot and table are final, every participant
    is told by e-mail. Returns the number of meetings published now."""
    require_staff(actor)
    require_b2b(event)
    event = _lock(event)
    last = SchedulingRun.objects.filter(event=event).order_by("-created_at", "-pk").first()
    if last is None:
        raise WrongState(_("Run the scheduling before publishing the agendas."))
    if last.status in (RunStatus.INFEASIBLE, RunStatus.UNKNOWN):
        raise WrongState(_("The last scheduling found no schedule: nothing to publish."))
    now = timezone.now()
    published = live_meetings(event).filter(slot__isnull=False, published_at__isnull=True)
    count = published.update(published_at=now)
    event.agendas_published_at = now
    event.save(update_fields=["agendas_published_at", "updated_at"])
    log_activity(
        actor=actor, action="events.b2b.agendas_published", target=event, data={"meetings": count}
    )
    enqueue_on_commit(b2b_mail_tasks.notify_agendas_published, event.pk)
    return count


@transaction.atomic
def reschedule_published(*, event: Event) -> SchedulingRun | None:
    """After publication, a cancellation or a new meeting: place what can be placed around
    the published meetings, which stay put, publish the new placements at once and tell
    the participants concerned. Nothing happens before publication (the staff run it)."""
    event = _lock(event)
    if event.agendas_published_at is None or not event.b2b_enabled:
        return None
    if not MeetingSlot.objects.filter(event=event).exists():
        return None
    run, placed = _solve_and_write(event=event, actor=None)
    now = timezone.now()
    Meeting.objects.filter(pk__in=[m.pk for m in placed]).update(published_at=now)
    concerned = sorted({m.first_id for m in placed} | {m.second_id for m in placed})
    log_activity(
        actor=None,
        action="events.b2b.rescheduled",
        target=event,
        data={"run": run.pk, "status": run.status, "published": len(placed)},
    )
    if concerned:
        enqueue_on_commit(b2b_mail_tasks.notify_agenda_changed, event.pk, concerned)
    return run
