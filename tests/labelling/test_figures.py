"""The labelling figures, computed from rounds built with factories."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from grappe.core.models import Facet
from grappe.labelling import figures
from grappe.labelling.choices import Funder, Status
from grappe.labelling.models import FundingLine
from tests.factories import (
    ApplicationFactory,
    FundingCallFactory,
    ProjectFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db


def at(year: int, month: int = 6) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, 15, 12))


@pytest.fixture
def data():
    """Rounds decided in 2023 and 2024, on two calls; health and aeronautics markets."""
    health = TermFactory(code="health", facet=Facet.MARKET, label_en="Health")
    aero = TermFactory(code="aero", facet=Facet.MARKET, label_en="Aeronautics")
    anr = FundingCallFactory(name="ANR 2023", funder=Funder.ANR)
    pspc = FundingCallFactory(name="PSPC 2024", funder=Funder.PSPC_REGIONS)

    def round_(status, year, call, markets, budget="1000000", aid=None):
        project = ProjectFactory(total_budget=Decimal(budget), markets=markets)
        application = ApplicationFactory(
            project=project, call=call, status=status, decided_at=at(year)
        )
        if aid is not None:
            FundingLine.objects.create(
                application=application,
                partner=project.partners.get(),
                funder=call.funder,
                amount=Decimal(aid),
            )
        return application

    funded = round_(Status.FUNDED, 2023, anr, [health], budget="1000000", aid="400000")
    round_(Status.COMPLETED, 2023, anr, [health, aero], budget="600000", aid="200000")
    round_(Status.NOT_FUNDED, 2024, pspc, [aero])
    round_(Status.LABELLED, 2024, pspc, [health])
    round_(Status.LABELLED_WITH_RESERVATIONS, 2024, pspc, [aero])
    round_(Status.NOT_LABELLED, 2024, pspc, [health])
    round_(Status.NOT_LABELLED, 2023, anr, [aero])
    round_(Status.DEFERRED, 2024, pspc, [aero])
    ApplicationFactory(status=Status.SUBMITTED)
    # The funded project, re-labelled on another call: one project, two labels.
    ApplicationFactory(
        project=funded.project,
        call=FundingCallFactory(funder=Funder.REGION_BFC),
        round_number=2,
        status=Status.LABELLED,
        decided_at=at(2024),
    )


def test_labelled_projects_are_counted_once(data):
    assert figures.labelled_projects_count() == 5
    assert figures.labelled_projects_count(datetime.date(2023, 12, 31)) == 2
    assert figures.labelled_projects_count(datetime.date(2022, 12, 31)) == 0


def test_labelled_per_year_market_funder_and_call(data):
    assert figures.labelled_per_year() == [figures.YearCount(2023, 2), figures.YearCount(2024, 4)]
    per_market = {row.key: row.count for row in figures.labelled_per_market()}
    assert per_market == {"health": 3, "aero": 3}
    assert {row.key: row.count for row in figures.labelled_per_market(2023)} == {
        "health": 2,
        "aero": 1,
    }
    per_funder = {row.key: row.count for row in figures.labelled_per_funder()}
    assert per_funder == {Funder.ANR: 2, Funder.PSPC_REGIONS: 3, Funder.REGION_BFC: 1}
    assert {row.label: row.count for row in figures.labelled_per_call(2023)} == {"ANR 2023": 2}


def test_rates_budget_aid_and_leverage(data):
    result = figures.figures()
    assert (result.decided, result.labelled) == (8, 6)  # deferred is not decided
    assert result.selection_rate == Decimal("0.750")
    assert (result.funding_decided, result.funded) == (3, 2)
    assert result.funded_rate == Decimal("0.667")
    assert result.funded_budget == Decimal("1600000")
    assert result.aid_obtained == Decimal("600000")
    # (1 600 000 − 600 000) private euros for 600 000 public ones.
    assert result.leverage == Decimal("1.67")


def test_figures_of_one_year(data):
    result = figures.figures(2023)
    assert result.labelled_projects == 2
    assert (result.decided, result.labelled) == (3, 2)
    assert result.funded == 2


def test_no_data_gives_zeros_and_no_rates(db):
    result = figures.figures()
    assert result.labelled_projects == 0
    assert result.selection_rate is None
    assert result.funded_rate is None
    assert result.leverage is None
    assert result.per_year == []


def test_figures_take_a_fixed_number_of_queries(data, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        figures.figures()
