"""Data for the label letter tests: letters, a labelled application with its consortium, the
president; and the switch that skips the PDF tests on a machine without Pango."""

import datetime
import os
from decimal import Decimal

import factory
import pytest
from factory.django import DjangoModelFactory

from grappe.core.pdf import pdf_rendering_available
from grappe.labelling.choices import PartnerRole, Status
from grappe.labelling.models import Application, LabelLetter
from grappe.members.choices import GovernanceRole, GoverningBody
from tests.factories import (
    AffiliationFactory,
    ApplicationFactory,
    OrganisationFactory,
    PartnerFactory,
    PersonFactory,
    PositionFactory,
    ProjectFactory,
)

MISSING_PDF = (
    "The label letter's PDF needs Pango for WeasyPrint: install it with "
    "`sudo apt install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core`."
)


def require_pdf_rendering() -> None:
    """Skip a test that draws a PDF on a machine without Pango, except where the PDF tests
    are required (GRAPPE_REQUIRE_PDF=1, as in `.ci/run`): there it fails."""
    if pdf_rendering_available():
        return
    if os.environ.get("GRAPPE_REQUIRE_PDF") == "1":
        pytest.fail(MISSING_PDF, pytrace=False)
    pytest.skip(MISSING_PDF)


class LabelLetterFactory(DjangoModelFactory):
    class Meta:
        model = LabelLetter

    application = factory.SubFactory(ApplicationFactory, status=Status.LABELLED)
    year = 2026
    sequence = factory.Sequence(lambda n: n + 1)
    number = factory.LazyAttribute(lambda o: f"PMT-{o.year}-{o.sequence:03d}")
    issued_on = factory.LazyAttribute(lambda o: datetime.date(o.year, 3, 1))
    signatory = "Laurent Deschamps"


def labelled_application(
    *, status: str = Status.LABELLED, reservations: str = "", **project_fields
) -> Application:
    """A labelled application: a lead with a main contact, a partner and a laboratory whose
    budgets add up to the project's total."""
    project = ProjectFactory(
        lead=OrganisationFactory(name="Décolletage Comtois"),
        total_budget=Decimal("1250000.00"),
        lead_partner=False,
        **project_fields,
    )
    PartnerFactory(
        project=project,
        organisation=project.lead,
        role=PartnerRole.LEAD,
        budget=Decimal("750000.00"),
        requested_aid=Decimal("300000.00"),
    )
    PartnerFactory(project=project, organisation=OrganisationFactory(name="Horlogerie Vuillemin"))
    PartnerFactory(
        project=project,
        organisation=OrganisationFactory(name="Laboratoire FEMTO-Micro"),
        role=PartnerRole.SUBCONTRACTOR,
        requested_aid=Decimal("50000.00"),
    )
    AffiliationFactory(organisation=project.lead, is_main_contact=True)
    return ApplicationFactory(project=project, status=status, reservations=reservations)


def president_in_office(
    first_name: str = "Laurent",
    last_name: str = "Deschamps",
    *,
    start_date: datetime.date = datetime.date(2020, 7, 2),
    end_date: datetime.date | None = None,
):
    """The pôle's president, by default the one in office since 2 July 2020."""
    return PositionFactory(
        person=PersonFactory(first_name=first_name, last_name=last_name),
        body=GoverningBody.BOARD,
        role=GovernanceRole.PRESIDENT,
        title="Président",
        start_date=start_date,
        end_date=end_date,
    )
