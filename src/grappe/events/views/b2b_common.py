"""What the B2B meeting pages share: the event for the staff, the participant's own profile,
refusals."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from grappe.events import b2b_queries
from grappe.events.b2b_rules import participant_registration
from grappe.events.models import B2BProfile, Event
from grappe.events.services.b2b_common import WrongState
from grappe.events.services.b2b_profiles import ensure_profile
from grappe.events.views.common import error_text

PAGE_SIZE = 20
MANAGE = "events.manage_meetings"


def staff_event(request: HttpRequest, slug: str) -> Event:
    """The event, if it has B2B meetings (404 otherwise), for the staff who run them (403 for
    anybody else)."""
    event = b2b_queries.b2b_event(slug)
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    return event


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
    if request.htmx:
        status = 409 if isinstance(error, WrongState) else 422
        return HttpResponse(error_text(error), status=status, content_type="text/plain")
    for message in error.messages:
        messages.error(request, str(message))
    return redirect(to)
