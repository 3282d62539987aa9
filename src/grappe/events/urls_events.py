"""Pages of events, registrations, tickets and check-in.

The fixed words come before `<slug>/`; services.events.RESERVED_SLUGS keeps events from
taking them as slugs.
"""

from django.urls import path

from grappe.events.views import calendar, checkin, public, registration, staff

E = "evenements/"

urlpatterns = [
    path(E, calendar.calendar, name="calendar"),
    path(f"{E}calendrier.ics", calendar.feed, name="feed"),
    # The staff's pages.
    path(f"{E}gestion/", staff.staff_list, name="staff_list"),
    path(f"{E}gestion/nouveau/", staff.event_create, name="create"),
    # A participant's registrations and tickets.
    path(f"{E}mes-inscriptions/", registration.my_registrations, name="my_registrations"),
    path(f"{E}inscriptions/<int:pk>/annuler/", registration.cancel, name="cancel"),
    path(f"{E}inscriptions/<int:pk>/billet.pdf", registration.ticket, name="ticket"),
    path(
        f"{E}inscriptions/<int:pk>/pointer/",
        checkin.check_in_registration,
        name="check_in_registration",
    ),
    # The e-mailed link: the token is the participant's proof.
    path(f"{E}billet/<str:token>/", registration.participant, name="participant"),
    path(f"{E}billet/<str:token>/confirmer/", registration.confirm, name="confirm"),
    path(f"{E}billet/<str:token>/annuler/", registration.cancel_by_token, name="cancel_token"),
    path(f"{E}billet/<str:token>/billet.pdf", registration.ticket_by_token, name="ticket_token"),
    # What the ticket's QR code opens (staff).
    path(f"{E}pointage/<str:token>/", checkin.check_in_token, name="check_in_token"),
    # One event.
    path(f"{E}<slug:slug>/", public.detail, name="detail"),
    path(f"{E}<slug:slug>/evenement.ics", public.event_ics, name="event_ics"),
    path(f"{E}<slug:slug>/inscription/", registration.register, name="register"),
    path(f"{E}<slug:slug>/modifier/", staff.event_edit, name="edit"),
    path(f"{E}<slug:slug>/inscriptions/", staff.registrations, name="registrations"),
    path(f"{E}<slug:slug>/inscriptions.csv", staff.registrations_csv, name="registrations_csv"),
    path(f"{E}<slug:slug>/pointage/", checkin.check_in_page, name="check_in"),
]
