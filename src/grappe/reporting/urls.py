from django.urls import path

from grappe.reporting import views

urlpatterns = [
    path("", views.home, name="home"),
]
