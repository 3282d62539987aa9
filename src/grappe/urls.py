from django.contrib import admin
from django.urls import include, path

from grappe.api.api import api

urlpatterns = [
    path("", include("grappe.reporting.urls")),
    path("", include("grappe.core.urls")),
    path("", include("grappe.members.urls")),
    path("", include("grappe.directory.urls")),
    path("", include("grappe.labelling.urls")),
    path("", include("grappe.events.urls")),
    path("annuaire/", include(("grappe.directory.urls_transfer", "directory_transfer"))),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
