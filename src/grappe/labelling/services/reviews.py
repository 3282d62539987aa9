"""Writes on the review of applications: the experts' pool, the scoring grid, assignments
with their conflict-of-interest checks, declarations, reviews, the experts' access log and
the invitation of external experts."""

import re
import secrets
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activity
from grappe.core.models import User
from grappe.core.services import create_user
from grappe.labelling import tasks
from grappe.labelling.conflicts import conflicts_of
from grappe.labelling.models import (
    Application,
    Criterion,
    Expert,
    Review,
    ReviewAssignment,
    Score,
)
from grappe.labelling.services.common import (
    WrongState,
    enqueue_on_commit,
    reject_unknown_fields,
    require_staff,
    save_validated,
)
from grappe.labelling.workflow import ASSIGNABLE, REVIEWABLE

CRITERION_FIELDS = frozenset({"code", "label_fr", "label_en", "weight", "position", "is_active"})
COMMENT_MAX_LENGTH = 5_000  # a comment on one criterion of a review


# The experts' pool -----------------------------------------------------------------------


@transaction.atomic
def register_expert(*, actor: User | None, user: User, expertise: str = "") -> Expert:
    """Put a login in the experts' pool (or back in it), with a line on its expertise."""
    require_staff(actor)
    expert, created = Expert.objects.get_or_create(
        user=user, defaults={"expertise": expertise.strip()[:300]}
    )
    if not created:
        expert.expertise = expertise.strip()[:300] or expert.expertise
        expert.is_active = True
        expert.save(update_fields=["expertise", "is_active"])
    log_activity(actor=actor, action="labelling.expert.registered", target=expert)
    return expert


@transaction.atomic
def retire_expert(*, actor: User | None, expert: Expert) -> Expert:
    """The expert leaves the pool; the assignments made stay."""
    require_staff(actor)
    if expert.is_active:
        expert.is_active = False
        expert.save(update_fields=["is_active"])
        log_activity(actor=actor, action="labelling.expert.retired", target=expert)
    return expert


# The scoring grid ------------------------------------------------------------------------


@transaction.atomic
def create_criterion(*, actor: User | None, data: dict[str, Any]) -> Criterion:
    require_staff(actor)
    reject_unknown_fields(data, CRITERION_FIELDS)
    criterion = Criterion(**data)
    if not criterion.label_en:
        criterion.label_en = criterion.label_fr
    save_validated(criterion)
    log_activity(actor=actor, action="labelling.criterion.created", target=criterion)
    return criterion


@transaction.atomic
def update_criterion(
    *, actor: User | None, criterion: Criterion, data: dict[str, Any]
) -> Criterion:
    """Change a criterion's labels, weight, position or use; its code stays."""
    require_staff(actor)
    reject_unknown_fields(data, CRITERION_FIELDS - {"code"})
    before = field_values(criterion, data)
    for name, value in data.items():
        setattr(criterion, name, value)
    if changes := changes_since(before, criterion):
        save_validated(criterion, update_fields=list(changes))
        log_activity(
            actor=actor,
            action="labelling.criterion.updated",
            target=criterion,
            data={"changes": changes},
        )
    return criterion


# Assignments -----------------------------------------------------------------------------


def _may_review(user: User) -> bool:
    if not user.is_active:
        return False
    return user.is_staff or Expert.objects.filter(user=user, is_active=True).exists()


@transaction.atomic
def assign_expert(
    *, actor: User | None, application: Application, expert: User
) -> ReviewAssignment:
    """Staff assign an expert of the pool (or a staff member) to review the application.

    An expert with a conflict of interest on the project (a contact of a partner or of a
    competitor) can never be assigned: a ValidationError on `expert` says why."""
    require_staff(actor)
    if application.status not in ASSIGNABLE:
        raise WrongState(_("Experts are assigned to submitted applications, before the committee."))
    if not _may_review(expert):
        raise ValidationError(
            {"expert": _("Choose a member of the experts' pool or of the staff.")}
        )
    if conflicts := conflicts_of(expert, application.project):
        raise ValidationError(
            {
                "expert": [
                    _("This expert has a conflict of interest: %(reason)s")
                    % {"reason": conflict.message}
                    for conflict in conflicts
                ]
            }
        )
    if ReviewAssignment.objects.filter(application=application, expert=expert).exists():
        raise ValidationError({"expert": _("This expert is already assigned.")})
    assignment = ReviewAssignment.objects.create(
        application=application, expert=expert, assigned_by=actor
    )
    log_activity(
        actor=actor,
        action="labelling.expert.assigned",
        target=application,
        data={"expert": expert.pk, "assignment": assignment.pk},
    )
    enqueue_on_commit(tasks.notify_expert_assigned, assignment.pk)
    return assignment


