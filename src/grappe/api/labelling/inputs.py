"""What the labelling endpoints read: request bodies and query filters.

A body field the endpoint does not know is an error (422), not silently dropped. Texts
refuse the NUL character, which PostgreSQL cannot store. Organisations are named by their
slug, vocabulary terms by their code, calls, users and applications by their id.
"""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema

from grappe.api.members.schemas import Input, Slug, Text
from grappe.labelling.choices import (
    DECISIONS,
    Confidentiality,
    Funder,
    PartnerRole,
    ResultKind,
    Status,
)

Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
Positive = Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)]
Trl = Annotated[int, Field(ge=1, le=9)]
Months = Annotated[int, Field(ge=1, le=120)]
Code = Annotated[Text, Field(max_length=80)]
Id = Annotated[int, Field(ge=1, le=2_147_483_647)]
Decision = Literal[tuple(str(value) for value in DECISIONS)]


class PartnerIn(Input):
    organisation: Slug = Field(description="The organisation's slug.")
    role: PartnerRole = Field(
        PartnerRole.PARTNER, description="The lead organisation is the lead whatever is sent."
    )
    budget: Money
    requested_aid: Money = Decimal(0)


class ProjectIn(Input):
    acronym: Annotated[Text, Field(max_length=30)]
    title: Annotated[Text, Field(max_length=300)]
    summary_fr: Text = ""
    summary_en: Text = ""
    public_summary_fr: Text = ""
    public_summary_en: Text = ""
    trl_start: Trl
    trl_target: Trl
    duration_months: Months
    lead: Slug = Field(description="The lead organisation's slug; one you are a contact of.")
    total_budget: Money
    confidentiality: Confidentiality = Confidentiality.STANDARD
    call: Id | None = Field(
        None, description="The call of the first labelling round; only the staff may omit it."
    )
    partners: list[PartnerIn] = Field(
        min_length=1, max_length=30, description="Every organisation, the lead included."
    )
    markets: list[Code] = Field(default_factory=list, max_length=20)
    processes: list[Code] = Field(default_factory=list, max_length=30)
    co_labelled_with: list[Slug] = Field(
        default_factory=list, max_length=10, description="Other pôles' slugs."
    )


class ProjectPatch(Input):
    """Only the fields sent change; `partners` replaces the whole consortium."""

    acronym: Annotated[Text, Field(max_length=30)] = None
    title: Annotated[Text, Field(max_length=300)] = None
    summary_fr: Text = None
    summary_en: Text = None
    public_summary_fr: Text = None
    public_summary_en: Text = None
    trl_start: Trl = None
    trl_target: Trl = None
    duration_months: Months = None
    lead: Slug = None
    total_budget: Money = None
    confidentiality: Confidentiality = None
    partners: list[PartnerIn] = Field(None, min_length=1, max_length=30)
    markets: list[Code] = Field(None, max_length=20)
    processes: list[Code] = Field(None, max_length=30)
    co_labelled_with: list[Slug] = Field(None, max_length=10)


class PartnersIn(Input):
    partners: list[PartnerIn] = Field(min_length=1, max_length=30)


class CallChoiceIn(Input):
    call: Id = Field(description="The funding call's id.")


class ReasonIn(Input):
    reason: Annotated[Text, Field(max_length=1000)] = ""


class TransitionIn(ReasonIn):
    to: Status = Field(description="The status to move the application to.")


class DecisionIn(Input):
    decision: Decision
    reservations: Text = ""


class FundingLineIn(Input):
    organisation: Slug = Field(description="A partner's slug.")
    funder: Funder
    amount: Positive


class FundingIn(Input):
    lines: list[FundingLineIn] = Field(
        max_length=100, description="The aid obtained; none: the application is not funded."
    )


class ResultIn(Input):
    kind: ResultKind
    quantity: Annotated[int, Field(ge=1, le=1_000_000)] = 1
    description: Text = ""


class AnswerIn(Input):
    answer: Text


class AssignIn(Input):
    expert: Id = Field(description="The expert's user id (GET /experts).")


class ReviewIn(Input):
    scores: dict[Code, int] = Field(description="Criterion code → score from 0 to 5.")
    comments: Text = ""


class MeetingIn(Input):
    held_on: datetime.date
    title: Annotated[Text, Field(max_length=200)]
    location: Annotated[Text, Field(max_length=200)] = ""
    members: list[Id] = Field(default_factory=list, max_length=50)


class MembersIn(Input):
    members: list[Id] = Field(max_length=50)


class AgendaIn(Input):
    application: Id


class CallIn(Input):
    name: Annotated[Text, Field(max_length=200)]
    funder: Funder
    addressee: Annotated[Text, Field(max_length=300)]
    address: Text = ""
    deadline: datetime.date
    url: Annotated[Text, Field(max_length=200)] = ""


class CallPatch(Input):
    name: Annotated[Text, Field(max_length=200)] = None
    funder: Funder = None
    addressee: Annotated[Text, Field(max_length=300)] = None
    address: Text = None
    deadline: datetime.date = None
    url: Annotated[Text, Field(max_length=200)] = None


# Filters -----------------------------------------------------------------------------------


class ProjectFilters(Schema):
    mine: bool = Field(False, description="Only the projects of your organisations.")
    market: Code = Field("", description="A market's vocabulary code.")
    q: Annotated[Text, Field(max_length=100)] = Field(
        "", description="Part of the acronym or title."
    )


class ApplicationFilters(Schema):
    status: Status | None = None
    call: Id | None = None
    project: Id | None = None


class CallFilters(Schema):
    open: bool = Field(False, description="Only the calls whose deadline has not passed.")
    funder: Funder | None = None


class FiguresFilters(Schema):
    year: Annotated[int, Field(ge=2005, le=2100)] | None = None
