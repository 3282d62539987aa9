"""Meeting requests: ask a participant, my requests received and sent, accept, decline,
withdraw; cancelling a meeting (its participants or the staff), after confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.events import b2b_queries
from grappe.events.forms.b2b import RequestForm
from grappe.events.services import b2b_requests as services
from grappe.events.views.b2b_common import PAGE_SIZE, own_profile, refused
from grappe.events.views.common import wants_partial

VIEWS = {"recues": "received", "envoyees": "sent"}
MOVES = {
    "accepter": ("events.answer_meeting_request", services.accept_request),
    "refuser": ("events.answer_meeting_request", services.decline_request),
    "retirer": ("events.withdraw_meeting_request", services.withdraw_request),
}


@login_required
@require_POST
def request_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = b2b_queries.b2b_event(slug)
    requester = own_profile(request, event)
    recipient = b2b_queries.profiles().filter(pk=pk).first()
    if recipient is None:
        raise Http404
    back = reverse("events:b2b_participant", args=[event.slug, pk])
    form = RequestForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(request, f"{form.fields[field].label}: {error}")
        return redirect(back)
    try:
        services.request_meeting(
            actor=request.user, requester=requester, recipient=recipient, **form.cleaned_data
        )
    except ValidationError as error:
        return refused(request, error, back)
    messages.success(
        request,
        _("Your request was sent to %(name)s.") % {"name": recipient.registration.full_name},
    )
    return redirect("events:b2b_requests", slug=event.slug)


@login_required
def my_requests(request: HttpRequest, slug: str) -> HttpResponse:
    """The requests I received (to answer) or sent (to follow), paginated."""
    event = b2b_queries.b2b_event(slug)
    profile = own_profile(request, event)
    view = request.GET.get("vue", "recues")
    view = view if view in VIEWS else "recues"
    found = (
        b2b_queries.requests_received(profile)
        if view == "recues"
        else b2b_queries.requests_made(profile)
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/b2b_requests.html",
        {
            "event": event,
            "profile": profile,
            "view": view,
            "page_obj": page,
            "query": f"vue={view}",
        },
    )


@login_required
@require_POST
def request_move(request: HttpRequest, slug: str, pk: int, move: str) -> HttpResponse:
    """Accept, decline or withdraw a request; htmx gets the updated row."""
    event = b2b_queries.b2b_event(slug)
    if move not in MOVES:
        raise Http404
    meeting_request = b2b_queries.requests().filter(pk=pk, event=event).first()
    if meeting_request is None or not request.user.has_perm(
        "events.view_meeting_request", meeting_request
    ):
        raise Http404
    perm, service = MOVES[move]
    if not request.user.has_perm(perm, meeting_request):
        raise PermissionDenied
    back = reverse("events:b2b_requests", args=[event.slug])
    try:
        service(actor=request.user, request=meeting_request)
    except ValidationError as error:
        return refused(request, error, back)
    if wants_partial(request):
        updated = b2b_queries.requests().get(pk=pk)
        profile = own_profile(request, event)
        return render(
            request,
            "events/b2b_requests.html#row",
            {"event": event, "profile": profile, "item": updated},
        )
    messages.success(request, _("Done."))
    return redirect(back + ("?vue=envoyees" if move == "retirer" else ""))


@login_required
def meeting_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Confirm, then cancel a meeting (one of its participants or the staff)."""
    event = b2b_queries.b2b_event(slug)
    meeting = b2b_queries.meetings().filter(pk=pk, event=event).first()
    if meeting is None:
        raise Http404
    is_staff = request.user.has_perm("events.manage_meetings")
    own = any(
        request.user.has_perm("events.edit_b2b_profile", profile)
        for profile in (meeting.first, meeting.second)
    )
    if not (is_staff or own):
        raise Http404
    back = reverse("events:b2b_meetings" if is_staff else "events:b2b_agenda", args=[event.slug])
    if request.method == "POST":
        try:
            services.cancel_meeting(actor=request.user, meeting=meeting)
        except ValidationError as error:
            return refused(request, error, back)
        messages.success(request, _("The meeting is cancelled."))
        return redirect(back)
    return render(
        request,
        "confirm.html",
        {
            "event": event,
            "title": _("Cancel this meeting?"),
            "text": _(
                "The meeting between %(first)s and %(second)s will be cancelled and both "
                "told by e-mail. Its slot goes to other meetings."
            )
            % {
                "first": meeting.first.registration.full_name,
                "second": meeting.second.registration.full_name,
            },
            "button": _("Cancel the meeting"),
            "cancel_url": back,
        },
    )
