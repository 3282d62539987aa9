"""The one function that moves an application along the workflow (labelling/workflow.py)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.labelling import tasks
from grappe.labelling.choices import DECISIONS, Status
from grappe.labelling.models import AgendaItem, Application, FundingLine, Review
from grappe.labelling.rules import is_contact_of_project
from grappe.labelling.services.common import WrongState, enqueue_on_commit, is_staff
from grappe.labelling.services.projects import call_errors, current_lines, partner_errors
from grappe.labelling.workflow import (
    MIN_EXPERTS,
    MIN_REVIEWS,
    ROLE_LABELS,
    Role,
    roles_for,
)


class IllegalTransition(WrongState):
    """A move that the workflow table forbids, to anybody or to this actor, or that the
    application's state does not allow yet. The API answers it with HTTP 409."""


def roles_of(actor: User | None, application: Application) -> frozenset[Role]:
    """The roles the actor holds on the application (the committee is never a user)."""
    roles = set()
    if is_staff(actor):
        roles.add(Role.STAFF)
    if actor is not None and is_contact_of_project(actor, application.project):
        roles.add(Role.CONSORTIUM)
    return frozenset(roles)


def _who(roles: frozenset[Role]) -> str:
    names = [str(ROLE_LABELS[role]) for role in Role if role in roles]
    if len(names) == 1:
        return names[0]
    return _("%(first)s or %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def completeness_errors(application: Application) -> dict[str, list[str]]:
    """What an application lacks to be submitted, by field; empty when it is complete.

    The dossier is the project's own data in Grappe: a summary, a market, the lead among the
    partners, budgets that add up, and a call still open. PDF documents are annexes and
    optional: a call that asks for some says so in its own rules.
    """
    project = application.project
    errors: dict[str, list[str]] = {}
    if not (project.summary_fr.strip() or project.summary_en.strip()):
        errors["summary_fr"] = [_("Write a summary of the project.")]
    if not project.markets.exists():
        errors["markets"] = [_("Choose at least one market.")]
    errors.update(
        partner_errors(current_lines(project), lead=project.lead, total_budget=project.total_budget)
    )
    errors.update(call_errors(application.call))
    return errors


def _check_conditions(application: Application, target: Status) -> None:
    if target == Status.SUBMITTED:
        if errors := completeness_errors(application):
            raise ValidationError(errors)
    elif target == Status.UNDER_REVIEW:
        if application.assignments.count() < MIN_EXPERTS:
            raise IllegalTransition(
                _("Assign at least %(count)s experts before the review starts.")
                % {"count": MIN_EXPERTS}
            )
    elif target == Status.COMMITTEE:
        reviews = Review.objects.filter(
            assignment__application=application, submitted_at__isnull=False
        ).count()
        if reviews < MIN_REVIEWS:
            raise IllegalTransition(
                _("The committee needs at least %(count)s submitted reviews; there are %(done)s.")
                % {"count": MIN_REVIEWS, "done": reviews}
            )
    elif target == Status.FUNDED:
        if not FundingLine.objects.filter(application=application).exists():
            raise IllegalTransition(_("Record the funding obtained, partner by partner, first."))
    elif target == Status.NOT_FUNDED:
        total = FundingLine.objects.filter(application=application).aggregate(t=Sum("amount"))
        if total["t"]:
            raise IllegalTransition(_("This application has funding lines: it is funded."))


def _committee_decides(item: AgendaItem | None, application: Application, target: Status) -> bool:
    return bool(
        item is not None
        and item.application_id == application.pk
        and item.decision == target
        and item.decided_at is not None
    )


@transaction.atomic
def transition(
    *,
    actor: User | None,
    application: Application,
    to: str,
    reason: str = "",
    committee_item: AgendaItem | None = None,
) -> Application:
    """Move the application to the status `to`, if the table allows it to this actor.

    The committee's decisions come only through `committee_item`, the agenda item on which
    services.committee.record_decision wrote the decision. Raises IllegalTransition for a
    move that is not allowed now (HTTP 409), ValidationError naming the fields when the
    application is incomplete. Logs who and why; the people concerned get an e-mail once
    the change is committed.
    """
    locked = (
        Application.objects.select_for_update()
        .select_related("project", "call")
        .get(pk=application.pk)
    )
    if to not in Status.values:
        raise IllegalTransition(
            _("“%(status)s” is not a status of an application.") % {"status": to}
        )
    current, target = Status(locked.status), Status(to)
    allowed = roles_for(current, target)
    if not allowed:
        raise IllegalTransition(
            _("An application cannot go from “%(current)s” to “%(target)s”.")
            % {"current": current.label, "target": target.label}
        )
    roles = roles_of(actor, locked)
    if _committee_decides(committee_item, locked, target):
        roles |= {Role.COMMITTEE}
    if not roles & allowed:
        raise IllegalTransition(
            _("Only %(who)s can move an application from “%(current)s” to “%(target)s”.")
            % {"who": _who(allowed), "current": current.label, "target": target.label}
        )
    _check_conditions(locked, target)
    now = timezone.now()
    locked.status = target
    fields = ["status", "updated_at"]
    if target == Status.SUBMITTED:
        locked.submitted_at = now
        fields.append("submitted_at")
    if target in DECISIONS:
        locked.decided_at = committee_item.decided_at if committee_item else now
        fields.append("decided_at")
    locked.save(update_fields=fields)
    log_activity(
        actor=actor,
        action="labelling.application.status_changed",
        target=locked,
        data={"from": current.value, "to": target.value, "reason": reason},
    )
    enqueue_on_commit(tasks.notify_status_changed, locked.pk, target.value, reason)
    for name in (*fields, "reservations"):
        setattr(application, name, getattr(locked, name))
    return application


def decision_datetime(day: datetime.date) -> datetime.datetime:
    """When a committee held on `day` decided: now for today's meeting, else that day at noon."""
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
