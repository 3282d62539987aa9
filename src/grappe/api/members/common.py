"""Helpers shared by the members endpoints."""

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext as _

from grappe.core.models import User


def require(request: HttpRequest, perm: str, obj: Model | None = None) -> User:
    """The request's user, when they hold `perm` (on `obj`); PermissionDenied otherwise."""
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied(_("You do not have permission to do this."))
    return request.user
