"""Events and registrations: the calendar, one's registrations, check-in by staff."""

from ninja import Router

router = Router(tags=["events"])
