"""The staff's overview: the pipeline board by status, and the labelling dashboard."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from grappe.labelling import figures, queries
from grappe.labelling.choices import Status
from grappe.labelling.forms.filters import PipelineFilterForm, YearForm
from grappe.labelling.models import FundingCall
from grappe.labelling.views.common import require_staff, wants_partial

PIPELINE_TEMPLATE = "labelling/pipeline.html"
# The cards shown per column; the count says how many there are in all.
CARDS_PER_COLUMN = 12
# Columns of the rounds still moving: the oldest first. In the others the latest first.
ACTIVE = (Status.DRAFT, Status.SUBMITTED, Status.UNDER_REVIEW, Status.COMMITTEE, Status.DEFERRED)


@login_required
def pipeline(request: HttpRequest) -> HttpResponse:
    """Columns by status with their counts; a fixed number of queries whatever the data."""
    require_staff(request)
    years = sorted(
        {day.year for day in FundingCall.objects.dates("deadline", "year")}, reverse=True
    )
    form = PipelineFilterForm(request.GET, years=years)
    columns = []
    for status in Status:
        applications = form.apply(queries.applications_in(status))
        if status not in ACTIVE:
            applications = applications.reverse()
        cards = list(applications[:CARDS_PER_COLUMN])
        count = len(cards) if len(cards) < CARDS_PER_COLUMN else applications.count()
        columns.append(
            {
                "status": status,
                "count": count,
                "cards": cards,
                "more": count - len(cards),
                "active": status in ACTIVE,
            }
        )
    context = {
        "form": form,
        "columns": columns,
        "total": sum(column["count"] for column in columns),
        "is_filtered": form.is_filtered,
    }
    if wants_partial(request):
        return render(request, f"{PIPELINE_TEMPLATE}#board", context)
    return render(request, PIPELINE_TEMPLATE, context)


def _bars(rows, value=lambda row: row.count) -> list[dict]:
    """Rows with their share of the largest, for CSS bars."""
    rows = list(rows)
    top = max((value(row) for row in rows), default=0)
    return [{"row": row, "percent": round(100 * value(row) / top) if top else 0} for row in rows]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The labelling figures: per year, market, funder and call; rates; money and leverage."""
    require_staff(request)
    per_year = figures.labelled_per_year()
    form = YearForm(request.GET, years=sorted((row.year for row in per_year), reverse=True))
    year = form.year()
    result = figures.figures(year)
    context = {
        "form": form,
        "year": year,
        "figures": result,
        "per_year": _bars(result.per_year),
        "per_market": _bars(result.per_market),
        "per_funder": _bars(result.per_funder),
        "per_call": _bars(result.per_call),
        "selection_percent": _percent(result.selection_rate),
        "funded_percent": _percent(result.funded_rate),
    }
    return render(request, "labelling/dashboard.html", context)


def _percent(rate) -> float | None:
    return None if rate is None else round(float(rate) * 100, 1)
