"""Reads of project labelling: who sees which application, the lists of the pages, the
experts' scores. The figures (labelled per year, rates, leverage) are in figures.py."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from grappe.core.models import User
from grappe.labelling.choices import LABEL_STATUSES, Confidentiality, Status
from grappe.labelling.conflicts import conflicts_by_user
from grappe.labelling.models import (
    AgendaItem,
    Application,
    CommitteeMeeting,
    Criterion,
    Expert,
    FundingCall,
    Partner,
    Project,
    ReviewAssignment,
    Score,
)
from grappe.members.models import Affiliation

TWO_PLACES = Decimal("0.01")


def _round(value: Decimal | float) -> Decimal:
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


# Confidentiality -------------------------------------------------------------------------


def _with_project(queryset: QuerySet[Application]) -> QuerySet[Application]:
    return queryset.select_related("project__lead", "call")


def application_for(user: User, pk: int) -> Application:
    """The application, if the user may see its dossier; Http404 otherwise, whether it
    exists or not (no existence leak). Experts: log the access with
    services.record_expert_access."""
    application = _with_project(Application.objects.filter(pk=pk)).first()
    if application is None or not user.has_perm("labelling.view_application", application):
        raise Http404("No application found.")
    return application


def project_for(user: User, pk: int) -> Project:
    """The project, for the staff and its consortium's contacts; Http404 for anybody else."""
    project = Project.objects.select_related("lead").filter(pk=pk).first()
    if project is None or not user.has_perm("labelling.view_project", project):
        raise Http404("No project found.")
    return project


def public_project(pk: int) -> Project:
    """A project whose public summary everybody may read; Http404 for any other."""
    project = public_projects().filter(pk=pk).first()
    if project is None:
        raise Http404("No project found.")
    return project


def _contact_projects(user: User) -> QuerySet[Project]:
    organisations = Affiliation.objects.filter(person__user=user).values("organisation_id")
    return Project.objects.filter(
        Q(lead_id__in=organisations) | Q(partners__organisation_id__in=organisations)
    ).distinct()


def applications_visible_to(user: User) -> QuerySet[Application]:
    """Every application the user may open: all for the staff; those of their projects for
    the consortium's contacts; those they declared no conflict on for the experts."""
    queryset = _with_project(Application.objects.all())
    if not (user and user.is_authenticated):
        return queryset.none()
    if user.is_staff and user.is_active:
        return queryset
    declared = ReviewAssignment.objects.filter(
        application=OuterRef("pk"), expert=user, no_conflict_declared_at__isnull=False
    )
    return queryset.filter(Q(project__in=_contact_projects(user).values("pk")) | Exists(declared))


# Lists -----------------------------------------------------------------------------------


def latest_application(project: Project) -> Application | None:
    return _with_project(project.applications.order_by("-round_number")).first()


def projects_of(user: User) -> QuerySet[Project]:
    """The projects of the organisations the user is a contact of, with their rounds."""
    if not (user and user.is_authenticated):
        return Project.objects.none()
    return (
        _contact_projects(user)
        .select_related("lead")
        .prefetch_related(
            Prefetch(
                "applications",
                queryset=Application.objects.select_related("call").order_by("-round_number"),
            )
        )
        .order_by("-updated_at", "-id")
    )


def project_rounds(project: Project) -> QuerySet[Application]:
    """The project's labelling rounds, the latest first: its history."""
    return _with_project(project.applications.order_by("-round_number"))


def project_partners(project: Project) -> QuerySet[Partner]:
    return Partner.objects.filter(project=project).select_related("organisation")


def assignments_of(user: User) -> QuerySet[ReviewAssignment]:
    """The expert's assignments, the most recent first, with whether the review is in."""
    return (
        ReviewAssignment.objects.filter(expert=user)
        .select_related("application__project", "application__call", "review")
        .order_by("-assigned_at", "-id")
    )


