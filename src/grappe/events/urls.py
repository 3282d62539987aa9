"""The events' pages under /evenements/; the B2B meetings' under each event's rendez-vous/."""

from django.urls import include, path

app_name = "events"

urlpatterns = [
    path("evenements/", include("grappe.events.urls_events")),
    path("evenements/<slug:slug>/rendez-vous/", include("grappe.events.urls_b2b")),
]