@transaction.atomic
def unassign_expert(*, actor: User | None, assignment: ReviewAssignment) -> None:
    """Withdraw an assignment whose review is not submitted yet."""
    require_staff(actor)
    if Review.objects.filter(assignment=assignment, submitted_at__isnull=False).exists():
        raise WrongState(_("This expert has already submitted a review."))
    application = assignment.application
    log_activity(
        actor=actor,
        action="labelling.expert.unassigned",
        target=application,
        data={"expert": assignment.expert_id},
    )
    assignment.delete()


def _require_expert(actor: User | None, assignment: ReviewAssignment) -> None:
    if actor is None or actor.pk != assignment.expert_id:
        raise PermissionDenied(_("Only the assigned expert can do this."))
    if conflicts := conflicts_of(actor, assignment.application.project):
        raise PermissionDenied(
            _("You have a conflict of interest on this project: %(reason)s")
            % {"reason": " ".join(conflict.message for conflict in conflicts)}
        )


@transaction.atomic
def declare_no_conflict(*, actor: User | None, assignment: ReviewAssignment) -> ReviewAssignment:
    """The expert declares having no conflict of interest: only then do they see the dossier."""
    _require_expert(actor, assignment)
    if assignment.no_conflict_declared_at is None:
        assignment.no_conflict_declared_at = timezone.now()
        assignment.save(update_fields=["no_conflict_declared_at"])
        log_activity(
            actor=actor,
            action="labelling.expert.declared_no_conflict",
            target=assignment.application,
            data={"assignment": assignment.pk},
        )
    return assignment


@transaction.atomic
def submit_review(
    *,
    actor: User | None,
    assignment: ReviewAssignment,
    scores: Mapping[str, Any],
    comments: str = "",
    comments_by_criterion: Mapping[str, str] | None = None,
) -> Review:
    """The expert scores every criterion in use from 0 to 5, keyed by the criterion's code,
    with a comment per criterion if they wish (`comments_by_criterion`, keyed by code too;
    None leaves the comments already given as they are).

    Errors are keyed by the criterion's code, `comment-<code>` for a comment. A submitted
    review can be changed while the application is under review."""
    _require_expert(actor, assignment)
    if assignment.no_conflict_declared_at is None:
        raise WrongState(_("Declare that you have no conflict of interest first."))
    if assignment.application.status not in REVIEWABLE:
        raise WrongState(_("This application is not under review."))
    criteria = list(Criterion.objects.filter(is_active=True))
    errors: dict[str, list[str]] = {}
    values: dict[int, int] = {}
    allowed = {str(value): value for value in range(Score.SCALE_MAX + 1)}
    for criterion in criteria:
        value = allowed.get(str(scores.get(criterion.code, "")).strip())
        if value is None:
            errors[criterion.code] = [
                _("Give “%(criterion)s” a score from 0 to %(max)s.")
                % {"criterion": criterion.label, "max": Score.SCALE_MAX}
            ]
        else:
            values[criterion.pk] = value
    unknown = sorted(set(scores) - {criterion.code for criterion in criteria})
    for code in unknown:
        errors[code] = [_("This criterion is not in the scoring grid.")]
    if not criteria:
        errors["scores"] = [_("The scoring grid has no criterion in use.")]
    notes = _criterion_comments(criteria, comments_by_criterion, errors)
    if errors:
        raise ValidationError(errors)
    review, _created = Review.objects.get_or_create(assignment=assignment)
    Score.objects.filter(review=review).exclude(criterion_id__in=values).delete()
    for criterion_id, value in values.items():
        defaults: dict[str, Any] = {"value": value}
        if notes is not None:
            defaults["comment"] = notes.get(criterion_id, "")
        Score.objects.update_or_create(review=review, criterion_id=criterion_id, defaults=defaults)
    review.comments = comments.strip()
    review.submitted_at = timezone.now()
    review.save(update_fields=["comments", "submitted_at", "updated_at"])
    log_activity(
        actor=actor,
        action="labelling.review.submitted",
        target=assignment.application,
        data={"review": review.pk, "scores": {c.code: values[c.pk] for c in criteria}},
    )
    return review


