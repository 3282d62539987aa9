"""Writes on the slot plan of the B2B meetings: a session of consecutive slots, the tables
of each slot, removing slots. A slot holding a published meeting keeps its place and its
tables."""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.events.models import Event, Meeting, MeetingSlot
from grappe.events.services.b2b_common import WrongState, require_b2b, require_staff

MAX_SLOTS_PER_SESSION = 60
MAX_TABLES = 1_000


@dataclass(frozen=True)
class SessionPlan:
    """A session of meetings: on `day` from `starts` to `ends`, meetings of `meeting_minutes`
    separated by pauses of `pause_minutes`, with `tables` tables in each slot."""

    session: str
    day: datetime.date
    starts: datetime.time
    ends: datetime.time
    meeting_minutes: int
    pause_minutes: int
    tables: int

    def slot_times(self) -> list[tuple[datetime.datetime, datetime.datetime]]:
        start = timezone.make_aware(datetime.datetime.combine(self.day, self.starts))
        end = timezone.make_aware(datetime.datetime.combine(self.day, self.ends))
        length = datetime.timedelta(minutes=self.meeting_minutes)
        pause = datetime.timedelta(minutes=self.pause_minutes)
        times = []
        while start + length <= end and len(times) <= MAX_SLOTS_PER_SESSION:
            times.append((start, start + length))
            start += length + pause
        return times


def _label(slot: MeetingSlot) -> str:
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    return f"{start:%d/%m %H:%M}–{end:%H:%M} ({slot.session})"


def _check_plan(event: Event, plan: SessionPlan) -> None:
    errors = {}
    if not plan.session.strip():
        errors["session"] = _("Name the session (e.g. morning).")
    if plan.meeting_minutes < 5:
        errors["meeting_minutes"] = _("A meeting lasts at least 5 minutes.")
    if plan.pause_minutes < 0:
        errors["pause_minutes"] = _("The pause cannot be negative.")
    if plan.tables < 1:
        errors["tables"] = _("A slot needs at least one table.")
    elif plan.tables > MAX_TABLES:
        errors["tables"] = _("At most %(count)d tables.") % {"count": MAX_TABLES}
    if plan.ends <= plan.starts:
        errors["ends"] = _("The session must end after it starts.")
    first_day = timezone.localtime(event.starts_at).date()
    last_day = timezone.localtime(event.ends_at).date()
    if not first_day <= plan.day <= last_day:
        errors["day"] = _("The day must be within the event (%(first)s to %(last)s).") % {
            "first": first_day.strftime("%d/%m/%Y"),
            "last": last_day.strftime("%d/%m/%Y"),
        }
    if errors:
        raise ValidationError(errors)
    times = plan.slot_times()
    if not times:
        raise ValidationError({"ends": _("Not even one meeting fits between start and end.")})
    if len(times) > MAX_SLOTS_PER_SESSION:
        raise ValidationError(
            {
                "meeting_minutes": _("At most %(count)d slots per session.")
                % {"count": MAX_SLOTS_PER_SESSION}
            }
        )
    first_start, last_end = times[0][0], times[-1][1]
    overlapping = MeetingSlot.objects.filter(
        event=event, starts_at__lt=last_end, ends_at__gt=first_start
    ).first()
    if overlapping is not None:
        raise ValidationError(
            {
                "starts": _("This session overlaps the slot %(slot)s.")
                % {"slot": _label(overlapping)}
            }
        )


@transaction.atomic
def add_session(*, actor: User | None, event: Event, plan: SessionPlan) -> list[MeetingSlot]:
    """Add a session's slots to the event's plan (staff); refused if it overlaps a slot."""
    require_staff(actor)
    require_b2b(event)
    event = Event.objects.select_for_update().get(pk=event.pk)
    _check_plan(event, plan)
    slots = MeetingSlot.objects.bulk_create(
        MeetingSlot(
            event=event,
            starts_at=start,
            ends_at=end,
            session=plan.session.strip()[:50],
            tables=plan.tables,
        )
        for start, end in plan.slot_times()
    )
    log_activity(
        actor=actor,
        action="events.b2b.session_added",
        target=event,
        data={"session": plan.session.strip(), "slots": len(slots), "tables": plan.tables},
    )
    return slots


@transaction.atomic
def set_tables(*, actor: User | None, event: Event, tables: Mapping[int, int]) -> int:
    """Set the number of tables of some slots (slot id → tables), staff only. A slot keeps at
    least as many tables as the highest table of its published meetings. Returns the number
    of slots changed."""
    require_staff(actor)
    require_b2b(event)
    slots = MeetingSlot.objects.select_for_update().filter(event=event).in_bulk(list(tables))
    published = dict(
        Meeting.objects.filter(
            slot__in=list(slots), published_at__isnull=False, cancelled_at__isnull=True
        )
        .values("slot")
        .annotate(highest=Max("table"))
        .values_list("slot", "highest")
    )
    errors = {}
    changed = []
    for slot_id, count in tables.items():
        field = f"tables_{slot_id}"
        slot = slots.get(slot_id)
        if slot is None:
            errors[field] = _("There is no such slot in this event.")
        elif count < 1:
            errors[field] = _("Slot %(slot)s: a slot needs at least one table.") % {
                "slot": _label(slot)
            }
        elif count > MAX_TABLES:
            errors[field] = _("Slot %(slot)s: at most %(count)d tables.") % {
                "slot": _label(slot),
                "count": MAX_TABLES,
            }
        elif count < published.get(slot_id, 0):
            errors[field] = _(
                "Slot %(slot)s: table %(table)d holds a published meeting; keep at least "
                "%(table)d tables."
            ) % {"slot": _label(slot), "table": published[slot_id]}
        elif slot.tables != count:
            slot.tables = count
            changed.append(slot)
    if errors:
        raise ValidationError(errors)
    MeetingSlot.objects.bulk_update(changed, ["tables"])
    log_activity(
        actor=actor,
        action="events.b2b.tables_changed",
        target=event,
        data={"slots": {str(slot.pk): slot.tables for slot in changed}},
    )
    return len(changed)


@transaction.atomic
def remove_slots(*, actor: User | None, event: Event, slots: Iterable[MeetingSlot]) -> int:
    """Remove slots of the plan (staff); the meetings placed there wait for the next
    scheduling. A slot holding a published meeting is refused."""
    require_staff(actor)
    require_b2b(event)
    ids = [slot.pk for slot in slots if slot.event_id == event.pk]
    if not ids:
        raise ValidationError({"slots": _("Choose at least one slot of this event.")})
    held = (
        Meeting.objects.filter(
            slot_id__in=ids, published_at__isnull=False, cancelled_at__isnull=True
        )
        .select_related("slot")
        .first()
    )
    if held is not None:
        raise WrongState(
            _("The slot %(slot)s holds a published meeting: it cannot be removed.")
            % {"slot": _label(held.slot)}
        )
    Meeting.objects.filter(slot_id__in=ids, cancelled_at__isnull=False).update(
        slot=None, table=None, published_at=None
    )
    Meeting.objects.filter(slot_id__in=ids).update(slot=None, table=None)
    removed, _details = MeetingSlot.objects.filter(pk__in=ids).delete()
    log_activity(
        actor=actor, action="events.b2b.slots_removed", target=event, data={"slots": len(ids)}
    )
    return removed