def application_assignments(application: Application) -> QuerySet[ReviewAssignment]:
    return (
        ReviewAssignment.objects.filter(application=application)
        .select_related("expert", "review")
        .order_by("assigned_at", "id")
    )


def expert_candidates(application: Application) -> list[tuple[User, list[str]]]:
    """The experts the staff may assign, each with their conflicts (empty when free):
    the pool's active experts and the staff, not yet assigned."""
    assigned = ReviewAssignment.objects.filter(application=application).values("expert_id")
    users = (
        User.objects.filter(is_active=True)
        .filter(Q(is_staff=True) | Q(labelling_expert__is_active=True))
        .exclude(pk__in=assigned)
        .order_by("last_name", "first_name", "username")
    )
    users = list(users)
    conflicts = conflicts_by_user(users, application.project)
    return [(user, [c.message for c in conflicts.get(user.pk, [])]) for user in users]


def experts() -> QuerySet[Expert]:
    return Expert.objects.select_related("user").annotate(
        assignment_count=Count("user__review_assignments")
    )


def criteria(*, active_only: bool = True) -> QuerySet[Criterion]:
    queryset = Criterion.objects.all()
    return queryset.filter(is_active=True) if active_only else queryset


def open_calls() -> QuerySet[FundingCall]:
    """The calls whose deadline has not passed, the nearest first."""
    return FundingCall.objects.filter(deadline__gte=timezone.localdate()).order_by(
        "deadline", "name"
    )


def calls() -> QuerySet[FundingCall]:
    return FundingCall.objects.annotate(application_count=Count("applications"))


def pipeline_counts() -> dict[str, int]:
    """{status: number of applications}, every status present (zero included)."""
    counts = dict(
        Application.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in Status.values}


def applications_in(status: str) -> QuerySet[Application]:
    """The applications at a status, for the staff's pipeline board."""
    return (
        _with_project(Application.objects.filter(status=status))
        .annotate(
            expert_count=Count("assignments", distinct=True),
            review_count=Count(
                "assignments", filter=Q(assignments__review__submitted_at__isnull=False),
                distinct=True,
            ),
        )
        .order_by("submitted_at", "id")
    )  # fmt: skip


def public_projects() -> QuerySet[Project]:
    """The projects holding the label whose summary is public (not restricted)."""
    labelled = Application.objects.filter(project=OuterRef("pk"), status__in=LABEL_STATUSES)
    return (
        Project.objects.filter(Exists(labelled), confidentiality=Confidentiality.STANDARD)
        .select_related("lead")
        .prefetch_related("markets")
        .order_by("acronym", "id")
    )


# Committee -------------------------------------------------------------------------------


def meetings() -> QuerySet[CommitteeMeeting]:
    return CommitteeMeeting.objects.annotate(item_count=Count("agenda"))


def upcoming_meetings() -> QuerySet[CommitteeMeeting]:
    return meetings().filter(held_on__gte=timezone.localdate()).order_by("held_on", "id")


def meeting_agenda(meeting: CommitteeMeeting) -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("application__project__lead", "application__call")
        .prefetch_related("abstentions__member")
        .order_by("position", "id")
    )


def ready_for_committee() -> QuerySet[Application]:
    """Applications before the committee and not yet on an agenda waiting for a decision."""
    waiting = AgendaItem.objects.filter(application=OuterRef("pk"), decision="")
    return _with_project(
        Application.objects.filter(status=Status.COMMITTEE).exclude(Exists(waiting))
    ).order_by("submitted_at", "id")


# Scores ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionNote:
    """An expert's score on one criterion, with their comment on it."""

    code: str
    label: str
    value: int
    comment: str


@dataclass(frozen=True)
class ReviewerScore:
    assignment_id: int
    expert: User
    weighted_average: Decimal  # 0..5
    scores: dict[str, int]  # criterion code → score
    notes: list[CriterionNote] = field(default_factory=list)  # in the grid's order
    comments: str = ""  # the overall comments

    @property
    def has_comments(self) -> bool:
        return bool(self.comments) or any(note.comment for note in self.notes)


