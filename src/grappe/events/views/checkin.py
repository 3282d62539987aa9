"""Check-in at the door, from a phone: search by name as one types, or scan the ticket's QR
code, which opens the registration's check-in page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.events import queries, services
from grappe.events.models import Registration
from grappe.events.services import WrongState
from grappe.events.views.common import error_text, require, wants_partial

CHECK_IN = "events.check_in"
PAGE_TEMPLATE = "events/checkin.html"
MIN_SEARCH = 2


@login_required
def check_in_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The door's page: a search box that lists the matching registrations as one types."""
    require(request, CHECK_IN)
    event = queries.event_for(request.user, slug)
    text = request.GET.get("q", "").strip()[:100]
    results = queries.check_in_search(event, text) if len(text) >= MIN_SEARCH else []
    context = {
        "event": event,
        "q": text,
        "results": results,
        "searched": len(text) >= MIN_SEARCH,
        "figures": queries.attendance(event),
    }
    if wants_partial(request):
        return render(request, f"{PAGE_TEMPLATE}#results", context)
    return render(request, PAGE_TEMPLATE, context)


@login_required
@require_POST
def check_in_registration(request: HttpRequest, pk: int) -> HttpResponse:
    """The check-in button of a search result: htmx gets the row back, with the refusal if
    any; a plain form goes back to the door's page."""
    require(request, CHECK_IN)
    registration = get_object_or_404(
        Registration.objects.select_related("event", "organisation"), pk=pk
    )
    refusal = ""
    status = 200
    try:
        services.check_in(actor=request.user, registration=registration)
    except WrongState as error:
        refusal = error_text(error)
        status = 409
    if wants_partial(request):
        registration.refresh_from_db()
        return render(
            request,
            "events/_checkin_row.html",
            {"registration": registration, "refusal": refusal, "just_checked_in": not refusal},
            status=status,
        )
    if refusal:
        messages.error(request, refusal)
    else:
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.full_name})
    return redirect("events:check_in", slug=registration.event.slug)


@login_required
def check_in_token(request: HttpRequest, token: str) -> HttpResponse:
    """What the ticket's QR code opens: the person, and a check-in button for the staff;
    a cancelled, waiting or unconfirmed registration is refused with the reason."""
    require(request, CHECK_IN)
    registration = queries.registration_by_token(token)
    status = 200
    if request.method == "POST":
        try:
            services.check_in(actor=request.user, registration=registration)
        except WrongState:
            status = 409
        else:
            messages.success(
                request, _("%(name)s is checked in.") % {"name": registration.full_name}
            )
            return redirect("events:check_in_token", token=token)
    context = {
        "registration": registration,
        "event": registration.event,
        "refusal": services.check_in_refusal(registration),
    }
    return render(request, "events/checkin_token.html", context, status=status)
