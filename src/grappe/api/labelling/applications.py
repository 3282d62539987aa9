"""Applications (labelling rounds) and their moves along the workflow.

Whoever may not open an application's dossier gets 404, whether it exists or not. Each move
of the table has its endpoint, and `POST /applications/{id}/transition` takes any of them:
a move the table allows to others than the caller is refused with 403, a move the table
or the application's state forbids with 409, an incomplete application with 422 naming
the missing fields.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from grappe.api.errors import Conflict, field_error
from grappe.api.labelling import common
from grappe.api.labelling.inputs import (
    AnswerIn,
    ApplicationFilters,
    CallChoiceIn,
    DecisionIn,
    FundingIn,
    ReasonIn,
    ResultIn,
    TransitionIn,
)
from grappe.api.labelling.schemas import ApplicationDetail, ApplicationOut, ResultOut
from grappe.api.pagination import Pagination
from grappe.labelling import queries, services
from grappe.labelling.choices import Status as ApplicationStatus
from grappe.labelling.models import AgendaItem, Application, FundingLine, LabelLetter, Result
from grappe.labelling.workflow import ROLE_LABELS, Role, next_statuses, roles_for

router = Router(tags=["labelling: applications"])


def detail(request: HttpRequest, application: Application) -> Application:
    """The application with everything its dossier shows, in a fixed number of queries."""
    application = queries.application_for(request.user, application.pk)
    application.project = common.project_details(application.project_id)
    application.funding = list(
        FundingLine.objects.filter(application=application).select_related("partner__organisation")
    )
    application.letter = LabelLetter.objects.filter(application=application).first()
    roles = services.roles_of(request.user, application)
    application.moves = [
        target for target, allowed in next_statuses(application.status).items() if roles & allowed
    ]
    return application


def move(
    request: HttpRequest, application_id: int, to: str, payload: ReasonIn | None
) -> Application:
    """Make a move of the workflow: 403 when the table gives it to others, 409 when it is
    not a move of the table or the application is not ready for it."""
    user = common.require_user(request)
    application = common.application_or_404(request, application_id)
    allowed = roles_for(application.status, to)
    roles = services.roles_of(user, application)
    if allowed and Role.COMMITTEE not in allowed and not roles & allowed:
        names = [str(ROLE_LABELS[role]) for role in Role if role in allowed]
        who = (
            names[0]
            if len(names) == 1
            else _("%(first)s or %(last)s")
            % {
                "first": ", ".join(names[:-1]),
                "last": names[-1],
            }
        )
        raise PermissionDenied(_("Only %(who)s can make this move.") % {"who": who})
    reason = payload.reason if payload is not None else ""
    services.transition(actor=user, application=application, to=to, reason=reason)
    return detail(request, application)


@router.get("/applications", response=list[ApplicationOut])
@paginate(Pagination)
def list_applications(request: HttpRequest, filters: Query[ApplicationFilters]):
    """The staff see every application; a contact their projects' rounds; an expert those
    they declared no conflict on. The public sees none (401)."""
    user = common.require_user(request)
    applications = queries.applications_visible_to(user)
    if filters.status:
        applications = applications.filter(status=filters.status)
    if filters.call:
        applications = applications.filter(call_id=filters.call)
    if filters.project:
        applications = applications.filter(project_id=filters.project)
    return applications.order_by("-id")


@router.get("/applications/{int:application_id}", response=ApplicationDetail)
def get_application(request: HttpRequest, application_id: int):
    """The dossier; an expert's every look at it is logged."""
    application = common.application_or_404(request, application_id)
    services.record_expert_access(actor=request.user, application=application)
    return detail(request, application)


@router.post("/applications/{int:application_id}/transition", response=ApplicationDetail)
def transition(request: HttpRequest, application_id: int, payload: TransitionIn):
    """Any move of the workflow, with the reason logged."""
    return move(request, application_id, payload.to, payload)


@router.post("/applications/{int:application_id}/submit", response=ApplicationDetail)
def submit(request: HttpRequest, application_id: int, payload: ReasonIn | None = None):
    """The consortium (or the staff) submits the draft; 422 names what it lacks."""
    return move(request, application_id, ApplicationStatus.SUBMITTED, payload)


@router.post("/applications/{int:application_id}/send-back", response=ApplicationDetail)
def send_back(request: HttpRequest, application_id: int, payload: ReasonIn | None = None):
    """The staff send a submitted application back to the consortium, as a draft."""
    return move(request, application_id, ApplicationStatus.DRAFT, payload)


@router.post("/applications/{int:application_id}/start-review", response=ApplicationDetail)
def start_review(request: HttpRequest, application_id: int, payload: ReasonIn | None = None):
    """The staff start the review, once two experts are assigned."""
    return move(request, application_id, ApplicationStatus.UNDER_REVIEW, payload)


