from django.urls import path

from grappe.directory.views import capabilities, search, vocabulary

app_name = "directory"

urlpatterns = [
    path("savoir-faire/", search.directory_search, name="search"),
    path(
        "organisations/<slug:slug>/savoir-faire/modifier/",
        capabilities.capabilities_edit,
        name="capabilities_edit",
    ),
    path(
        "organisations/<slug:slug>/savoir-faire/equipements/ajouter/",
        capabilities.equipment_add,
        name="equipment_add",
    ),
    path(
        "organisations/<slug:slug>/savoir-faire/equipements/<int:pk>/supprimer/",
        capabilities.equipment_remove,
        name="equipment_remove",
    ),
    path(
        "organisations/<slug:slug>/savoir-faire/tolerances/ajouter/",
        capabilities.tolerance_add,
        name="tolerance_add",
    ),
    path(
        "organisations/<slug:slug>/savoir-faire/tolerances/<int:pk>/supprimer/",
        capabilities.tolerance_remove,
        name="tolerance_remove",
    ),
    path("vocabulaire/", vocabulary.vocabulary_list, name="vocabulary"),
    path("vocabulaire/nouveau/", vocabulary.term_create, name="term_create"),
    path("vocabulaire/<slug:code>/modifier/", vocabulary.term_edit, name="term_edit"),
]
