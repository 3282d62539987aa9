"""What the labelling endpoints return.

Projects come in two shapes told apart by their `view` field: every field (`"full"`) for
the staff and the consortium's contacts, the public summary (`"public"`) of a labelled,
unrestricted project for everyone else. An application (a labelling round) is only ever
shown whole, to those who may open its dossier.
"""

import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.urls import reverse
from ninja import Schema
from pydantic import Discriminator, RootModel, Tag

from grappe.labelling.choices import Confidentiality, Funder, PartnerRole, ResultKind, Status


def api_path(name: str, **kwargs: Any) -> str:
    return reverse(f"api-v1:{name}", kwargs=kwargs)


def person_name(user: Any) -> str:
    """A user's name as the directory knows it, else their login."""
    person = getattr(user, "person", None)
    return (person.full_name if person else user.get_full_name()) or user.get_username()


class OrganisationRef(Schema):
    slug: str
    name: str


class TermRef(Schema):
    code: str
    label: str


class UserRef(Schema):
    id: int
    username: str
    name: str

    @staticmethod
    def resolve_name(user: Any) -> str:
        return person_name(user)


class CallRef(Schema):
    id: int
    name: str
    funder: Funder
    deadline: datetime.date


class CallOut(CallRef):
    addressee: str
    address: str
    url: str


class CriterionOut(Schema):
    code: str
    label_fr: str
    label_en: str
    weight: Decimal
    position: int
    is_active: bool


# Projects -----------------------------------------------------------------------------


class PartnerOut(Schema):
    organisation: OrganisationRef
    role: PartnerRole
    budget: Decimal
    requested_aid: Decimal


class RoundRef(Schema):
    id: int
    round_number: int
    call: CallRef
    status: Status
    submitted_at: datetime.datetime | None
    decided_at: datetime.datetime | None


def _labelled_in(project: Any) -> int | None:
    first = getattr(project, "labelled_since", None)
    return first.year if first else None


class ProjectPublic(Schema):
    view: Literal["public"] = "public"
    id: int
    acronym: str
    title: str
    public_summary_fr: str
    public_summary_en: str
    lead: OrganisationRef
    markets: list[TermRef]
    labelled_in: int | None

    @staticmethod
    def resolve_markets(project: Any) -> Any:
        return project.markets.all()

    @staticmethod
    def resolve_labelled_in(project: Any) -> int | None:
        return _labelled_in(project)


class ProjectFull(ProjectPublic):
    view: Literal["full"] = "full"
    summary_fr: str
    summary_en: str
    processes: list[TermRef]
    trl_start: int
    trl_target: int
    duration_months: int
    total_budget: Decimal
    confidentiality: Confidentiality
    co_labelled_with: list[OrganisationRef]
    partners: list[PartnerOut]
    applications: list[RoundRef]
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_processes(project: Any) -> Any:
        return project.processes.all()

    @staticmethod
    def resolve_co_labelled_with(project: Any) -> Any:
        return project.co_labelled_with.all()

    @staticmethod
    def resolve_partners(project: Any) -> Any:
        return project.partners.all()

    @staticmethod
    def resolve_applications(project: Any) -> Any:
        return project.applications.all()


def _view_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("view")
    return getattr(value, "view", None)


class ProjectOut(
    RootModel[
        Annotated[
            Annotated[ProjectPublic, Tag("public")] | Annotated[ProjectFull, Tag("full")],
            Discriminator(_view_of),
        ]
    ]
):
    """A project: its public summary, or every field when `view` is "full"."""


# Applications ----------------------------------------------------------------------------


class ProjectRef(Schema):
    id: int
    acronym: str
    title: str
    lead: OrganisationRef


class ApplicationOut(Schema):
    id: int
    project: ProjectRef
    call: CallRef
    round_number: int
    status: Status
    submitted_at: datetime.datetime | None
    decided_at: datetime.datetime | None


