"""The application page (a labelling round) and the moves along the workflow.

Whoever may not see an application gets 404, whether it exists or not
(queries.application_for). Each move the user may make shows as a button leading to a
confirmation with a reason; the service decides, and a refused move answers 409 to htmx and
JSON callers, or comes back to the page with the message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from grappe.core.forms import apply_service_errors
from grappe.core.queries import activity_for
from grappe.labelling import queries, services
from grappe.labelling.choices import Status
from grappe.labelling.forms.projects import DocumentForm, ReservationsAnswerForm
from grappe.labelling.forms.staff import ResultForm, TransitionForm
from grappe.labelling.models import Application, LabelLetter
from grappe.labelling.services.letters import LETTER_STATUSES
from grappe.labelling.views.common import refused, wants_json, wants_partial
from grappe.labelling.workflow import EDITABLE, FUNDED_STATUSES, next_statuses

DETAIL_TEMPLATE = "labelling/application_detail.html"
HISTORY_ACTIONS = frozenset(
    {
        "labelling.application.created",
        "labelling.application.imported",
        "labelling.application.status_changed",
    }
)
MOVE_LABELS = {
    Status.SUBMITTED: gettext_lazy("Submit"),
    Status.DRAFT: gettext_lazy("Send back to the consortium"),
    Status.UNDER_REVIEW: gettext_lazy("Start the review"),
    Status.COMMITTEE: gettext_lazy("Send to the committee"),
    Status.LABELLED: gettext_lazy("Lift the reservations"),
    Status.FUNDED: gettext_lazy("Record the funding"),
    Status.NOT_FUNDED: gettext_lazy("Not funded"),
    Status.IN_PROGRESS: gettext_lazy("Start the project"),
    Status.COMPLETED: gettext_lazy("Mark as completed"),
    Status.ABANDONED: gettext_lazy("Abandon"),
}
FUNDABLE = frozenset({Status.LABELLED, Status.LABELLED_WITH_RESERVATIONS, *FUNDED_STATUSES})


def available_moves(request: HttpRequest, application: Application) -> list[dict]:
    """The moves of the table this user may make from the application's status."""
    roles = services.roles_of(request.user, application)
    return [
        {"status": target, "label": MOVE_LABELS.get(target, target.label)}
        for target, allowed in next_statuses(application.status).items()
        if roles & allowed
    ]


def status_history(application: Application) -> list[dict]:
    """The application's moves, the latest first: who, when, from what to what, and why."""
    moves = []
    for entry in activity_for(application, limit=200):
        if entry.action not in HISTORY_ACTIONS:
            continue
        data = entry.data or {}
        target = data.get("to") or data.get("status") or Status.DRAFT
        source = data.get("from")
        moves.append(
            {
                "at": entry.created_at,
                "actor": entry.actor,
                "source": Status(source).label if source in Status.values else "",
                "target": Status(target).label if target in Status.values else target,
                "reason": data.get("reason", ""),
            }
        )
    return moves


def detail_page(request: HttpRequest, application: Application, **forms) -> HttpResponse:
    """The application page; `forms` replaces the empty forms (to show their errors)."""
    user = request.user
    project = application.project
    can_manage = user.has_perm("labelling.manage")
    can_edit = user.has_perm("labelling.edit_project", project) and application.status in EDITABLE
    letter = LabelLetter.objects.filter(application=application).first()
    context = {
        "application": application,
        "project": project,
        "call": application.call,
        "partners": list(queries.project_partners(project)),
        "rounds": list(queries.project_rounds(project)),
        "documents": list(application.documents.all()),
        "history": status_history(application),
        "moves": available_moves(request, application),
        "decisions": list(
            application.agenda_items.exclude(decision="")
            .select_related("meeting")
            .prefetch_related("abstentions__member")
        ),
        "letter": letter,
        "can_issue_letter": can_manage and letter is None and application.status in LETTER_STATUSES,
        "funding_lines": list(application.funding_lines.select_related("partner__organisation")),
        "results": list(application.results.all()),
        "can_manage": can_manage,
        "can_view_project": user.has_perm("labelling.view_project", project),
        "can_edit": can_edit,
        "can_fund": can_manage and application.status in FUNDABLE,
        "can_answer": user.has_perm("labelling.answer_reservations", application),
        "can_report": user.has_perm("labelling.report_progress", application),
        "document_form": DocumentForm(),
        "reservations_form": ReservationsAnswerForm(
            initial={"reservations_answer": application.reservations_answer}
        ),
        "result_form": ResultForm(),
    }
    if user.has_perm("labelling.view_reviews", application):
        summary = queries.score_summary(application)
        criteria = {criterion.code: criterion for criterion in queries.criteria(active_only=False)}
        context |= {
            "summary": summary,
            "criterion_means": [
                (criteria.get(code), mean) for code, mean in summary.criterion_means.items()
            ],
            "assignments": list(queries.application_assignments(application)),
            "activity": activity_for(application),
        }
    context.update(forms)
    status = 200
    return render(request, DETAIL_TEMPLATE, context, status=status)


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = queries.application_for(request.user, pk)
    # An expert's every look at the confidential dossier is logged (nobody else's).
    services.record_expert_access(actor=request.user, application=application)
    return detail_page(request, application)


@login_required
def application_transition(request: HttpRequest, pk: int, status: str) -> HttpResponse:
    """GET asks for confirmation (and a reason); POST makes the move if the service allows."""
    application = queries.application_for(request.user, pk)
    if status not in Status.values:
        raise Http404("No such status.")
    target = Status(status)
    form = TransitionForm(request.POST if request.method == "POST" else None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.transition(
                actor=request.user,
                application=application,
                to=target,
                reason=form.cleaned_data["reason"],
            )
        except services.WrongState as error:
            return refused(request, application, error)
        except ValidationError as error:
            if wants_json(request) or wants_partial(request):
                return refused(request, application, error, status=422)
            errors = [str(text) for text in error.messages]
        else:
            messages.success(
                request,
                _("%(acronym)s is now “%(status)s”.")
                % {"acronym": application.project.acronym, "status": target.label},
            )
            return redirect(application)
    elif request.method != "POST" and target == Status.SUBMITTED:
        errors = [
            text for texts in services.completeness_errors(application).values() for text in texts
        ]
    context = {
        "application": application,
        "project": application.project,
        "target": target,
        "label": MOVE_LABELS.get(target, target.label),
        "form": form,
        "errors": errors,
        "allowed": target in {move["status"] for move in available_moves(request, application)},
    }
    return render(request, "labelling/transition_confirm.html", context)


@login_required
@require_POST
def answer_reservations(request: HttpRequest, pk: int) -> HttpResponse:
    application = queries.application_for(request.user, pk)
    form = ReservationsAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_reservations(
                actor=request.user,
                application=application,
                answer=form.cleaned_data["reservations_answer"],
            )
        except services.WrongState as error:
            return refused(request, application, error)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your answer to the reservations has been recorded."))
            return redirect(application)
    return detail_page(request, application, reservations_form=form)
