from django.urls import path

from grappe.members.views import clusters, governance, memberships, organisations, people

app_name = "members"

urlpatterns = [
    # Organisations and their people
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path("organisations/nouvelle/", organisations.organisation_create, name="organisation_create"),
    path(
        "organisations/<slug:slug>/", organisations.organisation_detail, name="organisation_detail"
    ),
    path(
        "organisations/<slug:slug>/modifier/",
        organisations.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "organisations/<slug:slug>/clusters/",
        organisations.organisation_clusters,
        name="organisation_clusters",
    ),
    path(
        "organisations/<slug:slug>/personnes/ajouter/", people.person_create, name="person_create"
    ),
    path("personnes/<int:pk>/", people.person_detail, name="person_detail"),
    path("personnes/<int:pk>/modifier/", people.person_edit, name="person_edit"),
    # Memberships and dues
    path("adhesions/", memberships.membership_list, name="membership_list"),
    path("adhesions/renouveler/", memberships.membership_renew, name="membership_renew"),
    path("adhesions/bareme/", memberships.fee_schedule, name="fee_schedule"),
    path(
        "adhesions/bareme/<int:pk>/supprimer/",
        memberships.fee_rate_delete,
        name="fee_rate_delete",
    ),
    path(
        "organisations/<slug:slug>/adhesions/ajouter/",
        memberships.membership_create,
        name="membership_create",
    ),
    path("adhesions/<int:pk>/statut/", memberships.membership_status, name="membership_status"),
    path("adhesions/<int:pk>/facture/", memberships.membership_invoice, name="membership_invoice"),
    path("adhesions/<int:pk>/paiement/", memberships.membership_payment, name="membership_payment"),
    # Clusters, governance, partnerships
    path("clusters/", clusters.cluster_list, name="cluster_list"),
    path("clusters/<slug:slug>/", clusters.cluster_detail, name="cluster_detail"),
    path("clusters/<slug:slug>/modifier/", clusters.cluster_edit, name="cluster_edit"),
    path("gouvernance/", governance.governance, name="governance"),
    path("partenaires/", governance.partnership_list, name="partnership_list"),
]