class DocumentOut(Schema):
    id: int
    title: str
    size: int
    uploaded_at: datetime.datetime
    url: str

    @staticmethod
    def resolve_url(document: Any) -> str:
        return api_path(
            "labelling_document", application_id=document.application_id, document_id=document.pk
        )


class LetterOut(Schema):
    number: str
    year: int
    issued_on: datetime.date
    signatory: str
    sent_at: datetime.datetime | None
    url: str

    @staticmethod
    def resolve_url(letter: Any) -> str:
        return api_path("labelling_letter", application_id=letter.application_id)


class FundingLineOut(Schema):
    organisation: OrganisationRef
    funder: Funder
    amount: Decimal

    @staticmethod
    def resolve_organisation(line: Any) -> Any:
        return line.partner.organisation


class ResultOut(Schema):
    id: int
    kind: ResultKind
    quantity: int
    description: str


class ApplicationDetail(ApplicationOut):
    """The dossier: the project's every field, its documents, the committee's reservations,
    the funding, the results, the label letter, and the moves the reader may make."""

    project: ProjectFull
    reservations: str
    reservations_answer: str
    documents: list[DocumentOut]
    funding: list[FundingLineOut]
    results: list[ResultOut]
    letter: LetterOut | None
    moves: list[Status]


# Experts and reviews ---------------------------------------------------------------------


class ExpertOut(Schema):
    user: UserRef
    expertise: str
    is_active: bool
    assignment_count: int


class CandidateOut(Schema):
    user: UserRef
    conflicts: list[str]


class ReviewOut(Schema):
    comments: str
    submitted_at: datetime.datetime | None
    scores: dict[str, int]

    @staticmethod
    def resolve_scores(review: Any) -> dict[str, int]:
        return {score.criterion.code: score.value for score in review.scores.all()}


class AssignmentOut(Schema):
    id: int
    application: ApplicationOut
    expert: UserRef
    assigned_at: datetime.datetime
    no_conflict_declared_at: datetime.datetime | None
    review: ReviewOut | None

    @staticmethod
    def resolve_review(assignment: Any) -> Any:
        return getattr(assignment, "review", None)


class ReviewerScoreOut(Schema):
    assignment_id: int
    expert: UserRef
    weighted_average: Decimal
    scores: dict[str, int]


class ScoreSummaryOut(Schema):
    count: int
    mean: Decimal | None
    spread: Decimal | None
    standard_deviation: Decimal | None
    criterion_means: dict[str, Decimal]
    reviewers: list[ReviewerScoreOut]


# Committee -------------------------------------------------------------------------------


class AbstentionOut(Schema):
    member: UserRef
    reason: str


class AgendaItemOut(Schema):
    id: int
    position: int
    application: ApplicationOut
    decision: Status | Literal[""]
    reservations: str
    decided_at: datetime.datetime | None
    abstentions: list[AbstentionOut]

    @staticmethod
    def resolve_abstentions(item: Any) -> Any:
        return item.abstentions.all()


class MeetingOut(Schema):
    id: int
    held_on: datetime.date
    title: str
    location: str
    members: list[UserRef]
    item_count: int

    @staticmethod
    def resolve_members(meeting: Any) -> Any:
        return meeting.members.all()


class MeetingDetail(MeetingOut):
    agenda: list[AgendaItemOut]

    @staticmethod
    def resolve_agenda(meeting: Any) -> Any:
        return meeting.agenda_items


# Figures -----------------------------------------------------------------------------------


class YearCountOut(Schema):
    year: int
    count: int


class LabelCountOut(Schema):
    key: str
    label: str
    count: int


class FiguresOut(Schema):
    labelled_projects: int
    per_year: list[YearCountOut]
    per_market: list[LabelCountOut]
    per_funder: list[LabelCountOut]
    per_call: list[LabelCountOut]
    decided: int
    labelled: int
    selection_rate: Decimal | None
    funding_decided: int
    funded: int
    funded_rate: Decimal | None
    funded_budget: Decimal
    aid_obtained: Decimal
    leverage: Decimal | None
