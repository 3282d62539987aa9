"""The pôle's key figures, computed from the database."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from grappe.labelling.figures import labelled_projects_count
from grappe.members import queries as members_queries
from grappe.members.models import Cluster


@dataclass(frozen=True)
class KeyFigure:
    """One figure of the key-figures box. `value` is None when no domain computes it yet."""

    key: str
    label: str | Promise
    value: int | Decimal | None
    unit: str | Promise = ""

    @property
    def available(self) -> bool:
        return self.value is not None


def _reference_date(year: int) -> datetime.date:
    """Today for the current year, the last day of the year for a past one."""
    today = timezone.localdate()
    return today if year >= today.year else datetime.date(year, 12, 31)


def key_figures(year: int) -> list[KeyFigure]:
    """Members, staff, labelled projects and clusters counted in the database; the others
    not available yet.

    Budget and accompanied structures arrive with their domains (budget, programmes):
    each will replace its `None` with its own query.
    """
    on = _reference_date(year)
    return [
        KeyFigure("members", _("members"), members_queries.members(year).count()),
        KeyFigure("staff", _("staff"), members_queries.staff(on).count()),
        KeyFigure("budget", _("yearly budget"), None, _("EUR")),
        KeyFigure("labelled_projects", _("labelled R&D projects"), labelled_projects_count(on)),
        KeyFigure("accompanied_structures", _("accompanied structures"), None),
        KeyFigure("clusters", _("thematic clusters"), Cluster.objects.count()),
    ]
