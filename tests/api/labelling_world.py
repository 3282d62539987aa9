"""The people and projects the labelling API tests work on, built through the services.

A lead company and its contact (a member), a laboratory partner and its contact, another
member who is not in the consortium, two experts of the pool and a third who belongs to the
laboratory (a conflict of interest), the staff; a draft project to an open call; helpers
that take its application along the workflow.
"""

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from grappe.core.models import Facet, Term, User
from grappe.labelling import services
from grappe.labelling.choices import Status
from grappe.labelling.models import Application, CommitteeMeeting, FundingCall, Project
from grappe.labelling.services import PartnerLine
from grappe.members.choices import OrganisationKind
from grappe.members.models import Organisation
from tests.api.conftest import API
from tests.factories import (
    AffiliationFactory,
    CapabilityFactory,
    CriterionFactory,
    ExpertFactory,
    FundingCallFactory,
    OrganisationFactory,
    PersonFactory,
    StaffUserFactory,
    TermFactory,
    member_contact,
)

SCORES = {"innovation": 4, "market": 3}


# What tests.api.conftest.ApiClient does not send -------------------------------------------


def put(api, path: str, data: dict):
    return api.client.put(
        API + path, json.dumps(data), content_type="application/json", headers=api.headers
    )


def delete(api, path: str):
    return api.client.delete(API + path, headers=api.headers)


def upload(api, path: str, data: dict):
    """A multipart form, as a browser or `curl -F` sends a file."""
    return api.client.post(API + path, data, headers=api.headers)


@dataclass
class World:
    staff: User
    lead: Organisation
    lab: Organisation
    contact: User  # of the lead
    lab_contact: User
    outsider: User  # a member contact of another organisation
    experts: list[User]
    conflicted: User  # an expert of the pool, contact of a competitor
    call: FundingCall
    market: Term
    process: Term
    project: Project

    @property
    def application(self) -> Application:
        return self.project.applications.order_by("-round_number").first()


def draft(
    *,
    actor: User,
    lead: Organisation,
    partner: Organisation,
    call: FundingCall,
    market: Term,
    process: Term,
    acronym: str = "MICROVALVE",
) -> Project:
    return services.create_project(
        actor=actor,
        data={
            "acronym": acronym,
            "title": "Micro-valve implantable",
            "summary_fr": "Une micro-valve en titane.",
            "public_summary_fr": "Micro-valve implantable en titane.",
            "trl_start": 3,
            "trl_target": 6,
            "duration_months": 36,
            "lead": lead,
            "total_budget": Decimal("600000"),
        },
        call=call,
        partners=[
            PartnerLine(lead, Decimal("400000"), Decimal("200000")),
            PartnerLine(partner, Decimal("200000"), Decimal("150000")),
        ],
        markets=[market],
        processes=[process],
    )


def build_world() -> World:
    staff = StaffUserFactory(username="api-staff", email="staff@pole.example")
    lead = OrganisationFactory(name="Décolletage Comtois", slug="decolletage-comtois")
    lab = OrganisationFactory(name="FEMTO Lab", slug="femto-lab", kind=OrganisationKind.LAB)
    contact = member_contact(organisation=lead, username="lead-contact")
    lab_contact = member_contact(organisation=lab, username="lab-contact")
    outsider = member_contact(username="outsider")
    experts = [ExpertFactory(user__username=f"expert{n}").user for n in (1, 2)]
    call = FundingCallFactory(name="PSPC-Régions, relève 9")
    market = TermFactory(code="sante", facet=Facet.MARKET, label_en="Health")
    process = TermFactory(code="decolletage", facet=Facet.PROCESS, label_en="Bar turning")
    # A competitor: it turns bars for the medical market too.
    rival = OrganisationFactory(name="Décolletage Rival", slug="decolletage-rival")
    CapabilityFactory(organisation=rival, term=market)
    CapabilityFactory(organisation=rival, term=process)
    conflicted = ExpertFactory(user__username="conflicted").user
    AffiliationFactory(person=PersonFactory(user=conflicted), organisation=rival)
    CriterionFactory(code="innovation", weight=Decimal("3"))
    CriterionFactory(code="market", weight=Decimal("1"))
    project = draft(
        actor=contact, lead=lead, partner=lab, call=call, market=market, process=process
    )
    return World(
        staff=staff,
        lead=lead,
        lab=lab,
        contact=contact,
        lab_contact=lab_contact,
        outsider=outsider,
        experts=experts,
        conflicted=conflicted,
        call=call,
        market=market,
        process=process,
        project=project,
    )


# Moving the application along the workflow ----------------------------------------------


def submitted(world: World) -> Application:
    application = world.application
    services.transition(actor=world.contact, application=application, to=Status.SUBMITTED)
    return application


def assigned(world: World) -> list:
    application = world.application
    if application.status == Status.DRAFT:
        application = submitted(world)
    return [
        services.assign_expert(actor=world.staff, application=application, expert=expert)
        for expert in world.experts
    ]


def under_review(world: World, *, reviews: int = 0) -> Application:
    assignments = assigned(world)
    application = assignments[0].application
    services.transition(actor=world.staff, application=application, to=Status.UNDER_REVIEW)
    for assignment in assignments[:reviews]:
        services.declare_no_conflict(actor=assignment.expert, assignment=assignment)
        services.submit_review(actor=assignment.expert, assignment=assignment, scores=SCORES)
    return application


def before_committee(world: World) -> Application:
    application = under_review(world, reviews=2)
    services.transition(actor=world.staff, application=application, to=Status.COMMITTEE)
    return application


def on_agenda(world: World, *, held_on: datetime.date | None = None) -> CommitteeMeeting:
    application = before_committee(world)
    meeting = services.create_meeting(
        actor=world.staff,
        held_on=held_on or timezone.localdate(),
        title="Comité de labellisation",
        members=[world.staff, world.lab_contact],
    )
    services.add_to_agenda(actor=world.staff, meeting=meeting, application=application)
    return meeting


def labelled(world: World, decision: str = Status.LABELLED, reservations: str = "") -> Application:
    meeting = on_agenda(world)
    item = meeting.agenda.get()
    services.record_decision(
        actor=world.staff, item=item, decision=decision, reservations=reservations
    )
    application = world.application
    application.refresh_from_db()
    return application


def funded(world: World) -> Application:
    application = labelled(world)
    lead = application.project.partners.get(organisation=world.lead)
    services.record_funding(
        actor=world.staff,
        application=application,
        lines=[services.FundingEntry(lead, "region_bfc", Decimal("150000"))],
    )
    return application
