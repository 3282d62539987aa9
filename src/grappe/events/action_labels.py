"""Labels of the activity-log actions that the events app writes."""

from django.utils.translation import gettext_lazy as _

# Events, registrations, tickets and check-in.
EVENT_ACTIONS = {
    "events.event.created": _("event created"),
    "events.event.updated": _("event updated"),
}

# B2B meetings: profiles, slots, requests, meetings, scheduling and publication.
B2B_ACTIONS = {
    "events.b2b.profile_updated": _("B2B profile updated"),
}
