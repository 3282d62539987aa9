"""Recording the labelling rounds decided before Grappe, from the pôle's own files.

The pôle has labelled projects since 2005; those rounds did not go through Grappe's workflow.
The staff record each one as it ended, with its real dates, so that the figures (projects
labelled per year, selection rate) count them. Funding and progress then go through
services.funding and services.workflow as for any round.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.labelling.choices import DECISIONS, Status
from grappe.labelling.models import Application, FundingCall, Project
from grappe.labelling.services.common import WrongState, require_staff, save_validated
from grappe.labelling.workflow import RESUBMITTABLE


def _at_noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@transaction.atomic
def import_past_round(
    *,
    actor: User | None,
    project: Project,
    call: FundingCall,
    status: str,
    submitted_on: datetime.date,
    decided_on: datetime.date,
    reservations: str = "",
) -> Application:
    """A round the committee decided on `decided_on`, recorded in its decision's status."""
    require_staff(actor)
    errors: dict[str, list[str]] = {}
    if status not in DECISIONS:
        errors["status"] = [_("Choose one of the committee's decisions.")]
    if decided_on > timezone.localdate():
        errors["decided_on"] = [_("A past decision cannot be in the future.")]
    if submitted_on > decided_on:
        errors["submitted_on"] = [_("The application was submitted before the decision.")]
    if status == Status.LABELLED_WITH_RESERVATIONS and not reservations.strip():
        errors["reservations"] = [_("Write the committee's reservations.")]
    if Application.objects.filter(project=project, call=call).exists():
        errors["call"] = [_("This project was already submitted to this call.")]
    if errors:
        raise ValidationError(errors)
    latest = project.applications.select_for_update().order_by("-round_number").first()
    if latest is not None and latest.status not in RESUBMITTABLE:
        raise WrongState(
            _("The current application (“%(status)s”) must end before a new one starts.")
            % {"status": latest.get_status_display()}
        )
    application = Application(
        project=project,
        call=call,
        round_number=(latest.round_number + 1) if latest else 1,
        status=status,
        submitted_at=_at_noon(submitted_on),
        decided_at=_at_noon(decided_on),
        reservations=reservations.strip(),
    )
    save_validated(application)
    log_activity(
        actor=actor,
        action="labelling.application.imported",
        target=application,
        data={"status": status, "decided_on": decided_on.isoformat()},
    )
    return application
