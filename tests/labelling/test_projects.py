"""Drafting a project: who may, the consortium's budgets, documents, rounds and resubmission."""

import datetime
import os
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile

from grappe.core.models import ActivityLog, Facet
from grappe.labelling import services
from grappe.labelling.choices import PartnerRole, Status
from grappe.labelling.models import Application, Document, Partner, Project
from grappe.labelling.services import PartnerLine, WrongState
from grappe.members.choices import OrganisationKind
from tests.factories import (
    FundingCallFactory,
    OrganisationFactory,
    TermFactory,
    UserFactory,
    member_contact,
)
from tests.labelling.conftest import move, today

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def draft(actor, lead, call, *, partners=None, **data):
    values = {
        "acronym": "NEWPROJ",
        "title": "A new project",
        "summary_fr": "Résumé.",
        "trl_start": 2,
        "trl_target": 5,
        "duration_months": 24,
        "lead": lead,
        "total_budget": Decimal("100000"),
        **data,
    }
    return services.create_project(
        actor=actor,
        data=values,
        call=call,
        partners=partners or [PartnerLine(lead, Decimal("100000"), Decimal("40000"))],
    )


def nothing_written():
    return not Project.objects.exists() and not Partner.objects.exists()


def test_a_member_contact_drafts_a_project_with_its_first_round(project, contact, call, lead):
    application = project.applications.get()
    assert application.round_number == 1
    assert application.call == call
    assert application.status == Status.DRAFT
    assert project.created_by == contact
    partners = {p.organisation.name: p for p in project.partners.all()}
    assert partners[lead.name].role == PartnerRole.LEAD
    assert partners["FEMTO-ST"].role == PartnerRole.PARTNER
    assert ActivityLog.objects.filter(action="labelling.project.created").count() == 1
    assert ActivityLog.objects.filter(action="labelling.application.created").count() == 1


def test_the_lead_must_be_an_organisation_of_the_contact(contact, call):
    other = OrganisationFactory()
    with pytest.raises(ValidationError) as caught:
        draft(contact, other, call)
    assert "lead" in caught.value.message_dict
    assert nothing_written()


def test_the_staff_draft_for_any_lead(staff, call):
    project = draft(staff, OrganisationFactory(), call)
    assert project.applications.count() == 1


def test_a_contact_of_a_non_member_cannot_draft(call):
    organisation = OrganisationFactory()
    lapsed_contact = member_contact(organisation=organisation)
    organisation.memberships.all().delete()
    with pytest.raises(PermissionDenied):
        draft(lapsed_contact, organisation, call)
    with pytest.raises(PermissionDenied):
        draft(UserFactory(), organisation, call)
    assert nothing_written()


def test_budgets_that_do_not_add_up_name_the_total(contact, lead, call, partner_org):
    with pytest.raises(ValidationError) as caught:
        draft(
            contact,
            lead,
            call,
            partners=[
                PartnerLine(lead, Decimal("60000"), Decimal("0")),
                PartnerLine(partner_org, Decimal("30000"), Decimal("0")),
            ],
        )
    assert caught.value.message_dict == {
        "total_budget": [
            "The partners' budgets add up to 90000 EUR, not to the total budget of 100000 EUR."
        ]
    }
    assert nothing_written()


def test_aid_above_budget_names_the_partner_row(contact, lead, call, partner_org):
    with pytest.raises(ValidationError) as caught:
        draft(
            contact,
            lead,
            call,
            partners=[
                PartnerLine(lead, Decimal("70000"), Decimal("0")),
                PartnerLine(partner_org, Decimal("30000"), Decimal("30001")),
            ],
        )
    errors = caught.value.message_dict
    assert list(errors) == ["partners-1-requested_aid"]
    assert "Partner 2 (FEMTO-ST)" in errors["partners-1-requested_aid"][0]
    assert nothing_written()


def test_the_lead_must_be_among_the_partners(contact, lead, call, partner_org):
    with pytest.raises(ValidationError) as caught:
        draft(contact, lead, call, partners=[PartnerLine(partner_org, Decimal("100000"))])
    assert "partners" in caught.value.message_dict
    assert nothing_written()


