"""Pages of events, registrations, tickets and check-in."""

from django.urls import path

from grappe.events.views import calendar, public

urlpatterns = [
    path("evenements/", calendar.calendar, name="calendar"),
    path("evenements/<slug:slug>/", public.detail, name="detail"),
]
