"""Registering (a member's one click, the public form), one's registrations, cancelling,
the participant's page opened from the e-mailed link, and the ticket."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.core.forms import apply_service_errors
from grappe.core.pdf import PdfRenderingUnavailable
from grappe.events import queries, services, tickets
from grappe.events.choices import RegistrationStatus
from grappe.events.forms.registration import GuestRegistrationForm
from grappe.events.models import Event, Registration
from grappe.events.services import WrongState
from grappe.events.views.common import PAGE_SIZE, error_text
from grappe.events.views.public import TEMPLATE as DETAIL_TEMPLATE
from grappe.events.views.public import detail_context

Status = RegistrationStatus


def _registered_message(registration: Registration) -> str:
    if registration.status == Status.WAITING:
        return _(
            "The event is full: you are on the waiting list. We will write to you when a seat "
            "frees."
        )
    return _("You are registered. Your ticket is in “My registrations”.")


def register(request: HttpRequest, slug: str) -> HttpResponse:
    """A member's contact registers in one click (POST); anybody else fills in the form."""
    event = queries.event_for(request.user, slug)
    if request.user.has_perm("events.register_as_member"):
        if request.method != "POST":
            return redirect(event)
        return _register_member(request, event)
    if event.is_members_only:
        raise PermissionDenied(_("This event is reserved for the pôle's members."))
    return _register_guest(request, event)


def _register_member(request: HttpRequest, event: Event) -> HttpResponse:
    try:
        registration = services.register_member(actor=request.user, event=event)
    except WrongState as error:
        context = detail_context(request, event, refusal=error_text(error))
        return render(request, DETAIL_TEMPLATE, context, status=409)
    except ValidationError as error:
        context = detail_context(request, event, refusal=error_text(error))
        return render(request, DETAIL_TEMPLATE, context, status=422)
    messages.success(request, _registered_message(registration))
    return redirect(event)


def _register_guest(request: HttpRequest, event: Event) -> HttpResponse:
    form = GuestRegistrationForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                registration = services.register_guest(event=event, **form.cleaned_data)
            except WrongState as error:
                form.add_error(None, error)
                status = 409
            except ValidationError as error:
                apply_service_errors(form, error)
                status = 422
            else:
                return render(
                    request,
                    "events/register_sent.html",
                    {"event": event, "email": registration.email},
                )
        else:
            status = 422
    context = {"event": event, "form": form, "phase": queries.registration_phase(event)}
    return render(request, "events/register_guest.html", context, status=status)


@login_required
def my_registrations(request: HttpRequest) -> HttpResponse:
    registrations = queries.registrations_of(request.user)
    page = Paginator(registrations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/my_registrations.html", {"page_obj": page, "query": ""})


@login_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel one of one's registrations, after a confirmation page."""
    registration = queries.registration_for(request.user, pk)
    if not request.user.has_perm("events.cancel_registration", registration):
        raise PermissionDenied
    return _cancel(
        request,
        registration,
        cancel=lambda: services.cancel_registration(actor=request.user, registration=registration),
        done=lambda: redirect("events:my_registrations"),
    )


def _cancel(
    request: HttpRequest,
    registration: Registration,
    *,
    cancel: Callable[[], Registration],
    done: Callable[[], HttpResponse],
) -> HttpResponse:
    """The confirmation page (GET), then the cancellation (POST)."""
    context = {
        "registration": registration,
        "event": registration.event,
        "title": _("Cancel my registration"),
        "button": _("Yes, cancel my registration"),
        "cancel_url": registration.event.get_absolute_url(),
    }
    if request.method == "POST":
        try:
            cancel()
        except WrongState as error:
            context["refusal"] = error_text(error)
            return render(request, "events/cancel_confirm.html", context, status=409)
        messages.success(request, _("Your registration is cancelled."))
        return done()
    return render(request, "events/cancel_confirm.html", context)


# The participant's page, opened with the secret token of the e-mailed link ----------------


def participant(request: HttpRequest, token: str) -> HttpResponse:
    registration = queries.registration_by_token(token)
    return render(
        request,
        "events/participant.html",
        {
            "registration": registration,
            "event": registration.event,
            "position": queries.waiting_position(registration),
        },
    )


@require_POST
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The non-member confirms their registration (the button of the e-mailed link's page;
    a link that changed something on GET would be followed by mail scanners)."""
    registration = queries.registration_by_token(token)
    try:
        registration = services.confirm_registration(token=token)
    except WrongState as error:
        context = {
            "registration": registration,
            "event": registration.event,
            "refusal": error_text(error),
        }
        return render(request, "events/participant.html", context, status=409)
    messages.success(request, _registered_message(registration))
    return redirect("events:participant", token=token)


def cancel_by_token(request: HttpRequest, token: str) -> HttpResponse:
    registration = queries.registration_by_token(token)
    return _cancel(
        request,
        registration,
        cancel=lambda: services.cancel_registration_by_token(token=token),
        done=lambda: redirect("events:participant", token=token),
    )


# Tickets -----------------------------------------------------------------------------------


def _ticket_response(request: HttpRequest, registration: Registration) -> HttpResponse:
    if registration.status != Status.CONFIRMED:
        return render(
            request,
            "events/ticket_unavailable.html",
            {"registration": registration, "event": registration.event},
            status=409,
        )
    try:
        content = tickets.render_ticket_pdf(registration)
    except PdfRenderingUnavailable:
        return render(
            request,
            "events/ticket_unavailable.html",
            {"registration": registration, "event": registration.event, "no_pdf": True},
            status=503,
        )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{tickets.ticket_filename(registration)}"'
    )
    return response


@login_required
def ticket(request: HttpRequest, pk: int) -> HttpResponse:
    """One's own ticket (any ticket for the staff); others' registrations are not found."""
    registration = queries.registration_for(request.user, pk)
    if not request.user.has_perm("events.view_registration", registration):
        raise PermissionDenied
    return _ticket_response(request, registration)


def ticket_by_token(request: HttpRequest, token: str) -> HttpResponse:
    return _ticket_response(request, queries.registration_by_token(token))
