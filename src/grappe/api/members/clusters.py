"""The thematic clusters and their member organisations: public."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import paginate

from grappe.api.members.schemas import ClusterDetail, ClusterOut
from grappe.api.pagination import Pagination
from grappe.members.queries import clusters_with_counts

router = Router(tags=["clusters"])


@router.get("/clusters", response=list[ClusterOut])
@paginate(Pagination)
def list_clusters(request: HttpRequest):
    return clusters_with_counts()


@router.get("/clusters/{slug:slug}", response=ClusterDetail)
def get_cluster(request: HttpRequest, slug: str):
    return get_object_or_404(clusters_with_counts(), slug=slug)
