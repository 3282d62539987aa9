"""The member pages of a project: my projects, draft and edit with the consortium, resubmit.

The consortium's rows are added and removed in place with htmx, and the sums follow each
change; without JavaScript the same buttons post the form and the page comes back with one
row more or less. Nothing is written until the form is saved, and then all or nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from grappe.core.forms import apply_service_errors
from grappe.labelling import queries, services
from grappe.labelling.choices import PartnerRole
from grappe.labelling.forms.common import split_errors
from grappe.labelling.forms.projects import PartnerRows, ProjectForm, ResubmitForm
from grappe.labelling.models import Project
from grappe.labelling.rules import latest_status
from grappe.labelling.services.common import parse_amount
from grappe.labelling.views.common import PAGE_SIZE, require, wants_partial
from grappe.labelling.workflow import RESUBMITTABLE
from grappe.members.models import Organisation
from grappe.members.queries import organisations_of

FORM_TEMPLATE = "labelling/project_form.html"
ROW_ACTIONS = ("add_partner", "remove_partner", "recompute")


@login_required
def my_projects(request: HttpRequest) -> HttpResponse:
    """The projects of the organisations I am a contact of, with each round's status."""
    page = Paginator(queries.projects_of(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "query": "",
        "can_add": request.user.has_perm("labelling.add_project"),
        "has_reviews": queries.assignments_of(request.user).exists(),
        "is_staff": request.user.has_perm("labelling.manage"),
    }
    return render(request, "labelling/my_projects.html", context)


def _leads(request: HttpRequest, project: Project | None = None) -> QuerySet[Organisation]:
    """The organisations the user may name as lead: theirs (and the current lead); any for
    the staff."""
    if request.user.has_perm("labelling.manage"):
        return Organisation.objects.order_by("name")
    allowed = Q(pk__in=organisations_of(request.user).values("pk"))
    if project is not None:
        allowed |= Q(pk=project.lead_id)
    return Organisation.objects.filter(allowed).order_by("name")


def _context(form: ProjectForm, rows: PartnerRows, project: Project | None) -> dict:
    return {
        "form": form,
        "rows": rows,
        "project": project,
        "budget_sum": rows.budget_total(),
        "aid_sum": rows.aid_total(),
        "total_budget": parse_amount(form["total_budget"].value() or 0),
        "role_lead": PartnerRole.LEAD,
    }


def _form_page(
    request: HttpRequest, form: ProjectForm, rows: PartnerRows, project: Project | None
) -> HttpResponse:
    return render(request, FORM_TEMPLATE, _context(form, rows, project))


def _apply_errors(form: ProjectForm, rows: PartnerRows, error: ValidationError) -> None:
    partner_errors, others = split_errors(error, PartnerRows.prefix)
    rows.apply_errors(partner_errors)
    if others is not None:
        apply_service_errors(form, others)


def _terms(form: ProjectForm) -> dict:
    return {name: form.cleaned_data[name] for name in ProjectForm.CHECKBOX_FIELDS}


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    """Draft a project and its first round, for a call still open."""
    require(request, "labelling.add_project")
    leads = _leads(request)
    rows = PartnerRows(list(Organisation.objects.order_by("name")))
    if request.method != "POST":
        mine = leads.first()
        form = ProjectForm(leads=leads, calls=queries.open_calls(), initial={"lead": mine})
        rows.start([{"organisation": mine.pk if mine else "", "role": PartnerRole.LEAD}])
        return _form_page(request, form, rows, None)
    form = ProjectForm(request.POST, leads=leads, calls=queries.open_calls())
    rows.bind(request.POST)
    if set(request.POST) & set(ROW_ACTIONS):
        return _partial_or_page(request, form, rows, None)
    form_valid, rows_valid = form.is_valid(), rows.is_valid()
    if form_valid and rows_valid:
        try:
            project = services.create_project(
                actor=request.user,
                data=form.data_for_service(),
                call=form.cleaned_data["call"],
                partners=rows.lines(),
                **_terms(form),
            )
        except ValidationError as error:
            _apply_errors(form, rows, error)
        else:
            messages.success(
                request,
                _("The project %(acronym)s is drafted. Add documents, then submit it.")
                % {"acronym": project.acronym},
            )
            return redirect(queries.latest_application(project) or project)
    return _form_page(request, form, rows, None)


def _partial_or_page(
    request: HttpRequest, form: ProjectForm, rows: PartnerRows, project: Project | None
) -> HttpResponse:
    """Add or remove a row, or sum the columns again: nothing is saved."""
    # The form is shown as it was posted, without complaining about what is not filled in yet.
    form._errors = ErrorDict()
    edits_rows = bool(set(request.POST) & {"add_partner", "remove_partner"})
    if "add_partner" in request.POST:
        rows = rows.edited(add=True)
    elif "remove_partner" in request.POST:
        try:
            rows = rows.edited(remove=int(request.POST["remove_partner"]))
        except ValueError:
            rows = rows.edited()
    if not wants_partial(request):
        return _form_page(request, form, rows, project)
    part = "consortium" if edits_rows else "totals"
    return render(request, f"{FORM_TEMPLATE}#{part}", _context(form, rows, project))


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a project while its latest round is a draft or answers reservations."""
    project = queries.project_for(request.user, pk)
    require(request, "labelling.edit_project", project)
    leads = _leads(request, project)
    partners = list(queries.project_partners(project))
    organisations = Organisation.objects.order_by("name")
    rows = PartnerRows(list(organisations))
    if request.method != "POST":
        form = ProjectForm(leads=leads, initial=ProjectForm.initial_for(project))
        rows.start(PartnerRows.initial_for(partners))
        return _form_page(request, form, rows, project)
    form = ProjectForm(request.POST, leads=leads)
    rows.bind(request.POST)
    if set(request.POST) & set(ROW_ACTIONS):
        return _partial_or_page(request, form, rows, project)
    form_valid, rows_valid = form.is_valid(), rows.is_valid()
    if form_valid and rows_valid:
        try:
            services.update_project(
                actor=request.user,
                project=project,
                data=form.data_for_service(),
                partners=rows.lines(),
                **_terms(form),
            )
        except ValidationError as error:
            _apply_errors(form, rows, error)
        else:
            messages.success(request, _("The project has been saved."))
            return redirect(project)
    return _form_page(request, form, rows, project)


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The project and its labelling rounds, for its consortium's contacts and the staff."""
    project = queries.project_for(request.user, pk)
    rounds = list(queries.project_rounds(project))
    latest = rounds[0] if rounds else None
    context = {
        "project": project,
        "partners": list(queries.project_partners(project)),
        "rounds": rounds,
        "latest": latest,
        "markets": list(project.markets.all()),
        "processes": list(project.processes.all()),
        "co_labelled_with": list(project.co_labelled_with.all()),
        "can_edit": request.user.has_perm("labelling.edit_project", project),
        "can_resubmit": latest is None or latest.status in RESUBMITTABLE,
    }
    return render(request, "labelling/project_detail.html", context)


@login_required
def project_resubmit(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit the project again, to another call: a new labelling round."""
    project = queries.project_for(request.user, pk)
    form = ResubmitForm(
        request.POST if request.method == "POST" else None, calls=queries.open_calls()
    )
    if request.method == "POST" and form.is_valid():
        try:
            if latest_status(project) is None:
                application = services.start_application(
                    actor=request.user, project=project, call=form.cleaned_data["call"]
                )
            else:
                application = services.resubmit(
                    actor=request.user, project=project, call=form.cleaned_data["call"]
                )
        except services.WrongState as error:
            for text in error.messages:
                messages.error(request, text)
            return redirect(project)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Round %(number)s of %(acronym)s is drafted for %(call)s.")
                % {
                    "number": application.round_number,
                    "acronym": project.acronym,
                    "call": application.call.name,
                },
            )
            return redirect(application)
    context = {"project": project, "form": form, "rounds": list(queries.project_rounds(project))}
    return render(request, "labelling/project_resubmit.html", context)
