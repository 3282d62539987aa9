"""Importing the pôle's labelling files in one go: projects with their consortium and every
labelling round in the state it has reached — past rounds with their funding, results and
label letter, ongoing ones with their experts and reviews.

For a pôle that moves its files to Grappe (and for the demo, which builds 320 labelled
projects this way in a few queries). The rounds are recorded as they stand: nobody is
notified, since these moves happened before. Everything is checked before the first write;
bad data raises ValidationError naming the record (`projects-3-rounds-1-status`) and writes
nothing. One activity-log entry per project, round, letter, assignment and review.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import log_activities
from grappe.core.models import User
from grappe.labelling.choices import PartnerRole
from grappe.labelling.conflicts import conflicts_by_user
from grappe.labelling.models import (
    Application,
    Criterion,
    FundingCall,
    FundingLine,
    LabelLetter,
    Partner,
    Project,
    Result,
    Review,
    ReviewAssignment,
    Score,
)
from grappe.labelling.services.bulk_records import (
    Errors,
    FundingRecord,
    LetterRecord,
    ProjectRecord,
    ResultRecord,
    ReviewRecord,
    RoundRecord,
    import_errors,
    letter_number,
)
from grappe.labelling.services.calls import CALL_FIELDS
from grappe.labelling.services.common import parse_amount, reject_unknown_fields, require_staff

__all__ = [
    "FundingRecord",
    "LetterRecord",
    "ProjectRecord",
    "ResultRecord",
    "ReviewRecord",
    "RoundRecord",
    "import_calls",
    "import_errors",
    "import_projects",
    "letter_number",
]

BATCH_SIZE = 500


# Writes ------------------------------------------------------------------------------------


def _bulk(model, objects: list) -> list:
    return model.objects.bulk_create(objects, batch_size=BATCH_SIZE)


def _set_relations(projects: list[Project], records: Sequence[ProjectRecord]) -> None:
    for name in ("markets", "processes", "co_labelled_with"):
        through = getattr(Project, name).through
        target = "organisation_id" if name == "co_labelled_with" else "term_id"
        rows = [
            through(**{"project_id": project.pk, target: related.pk})
            for project, record in zip(projects, records, strict=True)
            for related in {item.pk: item for item in getattr(record, name)}.values()
        ]
        _bulk(through, rows)


def _write_partners(projects, records) -> dict[tuple[int, int], Partner]:
    partners = []
    for project, record in zip(projects, records, strict=True):
        for line in record.partners:
            lead = line.organisation.pk == project.lead_id
            partners.append(
                Partner(
                    project=project,
                    organisation=line.organisation,
                    role=PartnerRole.LEAD if lead else line.role,
                    budget=parse_amount(line.budget),
                    requested_aid=parse_amount(line.requested_aid),
                )
            )
    return {(p.project_id, p.organisation_id): p for p in _bulk(Partner, partners)}


def _write_rounds(actor, projects, records, partners) -> list[tuple[Application, RoundRecord]]:
    pairs = []
    for project, record in zip(projects, records, strict=True):
        for number, round_ in enumerate(record.rounds, start=1):
            application = Application(
                project=project,
                call=round_.call,
                round_number=number,
                status=round_.status,
                submitted_at=round_.submitted_at,
                decided_at=round_.decided_at,
                reservations=round_.reservations.strip(),
                reservations_answer=round_.reservations_answer.strip(),
            )
            pairs.append((application, round_))
    _bulk(Application, [application for application, _round in pairs])
    lines, results, letters = [], [], []
    for application, round_ in pairs:
        lines += [
            FundingLine(
                application=application,
                partner=partners[(application.project_id, line.organisation.pk)],
                funder=line.funder,
                amount=parse_amount(line.amount),
            )
            for line in round_.funding
        ]
        results += [
            Result(
                application=application,
                kind=result.kind,
                quantity=result.quantity,
                description=result.description.strip(),
            )
            for result in round_.results
        ]
        if (letter := round_.letter) is not None:
            letters.append(
                LabelLetter(
                    application=application,
                    year=letter.year,
                    sequence=letter.sequence,
                    number=letter_number(year=letter.year, sequence=letter.sequence),
                    issued_on=letter.issued_on,
                    signatory=letter.signatory,
                    sent_at=letter.sent_at,
                )
            )
    _bulk(FundingLine, lines)
    _bulk(Result, results)
    _bulk(LabelLetter, letters)
    log_activities(
        actor=actor,
        action="labelling.letter.issued",
        entries=[
            (letter, {"application": letter.application_id, "import": True}) for letter in letters
        ],
    )
    return pairs


def _write_reviews(actor, pairs) -> None:
    assignments, reviewed = [], []
    for application, round_ in pairs:
        for record in round_.reviews:
            assignment = ReviewAssignment(
                application=application,
                expert=record.expert,
                assigned_by=actor,
                no_conflict_declared_at=record.declared_at,
            )
            assignments.append(assignment)
            if record.submitted_at is not None:
                reviewed.append((assignment, record))
    _bulk(ReviewAssignment, assignments)
    reviews = _bulk(
        Review,
        [
            Review(assignment=a, comments=r.comments.strip(), submitted_at=r.submitted_at)
            for a, r in reviewed
        ],
    )
    criteria = dict(Criterion.objects.filter(is_active=True).values_list("code", "pk"))
    _bulk(
        Score,
        [
            Score(review=review, criterion_id=criteria[code], value=value)
            for review, (_a, record) in zip(reviews, reviewed, strict=True)
            for code, value in record.scores.items()
        ],
    )
    log_activities(
        actor=actor,
        action="labelling.expert.assigned",
        entries=[(a.application, {"expert": a.expert_id, "assignment": a.pk}) for a in assignments],
    )
    log_activities(
        actor=actor,
        action="labelling.review.submitted",
        entries=[
            (a.application, {"review": review.pk, "scores": dict(record.scores)})
            for review, (a, record) in zip(reviews, reviewed, strict=True)
        ],
    )


def _check_conflicts(pairs) -> None:
    """No expert may be assigned to a project they have a conflict of interest on."""
    for application, round_ in pairs:
        if not round_.reviews:
            continue
        experts = [review.expert for review in round_.reviews]
        if conflicts := conflicts_by_user(experts, application.project):
            reasons = [c.message for found in conflicts.values() for c in found]
            raise ValidationError(
                {
                    "reviews": [
                        _("%(project)s: an expert has a conflict of interest: %(reason)s")
                        % {"project": application.project.acronym, "reason": reason}
                        for reason in reasons
                    ]
                }
            )


@transaction.atomic
def import_calls(*, actor: User | None, calls: Sequence[Mapping[str, Any]]) -> list[FundingCall]:
    """Create many funding calls at once (each a CALL_FIELDS mapping); all of them or none.

    Unlike services.create_call, a deadline may be past: these are the calls of the past
    rounds."""
    require_staff(actor)
    objects, errors = [], Errors()
    for number, data in enumerate(calls):
        reject_unknown_fields(dict(data), CALL_FIELDS)
        call = FundingCall(**data)
        try:
            call.full_clean(validate_constraints=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    errors.add(f"calls-{number}-{name}", message)
        objects.append(call)
    if errors:
        raise ValidationError(dict(errors))
    created = _bulk(FundingCall, objects)
    log_activities(
        actor=actor,
        action="labelling.call.created",
        entries=[(call, {"import": True}) for call in created],
    )
    return created


@transaction.atomic
def import_projects(*, actor: User | None, records: Sequence[ProjectRecord]) -> list[Project]:
    """Create the projects with their consortium and rounds; all of them or none.

    Staff only. A project whose lead already has one with the same acronym is refused, so
    that importing the same file twice is an error rather than a copy."""
    require_staff(actor)
    records = list(records)
    if errors := import_errors(records):
        raise ValidationError(errors)
    projects = _bulk(
        Project,
        [Project(**record.data, created_by=record.created_by or actor) for record in records],
    )
    _set_relations(projects, records)
    partners = _write_partners(projects, records)
    pairs = _write_rounds(actor, projects, records, partners)
    _write_reviews(actor, pairs)
    _check_conflicts(pairs)
    log_activities(
        actor=actor,
        action="labelling.project.created",
        entries=[
            (project, {"partners": len(record.partners), "import": True})
            for project, record in zip(projects, records, strict=True)
        ],
    )
    log_activities(
        actor=actor,
        action="labelling.application.imported",
        entries=[
            (
                application,
                {
                    "status": application.status,
                    "decided_on": (
                        timezone.localdate(application.decided_at).isoformat()
                        if application.decided_at
                        else None
                    ),
                    "import": True,
                },
            )
            for application, _round in pairs
        ],
    )
    return projects
