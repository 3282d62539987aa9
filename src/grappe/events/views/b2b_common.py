"""What the B2B meeting pages share: the event, the participant's own profile, refusals."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from grappe.events import b2b_queries
from grappe.events.b2b_rules import participant_registration
from grappe.events.models import B2BProfile, Event
from grappe.events.services.b2b_common import WrongState
from grappe.events.services.b2b_profiles import ensure_profile

PAGE_SIZE = 20
MANAGE = "events.manage_meetings"


def wants_partial(request: HttpRequest) -> bool:
    """An htmx request, except the history restore that needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def b2b_event(slug: str) -> Event:
    """The event, if it has B2B meetings; 404 otherwise."""
    event = get_object_or_404(Event, slug=slug)
    if not event.b2b_enabled:
        raise Http404
    return event


def require_staff(request: HttpRequest) -> None:
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied


def own_profile(request: HttpRequest, event: Event) -> B2BProfile:
    """The user's own profile at the event, created on the first visit; 403 for anyone who
    is not a confirmed participant."""
    registration = participant_registration(request.user, event)
    if registration is None:
        raise PermissionDenied
    ensure_profile(actor=request.user, registration=registration)
    return b2b_queries.profile_of(request.user, event)


def refused(request: HttpRequest, error: ValidationError, to: str) -> HttpResponse:
    """A service's refusal: for htmx a 409/422 with the message, else the message and a
    redirect to `to`."""
    texts = [str(message) for message in error.messages]
    if request.htmx:
        status = 409 if isinstance(error, WrongState) else 422
        return HttpResponse(" ".join(texts), status=status, content_type="text/plain")
    for text in texts:
        messages.error(request, text)
    return redirect(to)
