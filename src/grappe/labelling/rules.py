"""Who may do what in project labelling, as named predicates.

An application's dossier is confidential: only the staff, the consortium's contacts (people
affiliated to the lead or to a partner organisation) and the experts assigned to it who
declared no conflict (and have none) see it. Everybody sees the public summary of a project
that holds the label, unless the project is restricted. Pages answer 404, not 403, to those
who may not see an application (queries.application_for).
"""

import rules
from django.db.models import Q

from grappe.core.models import User
from grappe.labelling.choices import LABEL_STATUSES, Confidentiality, Status
from grappe.labelling.conflicts import is_conflicted
from grappe.labelling.models import Application, Project, ReviewAssignment
from grappe.labelling.workflow import EDITABLE, REPORTING
from grappe.members.models import Affiliation
from grappe.members.rules import is_member_contact, is_pole_staff


def is_contact_of_project(user: User, project: Project) -> bool:
    """The user is a contact of the lead or of a partner organisation of the project."""
    if project is None or not (user and user.is_authenticated):
        return False
    return (
        Affiliation.objects.filter(person__user=user)
        .filter(
            Q(organisation_id=project.lead_id)
            | Q(organisation__project_partnerships__project=project)
        )
        .exists()
    )


def latest_status(project: Project) -> str | None:
    """The status of the project's latest labelling round; None before the first."""
    return project.applications.order_by("-round_number").values_list("status", flat=True).first()


@rules.predicate
def is_project_contact(user, project: Project | None) -> bool:
    return is_contact_of_project(user, project)


@rules.predicate
def is_consortium_contact(user, application: Application | None) -> bool:
    return application is not None and is_contact_of_project(user, application.project)


@rules.predicate
def is_assigned_expert(user, application: Application | None) -> bool:
    """Assigned to the application and free of any conflict on its project."""
    if application is None or not (user and user.is_authenticated):
        return False
    if not ReviewAssignment.objects.filter(application=application, expert=user).exists():
        return False
    return not is_conflicted(user, application.project)


@rules.predicate
def is_cleared_expert(user, application: Application | None) -> bool:
    """An assigned expert without conflict who has declared having none."""
    if application is None or not (user and user.is_authenticated):
        return False
    declared = ReviewAssignment.objects.filter(
        application=application, expert=user, no_conflict_declared_at__isnull=False
    ).exists()
    return declared and not is_conflicted(user, application.project)


@rules.predicate
def has_public_summary(user, project: Project | None) -> bool:
    """A project that holds the label and is not restricted."""
    if project is None or project.confidentiality != Confidentiality.STANDARD:
        return False
    return project.applications.filter(status__in=LABEL_STATUSES).exists()


@rules.predicate
def is_editable(user, project: Project | None) -> bool:
    return project is not None and (latest_status(project) or Status.DRAFT) in EDITABLE


@rules.predicate
def is_draft(user, application: Application | None) -> bool:
    return application is not None and application.status == Status.DRAFT


@rules.predicate
def has_reservations(user, application: Application | None) -> bool:
    return application is not None and application.status == Status.LABELLED_WITH_RESERVATIONS


@rules.predicate
def is_running(user, application: Application | None) -> bool:
    """Funded, in progress or completed: the consortium reports its progress and results."""
    return application is not None and application.status in REPORTING


rules.add_perm("labelling.add_project", is_pole_staff | is_member_contact)
rules.add_perm("labelling.view_project", is_pole_staff | is_project_contact)
rules.add_perm("labelling.edit_project", (is_pole_staff | is_project_contact) & is_editable)
rules.add_perm(
    "labelling.view_application", is_pole_staff | is_consortium_contact | is_cleared_expert
)
rules.add_perm("labelling.view_public_summary", has_public_summary)
rules.add_perm("labelling.submit", (is_pole_staff | is_consortium_contact) & is_draft)
rules.add_perm(
    "labelling.answer_reservations", (is_pole_staff | is_consortium_contact) & has_reservations
)
rules.add_perm("labelling.report_progress", (is_pole_staff | is_consortium_contact) & is_running)
rules.add_perm("labelling.review", is_assigned_expert)
rules.add_perm("labelling.view_reviews", is_pole_staff)
rules.add_perm("labelling.manage", is_pole_staff)
rules.add_perm("labelling.decide", is_pole_staff)
