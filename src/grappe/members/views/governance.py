"""The public governance page (president, board, staff) and the partnerships page."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from grappe.core.i18n import localised
from grappe.members import queries
from grappe.members.choices import GovernanceRole
from grappe.members.models import Partnership, Position

PER_PAGE = 30

# The order in which the seats are listed: the officers first, then the members.
ROLE_RANK = {
    role: rank
    for rank, role in enumerate(
        [
            GovernanceRole.PRESIDENT,
            GovernanceRole.VICE_PRESIDENT,
            GovernanceRole.TREASURER,
            GovernanceRole.SECRETARY,
            GovernanceRole.DIRECTOR,
            GovernanceRole.BOARD_MEMBER,
            GovernanceRole.EMPLOYEE,
        ]
    )
}


def _ranked(positions: list[Position]) -> list[Position]:
    return sorted(
        positions,
        key=lambda p: (ROLE_RANK.get(p.role, len(ROLE_RANK)), p.person.last_name, p.pk),
    )


def governance(request: HttpRequest) -> HttpResponse:
    context = {
        "president": queries.president(),
        "board": _ranked(list(queries.board())),
        "staff": _ranked(list(queries.staff())),
    }
    return render(request, "members/governance.html", context)


@dataclass(frozen=True)
class PartnershipRow:
    partnership: Partnership
    description: str


def partnership_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.partnerships(), PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        PartnershipRow(
            partnership, localised(partnership.description_fr, partnership.description_en)
        )
        for partnership in page
    ]
    context = {"page_obj": page, "rows": rows, "query": ""}
    return render(request, "members/partnership_list.html", context)
