import datetime

import pytest
from django.utils import timezone

from grappe.labelling.choices import Status
from grappe.members.choices import GovernanceRole, GoverningBody, MembershipStatus
from grappe.reporting.queries import KeyFigure, key_figures
from tests.factories import (
    ApplicationFactory,
    ClusterFactory,
    FundingCallFactory,
    MembershipFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db

THIS_YEAR = datetime.date.today().year


def by_key(figures: list[KeyFigure]) -> dict[str, KeyFigure]:
    return {figure.key: figure for figure in figures}


def test_members_are_the_organisations_active_this_year():
    for _ in range(3):
        MembershipFactory(year=THIS_YEAR, status=MembershipStatus.ACTIVE)
    MembershipFactory(year=THIS_YEAR, status=MembershipStatus.LAPSED)
    MembershipFactory(year=THIS_YEAR, status=MembershipStatus.PENDING)
    MembershipFactory(year=THIS_YEAR - 1, status=MembershipStatus.ACTIVE)
    assert by_key(key_figures(THIS_YEAR))["members"].value == 3
    assert by_key(key_figures(THIS_YEAR - 1))["members"].value == 1


def test_staff_counts_current_staff_positions_only():
    PositionFactory.create_batch(2)
    PositionFactory(end_date=datetime.date(2021, 12, 31))  # left
    PositionFactory(body=GoverningBody.BOARD, role=GovernanceRole.BOARD_MEMBER)
    assert by_key(key_figures(THIS_YEAR))["staff"].value == 2
    # A past year counts the staff in office at its end.
    assert by_key(key_figures(2021))["staff"].value == 3


def test_clusters_are_counted():
    ClusterFactory.create_batch(2)
    assert by_key(key_figures(THIS_YEAR))["clusters"].value == 2


def decided(year: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, 6, 15, 12))


def test_labelled_projects_count_each_project_holding_the_label_once():
    labelled = ApplicationFactory(status=Status.LABELLED, decided_at=decided(2019))
    # Re-labelled on another call: still one project.
    ApplicationFactory(
        project=labelled.project,
        call=FundingCallFactory(),
        round_number=2,
        status=Status.FUNDED,
        decided_at=decided(2021),
    )
    ApplicationFactory(status=Status.LABELLED_WITH_RESERVATIONS, decided_at=decided(2021))
    ApplicationFactory(status=Status.COMPLETED, decided_at=decided(2015))
    ApplicationFactory(status=Status.NOT_LABELLED, decided_at=decided(2021))
    ApplicationFactory(status=Status.DEFERRED, decided_at=decided(2021))
    ApplicationFactory(status=Status.SUBMITTED)
    assert by_key(key_figures(THIS_YEAR))["labelled_projects"].value == 3
    # A past year counts the projects labelled by its end.
    assert by_key(key_figures(2019))["labelled_projects"].value == 2
    assert by_key(key_figures(2014))["labelled_projects"].value == 0


def test_figures_without_a_domain_are_not_available():
    figures = by_key(key_figures(THIS_YEAR))
    for key in ("budget", "accompanied_structures"):
        assert figures[key].value is None
        assert figures[key].available is False
    assert figures["members"].available is True


def test_empty_database_gives_zeros_not_errors():
    figures = by_key(key_figures(THIS_YEAR))
    assert figures["members"].value == 0
    assert figures["staff"].value == 0
    assert figures["clusters"].value == 0
    assert figures["labelled_projects"].value == 0


def test_key_figures_take_a_fixed_number_of_queries(django_assert_num_queries):
    MembershipFactory.create_batch(5)
    PositionFactory.create_batch(3)
    with django_assert_num_queries(4):
        key_figures(THIS_YEAR)
