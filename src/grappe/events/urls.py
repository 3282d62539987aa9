from django.urls import include, path

app_name = "events"

urlpatterns = [
    path("", include("grappe.events.urls_events")),
    path("", include("grappe.events.urls_b2b")),
]
