"""The records of a bulk import of labelling files (services.bulk), and their checks: every
error of a batch, keyed by its place (`projects-3-rounds-1-status`), before any write."""

import datetime
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.models import Facet, Term, User
from grappe.labelling.choices import LABEL_STATUSES, Funder, ResultKind, Status
from grappe.labelling.models import (
    Criterion,
    Expert,
    FundingCall,
    LabelLetter,
    Project,
    Score,
)
from grappe.labelling.services.common import parse_amount, reject_unknown_fields
from grappe.labelling.services.projects import PROJECT_FIELDS, PartnerLine, partner_errors
from grappe.labelling.workflow import FUNDED_STATUSES, RESUBMITTABLE
from grappe.members.choices import OrganisationKind
from grappe.members.models import Organisation

# The statuses of a round the committee has not decided on yet.
ONGOING = frozenset({Status.DRAFT, Status.SUBMITTED, Status.UNDER_REVIEW, Status.COMMITTEE})


def letter_number(*, year: int, sequence: int) -> str:
    """The printed number of a letter, as grappe.labelling.letters.format_letter_number
    writes it; repeated here so that an import does not load the PDF library."""
    return f"{settings.GRAPPE_POLE_SHORT_NAME}-{year}-{sequence:03d}"


@dataclass(frozen=True)
class FundingRecord:
    """Aid one organisation of the consortium obtained from one funder."""

    organisation: Organisation
    funder: str
    amount: Decimal | int | str


@dataclass(frozen=True)
class ResultRecord:
    kind: str
    quantity: int = 1
    description: str = ""


@dataclass(frozen=True)
class LetterRecord:
    """A label letter as the pôle numbered, dated and sent it."""

    year: int
    sequence: int
    issued_on: datetime.date
    signatory: str
    sent_at: datetime.datetime | None = None


@dataclass(frozen=True)
class ReviewRecord:
    """An expert assigned to the round; with `submitted_at`, their review and its scores
    (criterion code → 0 to 5)."""

    expert: User
    declared_at: datetime.datetime | None = None
    scores: Mapping[str, int] = field(default_factory=dict)
    comments: str = ""
    submitted_at: datetime.datetime | None = None


@dataclass(frozen=True)
class RoundRecord:
    """A labelling round (an application to one call) in the status it has reached."""

    call: FundingCall
    status: str
    submitted_at: datetime.datetime | None = None
    decided_at: datetime.datetime | None = None
    reservations: str = ""
    reservations_answer: str = ""
    funding: Sequence[FundingRecord] = ()
    results: Sequence[ResultRecord] = ()
    letter: LetterRecord | None = None
    reviews: Sequence[ReviewRecord] = ()


@dataclass(frozen=True)
class ProjectRecord:
    """A project, its consortium and its rounds, the first round first."""

    data: Mapping[str, Any]  # PROJECT_FIELDS
    partners: Sequence[PartnerLine]
    rounds: Sequence[RoundRecord]
    markets: Sequence[Term] = ()
    processes: Sequence[Term] = ()
    co_labelled_with: Sequence[Organisation] = ()
    created_by: User | None = None


# Checks ------------------------------------------------------------------------------------


class Errors(dict):
    def add(self, key: str, message: str) -> None:
        self.setdefault(key, []).append(message)


