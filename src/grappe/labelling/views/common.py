"""Helpers shared by the labelling pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect

from grappe.labelling.models import Application

PAGE_SIZE = 25
MANAGE = "labelling.manage"


def wants_partial(request: HttpRequest) -> bool:
    """An htmx request, except the history restore that needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def require_staff(request: HttpRequest) -> None:
    require(request, MANAGE)


def error_messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def refused(
    request: HttpRequest, application: Application, error: ValidationError, *, status: int = 409
) -> HttpResponse:
    """A move or an action the application's state refuses: HTTP 409 (or 422 for bad input)
    with the message for htmx and JSON callers; for a page, the message and back to the
    application."""
    texts = error_messages(error)
    if wants_json(request):
        return JsonResponse({"detail": " ".join(texts), "errors": texts}, status=status)
    if request.htmx:
        response = HttpResponse(" ".join(texts), status=status, content_type="text/plain")
        return response
    for text in texts:
        messages.error(request, text)
    return redirect(application)
