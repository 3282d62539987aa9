from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from grappe.core.action_labels import register_action_labels


class CoreConfig(AppConfig):
    name = "grappe.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        register_action_labels(
            {
                "core.api_token.created": _("API token created"),
                "core.api_token.revoked": _("API token revoked"),
                "core.user.created": _("user account created"),
                "core.user.password_set": _("password set"),
                "core.vocabulary.loaded": _("vocabulary loaded"),
                "core.term.created": _("vocabulary term created"),
                "core.term.updated": _("vocabulary term updated"),
            }
        )
