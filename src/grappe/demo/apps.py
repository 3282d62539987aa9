from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "grappe.demo"
    verbose_name = "Demo"
