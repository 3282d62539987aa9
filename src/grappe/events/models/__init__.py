from grappe.events.models.b2b import (
    B2BProfile,
    Meeting,
    MeetingRequest,
    MeetingSlot,
    SchedulingRun,
)
from grappe.events.models.event import Event
from grappe.events.models.registration import Registration

__all__ = [
    "B2BProfile",
    "Event",
    "Meeting",
    "MeetingRequest",
    "MeetingSlot",
    "Registration",
    "SchedulingRun",
]
