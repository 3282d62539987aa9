"""The import and export pages, included by the project's urls under `annuaire/` with the
namespace `directory_transfer`."""

from django.urls import path

from grappe.directory.views import transfer

urlpatterns = [
    path("importer/", transfer.import_organisations, name="import_organisations"),
    path("importer/confirmer/", transfer.import_confirm, name="import_confirm"),
    path("exporter/", transfer.export_organisations, name="export_organisations"),
]
