"""“Find a know-how”: the public search page of the capability directory.

Everybody searches; the public sees the public fields of each hit, members' contacts and
the staff (perm `members.view_directory`) also the headcount band, SIRET and NAF code, and
may keep the members only. The page's form is the query: the text box asks as one types,
each facet value is a checkbox, and every answer carries the URL it stands for.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from grappe.directory.queries import (
    clean_values,
    filter_labels,
    organisations_by_id,
    popular_terms,
    search_query,
    term_labels,
)
from grappe.directory.search.service import search
from grappe.directory.search.types import (
    FILTERS,
    TERM_FACETS,
    FacetCount,
    Hit,
    SearchQuery,
    SearchResult,
)
from grappe.directory.views.common import wants_partial
from grappe.members.models import Organisation

PAGE_SIZE = 20
MAX_PAGE = 10_000
SHOWN_VALUES = 8  # values of a facet shown before “more”
FACET_TITLES = {
    "process": _("Process"),
    "material": _("Material"),
    "market": _("Market"),
    "certification": _("Certification"),
    "cluster": _("Cluster"),
    "departement": _("Département"),
    "headcount_band": _("Headcount"),
    "kind": _("Kind"),
}
# Facets on fields that only members' contacts and the staff see.
RESTRICTED_FACETS = frozenset({"headcount_band"})
TRUE_VALUES = {"1", "on", "true", "yes"}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    checked: bool
    id: str


@dataclass
class FacetPanel:
    name: str
    title: str
    options: list[FacetOption]
    more: list[FacetOption] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return any(option.checked for option in self.options)


@dataclass
class Chip:
    title: str
    label: str
    url: str


@dataclass
class HitView:
    hit: Hit
    organisation: Organisation | None
    matched: list[tuple[str, list[str]]]  # (facet title, term labels)


def allowed_facets(request: HttpRequest) -> tuple[str, ...]:
    if request.user.has_perm("members.view_directory"):
        return FILTERS
    return tuple(name for name in FILTERS if name not in RESTRICTED_FACETS)


def _page_number(raw: str | None) -> int:
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    return max(1, min(number, MAX_PAGE))


def _run(query: SearchQuery, number: int) -> tuple[SearchResult, Page]:
    """The hits of page `number`; a page past the end gives the last one."""
    result = search(_at_page(query, number))
    paginator = Paginator(range(result.count), PAGE_SIZE)  # for the navigation only
    if result.count and number > paginator.num_pages:
        number = paginator.num_pages
        result = search(_at_page(query, number))
    return result, paginator.get_page(number)


def _at_page(query: SearchQuery, number: int) -> SearchQuery:
    return SearchQuery(**{**query.__dict__, "limit": PAGE_SIZE, "offset": (number - 1) * PAGE_SIZE})


def _without(params: QueryDict, name: str, value: str | None = None) -> str:
    """The query string without this filter value (or this parameter), nor the page."""
    query = params.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        query.setlist(name, [v for v in query.getlist(name) if v != value])
    return query.urlencode()


def _panels(
    facets: dict[str, list[FacetCount]],
    selected: dict[str, tuple[str, ...]],
    labels: dict[tuple[str, str], str],
    names: tuple[str, ...],
) -> list[FacetPanel]:
    panels = []
    for name in names:
        counts = list(facets.get(name, []))
        listed = {count.value for count in counts}
        # A chosen value always shows, even when no hit has it any more.
        counts += [
            FacetCount(value=value, label=labels.get((name, value), value), count=0)
            for value in selected.get(name, ())
            if value not in listed
        ]
        options = [
            FacetOption(
                value=count.value,
                label=count.label,
                count=count.count,
                checked=count.value in selected.get(name, ()),
                # Stable from one answer to the next, so that htmx keeps the focus on it.
                id=f"facet-{name}-{slugify(count.value) or index}",
            )
            for index, count in enumerate(counts)
        ]
        if not options:
            continue
        shown = [o for i, o in enumerate(options) if i < SHOWN_VALUES or o.checked]
        more = [o for o in options if o not in shown]
        panels.append(FacetPanel(name, str(FACET_TITLES[name]), shown, more))
    return panels


def _hit_views(hits: list[Hit]) -> list[HitView]:
    organisations = organisations_by_id(hit.organisation_id for hit in hits)
    codes = {code for hit in hits for name in TERM_FACETS for code in hit.matched.get(name, ())}
    labels = term_labels(codes)
    return [
        HitView(
            hit=hit,
            organisation=organisations.get(hit.organisation_id),
            matched=[
                (str(FACET_TITLES[name]), [labels.get(code, code) for code in hit.matched[name]])
                for name in TERM_FACETS
                if hit.matched.get(name)
            ],
        )
        for hit in hits
    ]


def directory_search(request: HttpRequest) -> HttpResponse:
    params = request.GET
    can_see_more = request.user.has_perm("members.view_directory")
    names = allowed_facets(request)
    selected = {name: clean_values(params.getlist(name)) for name in names}
    members_only = can_see_more and params.get("members_only", "").lower() in TRUE_VALUES
    query = search_query(text=params.get("q", ""), filters=selected, members_only=members_only)
    result, page = _run(query, _page_number(params.get("page")))

    labels = filter_labels(selected)
    for name in names:
        for count in result.facets.get(name, []):
            labels.setdefault((name, count.value), count.label)
    chips = [
        Chip(
            str(FACET_TITLES[name]), labels.get((name, value), value), _without(params, name, value)
        )
        for name in names
        for value in selected[name]
    ]
    if members_only:
        chips.append(
            Chip(str(_("Members")), str(_("Members only")), _without(params, "members_only"))
        )
    is_filtered = bool(chips)
    context = {
        "q": query.text,
        "result": result,
        "hits": _hit_views(result.hits),
        "page_obj": page,
        "query": _without(params, "page"),
        "panels": _panels(result.facets, selected, labels, names),
        "chips": chips,
        "is_filtered": is_filtered,
        "can_see_more": can_see_more,
        "members_only": members_only,
        "can_manage_vocabulary": request.user.has_perm("directory.manage_vocabulary"),
        "can_import": request.user.has_perm("directory.import_organisations"),
        "can_export": request.user.has_perm("directory.export_organisations"),
    }
    if not result.count:
        context["suggestions"] = popular_terms()
    template = "directory/search.html"
    if wants_partial(request):
        template += "#results"
    return render(request, template, context)
