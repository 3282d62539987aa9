"""Experts and reviews.

The staff see the experts' pool, the candidates for an application with their conflicts of
interest, and assign them: a conflicted expert is refused with 422 giving the reason. An
expert sees their own assignments, declares having no conflict (only then the dossier
opens to them) and submits their scores. An expert with a conflict on the project gets 404
on the assignment, as does anybody on someone else's.
"""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import paginate

from grappe.api.labelling import common
from grappe.api.labelling.inputs import AssignIn, ReviewIn
from grappe.api.labelling.schemas import (
    AssignmentOut,
    CandidateOut,
    ExpertOut,
    ScoreSummaryOut,
)
from grappe.api.pagination import Pagination
from grappe.labelling import queries, services
from grappe.labelling.conflicts import is_conflicted
from grappe.labelling.models import Review, ReviewAssignment, Score

router = Router(tags=["labelling: reviews"])


def assignments() -> QuerySet[ReviewAssignment]:
    """Assignments with what their JSON shows, in a fixed number of queries."""
    reviews = Review.objects.prefetch_related(
        Prefetch("scores", queryset=Score.objects.select_related("criterion"))
    )
    return ReviewAssignment.objects.select_related(
        "application__project__lead", "application__call", "expert__person"
    ).prefetch_related(Prefetch("review", queryset=reviews))


def own_assignment(request: HttpRequest, assignment_id: int) -> ReviewAssignment:
    """The user's own assignment, when they have no conflict on the project; 404 otherwise."""
    user = common.require_user(request)
    assignment = assignments().filter(pk=assignment_id, expert=user).first()
    if assignment is None or is_conflicted(user, assignment.application.project):
        raise Http404
    return assignment


@router.get("/experts", response=list[ExpertOut])
@paginate(Pagination)
def list_experts(request: HttpRequest):
    """The experts' pool (staff)."""
    common.require(request, "labelling.manage")
    return queries.experts().select_related("user__person")


@router.get("/applications/{int:application_id}/expert-candidates", response=list[CandidateOut])
def expert_candidates(request: HttpRequest, application_id: int):
    """Who may still be assigned, each with their conflicts of interest (staff)."""
    common.require(request, "labelling.manage")
    application = common.application_or_404(request, application_id)
    return [
        {"user": user, "conflicts": conflicts}
        for user, conflicts in queries.expert_candidates(application)
    ]


@router.get("/applications/{int:application_id}/assignments", response=list[AssignmentOut])
def application_assignments(request: HttpRequest, application_id: int):
    """The experts assigned to the application and their reviews (staff)."""
    application = common.application_or_404(request, application_id)
    common.require(request, "labelling.view_reviews", application)
    return assignments().filter(application=application).order_by("assigned_at", "id")


@router.post("/applications/{int:application_id}/assignments", response={201: AssignmentOut})
def assign_expert(request: HttpRequest, application_id: int, payload: AssignIn):
    """Assign an expert of the pool or of the staff (staff); a conflicted one is refused."""
    user = common.require(request, "labelling.manage")
    application = common.application_or_404(request, application_id)
    expert = common.user(payload.expert, "expert")
    assignment = services.assign_expert(actor=user, application=application, expert=expert)
    return Status(201, assignments().get(pk=assignment.pk))


@router.delete("/assignments/{int:assignment_id}", response={204: None})
def unassign_expert(request: HttpRequest, assignment_id: int):
    """Withdraw an assignment whose review is not in yet (staff)."""
    user = common.require(request, "labelling.manage")
    assignment = ReviewAssignment.objects.filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404
    services.unassign_expert(actor=user, assignment=assignment)
    return Status(204, None)


@router.get("/applications/{int:application_id}/scores", response=ScoreSummaryOut)
def scores(request: HttpRequest, application_id: int):
    """Each expert's weighted average, their mean and spread (staff)."""
    application = common.application_or_404(request, application_id)
    common.require(request, "labelling.view_reviews", application)
    return queries.score_summary(application)


@router.get("/assignments", response=list[AssignmentOut])
@paginate(Pagination)
def my_assignments(request: HttpRequest):
    """The caller's assignments as an expert, the latest first."""
    user = common.require_user(request)
    return assignments().filter(expert=user).order_by("-assigned_at", "-id")


@router.get("/assignments/{int:assignment_id}", response=AssignmentOut)
def get_assignment(request: HttpRequest, assignment_id: int):
    return own_assignment(request, assignment_id)


@router.post("/assignments/{int:assignment_id}/declare-no-conflict", response=AssignmentOut)
def declare_no_conflict(request: HttpRequest, assignment_id: int):
    """The expert declares having no conflict of interest: the dossier opens to them."""
    assignment = own_assignment(request, assignment_id)
    services.declare_no_conflict(actor=request.user, assignment=assignment)
    return assignments().get(pk=assignment.pk)


@router.post("/assignments/{int:assignment_id}/review", response=AssignmentOut)
def submit_review(request: HttpRequest, assignment_id: int, payload: ReviewIn):
    """Score every criterion in use from 0 to 5 (`scores`: code → score), with comments;
    a wrong or missing score is a 422 naming `scores.<code>`."""
    assignment = own_assignment(request, assignment_id)
    try:
        services.submit_review(
            actor=request.user,
            assignment=assignment,
            scores=payload.scores,
            comments=payload.comments,
        )
    except services.WrongState:
        raise
    except ValidationError as error:
        raise NinjaValidationError(
            [
                {
                    "loc": ["body", "scores"] if code == "scores" else ["body", "scores", code],
                    "msg": message,
                    "type": "value_error",
                }
                for code, messages in error.message_dict.items()
                for message in messages
            ]
        ) from error
    return assignments().get(pk=assignment.pk)
