"""Pages of events, registrations, tickets and check-in, under /evenements/ (see urls.py).

The fixed words come before `<slug>/`; services.events.RESERVED_SLUGS keeps events from
taking them as slugs.
"""

from django.urls import path

from grappe.events.views import calendar, checkin, public, registration, staff

urlpatterns = [
    path("", calendar.calendar, name="calendar"),
    path("calendrier.ics", calendar.feed, name="feed"),
    # The staff's pages.
    path("gestion/", staff.staff_list, name="staff_list"),
    path("gestion/nouveau/", staff.event_create, name="create"),
    # A participant's registrations and tickets.
    path("mes-inscriptions/", registration.my_registrations, name="my_registrations"),
    path("inscriptions/<int:pk>/annuler/", registration.cancel, name="cancel"),
    path("inscriptions/<int:pk>/billet.pdf", registration.ticket, name="ticket"),
    path(
        "inscriptions/<int:pk>/pointer/",
        checkin.check_in_registration,
        name="check_in_registration",
    ),
    # The e-mailed link: the token is the participant's proof.
    path("billet/<str:token>/", registration.participant, name="participant"),
    path("billet/<str:token>/confirmer/", registration.confirm, name="confirm"),
    path("billet/<str:token>/annuler/", registration.cancel_by_token, name="cancel_token"),
    path("billet/<str:token>/billet.pdf", registration.ticket_by_token, name="ticket_token"),
    # What the ticket's QR code opens (staff).
    path("pointage/<str:token>/", checkin.check_in_token, name="check_in_token"),
    # One event.
    path("<slug:slug>/", public.detail, name="detail"),
    path("<slug:slug>/evenement.ics", public.event_ics, name="event_ics"),
    path("<slug:slug>/inscription/", registration.register, name="register"),
    path("<slug:slug>/modifier/", staff.event_edit, name="edit"),
    path("<slug:slug>/inscriptions/", staff.registrations, name="registrations"),
    path("<slug:slug>/inscriptions.csv", staff.registrations_csv, name="registrations_csv"),
    path("<slug:slug>/pointage/", checkin.check_in_page, name="check_in"),
]
