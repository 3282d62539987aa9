from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from grappe.core.action_labels import register_action_labels
from grappe.core.hooks import ORGANISATIONS_CHANGED, TERMS_CHANGED, on_change


class DirectoryConfig(AppConfig):
    name = "grappe.directory"
    verbose_name = _("Capability directory")

    def ready(self) -> None:
        # The index module imports models, so it is loaded once the registry is ready.
        from grappe.directory.search import index

        on_change(ORGANISATIONS_CHANGED, index.reindex_organisations)
        on_change(TERMS_CHANGED, index.reindex_terms)
        register_action_labels(
            {
                "directory.capabilities.changed": _("capabilities changed"),
                "directory.profile.updated": _("capability description updated"),
                "directory.equipment.added": _("equipment added"),
                "directory.equipment.removed": _("equipment removed"),
                "directory.organisations.imported": _("organisations imported"),
                "directory.tolerance.added": _("tolerance added"),
                "directory.tolerance.removed": _("tolerance removed"),
            }
        )
