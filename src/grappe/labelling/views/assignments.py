"""The staff assign experts to an application: the candidates with their conflicts flagged.

A conflicted candidate is shown with the reason and cannot be chosen; the service refuses
such an assignment anyway.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from grappe.labelling import queries, services
from grappe.labelling.forms.staff import AssignForm
from grappe.labelling.models import Application, ReviewAssignment
from grappe.labelling.views.common import refused, require_staff
from grappe.labelling.workflow import ASSIGNABLE, MIN_EXPERTS

TEMPLATE = "labelling/assignments.html"


def _page(
    request: HttpRequest, application: Application, errors: list[str] | None = None, status=200
) -> HttpResponse:
    candidates = [
        {"user": user, "conflicts": conflicts}
        for user, conflicts in queries.expert_candidates(application)
    ]
    context = {
        "application": application,
        "project": application.project,
        "assignments": list(queries.application_assignments(application)),
        "candidates": candidates,
        "errors": errors or [],
        "assignable": application.status in ASSIGNABLE,
        "min_experts": MIN_EXPERTS,
    }
    return render(request, TEMPLATE, context, status=status)


@login_required
def assignments(request: HttpRequest, pk: int) -> HttpResponse:
    require_staff(request)
    application = queries.application_for(request.user, pk)
    if request.method != "POST":
        return _page(request, application)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _page(request, application, [_("Choose an expert among the candidates.")])
    expert = form.cleaned_data["expert"]
    try:
        services.assign_expert(actor=request.user, application=application, expert=expert)
    except services.WrongState as error:
        return refused(request, application, error)
    except ValidationError as error:
        return _page(request, application, [str(text) for text in error.messages])
    messages.success(
        request,
        _("%(expert)s is assigned to %(acronym)s.")
        % {
            "expert": expert.get_full_name() or expert.get_username(),
            "acronym": application.project.acronym,
        },
    )
    return redirect("labelling:assignments", pk=application.pk)


@login_required
def unassign(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    """GET asks for confirmation; POST withdraws the assignment (before the review is in)."""
    require_staff(request)
    application = queries.application_for(request.user, pk)
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related("expert"), pk=assignment_pk, application=application
    )
    expert = assignment.expert.get_full_name() or assignment.expert.get_username()
    if request.method != "POST":
        return render(
            request,
            "labelling/confirm.html",
            {
                "title": _("Withdraw %(expert)s from %(acronym)s?")
                % {"expert": expert, "acronym": application.project.acronym},
                "text": _("The expert will no longer see the dossier."),
                "button": _("Withdraw"),
                "cancel_url": application.get_absolute_url(),
            },
        )
    try:
        services.unassign_expert(actor=request.user, assignment=assignment)
    except services.WrongState as error:
        return refused(request, application, error)
    messages.success(request, _("%(expert)s is withdrawn.") % {"expert": expert})
    return redirect("labelling:assignments", pk=application.pk)
