"""Pages of the B2B meetings: profiles, catalogue, requests, slot plan, scheduling, agendas."""

from django.urls import path

from grappe.events.views import b2b_agenda, b2b_profiles, b2b_requests, b2b_staff

B2B = "evenements/<slug:slug>/rendez-vous/"

urlpatterns = [
    path(f"{B2B}profil/", b2b_profiles.my_profile, name="b2b_profile"),
    path(f"{B2B}participants/", b2b_profiles.catalogue, name="b2b_catalogue"),
    path(f"{B2B}participants/<int:pk>/", b2b_profiles.participant, name="b2b_participant"),
    path(
        f"{B2B}participants/<int:pk>/demander/",
        b2b_requests.request_create,
        name="b2b_request_create",
    ),
    path(f"{B2B}demandes/", b2b_requests.my_requests, name="b2b_requests"),
    path(f"{B2B}demandes/<int:pk>/<str:move>/", b2b_requests.request_move, name="b2b_request_move"),
    path(f"{B2B}agenda/", b2b_agenda.my_agenda, name="b2b_agenda"),
    path(f"{B2B}agenda.pdf", b2b_agenda.my_agenda_pdf, name="b2b_agenda_pdf"),
    path(f"{B2B}agenda.ics", b2b_agenda.my_agenda_ics, name="b2b_agenda_ics"),
    path(
        f"{B2B}rencontres/<int:pk>/annuler/",
        b2b_requests.meeting_cancel,
        name="b2b_meeting_cancel",
    ),
    # The staff's pages.
    path(f"{B2B}creneaux/", b2b_staff.slot_plan, name="b2b_slots"),
    path(f"{B2B}creneaux/tables/", b2b_staff.slot_tables, name="b2b_slot_tables"),
    path(f"{B2B}creneaux/supprimer/", b2b_staff.slot_remove, name="b2b_slot_remove"),
    path(f"{B2B}rencontres/", b2b_staff.meeting_list, name="b2b_meetings"),
    path(f"{B2B}rencontres/ajouter/", b2b_staff.meeting_add, name="b2b_meeting_add"),
    path(f"{B2B}planification/", b2b_staff.scheduling, name="b2b_scheduling"),
    path(f"{B2B}planification/lancer/", b2b_staff.scheduling_run, name="b2b_scheduling_run"),
    path(f"{B2B}planification/publier/", b2b_staff.publish, name="b2b_publish"),
    path(f"{B2B}plan-des-tables/", b2b_agenda.table_plan, name="b2b_table_plan"),
    path(f"{B2B}plan-des-tables.pdf", b2b_agenda.table_plan_pdf, name="b2b_table_plan_pdf"),
]
