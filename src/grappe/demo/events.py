"""The demo's events: MICRONORA 2026 with its business meetings scheduled and the agendas
published, the International Therapies Days, two trainings, a full workshop with its waiting
list, and the coming BIO Innovation day.

Run after the logins are made (demo.accounts): the staff login creates the events and the
slot plan of the meetings and runs the scheduler through grappe.events.services. The
history the live services cannot write as it happened — the registrations of past events
and of contacts without a login, the check-ins at the door, the profiles, requests and
answers of the summer, the publication a week before the show — goes in with its dates and
without e-mails through the staff's history imports (services.history), from
events_registrations.py and events_history.py. Everything is found by its natural key
(event slug, e-mail, pair of participants), so a second run writes nothing.
"""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from grappe.core.models import User
from grappe.demo.accounts import LOGINS
from grappe.demo.context import DemoContext
from grappe.demo.events_history import import_history, import_publication
from grappe.demo.events_plan import EventPlan, EventsPlan, plan
from grappe.demo.events_registrations import ensure_registrations
from grappe.events import services
from grappe.events.choices import RegistrationStatus, RequestStatus
from grappe.events.models import (
    Event,
    Meeting,
    MeetingRequest,
    MeetingSlot,
    Registration,
    SchedulingRun,
)
from grappe.events.services.b2b_scheduling import run_scheduling
from grappe.events.services.b2b_slots import SessionPlan, add_session
from grappe.members.models import Cluster

STAFF_LOGIN = next(login.username for login in LOGINS if login.is_staff)
# How long the demo lets the scheduler search: enough for a good schedule, not a long wait.
SCHEDULER_SECONDS = 3.0


def aware(moment: datetime.datetime) -> datetime.datetime:
    return timezone.make_aware(moment)


def ensure_events(staff: User, plans: list[EventPlan]) -> dict[str, Event]:
    """Create the events missing; an event already there is left as it is (the staff may
    have edited it)."""
    events = Event.objects.in_bulk([plan.slug for plan in plans], field_name="slug")
    clusters = Cluster.objects.in_bulk(field_name="slug")
    for event_plan in plans:
        if event_plan.slug in events:
            continue
        data = event_plan.data()
        data |= {
            "starts_at": aware(event_plan.starts_at),
            "ends_at": aware(event_plan.ends_at),
            "registration_opens_at": aware(event_plan.registration_opens_at),
            "registration_closes_at": aware(event_plan.registration_closes_at),
            "cluster": clusters.get(event_plan.cluster),
        }
        events[event_plan.slug] = services.create_event(
            actor=staff, data=data, slug=event_plan.slug
        )
    return events


# MICRONORA's business meetings -------------------------------------------------------------


def ensure_slots(staff: User, event: Event, event_plan: EventPlan) -> list[MeetingSlot]:
    if not MeetingSlot.objects.filter(event=event).exists():
        for session in event_plan.sessions:
            add_session(
                actor=staff,
                event=event,
                plan=SessionPlan(
                    session=session.label,
                    day=session.day,
                    starts=session.starts,
                    ends=session.ends,
                    meeting_minutes=session.meeting_minutes,
                    pause_minutes=session.pause_minutes,
                    tables=session.tables,
                ),
            )
    return list(MeetingSlot.objects.filter(event=event).order_by("starts_at"))


def ensure_schedule(staff: User, event: Event) -> None:
    """Schedule once, with the demo's short search."""
    if not SchedulingRun.objects.filter(event=event).exists():
        run_scheduling(actor=staff, event=event, time_limit=SCHEDULER_SECONDS)


def ensure_meetings(staff: User, event: Event, events_plan: EventsPlan) -> None:
    """The slot plan, the participants' profiles, requests and answers, the scheduling and
    the agendas published."""
    slots = ensure_slots(staff, event, events_plan.micronora)
    import_history(actor=staff, event=event, plan=events_plan, slots=slots)
    ensure_schedule(staff, event)
    import_publication(actor=staff, event=event)


# Summary -----------------------------------------------------------------------------------


def summary(event: Event) -> str:
    counts = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
        present=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    parts = [f"{counts['confirmed']} confirmed"]
    if counts["waiting"]:
        parts.append(f"{counts['waiting']} waiting")
    if counts["present"]:
        parts.append(f"{counts['present']} checked in")
    return f"{event.title_fr} ({timezone.localtime(event.starts_at):%d/%m/%Y}): " + ", ".join(parts)


def meetings_summary(event: Event) -> str:
    requests = MeetingRequest.objects.filter(event=event)
    live = Meeting.objects.filter(event=event, cancelled_at__isnull=True)
    run = SchedulingRun.objects.filter(event=event).order_by("-created_at", "-pk").first()
    status = f"{run.status} in {run.seconds:.1f} s" if run else "not scheduled"
    return (
        f"{event.title_fr}: {requests.count()} meeting requests "
        f"({requests.filter(status=RequestStatus.ACCEPTED).count()} accepted), "
        f"{live.count()} meetings, {live.filter(published_at__isnull=False).count()} "
        f"published in {MeetingSlot.objects.filter(event=event).count()} slots "
        f"(scheduler: {status})"
    )


def build(context: DemoContext) -> list[str]:
    staff = User.objects.get(username=STAFF_LOGIN)
    events_plan = plan(context.today)
    events = ensure_events(staff, events_plan.events)
    lines = []
    for event_plan in events_plan.events:
        event = events[event_plan.slug]
        ensure_registrations(staff, event, event_plan)
        if event_plan.b2b_enabled:
            ensure_meetings(staff, event, events_plan)
        lines.append(summary(event))
        if event_plan.b2b_enabled:
            lines.append(meetings_summary(event))
    return lines
