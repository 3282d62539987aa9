from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from grappe.core.action_labels import register_action_labels


class MembersConfig(AppConfig):
    name = "grappe.members"
    verbose_name = _("Members")

    def ready(self) -> None:
        register_action_labels(
            {
                "members.cluster.created": _("cluster created"),
                "members.cluster.joined": _("joined a cluster"),
                "members.cluster.left": _("left a cluster"),
                "members.cluster.updated": _("cluster updated"),
                "members.fee_rate.deleted": _("fee rate deleted"),
                "members.fee_rate.set": _("fee rate set"),
                "members.membership.created": _("membership created"),
                "members.membership.invoiced": _("membership invoiced"),
                "members.membership.paid": _("membership paid"),
                "members.membership.renewed": _("memberships renewed"),
                "members.membership.status_changed": _("membership status changed"),
                "members.organisation.created": _("organisation created"),
                "members.organisation.updated": _("organisation updated"),
                "members.partnership.created": _("partnership created"),
                "members.person.account_linked": _("login linked"),
                "members.person.affiliated": _("role in an organisation set"),
                "members.person.created": _("person created"),
                "members.person.unaffiliated": _("role in an organisation removed"),
                "members.person.updated": _("person updated"),
                "members.position.ended": _("governance position ended"),
                "members.position.started": _("governance position started"),
            }
        )
