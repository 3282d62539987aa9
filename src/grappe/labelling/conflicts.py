"""Conflicts of interest between a person and a project.

A user is conflicted on a project when their person is a contact (Affiliation) of:
- a partner organisation of the project (the lead included), or
- a competitor: an organisation, not itself a partner, that carries in the capability
  directory at least one of the project's processes AND at least one of its markets.

A conflicted expert can never be assigned to the project's applications nor see them; a
conflicted committee member abstains on them. The rule is computed from the data each time,
so that an affiliation added after an assignment still counts.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from grappe.core.models import User
from grappe.directory.models import Capability
from grappe.labelling.models import Partner, Project
from grappe.members.models import Affiliation, Organisation


class ConflictKind(StrEnum):
    PARTNER = "partner"
    COMPETITOR = "competitor"


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    organisation: Organisation

    @property
    def message(self) -> str:
        if self.kind == ConflictKind.PARTNER:
            return _("Contact of %(organisation)s, a partner of the project.") % {
                "organisation": self.organisation.name
            }
        return _(
            "Contact of %(organisation)s, which works on the same processes and markets "
            "as the project."
        ) % {"organisation": self.organisation.name}


def partner_ids(project: Project) -> set[int]:
    """The organisations of the consortium, the lead included."""
    ids = set(Partner.objects.filter(project=project).values_list("organisation_id", flat=True))
    ids.add(project.lead_id)
    return ids


def competitor_ids(project: Project, among: Iterable[int]) -> set[int]:
    """Those of the organisations `among` that compete with the project (partners excluded)."""
    among = set(among) - partner_ids(project)
    if not among:
        return set()
    process_ids = list(project.processes.values_list("pk", flat=True))
    market_ids = list(project.markets.values_list("pk", flat=True))
    if not (process_ids and market_ids):
        return set()
    with_process = Capability.objects.filter(organisation_id__in=among, term_id__in=process_ids)
    with_market = Capability.objects.filter(organisation_id__in=among, term_id__in=market_ids)
    return set(with_process.values_list("organisation_id", flat=True)) & set(
        with_market.values_list("organisation_id", flat=True)
    )


def conflicts_by_user(users: Iterable[User], project: Project) -> dict[int, list[Conflict]]:
    """{user id: conflicts} for the users who have one; a few queries whatever their number."""
    user_ids = [user.pk for user in users]
    if not user_ids:
        return {}
    affiliations = list(
        Affiliation.objects.filter(person__user_id__in=user_ids).select_related(
            "organisation", "person"
        )
    )
    if not affiliations:
        return {}
    partners = partner_ids(project)
    competitors = competitor_ids(project, {a.organisation_id for a in affiliations})
    found: dict[int, list[Conflict]] = defaultdict(list)
    for affiliation in affiliations:
        if affiliation.organisation_id in partners:
            kind = ConflictKind.PARTNER
        elif affiliation.organisation_id in competitors:
            kind = ConflictKind.COMPETITOR
        else:
            continue
        found[affiliation.person.user_id].append(Conflict(kind, affiliation.organisation))
    return dict(found)


def conflicts_of(user: User, project: Project) -> list[Conflict]:
    """The user's conflicts of interest on the project; empty when there is none."""
    if not (user and user.is_authenticated):
        return []
    return conflicts_by_user([user], project).get(user.pk, [])


def is_conflicted(user: User, project: Project) -> bool:
    return bool(conflicts_of(user, project))
