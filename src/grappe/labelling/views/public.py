"""The public pages: the labelled projects' public summaries, for everybody."""

from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from grappe.labelling import figures, queries
from grappe.labelling.choices import LABEL_STATUSES
from grappe.labelling.forms.filters import PublicFilterForm
from grappe.labelling.views.common import PAGE_SIZE, wants_partial

LIST_TEMPLATE = "labelling/public_list.html"


def _labelled_on(projects):
    """Each project with the date of its latest label."""
    return projects.annotate(
        labelled_on=Max(
            "applications__decided_at", filter=Q(applications__status__in=LABEL_STATUSES)
        )
    )


def public_list(request: HttpRequest) -> HttpResponse:
    years = sorted((row.year for row in figures.labelled_per_year()), reverse=True)
    form = PublicFilterForm(request.GET, years=years)
    projects = _labelled_on(form.apply(queries.public_projects()))
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    query = {key: value for key, value in request.GET.items() if key in form.fields and value}
    context = {
        "form": form,
        "page_obj": page,
        "query": urlencode(query),
        "is_filtered": form.is_filtered,
    }
    if wants_partial(request):
        return render(request, f"{LIST_TEMPLATE}#results", context)
    return render(request, LIST_TEMPLATE, context)


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = queries.public_project(pk)
    return render(request, "labelling/public_detail.html", {"project": project})
