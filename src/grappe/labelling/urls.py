from django.urls import path

from grappe.labelling.views import (
    applications,
    assignments,
    committee,
    configuration,
    documents,
    experts,
    followup,
    pipeline,
    projects,
    public,
    reviews,
)

app_name = "labelling"

urlpatterns = [
    # Everybody: the labelled projects' public summaries
    path("projets/labellises/", public.public_list, name="public_list"),
    path("projets/labellises/<int:pk>/", public.public_detail, name="public_detail"),
    # Members: their projects
    path("projets/", projects.my_projects, name="my_projects"),
    path("projets/nouveau/", projects.project_create, name="project_create"),
    path("projets/<int:pk>/", projects.project_detail, name="project_detail"),
    path("projets/<int:pk>/modifier/", projects.project_edit, name="project_edit"),
    path(
        "projets/<int:pk>/nouvelle-candidature/",
        projects.project_resubmit,
        name="project_resubmit",
    ),
    # Staff: the overview and the settings
    path("projets/pipeline/", pipeline.pipeline, name="pipeline"),
    path("projets/tableau-de-bord/", pipeline.dashboard, name="dashboard"),
    path("projets/grille/", configuration.criteria, name="criteria"),
    path("projets/grille/<int:pk>/", configuration.criterion_edit, name="criterion_edit"),
    path("projets/experts/", experts.expert_pool, name="expert_pool"),
    path("projets/experts/ajouter/", experts.expert_register, name="expert_register"),
    path("projets/experts/inviter/", experts.expert_invite, name="expert_invite"),
    path("projets/experts/<int:pk>/retirer/", experts.expert_retire, name="expert_retire"),
    path("projets/experts/<int:pk>/reintegrer/", experts.expert_reinstate, name="expert_reinstate"),
    path("appels/", configuration.call_list, name="call_list"),
    path("appels/nouveau/", configuration.call_create, name="call_create"),
    path("appels/<int:pk>/modifier/", configuration.call_edit, name="call_edit"),
    # Applications (labelling rounds)
    path("candidatures/<int:pk>/", applications.application_detail, name="application_detail"),
    path(
        "candidatures/<int:pk>/statut/<slug:status>/",
        applications.application_transition,
        name="application_transition",
    ),
    path(
        "candidatures/<int:pk>/reserves/",
        applications.answer_reservations,
        name="answer_reservations",
    ),
    path("candidatures/<int:pk>/documents/", documents.document_add, name="document_add"),
    path(
        "candidatures/<int:pk>/documents/<int:document_pk>/",
        documents.document_download,
        name="document_download",
    ),
    path(
        "candidatures/<int:pk>/documents/<int:document_pk>/supprimer/",
        documents.document_remove,
        name="document_remove",
    ),
    path("candidatures/<int:pk>/lettre/", documents.letter_download, name="letter_download"),
    path("candidatures/<int:pk>/lettre/emettre/", documents.letter_issue, name="letter_issue"),
    path("candidatures/<int:pk>/experts/", assignments.assignments, name="assignments"),
    path(
        "candidatures/<int:pk>/experts/<int:assignment_pk>/retirer/",
        assignments.unassign,
        name="unassign",
    ),
    path("candidatures/<int:pk>/financement/", followup.funding, name="funding"),
    path("candidatures/<int:pk>/resultats/", followup.result_add, name="result_add"),
    path(
        "candidatures/<int:pk>/resultats/<int:result_pk>/supprimer/",
        followup.result_remove,
        name="result_remove",
    ),
    # Experts
    path("expertises/", reviews.my_reviews, name="my_reviews"),
    path("expertises/<int:pk>/", reviews.review, name="review"),
    path("expertises/<int:pk>/declaration/", reviews.declare, name="declare"),
    # The committee
    path("comites/", committee.meeting_list, name="committee_list"),
    path("comites/nouveau/", committee.meeting_create, name="committee_create"),
    path("comites/<int:pk>/", committee.meeting_detail, name="committee_detail"),
    path("comites/<int:pk>/membres/", committee.meeting_members, name="committee_members"),
    path("comites/<int:pk>/ordre-du-jour/", committee.agenda_add, name="agenda_add"),
    path(
        "comites/<int:pk>/ordre-du-jour/<int:item_pk>/decision/",
        committee.agenda_decide,
        name="agenda_decide",
    ),
    path(
        "comites/<int:pk>/ordre-du-jour/<int:item_pk>/retirer/",
        committee.agenda_remove,
        name="agenda_remove",
    ),
]
