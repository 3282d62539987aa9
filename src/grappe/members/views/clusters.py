"""The thematic clusters: the public list and pages, and the staff's edit form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from grappe.core.forms import apply_service_errors
from grappe.members import queries, services
from grappe.members.forms.clusters import ClusterForm
from grappe.members.models import Cluster

PER_PAGE = 30


def cluster_list(request: HttpRequest) -> HttpResponse:
    context = {
        "clusters": queries.clusters_with_counts(),
        "can_manage": request.user.has_perm("members.manage_clusters"),
    }
    return render(request, "members/cluster_list.html", context)


def cluster_detail(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = get_object_or_404(Cluster.objects.select_related("animator"), slug=slug)
    page = Paginator(queries.cluster_organisations(cluster), PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "cluster": cluster,
        "page_obj": page,
        "query": "",
        "can_manage": request.user.has_perm("members.manage_clusters", cluster),
    }
    return render(request, "members/cluster_detail.html", context)


@login_required
def cluster_edit(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = get_object_or_404(Cluster, slug=slug)
    if not request.user.has_perm("members.manage_clusters", cluster):
        raise PermissionDenied
    form = ClusterForm(request.POST or None, cluster=cluster)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_cluster(actor=request.user, cluster=cluster, data=form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
            cluster.refresh_from_db()  # the service may have set the refused values
        else:
            messages.success(request, _("The cluster is updated."))
            return redirect(cluster)
    return render(request, "members/cluster_form.html", {"cluster": cluster, "form": form})
