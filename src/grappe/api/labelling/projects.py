"""Projects: the public summaries of the labelled ones for everybody, every field for the
staff and the consortium's contacts; drafting and editing them; a new labelling round."""

from django.db.models import Case, Q, QuerySet, Value, When
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from grappe.api.labelling import common
from grappe.api.labelling.inputs import (
    CallChoiceIn,
    PartnersIn,
    ProjectFilters,
    ProjectIn,
    ProjectPatch,
)
from grappe.api.labelling.schemas import ApplicationOut, ProjectFull, ProjectOut
from grappe.api.pagination import Pagination
from grappe.core.models import Facet, User
from grappe.labelling import queries, services
from grappe.labelling.models import Application, Project

router = Router(tags=["labelling: projects"])


def visible_projects(user: User, *, mine: bool = False) -> QuerySet[Project]:
    """The projects the user may read, each annotated with its `view`: "full" for the
    staff's and the user's own, "public" for the other labelled, unrestricted ones."""
    projects = Project.objects.all()
    if user.has_perm("labelling.manage") and not mine:
        return projects.annotate(view=Value("full"))
    own = queries.projects_of(user).values("pk")
    public = queries.public_projects().values("pk")
    scope = Q(pk__in=own) if mine else Q(pk__in=own) | Q(pk__in=public)
    return projects.filter(scope).annotate(
        view=Case(When(pk__in=own, then=Value("full")), default=Value("public"))
    )


@router.get("/projects", response=list[ProjectOut])
@paginate(Pagination)
def list_projects(request: HttpRequest, filters: Query[ProjectFilters]):
    """The staff see every project; a contact their organisations' projects in full and the
    public summaries of the other labelled projects; the public only those summaries."""
    projects = visible_projects(request.user, mine=filters.mine)
    if filters.market:
        projects = projects.filter(markets__code=filters.market)
    if text := filters.q.strip():
        projects = projects.filter(Q(acronym__icontains=text) | Q(title__icontains=text))
    return common.with_details(projects).order_by("acronym", "id")


@router.get("/projects/{int:project_id}", response=ProjectOut, url_name="labelling_project")
def get_project(request: HttpRequest, project_id: int):
    """The whole project for the staff and its consortium; its public summary for others
    once it holds the label (unless restricted); 404 otherwise."""
    project = common.with_details(visible_projects(request.user)).filter(pk=project_id).first()
    if project is None:
        raise Http404
    return project


@router.post("/projects", response={201: ProjectFull})
def create_project(request: HttpRequest, payload: ProjectIn):
    """A member contact drafts a project led by their organisation, with a first round to an
    open call; the staff may draft for anybody, and without a call."""
    user = common.require(request, "labelling.add_project")
    data = payload.model_dump(
        exclude={"call", "partners", "markets", "processes", "co_labelled_with"}
    )
    data["lead"] = common.organisation(payload.lead, "lead")
    project = services.create_project(
        actor=user,
        data=data,
        call=common.call(payload.call),
        partners=common.partner_lines(payload.partners),
        markets=common.terms(payload.markets, Facet.MARKET, "markets"),
        processes=common.terms(payload.processes, Facet.PROCESS, "processes"),
        co_labelled_with=common.organisations(payload.co_labelled_with, "co_labelled_with"),
    )
    return Status(201, common.project_details(project.pk))


@router.patch("/projects/{int:project_id}", response=ProjectFull)
def update_project(request: HttpRequest, project_id: int, payload: ProjectPatch):
    """The staff or the consortium, while the latest round is a draft or answers the
    committee's reservations (409 otherwise)."""
    project = queries.project_for(request.user, project_id)
    sent = payload.model_dump(exclude_unset=True)
    relations = {
        "partners": common.partner_lines(payload.partners) if "partners" in sent else None,
        "markets": common.terms(payload.markets, Facet.MARKET, "markets")
        if "markets" in sent
        else None,
        "processes": common.terms(payload.processes, Facet.PROCESS, "processes")
        if "processes" in sent
        else None,
        "co_labelled_with": common.organisations(payload.co_labelled_with, "co_labelled_with")
        if "co_labelled_with" in sent
        else None,
    }
    data = {name: value for name, value in sent.items() if name not in relations}
    if "lead" in data:
        data["lead"] = common.organisation(data["lead"], "lead")
    services.update_project(actor=request.user, project=project, data=data, **relations)
    return common.project_details(project.pk)


@router.put("/projects/{int:project_id}/partners", response=ProjectFull)
def set_partners(request: HttpRequest, project_id: int, payload: PartnersIn):
    """Replace the consortium; the budgets must still add up to the total."""
    project = queries.project_for(request.user, project_id)
    services.set_partners(
        actor=request.user, project=project, partners=common.partner_lines(payload.partners)
    )
    return common.project_details(project.pk)


@router.post("/projects/{int:project_id}/applications", response={201: ApplicationOut})
def new_round(request: HttpRequest, project_id: int, payload: CallChoiceIn):
    """A new labelling round on another call, once the latest has ended (re-labelling)."""
    project = queries.project_for(request.user, project_id)
    application = services.resubmit(
        actor=request.user, project=project, call=common.call(payload.call)
    )
    return Status(
        201, Application.objects.select_related("project__lead", "call").get(pk=application.pk)
    )
