"""Helpers shared by the events pages."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from grappe.core.forms import apply_service_errors

PAGE_SIZE = 25


def wants_partial(request: HttpRequest) -> bool:
    """An htmx request, except the history restore that needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def error_text(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


def saved(request: HttpRequest, form: forms.BaseForm, save: Callable[[], str]) -> bool:
    """Whether the bound form is valid and the service behind it took it: `save` calls the
    service and returns the success message, shown on the next page. A refusal of the
    service is put on the form's fields, for the page to show again (422)."""
    if not form.is_valid():
        return False
    try:
        message = save()
    except ValidationError as error:
        apply_service_errors(form, error)
        return False
    messages.success(request, message)
    return True
