"""The labelling committee, for the staff: meetings, members, agenda and decisions.

The members with a conflict of interest on a project abstain on it: the services record the
abstentions when the project goes on the agenda and again at the decision.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grappe.core.forms import apply_service_errors
from grappe.labelling import queries, services
from grappe.labelling.forms.committee import AgendaAddForm, DecisionForm, MeetingForm, MembersForm
from grappe.labelling.models import AgendaItem, CommitteeMeeting
from grappe.labelling.views.common import PAGE_SIZE, require_staff

DETAIL_TEMPLATE = "labelling/committee_detail.html"


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    require_staff(request)
    page = Paginator(queries.meetings().order_by("-held_on", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page_obj": page,
        "query": "",
        "waiting": queries.ready_for_committee().count(),
    }
    return render(request, "labelling/committee_list.html", context)


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    require_staff(request)
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The meeting is created. Now set its agenda."))
            return redirect(meeting)
    return render(request, "labelling/committee_form.html", {"form": form})


def _meeting(request: HttpRequest, pk: int) -> CommitteeMeeting:
    require_staff(request)
    return get_object_or_404(CommitteeMeeting.objects.prefetch_related("members"), pk=pk)


def _detail(
    request: HttpRequest,
    meeting: CommitteeMeeting,
    *,
    errors: list[str] | None = None,
    failed_item: int | None = None,
    decision_form: DecisionForm | None = None,
    status: int = 200,
    **forms,
) -> HttpResponse:
    items = []
    for item in queries.meeting_agenda(meeting):
        form = decision_form if item.pk == failed_item else None
        items.append(
            {
                "item": item,
                "abstentions": list(item.abstentions.all()),
                "form": form or DecisionForm(prefix=f"item-{item.pk}"),
            }
        )
    members = list(meeting.members.all())
    context = {
        "meeting": meeting,
        "members": members,
        "items": items,
        "errors": errors or [],
        "has_met": meeting.held_on <= timezone.localdate(),
        "agenda_form": AgendaAddForm(applications=queries.ready_for_committee()),
        "members_form": MembersForm(initial={"members": members}),
    }
    context.update(forms)
    return render(request, DETAIL_TEMPLATE, context, status=status)


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _meeting(request, pk))


@login_required
@require_POST
def meeting_members(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    form = MembersForm(request.POST)
    if not form.is_valid():
        return _detail(request, meeting, members_form=form)
    services.set_meeting_members(
        actor=request.user, meeting=meeting, members=form.cleaned_data["members"]
    )
    messages.success(request, _("The committee's members have been saved."))
    return redirect(meeting)


@login_required
@require_POST
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    form = AgendaAddForm(request.POST, applications=queries.ready_for_committee())
    if form.is_valid():
        try:
            services.add_to_agenda(
                actor=request.user, meeting=meeting, application=form.cleaned_data["application"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The application is on the agenda."))
            return redirect(meeting)
    return _detail(request, meeting, agenda_form=form)


@login_required
@require_POST
def agenda_decide(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Record the committee's decision on an item; the application moves to it."""
    meeting = _meeting(request, pk)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    form = DecisionForm(request.POST, prefix=f"item-{item.pk}")
    if form.is_valid():
        try:
            services.record_decision(
                actor=request.user,
                item=item,
                decision=form.cleaned_data["decision"],
                reservations=form.cleaned_data["reservations"],
            )
        except services.WrongState as error:
            return _detail(
                request, meeting, errors=[str(text) for text in error.messages], status=409
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The decision has been recorded."))
            return redirect(meeting.get_absolute_url() + f"#item-{item.pk}")
    return _detail(request, meeting, failed_item=item.pk, decision_form=form)


@login_required
def agenda_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """GET asks for confirmation; POST takes an undecided application off the agenda."""
    meeting = _meeting(request, pk)
    item = get_object_or_404(
        AgendaItem.objects.select_related("application__project"), pk=item_pk, meeting=meeting
    )
    if request.method != "POST":
        return render(
            request,
            "labelling/confirm.html",
            {
                "title": _("Take %(acronym)s off the agenda?")
                % {"acronym": item.application.project.acronym},
                "text": _("The application stays before the committee, for another meeting."),
                "button": _("Take off the agenda"),
                "cancel_url": meeting.get_absolute_url(),
            },
        )
    try:
        services.remove_from_agenda(actor=request.user, item=item)
    except services.WrongState as error:
        return _detail(request, meeting, errors=[str(text) for text in error.messages], status=409)
    messages.success(request, _("The application is off the agenda."))
    return redirect(meeting)