@dataclass(frozen=True)
class ScoreSummary:
    """The submitted reviews of an application: each expert's weighted average (0 to 5),
    their mean, their spread (highest minus lowest) and their standard deviation."""

    reviewers: list[ReviewerScore]
    criterion_means: dict[str, Decimal]
    mean: Decimal | None
    spread: Decimal | None
    standard_deviation: Decimal | None

    @property
    def count(self) -> int:
        return len(self.reviewers)


def score_summary(application: Application) -> ScoreSummary:
    """Computed from the scores and the criteria's current weights, in two queries."""
    scores = Score.objects.filter(
        review__assignment__application=application, review__submitted_at__isnull=False
    ).select_related("criterion", "review__assignment__expert")
    by_assignment: dict[int, list[Score]] = defaultdict(list)
    for score in scores:
        by_assignment[score.review.assignment_id].append(score)
    reviewers, averages = [], []
    per_criterion: dict[str, list[int]] = defaultdict(list)
    for assignment_id, rows in sorted(by_assignment.items()):
        weights = sum((row.criterion.weight for row in rows), Decimal(0))
        total = sum((row.criterion.weight * row.value for row in rows), Decimal(0))
        for row in rows:
            per_criterion[row.criterion.code].append(row.value)
        average = total / weights if weights else Decimal(0)
        averages.append(average)
        reviewers.append(
            ReviewerScore(
                assignment_id=assignment_id,
                expert=rows[0].review.assignment.expert,
                weighted_average=_round(average),
                scores={row.criterion.code: row.value for row in rows},
                notes=[
                    CriterionNote(row.criterion.code, row.criterion.label, row.value, row.comment)
                    for row in rows
                ],
                comments=rows[0].review.comments,
            )
        )
    return ScoreSummary(
        reviewers=reviewers,
        criterion_means={
            code: _round(Decimal(sum(values)) / len(values))
            for code, values in per_criterion.items()
        },
        mean=_round(sum(averages) / len(averages)) if averages else None,
        spread=_round(max(averages) - min(averages)) if averages else None,
        standard_deviation=_round(statistics.pstdev(averages)) if averages else None,
    )


# The experts' pool -----------------------------------------------------------------------

EXPERT_NAME_ORDER = ("user__last_name", "user__first_name", "user__username")
EXPERT_SORTS = {
    "name": EXPERT_NAME_ORDER,
    "-name": tuple(f"-{name}" for name in EXPERT_NAME_ORDER),
    "assignments": ("assignment_count", *EXPERT_NAME_ORDER),
    "-assignments": ("-assignment_count", *EXPERT_NAME_ORDER),
    "since": ("created_at", "id"),
    "-since": ("-created_at", "-id"),
}
POOL_STATUSES = ("available", "retired")
POOL_CANDIDATES_SHOWN = 20


def expert_pool(*, status: str = "", sort: str = "name") -> QuerySet[Expert]:
    """The pool's experts with their number of assignments: all, the available ones or
    the retired ones; sorted by a key of EXPERT_SORTS (by name otherwise)."""
    queryset = experts()
    if status == "available":
        queryset = queryset.filter(is_active=True)
    elif status == "retired":
        queryset = queryset.filter(is_active=False)
    return queryset.order_by(*EXPERT_SORTS.get(sort, EXPERT_NAME_ORDER))


def pool_candidates(text: str) -> list[User]:
    """Active logins outside the pool whose name, username or e-mail holds every word of
    `text`; at most POOL_CANDIDATES_SHOWN, none for an empty text."""
    words = text.split()[:5]
    if not words:
        return []
    queryset = User.objects.filter(is_active=True, labelling_expert__isnull=True)
    for word in words:
        queryset = queryset.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
            | Q(email__icontains=word)
        )
    return list(queryset.order_by("last_name", "first_name", "username")[:POOL_CANDIDATES_SHOWN])
