from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from grappe.core.action_labels import register_action_labels


class LabellingConfig(AppConfig):
    name = "grappe.labelling"
    verbose_name = _("Project labelling")

    def ready(self) -> None:
        register_action_labels(
            {
                "labelling.application.created": _("application started"),
                "labelling.application.imported": _("past labelling round recorded"),
                "labelling.application.status_changed": _("application status changed"),
                "labelling.application.viewed_by_expert": _("dossier opened by an expert"),
                "labelling.call.created": _("funding call created"),
                "labelling.call.updated": _("funding call updated"),
                "labelling.committee.abstentions_recorded": _("committee abstentions recorded"),
                "labelling.committee.created": _("committee meeting created"),
                "labelling.committee.decided": _("committee decision recorded"),
                "labelling.committee.item_added": _("put on a committee's agenda"),
                "labelling.committee.item_removed": _("removed from a committee's agenda"),
                "labelling.committee.members_set": _("committee members changed"),
                "labelling.criterion.created": _("scoring criterion created"),
                "labelling.criterion.updated": _("scoring criterion updated"),
                "labelling.document.added": _("document added"),
                "labelling.document.removed": _("document removed"),
                "labelling.expert.assigned": _("expert assigned"),
                "labelling.expert.declared_no_conflict": _("no conflict of interest declared"),
                "labelling.expert.invited": _("expert invited to the pool"),
                "labelling.expert.registered": _("expert added to the pool"),
                "labelling.expert.retired": _("expert removed from the pool"),
                "labelling.expert.unassigned": _("expert unassigned"),
                "labelling.funding.recorded": _("funding recorded"),
                "labelling.letter.issued": _("label letter issued"),
                "labelling.letter.sent": _("label letter sent"),
                "labelling.project.created": _("project created"),
                "labelling.project.updated": _("project updated"),
                "labelling.reservations.answered": _("reservations answered"),
                "labelling.result.added": _("result recorded"),
                "labelling.result.removed": _("result removed"),
                "labelling.review.submitted": _("review submitted"),
            }
        )