def _criterion_comments(
    criteria: list[Criterion],
    comments: Mapping[str, str] | None,
    errors: dict[str, list[str]],
) -> dict[int, str] | None:
    """{criterion id: comment} from comments keyed by code; errors keyed `comment-<code>`."""
    if comments is None:
        return None
    by_code = {criterion.code: criterion for criterion in criteria}
    notes: dict[int, str] = {}
    for code, text in comments.items():
        criterion = by_code.get(code)
        if criterion is None:
            errors[f"comment-{code}"] = [_("This criterion is not in the scoring grid.")]
            continue
        text = str(text or "").strip()
        if len(text) > COMMENT_MAX_LENGTH:
            errors[f"comment-{code}"] = [
                _("Keep the comment under %(max)s characters.") % {"max": COMMENT_MAX_LENGTH}
            ]
        notes[criterion.pk] = text
    return notes


@transaction.atomic
def record_expert_access(*, actor: User | None, application: Application) -> bool:
    """Log that an assigned expert opened the confidential dossier; False for anybody else.

    The pages call it after `queries.application_for` has let the user in."""
    if actor is None or not actor.is_authenticated:
        return False
    if not ReviewAssignment.objects.filter(application=application, expert=actor).exists():
        return False
    log_activity(actor=actor, action="labelling.application.viewed_by_expert", target=application)
    return True


# Inviting an external expert --------------------------------------------------------------

NAME_MAX_LENGTH = 150  # User.first_name and User.last_name


def _free_username(email: str) -> str:
    """A username made of the e-mail address, numbered if a login already has it."""
    base = re.sub(r"[^\w.@+-]", "", email)[:140] or "expert"
    candidate, number = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _invitation_errors(first_name: str, last_name: str, email: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for name, value, missing in (
        ("first_name", first_name, _("Give the expert's first name.")),
        ("last_name", last_name, _("Give the expert's last name.")),
    ):
        if not value:
            errors[name] = [missing]
        elif len(value) > NAME_MAX_LENGTH:
            errors[name] = [_("Keep it under %(max)s characters.") % {"max": NAME_MAX_LENGTH}]
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Enter a valid e-mail address.")]
    else:
        if User.objects.filter(email__iexact=email).exists():
            errors["email"] = [
                _(
                    "Another user already has this e-mail address: find them among the "
                    "users and add them to the pool."
                )
            ]
    return errors


@transaction.atomic
def invite_expert(
    *,
    actor: User | None,
    first_name: str,
    last_name: str,
    email: str,
    expertise: str = "",
) -> Expert:
    """Open a login for an external expert and put them in the pool; once committed, they
    receive an e-mail with a link to choose their password (Django's reset token).

    The login gets a random password nobody knows until the expert chooses theirs."""
    require_staff(actor)
    first_name, last_name = first_name.strip(), last_name.strip()
    email = email.strip().lower()
    if errors := _invitation_errors(first_name, last_name, email):
        raise ValidationError(errors)
    try:
        user = create_user(
            actor=actor,
            username=_free_username(email),
            password=secrets.token_urlsafe(32),
            email=email,
        )
    except IntegrityError as error:
        # Another page took the address between the check and the write.
        raise ValidationError(
            {"email": _("Another user already has this e-mail address.")}
        ) from error
    user.first_name, user.last_name = first_name, last_name
    user.save(update_fields=["first_name", "last_name"])
    expert = Expert.objects.create(user=user, expertise=expertise.strip()[:300])
    log_activity(
        actor=actor, action="labelling.expert.invited", target=expert, data={"user": user.pk}
    )
    enqueue_on_commit(tasks.send_expert_invitation, user.pk)
    return expert