def test_bad_amounts_and_duplicates_are_errors(contact, lead, call):
    with pytest.raises(ValidationError) as caught:
        draft(
            contact,
            lead,
            call,
            partners=[
                PartnerLine(lead, "a lot"),
                PartnerLine(lead, Decimal("-5"), Decimal("-1")),
            ],
        )
    assert set(caught.value.message_dict) == {
        "partners-0-budget",
        "partners-1-organisation",
        "partners-1-budget",
        "partners-1-requested_aid",
    }


def test_a_past_deadline_is_refused(contact, lead):
    closed = FundingCallFactory(deadline=today() - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as caught:
        draft(contact, lead, closed)
    assert "has passed" in caught.value.message_dict["call"][0]
    assert nothing_written()


def test_project_fields_and_terms_are_checked(contact, lead, call, process):
    with pytest.raises(ValidationError) as caught:
        services.create_project(
            actor=contact,
            data={
                "acronym": "",
                "title": "T",
                "trl_start": 6,
                "trl_target": 4,
                "duration_months": 12,
                "lead": lead,
                "total_budget": Decimal("100"),
            },
            call=call,
            partners=[PartnerLine(lead, Decimal("100"))],
            markets=[process],
            co_labelled_with=[OrganisationFactory(kind=OrganisationKind.COMPANY)],
        )
    assert {"acronym", "trl_target", "markets", "co_labelled_with"} <= set(
        caught.value.message_dict
    )
    assert nothing_written()


def test_co_labelling_with_another_pole_is_recorded(contact, lead, call):
    pole = OrganisationFactory(name="Medicen", kind=OrganisationKind.PARTNER_CLUSTER)
    project = services.create_project(
        actor=contact,
        data={
            "acronym": "CO",
            "title": "Co-labelled",
            "trl_start": 2,
            "trl_target": 4,
            "duration_months": 12,
            "lead": lead,
            "total_budget": Decimal("10"),
        },
        call=call,
        partners=[PartnerLine(lead, Decimal("10"))],
        co_labelled_with=[pole],
    )
    assert list(project.co_labelled_with.all()) == [pole]


def test_unknown_fields_are_refused(contact, lead, call):
    with pytest.raises(ValidationError) as caught:
        draft(contact, lead, call, created_by=contact)
    assert "created_by" in caught.value.message_dict


# Changes ---------------------------------------------------------------------------------


def test_a_draft_project_changes_and_logs_the_change(project, contact):
    services.update_project(actor=contact, project=project, data={"title": "Better title"})
    project.refresh_from_db()
    assert project.title == "Better title"
    entry = ActivityLog.objects.get(action="labelling.project.updated")
    assert entry.data["changes"]["title"] == ["Implantable micro-valve", "Better title"]


def test_a_submitted_project_cannot_change(project, application, contact):
    move(application, Status.SUBMITTED)
    with pytest.raises(WrongState):
        services.update_project(actor=contact, project=project, data={"title": "Late"})


def test_a_project_answering_reservations_can_change(project, application, contact):
    move(application, Status.LABELLED_WITH_RESERVATIONS, reservations="Clarify the budget.")
    services.update_project(actor=contact, project=project, data={"title": "Clearer"})
    services.answer_reservations(actor=contact, application=application, answer="Done.")
    application.refresh_from_db()
    assert application.reservations_answer == "Done."


def test_somebody_outside_the_consortium_cannot_change_it(project):
    with pytest.raises(PermissionDenied):
        services.update_project(actor=UserFactory(), project=project, data={"title": "X"})


def test_a_new_total_needs_partners_that_add_up(project, contact, lead, partner_org):
    with pytest.raises(ValidationError) as caught:
        services.update_project(
            actor=contact, project=project, data={"total_budget": Decimal("700000")}
        )
    assert "total_budget" in caught.value.message_dict
    services.update_project(
        actor=contact,
        project=project,
        data={"total_budget": Decimal("700000")},
        partners=[
            PartnerLine(lead, Decimal("500000"), Decimal("200000")),
            PartnerLine(partner_org, Decimal("200000"), Decimal("150000")),
        ],
    )
    assert project.partners.get(organisation=lead).budget == Decimal("500000")


def test_set_partners_replaces_the_consortium_and_can_change_the_lead(
    project, staff, lead, partner_org
):
    third = OrganisationFactory(name="Third")
    services.set_partners(
        actor=staff,
        project=project,
        partners=[
            PartnerLine(lead, Decimal("300000"), Decimal("0"), PartnerRole.SUBCONTRACTOR),
            PartnerLine(third, Decimal("300000"), Decimal("100000")),
        ],
    )
    rows = {p.organisation.name: p.role for p in project.partners.all()}
    assert rows == {lead.name: PartnerRole.LEAD, "Third": PartnerRole.PARTNER}
    services.update_project(
        actor=staff,
        project=project,
        data={"lead": third},
        partners=[
            PartnerLine(lead, Decimal("300000"), Decimal("0")),
            PartnerLine(third, Decimal("300000"), Decimal("100000")),
        ],
    )
    rows = {p.organisation.name: p.role for p in project.partners.all()}
    assert rows == {lead.name: PartnerRole.PARTNER, "Third": PartnerRole.LEAD}


def test_bad_partners_change_nothing(project, contact, lead):
    before = list(project.partners.values_list("organisation_id", "budget"))
    with pytest.raises(ValidationError):
        services.set_partners(
            actor=contact, project=project, partners=[PartnerLine(lead, Decimal("1"))]
        )
    assert list(project.partners.values_list("organisation_id", "budget")) == before


def test_markets_must_be_markets(project, contact, process):
    with pytest.raises(ValidationError) as caught:
        services.update_project(actor=contact, project=project, data={}, markets=[process])
    assert "markets" in caught.value.message_dict
    services.update_project(
        actor=contact,
        project=project,
        data={},
        markets=[TermFactory(code="aero", facet=Facet.MARKET)],
    )
    assert list(project.markets.values_list("code", flat=True)) == ["aero"]


# Documents -------------------------------------------------------------------------------


def test_a_pdf_is_attached(application, contact):
    document = services.add_document(
        actor=contact, application=application, file=ContentFile(PDF, name="dossier.pdf")
    )
    assert document.title == "dossier.pdf"
    assert document.size == len(PDF)
    with document.file.open("rb") as handle:
        assert handle.read().startswith(b"%PDF-")


def test_a_file_that_is_not_a_pdf_is_refused_whatever_its_name(application, contact, settings):
    with pytest.raises(ValidationError) as caught:
        services.add_document(
            actor=contact,
            application=application,
            file=ContentFile(b"MZ\x90\x00 not a pdf", name="dossier.pdf"),
        )
    assert caught.value.message_dict == {"file": ["The file is not a PDF."]}
    assert not Document.objects.exists()
    assert not (settings.MEDIA_ROOT / "labelling").exists()


def test_a_pdf_above_the_limit_is_refused(application, contact, settings):
    settings.GRAPPE_MAX_DOCUMENT_BYTES = 1024
    with pytest.raises(ValidationError) as caught:
        services.add_document(
            actor=contact,
            application=application,
            file=ContentFile(PDF + b"0" * 1024, name="big.pdf"),
        )
    assert list(caught.value.message_dict) == ["file"]
    assert not Document.objects.exists()
    assert not (settings.MEDIA_ROOT / "labelling").exists()


def test_documents_only_while_editable(application, contact):
    move(application, Status.SUBMITTED)
    with pytest.raises(WrongState):
        services.add_document(
            actor=contact, application=application, file=ContentFile(PDF, name="late.pdf")
        )


def test_a_document_is_removed_with_its_file(
    application, contact, django_capture_on_commit_callbacks
):
    document = services.add_document(
        actor=contact, application=application, file=ContentFile(PDF, name="x.pdf")
    )
    path = document.file.path
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_document(actor=contact, document=document)
    assert not Document.objects.exists()
    assert not os.path.exists(path)


# Rounds ----------------------------------------------------------------------------------


def test_a_project_without_a_round_starts_one(staff, call, lead):
    project = draft(staff, lead, None)
    assert not project.applications.exists()
    application = services.start_application(actor=staff, project=project, call=call)
    assert application.round_number == 1
    with pytest.raises(WrongState):
        services.start_application(actor=staff, project=project, call=FundingCallFactory())


@pytest.mark.parametrize(
    "ended",
    [
        Status.LABELLED,
        Status.LABELLED_WITH_RESERVATIONS,
        Status.NOT_LABELLED,
        Status.NOT_FUNDED,
        Status.DEFERRED,
    ],
)
def test_a_project_is_resubmitted_to_another_call_once_its_round_ended(
    project, application, contact, ended
):
    move(application, ended)
    second = services.resubmit(actor=contact, project=project, call=FundingCallFactory())
    assert second.round_number == 2
    assert second.status == Status.DRAFT
    assert project.applications.count() == 2  # the first round is kept


@pytest.mark.parametrize(
    "running", [Status.DRAFT, Status.SUBMITTED, Status.COMMITTEE, Status.FUNDED, Status.COMPLETED]
)
def test_a_running_round_cannot_be_resubmitted(project, application, contact, running):
    move(application, running)
    with pytest.raises(WrongState):
        services.resubmit(actor=contact, project=project, call=FundingCallFactory())
    assert project.applications.count() == 1


def test_resubmission_to_the_same_call_or_a_closed_one_is_refused(
    project, application, contact, call
):
    move(application, Status.NOT_LABELLED)
    with pytest.raises(ValidationError) as caught:
        services.resubmit(actor=contact, project=project, call=call)
    assert "call" in caught.value.message_dict
    closed = FundingCallFactory(deadline=today() - datetime.timedelta(days=3))
    with pytest.raises(ValidationError) as caught:
        services.resubmit(actor=contact, project=project, call=closed)
    assert "call" in caught.value.message_dict
    assert Application.objects.count() == 1


def test_submission_is_refused_once_the_deadline_has_passed(application, contact, call):
    call.deadline = today() - datetime.timedelta(days=1)
    call.save()
    with pytest.raises(ValidationError) as caught:
        services.transition(actor=contact, application=application, to=Status.SUBMITTED)
    assert list(caught.value.message_dict) == ["call"]
    application.refresh_from_db()
    assert application.status == Status.DRAFT


def test_an_incomplete_application_lists_what_it_lacks(staff, lead, call):
    project = draft(staff, lead, call, summary_fr="")
    application = project.applications.get()
    errors = services.completeness_errors(application)
    assert set(errors) == {"summary_fr", "markets"}
    with pytest.raises(ValidationError):
        services.transition(actor=staff, application=application, to=Status.SUBMITTED)


# Funding calls and past rounds -----------------------------------------------------------


def test_staff_manage_funding_calls(staff, contact):
    call = services.create_call(
        actor=staff,
        data={
            "name": "ANR 2027",
            "funder": "anr",
            "addressee": "ANR",
            "deadline": datetime.date(2027, 3, 1),
        },
    )
    services.update_call(actor=staff, call=call, data={"name": "ANR AAPG 2027"})
    call.refresh_from_db()
    assert call.name == "ANR AAPG 2027"
    with pytest.raises(PermissionDenied):
        services.update_call(actor=contact, call=call, data={"name": "Mine"})
    with pytest.raises(ValidationError):
        services.create_call(actor=staff, data={"name": "X", "funder": "nobody"})


def test_a_past_round_is_recorded_with_its_dates(staff, lead):
    project = draft(staff, lead, None)
    old_call = FundingCallFactory(deadline=datetime.date(2012, 1, 15))
    application = services.import_past_round(
        actor=staff,
        project=project,
        call=old_call,
        status=Status.LABELLED,
        submitted_on=datetime.date(2012, 1, 10),
        decided_on=datetime.date(2012, 3, 2),
    )
    assert application.status == Status.LABELLED
    assert application.decided_at.year == 2012
    with pytest.raises(ValidationError) as caught:
        services.import_past_round(
            actor=staff,
            project=project,
            call=FundingCallFactory(),
            status=Status.SUBMITTED,
            submitted_on=datetime.date(2013, 5, 1),
            decided_on=datetime.date(2013, 4, 1),
        )
    assert {"status", "submitted_on"} <= set(caught.value.message_dict)


def test_a_partner_becomes_the_lead_without_restating_the_consortium(
    project, staff, lead, partner_org
):
    services.update_project(actor=staff, project=project, data={"lead": partner_org})
    roles = {p.organisation: p.role for p in project.partners.all()}
    assert roles == {lead: PartnerRole.PARTNER, partner_org: PartnerRole.LEAD}


def test_a_contact_cannot_hand_the_lead_to_an_organisation_of_someone_else(
    project, contact, partner_org
):
    with pytest.raises(ValidationError) as caught:
        services.update_project(actor=contact, project=project, data={"lead": partner_org})
    assert "lead" in caught.value.message_dict