def _project_errors(key: str, record: ProjectRecord, errors: Errors) -> Project:
    reject_unknown_fields(dict(record.data), PROJECT_FIELDS)
    project = Project(**record.data)
    try:
        # The lead is given as an object; the constraints are checked below, in Python.
        project.full_clean(
            exclude=["lead", "created_by"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                errors.add(key + name, message)
    if (
        isinstance(project.trl_start, int)
        and isinstance(project.trl_target, int)
        and project.trl_target < project.trl_start
    ):
        errors.add(key + "trl_target", _("The target TRL cannot be below the starting TRL."))
    lead = record.data.get("lead")
    if not isinstance(lead, Organisation) or lead.pk is None:
        errors.add(key + "lead", _("Choose the lead organisation."))
    else:
        lines = partner_errors(record.partners, lead=lead, total_budget=project.total_budget)
        for name, messages in lines.items():
            for message in messages:
                errors.add(key + name, message)
    if any(term.facet != Facet.MARKET for term in record.markets):
        errors.add(key + "markets", _("Choose markets from the vocabulary's markets."))
    if any(term.facet != Facet.PROCESS for term in record.processes):
        errors.add(key + "processes", _("Choose processes from the vocabulary's processes."))
    if any(org.kind != OrganisationKind.PARTNER_CLUSTER for org in record.co_labelled_with):
        errors.add(
            key + "co_labelled_with", _("Only other poles and clusters can co-label a project.")
        )
    if not record.rounds:
        errors.add(key + "rounds", _("Give the project's labelling rounds."))
    return project


def _funding_errors(key: str, record: ProjectRecord, lines: Sequence[FundingRecord], errors):
    budgets = {line.organisation.pk: parse_amount(line.budget) for line in record.partners}
    received: dict[int, Decimal] = defaultdict(Decimal)
    seen = set()
    for index, line in enumerate(lines):
        here = f"{key}funding-{index}-"
        if line.organisation.pk not in budgets:
            errors.add(here + "organisation", _("This organisation is not a partner."))
            continue
        if line.funder not in Funder.values:
            errors.add(here + "funder", _("Choose a funder."))
        if (line.organisation.pk, line.funder) in seen:
            errors.add(here + "funder", _("This partner has this funder twice."))
        seen.add((line.organisation.pk, line.funder))
        amount = parse_amount(line.amount)
        if amount is None or amount <= 0:
            errors.add(here + "amount", _("Give an amount above zero."))
            continue
        received[line.organisation.pk] += amount
    for organisation_id, total in received.items():
        if budgets[organisation_id] is not None and total > budgets[organisation_id]:
            errors.add(key + "funding", _("A partner would receive more than its budget."))


def _review_errors(key: str, round_: RoundRecord, reviewers: set[int], codes: set[str], errors):
    experts = set()
    for index, review in enumerate(round_.reviews):
        here = f"{key}reviews-{index}-"
        if review.expert.pk in experts:
            errors.add(here + "expert", _("This expert is already assigned."))
        experts.add(review.expert.pk)
        if review.expert.pk not in reviewers:
            errors.add(here + "expert", _("Choose a member of the experts' pool or of the staff."))
        if review.submitted_at is None:
            continue
        if review.declared_at is None:
            errors.add(
                here + "declared_at", _("Declare that you have no conflict of interest first.")
            )
        if set(review.scores) != codes:
            errors.add(here + "scores", _("Score every criterion of the grid in use."))
        if any(value not in range(Score.SCALE_MAX + 1) for value in review.scores.values()):
            errors.add(here + "scores", _("Give scores from 0 to 5."))


def _round_errors(key: str, record: ProjectRecord, index: int, context: dict, errors) -> None:
    round_ = record.rounds[index]
    if round_.status not in Status.values:
        errors.add(key + "status", _("Choose a status."))
        return
    status = Status(round_.status)
    if index < len(record.rounds) - 1 and status not in RESUBMITTABLE:
        errors.add(key + "status", _("Only a round that has ended can be followed by another."))
    now = timezone.now()
    if status != Status.DRAFT and round_.submitted_at is None:
        errors.add(key + "submitted_at", _("Give the date of submission."))
    if status == Status.DRAFT and round_.submitted_at is not None:
        errors.add(key + "submitted_at", _("A draft has not been submitted."))
    if status in ONGOING and round_.decided_at is not None:
        errors.add(key + "decided_at", _("The committee has not decided yet."))
    if status not in ONGOING:
        if round_.decided_at is None:
            errors.add(key + "decided_at", _("Give the date of the committee's decision."))
        elif round_.decided_at > now or (
            round_.submitted_at and round_.submitted_at > round_.decided_at
        ):
            errors.add(
                key + "decided_at", _("The decision comes after the submission, in the past.")
            )
    if round_.reservations.strip() and status not in LABEL_STATUSES:
        errors.add(key + "reservations", _("Reservations go with a label."))
    if status == Status.LABELLED_WITH_RESERVATIONS and not round_.reservations.strip():
        errors.add(key + "reservations", _("Write the committee's reservations."))
    if (status in FUNDED_STATUSES) != bool(round_.funding):
        errors.add(key + "funding", _("A funded round, and only a funded one, has funding lines."))
    _funding_errors(key, record, round_.funding, errors)
    if round_.results and status not in FUNDED_STATUSES:
        errors.add(key + "results", _("Results are recorded for funded projects."))
    for number, result in enumerate(round_.results):
        if result.kind not in ResultKind.values or result.quantity < 1:
            errors.add(f"{key}results-{number}", _("Give a kind of result and a quantity."))
    if round_.letter is not None:
        if status not in LABEL_STATUSES:
            errors.add(key + "letter", _("A label letter goes with a label."))
        number = (round_.letter.year, round_.letter.sequence)
        if number in context["letters"]:
            errors.add(key + "letter", _("This letter number is used twice."))
        context["letters"].add(number)
    if round_.reviews and status == Status.DRAFT:
        errors.add(key + "reviews", _("A draft has no experts yet."))
    _review_errors(key, round_, context["reviewers"], context["codes"], errors)


def _context(records: Sequence[ProjectRecord]) -> dict:
    """What the checks read from the database, in a few queries for the whole batch."""
    experts = {
        r.expert.pk for record in records for round_ in record.rounds for r in round_.reviews
    }
    reviewers = set(
        User.objects.filter(pk__in=experts, is_active=True)
        .filter(Q(is_staff=True) | Q(pk__in=Expert.objects.filter(is_active=True).values("user")))
        .values_list("pk", flat=True)
    )
    leads = {record.data.get("lead") for record in records}
    acronyms = {record.data.get("acronym") for record in records}
    existing = set(
        Project.objects.filter(lead__in=[lead for lead in leads if isinstance(lead, Organisation)])
        .filter(acronym__in=acronyms)
        .values_list("acronym", "lead_id")
    )
    return {
        "reviewers": reviewers,
        "codes": set(Criterion.objects.filter(is_active=True).values_list("code", flat=True)),
        "existing": existing,
        "letters": set(LabelLetter.objects.values_list("year", "sequence")),
    }


def import_errors(records: Sequence[ProjectRecord]) -> dict[str, list[str]]:
    """Every error of the records, keyed `projects-<i>-<field>`; empty when they can be
    imported."""
    errors = Errors()
    context = _context(records)
    keys = set()
    for number, record in enumerate(records):
        key = f"projects-{number}-"
        project = _project_errors(key, record, errors)
        natural = (project.acronym, project.lead_id)
        if natural in context["existing"] or natural in keys:
            errors.add(key + "acronym", _("This lead already has a project with this acronym."))
        keys.add(natural)
        calls = [round_.call.pk for round_ in record.rounds]
        if len(set(calls)) != len(calls):
            errors.add(key + "rounds", _("This project was already submitted to this call."))
        for index in range(len(record.rounds)):
            _round_errors(f"{key}rounds-{index}-", record, index, context, errors)
    return dict(errors)
