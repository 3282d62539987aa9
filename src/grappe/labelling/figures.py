"""The figures of project labelling, computed from the data in a fixed number of queries.

A project counts as labelled when one of its rounds holds the label (LABEL_STATUSES), in
the year of the committee's decision. Rates are fractions from 0 to 1, None when there is
nothing to divide by. All public money counts as aid: every funder of the calls is public.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from grappe.core.models import Facet, Term
from grappe.labelling.choices import LABEL_STATUSES, Funder
from grappe.labelling.models import Application, FundingLine, Project
from grappe.labelling.workflow import DECIDED, FUNDED_STATUSES, FUNDING_DECIDED


@dataclass(frozen=True)
class YearCount:
    year: int
    count: int


@dataclass(frozen=True)
class LabelCount:
    """A number of labelled projects for one market, funder or call."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class LabellingFigures:
    labelled_projects: int
    per_year: list[YearCount]
    per_market: list[LabelCount]
    per_funder: list[LabelCount]
    per_call: list[LabelCount]
    decided: int  # rounds the committee gave its final answer on
    labelled: int  # of which labelled
    selection_rate: Decimal | None  # labelled ÷ decided
    funding_decided: int  # labelled rounds whose funding is decided
    funded: int  # of which funded
    funded_rate: Decimal | None  # funded ÷ funding decided
    funded_budget: Decimal  # total R&D budget of the funded projects
    aid_obtained: Decimal  # public aid they obtained
    leverage: Decimal | None  # private euros per public euro


def _ratio(numerator: Decimal | int, denominator: Decimal | int, places: str) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(
        Decimal(places), rounding=ROUND_HALF_UP
    )


def _end_of(day: datetime.date) -> datetime.datetime:
    """The first instant after `day`, in the pôle's time zone."""
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    )


def _rounds(statuses, year: int | None) -> QuerySet[Application]:
    queryset = Application.objects.filter(status__in=statuses)
    if year is not None:
        queryset = queryset.filter(
            decided_at__gte=_end_of(datetime.date(year - 1, 12, 31)),
            decided_at__lt=_end_of(datetime.date(year, 12, 31)),
        )
    return queryset


def labelled_projects_count(on: datetime.date | None = None) -> int:
    """The projects holding the pôle's label, counted once each whatever their rounds; with
    `on`, those labelled by the end of that day."""
    queryset = Application.objects.filter(status__in=LABEL_STATUSES)
    if on is not None:
        queryset = queryset.filter(decided_at__lt=_end_of(on))
    return queryset.values("project").distinct().count()


def labelled_per_year() -> list[YearCount]:
    """Projects labelled each year (the year of the decision), the oldest year first."""
    rows = (
        Application.objects.filter(status__in=LABEL_STATUSES, decided_at__isnull=False)
        .annotate(year=ExtractYear("decided_at"))
        .values("year")
        .annotate(count=Count("project", distinct=True))
        .order_by("year")
    )
    return [YearCount(row["year"], row["count"]) for row in rows]


def labelled_per_market(year: int | None = None) -> list[LabelCount]:
    """Labelled projects per market; a project counts in each of its markets."""
    labelled = _rounds(LABEL_STATUSES, year).values("project_id")
    terms = (
        Term.objects.filter(facet=Facet.MARKET, market_projects__in=labelled)
        .annotate(count=Count("market_projects", distinct=True))
        .order_by("-count", "label_fr")
    )
    return [LabelCount(term.code, term.label, term.count) for term in terms]


def labelled_per_funder(year: int | None = None) -> list[LabelCount]:
    rows = (
        _rounds(LABEL_STATUSES, year)
        .values("call__funder")
        .annotate(count=Count("project", distinct=True))
        .order_by("-count", "call__funder")
    )
    return [
        LabelCount(row["call__funder"], str(Funder(row["call__funder"]).label), row["count"])
        for row in rows
    ]


def labelled_per_call(year: int | None = None) -> list[LabelCount]:
    rows = (
        _rounds(LABEL_STATUSES, year)
        .values("call_id", "call__name")
        .annotate(count=Count("project", distinct=True))
        .order_by("-count", "call__name")
    )
    return [LabelCount(str(row["call_id"]), row["call__name"], row["count"]) for row in rows]


def figures(year: int | None = None) -> LabellingFigures:
    """Every figure of the staff dashboard; with `year`, for the rounds decided that year."""
    decided = _rounds(DECIDED, year).count()
    labelled = _rounds(LABEL_STATUSES, year).count()
    funding_decided = _rounds(FUNDING_DECIDED, year).count()
    funded_rounds = _rounds(FUNDED_STATUSES, year)
    funded = funded_rounds.count()
    funded_budget = Project.objects.filter(
        Exists(funded_rounds.filter(project=OuterRef("pk")))
    ).aggregate(total=Sum("total_budget"))["total"] or Decimal(0)
    aid = FundingLine.objects.filter(application__in=funded_rounds).aggregate(total=Sum("amount"))[
        "total"
    ] or Decimal(0)
    return LabellingFigures(
        labelled_projects=(
            labelled_projects_count()
            if year is None
            else _rounds(LABEL_STATUSES, year).values("project").distinct().count()
        ),
        per_year=labelled_per_year(),
        per_market=labelled_per_market(year),
        per_funder=labelled_per_funder(year),
        per_call=labelled_per_call(year),
        decided=decided,
        labelled=labelled,
        selection_rate=_ratio(labelled, decided, "0.001"),
        funding_decided=funding_decided,
        funded=funded,
        funded_rate=_ratio(funded, funding_decided, "0.001"),
        funded_budget=funded_budget,
        aid_obtained=aid,
        leverage=_ratio(funded_budget - aid, aid, "0.01"),
    )
