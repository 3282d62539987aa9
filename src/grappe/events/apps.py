from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "grappe.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        # Each part of the app names the actions it writes in the activity log.
        from grappe.core.action_labels import register_action_labels
        from grappe.events.action_labels import B2B_ACTIONS, EVENT_ACTIONS

        register_action_labels(EVENT_ACTIONS)
        register_action_labels(B2B_ACTIONS)
