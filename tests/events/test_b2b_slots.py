"""The slot plan: sessions of slots with pauses, tables per slot, removal; bad plans refused
naming the field or the row, nothing written."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from grappe.events.models import MeetingSlot
from grappe.events.services.b2b_common import WrongState
from grappe.events.services.b2b_slots import add_session, remove_slots, set_tables
from tests.events.b2b_factories import b2b_event, participant, session_plan, slots

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return b2b_event()


def local(slot: MeetingSlot) -> str:
    return f"{timezone.localtime(slot.starts_at):%H:%M}–{timezone.localtime(slot.ends_at):%H:%M}"


def test_a_day_of_20_minute_meetings_with_a_lunch_break(staff, event):
    morning = add_session(
        actor=staff,
        event=event,
        plan=session_plan(
            event, starts=datetime.time(9), ends=datetime.time(12, 30), pause_minutes=0
        ),
    )
    afternoon = add_session(
        actor=staff,
        event=event,
        plan=session_plan(
            event,
            session="après-midi",
            starts=datetime.time(14),
            ends=datetime.time(17, 30),
            pause_minutes=0,
            tables=12,
        ),
    )
    assert len(morning) == 10  # 9:00 … 12:00–12:20
    assert len(afternoon) == 10
    assert local(morning[0]) == "09:00–09:20"
    assert local(morning[-1]) == "12:00–12:20"
    assert local(afternoon[0]) == "14:00–14:20"
    assert {slot.tables for slot in afternoon} == {12}


def test_pauses_between_meetings(staff, event):
    created = slots(event, staff=staff)  # 9:00–10:40, 20 min + 5 min pause
    assert [local(slot) for slot in created] == [
        "09:00–09:20",
        "09:25–09:45",
        "09:50–10:10",
        "10:15–10:35",
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"tables": 0}, "tables"),
        ({"ends": datetime.time(8)}, "ends"),
        ({"ends": datetime.time(9, 10)}, "ends"),  # not even one meeting fits
        ({"meeting_minutes": 0}, "meeting_minutes"),
        ({"pause_minutes": -5}, "pause_minutes"),
        ({"session": "  "}, "session"),
        ({"day": datetime.date(2000, 1, 1)}, "day"),
    ],
)
def test_bad_plans_name_the_field_and_write_nothing(staff, event, fields, field):
    with pytest.raises(ValidationError) as error:
        add_session(actor=staff, event=event, plan=session_plan(event, **fields))
    assert field in error.value.message_dict
    assert not MeetingSlot.objects.exists()


def test_an_overlapping_session_is_refused_naming_the_slot(staff, event):
    slots(event, staff=staff)
    with pytest.raises(ValidationError) as error:
        add_session(
            actor=staff,
            event=event,
            plan=session_plan(event, starts=datetime.time(10), ends=datetime.time(11)),
        )
    assert "09:50–10:10" in error.value.message_dict["starts"][0]
    assert MeetingSlot.objects.count() == 4


def test_only_staff_define_slots(event):
    member = participant(event).user
    with pytest.raises(PermissionDenied):
        add_session(actor=member, event=event, plan=session_plan(event))
    assert not MeetingSlot.objects.exists()


def test_tables_per_slot_and_zero_tables_named_by_row(staff, event):
    first, second, *_ = slots(event, staff=staff)
    assert set_tables(actor=staff, event=event, tables={first.pk: 5, second.pk: 2}) == 1
    first.refresh_from_db()
    assert first.tables == 5
    with pytest.raises(ValidationError) as error:
        set_tables(actor=staff, event=event, tables={first.pk: 3, second.pk: 0})
    assert "09:25–09:45" in error.value.message_dict[f"tables_{second.pk}"][0]
    first.refresh_from_db()
    assert first.tables == 5  # nothing half-written


def test_removing_slots(staff, event):
    created = slots(event, staff=staff)
    assert remove_slots(actor=staff, event=event, slots=created[:2]) == 2
    assert MeetingSlot.objects.count() == 2
    with pytest.raises(ValidationError):
        remove_slots(actor=staff, event=event, slots=[])


def test_a_slot_holding_a_published_meeting_stays(staff, event):
    from_slots = slots(event, staff=staff)
    alice, bruno = participant(event), participant(event)
    meeting = event.meetings.create(
        first=alice.profile,
        second=bruno.profile,
        slot=from_slots[0],
        table=2,
        published_at=timezone.now(),
    )
    with pytest.raises(WrongState, match="published meeting"):
        remove_slots(actor=staff, event=event, slots=from_slots[:1])
    with pytest.raises(ValidationError) as error:
        set_tables(actor=staff, event=event, tables={from_slots[0].pk: 1})
    assert "table 2" in error.value.message_dict[f"tables_{from_slots[0].pk}"][0]
    meeting.refresh_from_db()
    assert meeting.slot == from_slots[0]
