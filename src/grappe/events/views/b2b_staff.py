"""The staff's B2B pages: the slot plan (sessions, tables per slot), the meetings (add,
cancel), the scheduling (run, last run, publish after confirmation)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from grappe.events import b2b_queries
from grappe.events.forms.b2b import MeetingAddForm, RemoveSlotsForm, SessionForm, TablesForm
from grappe.events.models import Event
from grappe.events.services import b2b_requests, b2b_scheduling, b2b_slots
from grappe.events.views.b2b_common import PAGE_SIZE, refused, staff_event
from grappe.events.views.common import saved

MEETING_FILTERS = ("", "unplaced", "cancelled")


def _slot_page(
    request: HttpRequest,
    event: Event,
    *,
    session_form: SessionForm | None = None,
    tables_form: TablesForm | None = None,
    status: int = 200,
) -> HttpResponse:
    slots = list(b2b_queries.slots_with_counts(event))
    return render(
        request,
        "events/b2b_slots.html",
        {
            "event": event,
            "slots": slots,
            "session_form": session_form or SessionForm(event=event),
            "tables_form": tables_form or TablesForm(slots=slots),
        },
        status=status,
    )


@login_required
def slot_plan(request: HttpRequest, slug: str) -> HttpResponse:
    """The slot plan; POST adds a session of slots."""
    event = staff_event(request, slug)
    if request.method != "POST":
        return _slot_page(request, event)
    form = SessionForm(request.POST, event=event)

    def add_session() -> str:
        plan = b2b_slots.SessionPlan(**form.cleaned_data)
        count = len(b2b_slots.add_session(actor=request.user, event=event, plan=plan))
        return ngettext("%(count)d slot added.", "%(count)d slots added.", count) % {"count": count}

    if saved(request, form, add_session):
        return redirect("events:b2b_slots", slug=event.slug)
    return _slot_page(request, event, session_form=form, status=422)


@login_required
@require_POST
def slot_tables(request: HttpRequest, slug: str) -> HttpResponse:
    event = staff_event(request, slug)
    slots = list(b2b_queries.slots_with_counts(event))
    form = TablesForm(request.POST, slots=slots)

    def set_tables() -> str:
        b2b_slots.set_tables(actor=request.user, event=event, tables=form.tables())
        return _("The tables are saved.")

    if saved(request, form, set_tables):
        return redirect("events:b2b_slots", slug=event.slug)
    return _slot_page(request, event, tables_form=form, status=422)


@login_required
@require_POST
def slot_remove(request: HttpRequest, slug: str) -> HttpResponse:
    """First POST: confirm the slots ticked; second POST (confirmed): remove them."""
    event = staff_event(request, slug)
    back = reverse("events:b2b_slots", args=[event.slug])
    form = RemoveSlotsForm(request.POST, event=event)
    if not form.is_valid():
        messages.error(request, _("Tick the slots to remove."))
        return redirect(back)
    slots = list(form.cleaned_data["slots"])
    if request.POST.get("confirm") != "1":
        context = {
            "event": event,
            "slots": slots,
            "title": _("Remove these slots?"),
            "button": _("Remove"),
            "cancel_url": back,
        }
        return render(request, "events/b2b_slots_remove.html", context)
    try:
        count = b2b_slots.remove_slots(actor=request.user, event=event, slots=slots)
    except ValidationError as error:
        return refused(request, error, back)
    messages.success(
        request,
        ngettext("%(count)d slot removed.", "%(count)d slots removed.", count) % {"count": count},
    )
    return redirect(back)


def _meetings_page(
    request: HttpRequest, event: Event, *, form: MeetingAddForm | None = None, status: int = 200
) -> HttpResponse:
    shown = request.GET.get("filtre", "")
    shown = shown if shown in MEETING_FILTERS else ""
    page = Paginator(b2b_queries.event_meetings(event, status=shown), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "events/b2b_meetings.html",
        {
            "event": event,
            "page_obj": page,
            "shown": shown,
            "query": f"filtre={shown}",
            "form": form or MeetingAddForm(profiles=b2b_queries.event_profiles(event)),
        },
        status=status,
    )


@login_required
def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    event = staff_event(request, slug)
    return _meetings_page(request, event)


@login_required
@require_POST
def meeting_add(request: HttpRequest, slug: str) -> HttpResponse:
    event = staff_event(request, slug)
    form = MeetingAddForm(request.POST, profiles=b2b_queries.event_profiles(event))

    def add_meeting() -> str:
        b2b_requests.add_meeting(actor=request.user, **form.cleaned_data)
        return _("The meeting is added.")

    if saved(request, form, add_meeting):
        return redirect("events:b2b_meetings", slug=event.slug)
    return _meetings_page(request, event, form=form, status=422)


@login_required
def scheduling(request: HttpRequest, slug: str) -> HttpResponse:
    """The last run (status, meetings placed or not, breaks, bounds) and the buttons."""
    event = staff_event(request, slug)
    return render(
        request,
        "events/b2b_scheduling.html",
        {
            "event": event,
            "run": b2b_queries.last_run(event),
            "counts": b2b_queries.meeting_counts(event),
        },
    )


@login_required
@require_POST
def scheduling_run(request: HttpRequest, slug: str) -> HttpResponse:
    event = staff_event(request, slug)
    back = reverse("events:b2b_scheduling", args=[event.slug])
    try:
        run = b2b_scheduling.run_scheduling(actor=request.user, event=event)
    except ValidationError as error:
        return refused(request, error, back)
    messages.success(
        request,
        _("Scheduling done: %(placed)d meetings placed, %(left)d not placed.")
        % {"placed": run.meetings_scheduled, "left": run.meetings_unscheduled},
    )
    return redirect(back)


@login_required
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    """Confirm, then publish the agendas and e-mail every participant."""
    event = staff_event(request, slug)
    back = reverse("events:b2b_scheduling", args=[event.slug])
    if request.method == "POST":
        try:
            count = b2b_scheduling.publish_agendas(actor=request.user, event=event)
        except ValidationError as error:
            return refused(request, error, back)
        messages.success(
            request,
            _(
                "The agendas are published (%(count)d meetings); every participant is told "
                "by e-mail."
            )
            % {"count": count},
        )
        return redirect(back)
    return render(
        request,
        "confirm.html",
        {
            "event": event,
            "title": _("Publish the agendas?"),
            "text": _(
                "Each participant will see the time and table of its meetings and receive an "
                "e-mail. Published meetings keep their slot and table from then on."
            ),
            "button": _("Publish the agendas"),
            "button_class": "btn-primary",
            "cancel_url": back,
        },
    )
