"""The follow-up of a labelled project: funding per partner and funder, progress, results."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from grappe.labelling import services
from grappe.labelling.choices import Funder, ResultKind, Status
from grappe.labelling.models import FundingLine, Result
from grappe.labelling.services import FundingEntry, IllegalTransition, WrongState
from tests.factories import PartnerFactory, member_contact
from tests.labelling.conftest import move

pytestmark = pytest.mark.django_db


@pytest.fixture
def labelled(application):
    return move(application, Status.LABELLED)


@pytest.fixture
def partners(project, lead, partner_org):
    return {p.organisation: p for p in project.partners.all()}


def test_funding_is_recorded_per_partner_and_funder(labelled, staff, partners, lead, partner_org):
    services.record_funding(
        actor=staff,
        application=labelled,
        lines=[
            (partners[lead], Funder.BPI_INOV, Decimal("150000")),
            (partners[lead], Funder.REGION_BFC, Decimal("50000")),
            FundingEntry(partners[partner_org], Funder.ANR, "120 000,50"),
        ],
    )
    labelled.refresh_from_db()
    assert labelled.status == Status.FUNDED
    amounts = {
        (line.partner.organisation.name, line.funder): line.amount
        for line in FundingLine.objects.all()
    }
    assert amounts[("FEMTO-ST", Funder.ANR)] == Decimal("120000.50")
    assert len(amounts) == 3


def test_no_lines_means_not_funded(labelled, staff):
    services.record_funding(actor=staff, application=labelled, lines=[])
    labelled.refresh_from_db()
    assert labelled.status == Status.NOT_FUNDED


def test_a_partner_cannot_receive_more_than_its_budget(labelled, staff, partners, partner_org):
    # FEMTO-ST's budget is 200 000 EUR; it asked for 150 000.
    with pytest.raises(ValidationError) as caught:
        services.record_funding(
            actor=staff,
            application=labelled,
            lines=[
                (partners[partner_org], Funder.ANR, Decimal("150000")),
                (partners[partner_org], Funder.REGION_BFC, Decimal("60000")),
            ],
        )
    assert "FEMTO-ST" in caught.value.message_dict["lines"][0]
    assert not FundingLine.objects.exists()
    labelled.refresh_from_db()
    assert labelled.status == Status.LABELLED


def test_bad_lines_are_errors_by_row(labelled, staff, partners, lead):
    stranger = PartnerFactory()
    with pytest.raises(ValidationError) as caught:
        services.record_funding(
            actor=staff,
            application=labelled,
            lines=[
                (partners[lead], "santa", Decimal("1")),
                (partners[lead], Funder.ANR, Decimal("0")),
                (stranger, Funder.ANR, Decimal("10")),
            ],
        )
    assert set(caught.value.message_dict) == {"lines-0-funder", "lines-1-amount", "lines-2-partner"}


def test_funding_needs_a_label_and_the_staff(application, staff, contact, partners, lead):
    with pytest.raises(WrongState):
        services.record_funding(
            actor=staff, application=application, lines=[(partners[lead], Funder.ANR, 10)]
        )
    move(application, Status.LABELLED)
    with pytest.raises(PermissionDenied):
        services.record_funding(
            actor=contact, application=application, lines=[(partners[lead], Funder.ANR, 10)]
        )


def test_funding_of_a_funded_project_is_corrected(labelled, staff, partners, lead):
    services.record_funding(
        actor=staff, application=labelled, lines=[(partners[lead], Funder.ANR, 10)]
    )
    services.record_funding(
        actor=staff, application=labelled, lines=[(partners[lead], Funder.ANR, 20)]
    )
    assert FundingLine.objects.get().amount == 20
    with pytest.raises(ValidationError):
        services.record_funding(actor=staff, application=labelled, lines=[])


def test_the_project_runs_and_completes_with_its_results(labelled, staff, contact, partners, lead):
    services.record_funding(
        actor=staff, application=labelled, lines=[(partners[lead], Funder.ANR, 10)]
    )
    services.transition(actor=contact, application=labelled, to=Status.IN_PROGRESS)
    services.add_result(
        actor=contact, application=labelled, kind=ResultKind.PATENT, quantity=2, description="EP"
    )
    services.transition(actor=contact, application=labelled, to=Status.COMPLETED)
    services.add_result(actor=staff, application=labelled, kind=ResultKind.JOBS, quantity=5)
    assert Result.objects.count() == 2
    with pytest.raises(IllegalTransition):
        services.transition(actor=contact, application=labelled, to=Status.ABANDONED)


def test_results_are_checked(labelled, staff, contact):
    with pytest.raises(WrongState):
        services.add_result(actor=contact, application=labelled, kind=ResultKind.PATENT)
    move(labelled, Status.IN_PROGRESS)
    with pytest.raises(ValidationError) as caught:
        services.add_result(actor=contact, application=labelled, kind="award", quantity=0)
    assert set(caught.value.message_dict) == {"kind", "quantity"}
    with pytest.raises(PermissionDenied):
        services.add_result(actor=member_contact(), application=labelled, kind=ResultKind.PRODUCT)
    result = services.add_result(actor=contact, application=labelled, kind=ResultKind.PRODUCT)
    services.remove_result(actor=contact, result=result)
    assert not Result.objects.exists()