@router.post("/applications/{int:application_id}/to-committee", response=ApplicationDetail)
def to_committee(request: HttpRequest, application_id: int, payload: ReasonIn | None = None):
    """The staff send the application to the committee, once two reviews are in."""
    return move(request, application_id, ApplicationStatus.COMMITTEE, payload)


@router.post("/applications/{int:application_id}/lift-reservations", response=ApplicationDetail)
def lift_reservations(request: HttpRequest, application_id: int, payload: ReasonIn | None = None):
    """The staff lift the committee's reservations: the application is labelled."""
    return move(request, application_id, ApplicationStatus.LABELLED, payload)


@router.post("/applications/{int:application_id}/start", response=ApplicationDetail)
def start(request: HttpRequest, application_id: int, payload: ReasonIn | None = None):
    """The funded project starts."""
    return move(request, application_id, ApplicationStatus.IN_PROGRESS, payload)


@router.post("/applications/{int:application_id}/complete", response=ApplicationDetail)
def complete(request: HttpRequest, application_id: int, payload: ReasonIn | None = None):
    """The project is completed."""
    return move(request, application_id, ApplicationStatus.COMPLETED, payload)


@router.post("/applications/{int:application_id}/abandon", response=ApplicationDetail)
def abandon(request: HttpRequest, application_id: int, payload: ReasonIn | None = None):
    """The funded project is abandoned."""
    return move(request, application_id, ApplicationStatus.ABANDONED, payload)


@router.post("/applications/{int:application_id}/decision", response=ApplicationDetail)
def decide(request: HttpRequest, application_id: int, payload: DecisionIn):
    """Record the committee's decision on the application waiting on a meeting's agenda
    (staff); 409 when it is on no agenda or the meeting has not been held."""
    user = common.require(request, "labelling.decide")
    application = common.application_or_404(request, application_id)
    item = AgendaItem.objects.filter(application=application, decision="").first()
    if item is None:
        raise Conflict(_("This application is on no committee's agenda waiting for a decision."))
    services.record_decision(
        actor=user, item=item, decision=payload.decision, reservations=payload.reservations
    )
    return detail(request, application)


@router.post("/applications/{int:application_id}/funding", response=ApplicationDetail)
def record_funding(request: HttpRequest, application_id: int, payload: FundingIn):
    """The funding decided for a labelled application (staff): with lines it is funded,
    without it is not. On a funded application the lines replace the earlier ones."""
    user = common.require(request, "labelling.manage")
    application = common.application_or_404(request, application_id)
    partners = {p.organisation.slug: p for p in queries.project_partners(application.project)}
    lines = []
    for index, line in enumerate(payload.lines):
        partner = partners.get(line.organisation)
        if partner is None:
            raise field_error(
                f"lines.{index}.organisation",
                _("This organisation is not a partner of the project."),
            )
        lines.append(services.FundingEntry(partner, line.funder, line.amount))
    services.record_funding(actor=user, application=application, lines=lines)
    return detail(request, application)


@router.post("/applications/{int:application_id}/resubmit", response={201: ApplicationOut})
def resubmit(request: HttpRequest, application_id: int, payload: CallChoiceIn):
    """Re-labelling: a new round of the project on another call, once this one has ended."""
    user = common.require_user(request)
    application = common.application_or_404(request, application_id)
    new = services.resubmit(actor=user, project=application.project, call=common.call(payload.call))
    return Status(201, queries.application_for(user, new.pk))


@router.post("/applications/{int:application_id}/reservations-answer", response=ApplicationDetail)
def answer_reservations(request: HttpRequest, application_id: int, payload: AnswerIn):
    """The consortium answers the committee's reservations."""
    user = common.require_user(request)
    application = common.application_or_404(request, application_id)
    services.answer_reservations(actor=user, application=application, answer=payload.answer)
    return detail(request, application)


@router.post("/applications/{int:application_id}/results", response={201: ResultOut})
def add_result(request: HttpRequest, application_id: int, payload: ResultIn):
    """What the funded project produced: patents, products, jobs, follow-on projects."""
    user = common.require_user(request)
    application = common.application_or_404(request, application_id)
    result = services.add_result(actor=user, application=application, **payload.model_dump())
    return Status(201, result)


@router.delete("/applications/{int:application_id}/results/{int:result_id}", response={204: None})
def remove_result(request: HttpRequest, application_id: int, result_id: int):
    user = common.require_user(request)
    application = common.application_or_404(request, application_id)
    result = Result.objects.filter(application=application, pk=result_id).first()
    if result is None:
        raise Http404
    result.application = application
    services.remove_result(actor=user, result=result)
    return Status(204, None)
