from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "grappe.api"
    verbose_name = "API"
