"""Organisation pages: the searchable list, the detail, create and edit, cluster moves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from grappe.core.forms import apply_service_errors
from grappe.core.queries import activity_for
from grappe.members import services
from grappe.members.forms.organisations import (
    ClusterMoveForm,
    OrganisationFilterForm,
    OrganisationForm,
)
from grappe.members.models import Organisation
from grappe.members.queries import (
    clusters_with_counts,
    departements_in_use,
    organisation_memberships,
    organisation_people,
    search_organisations,
    with_member_flag,
)

PAGE_SIZE = 25
# (sort key, header, CSS classes: the columns a phone can do without are hidden there)
SORT_COLUMNS = [
    ("name", gettext_lazy("Name"), ""),
    ("kind", gettext_lazy("Kind"), "d-none d-sm-table-cell"),
    ("city", gettext_lazy("City"), ""),
    ("departement", gettext_lazy("Département"), "d-none d-sm-table-cell"),
]


def _wants_partial(request: HttpRequest) -> bool:
    """An htmx request, except the history restore that needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def _sort_headers(params: QueryDict, current: str) -> list[dict]:
    """One link per sortable column; a second click on the sorted column reverses it."""
    headers = []
    for key, label, css in SORT_COLUMNS:
        active = current.lstrip("-") == key
        descending = active and current.startswith("-")
        query = params.copy()
        query["sort"] = key if descending or not active else f"-{key}"
        query.pop("page", None)
        headers.append(
            {
                "key": key,
                "label": label,
                "css": css,
                "url": f"?{query.urlencode()}",
                "active": active,
                "descending": descending,
            }
        )
    return headers


def organisation_list(request: HttpRequest) -> HttpResponse:
    can_see_directory = request.user.has_perm("members.view_directory")
    clusters = list(clusters_with_counts())
    form = OrganisationFilterForm(
        request.GET,
        clusters=clusters,
        departements=departements_in_use(),
        can_filter_members=can_see_directory,
    )
    filters = form.filters()
    organisations = search_organisations(**filters)
    if can_see_directory:
        organisations = with_member_flag(organisations)
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "query": query.urlencode(),
        "sort": filters["sort"],
        "headers": _sort_headers(request.GET, filters["sort"]),
        "can_see_directory": can_see_directory,
        "can_add": request.user.has_perm("members.add_organisation"),
        "is_filtered": any(
            filters[name] for name in ("text", "kind", "cluster", "departement", "members_only")
        ),
    }
    template = "members/organisation_list.html"
    if _wants_partial(request):
        template += "#results"
    return render(request, template, context)


def _clusters_context(request: HttpRequest, organisation: Organisation) -> dict:
    joined = list(organisation.clusters.order_by("name"))
    context = {"organisation": organisation, "joined_clusters": joined}
    if request.user.has_perm("members.manage_clusters"):
        joined_ids = {cluster.pk for cluster in joined}
        context["cluster_choices"] = [
            (cluster, cluster.pk in joined_ids) for cluster in clusters_with_counts()
        ]
    return context


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    user = request.user
    people = [
        affiliation
        for affiliation in organisation_people(organisation)
        if user.has_perm("members.view_person", affiliation.person)
    ]
    context = {
        **_clusters_context(request, organisation),
        "people": people,
        "can_see_details": user.has_perm("members.view_organisation_details", organisation),
        "can_edit": user.has_perm("members.edit_organisation", organisation),
        "can_add_person": user.has_perm("members.add_person_to", organisation),
        "can_manage_memberships": user.has_perm("members.manage_memberships"),
    }
    context["can_see_memberships"] = user.has_perm("members.view_memberships_of", organisation)
    if context["can_see_memberships"]:
        context["memberships"] = organisation_memberships(organisation)
    context["can_see_activity"] = user.has_perm("core.view_activity", organisation)
    if context["can_see_activity"]:
        context["entries"] = activity_for(organisation)
    return render(request, "members/organisation_detail.html", context)


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("members.add_organisation"):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, admin_fields=True)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.create_organisation(
                actor=request.user, data=form.service_data()
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been created.") % {"name": organisation.name})
            return redirect(organisation)
    return render(request, "members/organisation_form.html", {"form": form, "organisation": None})


@login_required
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("members.edit_organisation", organisation):
        raise PermissionDenied
    staff = request.user.has_perm("members.edit_organisation_admin_fields", organisation)
    form = OrganisationForm(
        request.POST or None,
        initial=OrganisationForm.initial_for(organisation),
        admin_fields=staff,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_organisation(
                actor=request.user, organisation=organisation, data=form.service_data(), staff=staff
            )
        except ValidationError as error:
            apply_service_errors(form, error)
            organisation.refresh_from_db()  # the service may have set the refused values
        else:
            messages.success(request, _("%(name)s has been updated.") % {"name": organisation.name})
            return redirect(organisation)
    return render(
        request, "members/organisation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_POST
def organisation_clusters(request: HttpRequest, slug: str) -> HttpResponse:
    """Staff make an organisation join or leave a cluster."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("members.manage_clusters"):
        raise PermissionDenied
    form = ClusterMoveForm(request.POST)
    error = ""
    if form.is_valid():
        cluster = form.cleaned_data["cluster"]
        names = {"organisation": organisation.name, "cluster": cluster.name}
        if form.cleaned_data["action"] == ClusterMoveForm.JOIN:
            services.join_cluster(actor=request.user, cluster=cluster, organisation=organisation)
            done = _("%(organisation)s has joined %(cluster)s.") % names
        else:
            services.leave_cluster(actor=request.user, cluster=cluster, organisation=organisation)
            done = _("%(organisation)s has left %(cluster)s.") % names
    else:
        error = _("Choose a cluster and an action.")
    if _wants_partial(request):
        # The card is replaced in place: its content is the confirmation.
        context = {**_clusters_context(request, organisation), "cluster_error": error}
        return render(request, "members/organisation_detail.html#clusters", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done)
    return redirect(organisation)
