"""Every write of events and registrations: one transaction, one activity-log entry per
changed object. Pages, API endpoints, the demo and tasks call these functions; nothing else
saves events or registrations.

Bad input raises ValidationError naming the field; a move that the event's or the
registration's state does not allow raises WrongState (HTTP 409 in the API); an actor
without the right raises PermissionDenied.
"""

from grappe.events.services.checkin import check_in, check_in_refusal
from grappe.events.services.common import WrongState
from grappe.events.services.events import EVENT_FIELDS, create_event, unique_slug, update_event
from grappe.events.services.registration import (
    cancel_registration,
    cancel_registration_by_token,
    confirm_registration,
    promote_waiting,
    register_guest,
    register_member,
)

__all__ = [
    "EVENT_FIELDS",
    "WrongState",
    "cancel_registration",
    "cancel_registration_by_token",
    "check_in",
    "check_in_refusal",
    "confirm_registration",
    "create_event",
    "promote_waiting",
    "register_guest",
    "register_member",
    "unique_slug",
    "update_event",
]
