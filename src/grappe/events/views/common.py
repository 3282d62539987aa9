"""Helpers shared by the events pages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

PAGE_SIZE = 25


def wants_partial(request: HttpRequest) -> bool:
    """An htmx request, except the history restore that needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def error_text(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)
