"""Pages of the B2B meetings: profiles, catalogue, requests, slot plan, scheduling, agendas;
under the event's /evenements/<slug>/rendez-vous/ (see urls.py)."""

from django.urls import path

from grappe.events.views import b2b_agenda, b2b_profiles, b2b_requests, b2b_staff

urlpatterns = [
    path("profil/", b2b_profiles.my_profile, name="b2b_profile"),
    path("participants/", b2b_profiles.catalogue, name="b2b_catalogue"),
    path("participants/<int:pk>/", b2b_profiles.participant, name="b2b_participant"),
    path("participants/<int:pk>/demander/", b2b_requests.request_create, name="b2b_request_create"),
    path("demandes/", b2b_requests.my_requests, name="b2b_requests"),
    path("demandes/<int:pk>/<str:move>/", b2b_requests.request_move, name="b2b_request_move"),
    path("agenda/", b2b_agenda.my_agenda, name="b2b_agenda"),
    path("agenda.pdf", b2b_agenda.my_agenda_pdf, name="b2b_agenda_pdf"),
    path("agenda.ics", b2b_agenda.my_agenda_ics, name="b2b_agenda_ics"),
    path("rencontres/<int:pk>/annuler/", b2b_requests.meeting_cancel, name="b2b_meeting_cancel"),
    # The staff's pages.
    path("creneaux/", b2b_staff.slot_plan, name="b2b_slots"),
    path("creneaux/tables/", b2b_staff.slot_tables, name="b2b_slot_tables"),
    path("creneaux/supprimer/", b2b_staff.slot_remove, name="b2b_slot_remove"),
    path("rencontres/", b2b_staff.meeting_list, name="b2b_meetings"),
    path("rencontres/ajouter/", b2b_staff.meeting_add, name="b2b_meeting_add"),
    path("planification/", b2b_staff.scheduling, name="b2b_scheduling"),
    path("planification/lancer/", b2b_staff.scheduling_run, name="b2b_scheduling_run"),
    path("planification/publier/", b2b_staff.publish, name="b2b_publish"),
    path("plan-des-tables/", b2b_agenda.table_plan, name="b2b_table_plan"),
    path("plan-des-tables.pdf", b2b_agenda.table_plan_pdf, name="b2b_table_plan_pdf"),
]
