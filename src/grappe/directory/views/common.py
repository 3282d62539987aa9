"""Helpers shared by the directory's pages."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from grappe.members.models import Organisation


def wants_partial(request: HttpRequest) -> bool:
    """An htmx request, except the history restore that needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def editable_organisation(request: HttpRequest, slug: str) -> Organisation:
    """The organisation with this slug, when the user may edit its capabilities."""
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request, "directory.edit_capabilities", organisation)
    return organisation
