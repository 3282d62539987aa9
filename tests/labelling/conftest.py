"""Fixtures of the labelling tests: a member contact's draft project, staff, experts."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from grappe.core.models import Facet
from grappe.labelling import services
from grappe.labelling.choices import Status
from grappe.labelling.services import PartnerLine
from tests.factories import (
    CriterionFactory,
    ExpertFactory,
    FundingCallFactory,
    OrganisationFactory,
    StaffUserFactory,
    TermFactory,
    member_contact,
)


@pytest.fixture(autouse=True)
def _english(settings):
    # Messages are checked against their English msgids; e-mails use LANGUAGE_CODE.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff(db):
    return StaffUserFactory(username="staff", email="staff@pole.example")


@pytest.fixture
def lead(db):
    return OrganisationFactory(name="Décolletage Comtois")


@pytest.fixture
def partner_org(db):
    return OrganisationFactory(name="FEMTO-ST")


@pytest.fixture
def contact(lead):
    """A contact of the lead organisation, a member this year."""
    return member_contact(organisation=lead, username="lead-contact")


@pytest.fixture
def call(db):
    return FundingCallFactory(name="PSPC-Régions 2026")


@pytest.fixture
def market(db):
    return TermFactory(code="health", facet=Facet.MARKET, label_en="Health")


@pytest.fixture
def process(db):
    return TermFactory(code="bar-turning", facet=Facet.PROCESS, label_en="Bar turning")


@pytest.fixture
def project(contact, lead, partner_org, call, market, process):
    """A draft project of two partners, 600 k€ in all, to the open `call`."""
    return services.create_project(
        actor=contact,
        data={
            "acronym": "MICROVALVE",
            "title": "Implantable micro-valve",
            "summary_fr": "Une micro-valve en titane.",
            "trl_start": 3,
            "trl_target": 6,
            "duration_months": 36,
            "lead": lead,
            "total_budget": Decimal("600000"),
        },
        call=call,
        partners=[
            PartnerLine(lead, Decimal("400000"), Decimal("200000")),
            PartnerLine(partner_org, Decimal("200000"), Decimal("150000")),
        ],
        markets=[market],
        processes=[process],
    )


@pytest.fixture
def application(project):
    return project.applications.get()


@pytest.fixture
def criteria(db):
    return [
        CriterionFactory(code="innovation", weight=Decimal("3")),
        CriterionFactory(code="market", weight=Decimal("2")),
        CriterionFactory(code="consortium", weight=Decimal("1")),
    ]


@pytest.fixture
def experts(db):
    return [ExpertFactory().user, ExpertFactory().user]


def move(application, status, **fields):
    """Put an application at a status directly, to test the moves from there."""
    application.status = status
    for name, value in fields.items():
        setattr(application, name, value)
    application.save()
    return application


def reviewed(application, staff, experts, criteria, scores=None):
    """Take a submitted application through two experts' reviews; it ends under review."""
    if application.status == Status.DRAFT:
        services.transition(actor=staff, application=application, to=Status.SUBMITTED)
    assignments = [
        services.assign_expert(actor=staff, application=application, expert=expert)
        for expert in experts
    ]
    services.transition(actor=staff, application=application, to=Status.UNDER_REVIEW)
    for number, assignment in enumerate(assignments):
        services.declare_no_conflict(actor=assignment.expert, assignment=assignment)
        given = (scores or [])[number] if scores else {c.code: 4 for c in criteria}
        services.submit_review(actor=assignment.expert, assignment=assignment, scores=given)
    return assignments


def before_committee(application, staff, experts, criteria):
    reviewed(application, staff, experts, criteria)
    services.transition(actor=staff, application=application, to=Status.COMMITTEE)
    return application


def today() -> datetime.date:
    return timezone.localdate()
