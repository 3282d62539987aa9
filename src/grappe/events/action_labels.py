"""Labels of the activity-log actions that the events app writes."""

from django.utils.translation import gettext_lazy as _

# Events, registrations, tickets and check-in.
EVENT_ACTIONS = {
    "events.event.created": _("event created"),
    "events.event.updated": _("event updated"),
    "events.registration.created": _("registration"),
    "events.registration.email_confirmed": _("registration confirmed by e-mail"),
    "events.registration.promoted": _("promoted from the waiting list"),
    "events.registration.cancelled": _("registration cancelled"),
    "events.registration.checked_in": _("checked in"),
    "events.registration.imported": _("registrations imported with their history"),
}

# B2B meetings: profiles, slots, requests, meetings, scheduling and publication.
B2B_ACTIONS = {
    "events.b2b.profile_created": _("B2B profile created"),
    "events.b2b.profile_updated": _("B2B profile updated"),
    "events.b2b.request_made": _("meeting requested"),
    "events.b2b.request_accepted": _("meeting request accepted"),
    "events.b2b.request_declined": _("meeting request declined"),
    "events.b2b.request_withdrawn": _("meeting request withdrawn"),
    "events.b2b.meeting_added": _("meeting added by the staff"),
    "events.b2b.meeting_cancelled": _("meeting cancelled"),
    "events.b2b.session_added": _("meeting session added"),
    "events.b2b.tables_changed": _("tables per slot changed"),
    "events.b2b.slots_removed": _("meeting slots removed"),
    "events.b2b.scheduled": _("meetings scheduled"),
    "events.b2b.agendas_published": _("agendas published"),
    "events.b2b.rescheduled": _("meetings re-scheduled after publication"),
    "events.b2b.history_imported": _("B2B meetings' history imported"),
}
