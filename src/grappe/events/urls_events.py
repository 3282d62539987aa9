"""Pages of events, registrations, tickets and check-in."""

from django.urls import path

from grappe.events.views import calendar

urlpatterns = [
    path("evenements/", calendar.calendar, name="calendar"),
]
