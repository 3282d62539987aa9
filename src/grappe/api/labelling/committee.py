"""The labelling committee, for the staff: meetings, members, agenda and decisions.

Members with a conflict of interest on a project are recorded as abstaining on it.
"""

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from grappe.api.errors import field_error
from grappe.api.labelling import common
from grappe.api.labelling.inputs import AgendaIn, DecisionIn, MeetingIn, MembersIn
from grappe.api.labelling.schemas import AgendaItemOut, MeetingDetail, MeetingOut
from grappe.api.pagination import Pagination
from grappe.core.models import User
from grappe.labelling import queries, services
from grappe.labelling.models import AgendaItem, Application, CommitteeMeeting

router = Router(tags=["labelling: committee"])

MANAGE = "labelling.manage"


def meetings():
    members = User.objects.select_related("person").order_by("last_name", "username")
    return queries.meetings().prefetch_related(Prefetch("members", queryset=members))


def meeting_detail(meeting_id: int) -> CommitteeMeeting:
    meeting = get_object_or_404(meetings(), pk=meeting_id)
    meeting.agenda_items = list(
        queries.meeting_agenda(meeting).prefetch_related("abstentions__member__person")
    )
    return meeting


@router.get("/committee-meetings", response=list[MeetingOut])
@paginate(Pagination)
def list_meetings(request: HttpRequest):
    common.require(request, MANAGE)
    return meetings().order_by("-held_on", "-id")


@router.post("/committee-meetings", response={201: MeetingDetail})
def create_meeting(request: HttpRequest, payload: MeetingIn):
    user = common.require(request, MANAGE)
    meeting = services.create_meeting(
        actor=user,
        held_on=payload.held_on,
        title=payload.title,
        location=payload.location,
        members=common.users(payload.members, "members"),
    )
    return Status(201, meeting_detail(meeting.pk))


@router.get("/committee-meetings/{int:meeting_id}", response=MeetingDetail)
def get_meeting(request: HttpRequest, meeting_id: int):
    """The meeting, its members and its agenda with the decisions and abstentions."""
    common.require(request, MANAGE)
    return meeting_detail(meeting_id)


@router.put("/committee-meetings/{int:meeting_id}/members", response=MeetingDetail)
def set_members(request: HttpRequest, meeting_id: int, payload: MembersIn):
    user = common.require(request, MANAGE)
    meeting = get_object_or_404(CommitteeMeeting, pk=meeting_id)
    services.set_meeting_members(
        actor=user, meeting=meeting, members=common.users(payload.members, "members")
    )
    return meeting_detail(meeting.pk)


@router.post("/committee-meetings/{int:meeting_id}/agenda", response={201: AgendaItemOut})
def add_to_agenda(request: HttpRequest, meeting_id: int, payload: AgendaIn):
    """Put an application that is before the committee on the agenda (409 otherwise)."""
    user = common.require(request, MANAGE)
    meeting = get_object_or_404(CommitteeMeeting, pk=meeting_id)
    application = Application.objects.filter(pk=payload.application).first()
    if application is None:
        raise field_error("application", _("There is no application with this id."))
    item = services.add_to_agenda(actor=user, meeting=meeting, application=application)
    return Status(201, _item(item.pk))


def _item(item_id: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related(
            "application__project__lead", "application__call"
        ).prefetch_related("abstentions__member__person"),
        pk=item_id,
    )


@router.delete("/agenda-items/{int:item_id}", response={204: None})
def remove_from_agenda(request: HttpRequest, item_id: int):
    user = common.require(request, MANAGE)
    item = AgendaItem.objects.filter(pk=item_id).select_related("application").first()
    if item is None:
        raise Http404
    services.remove_from_agenda(actor=user, item=item)
    return Status(204, None)


@router.post("/agenda-items/{int:item_id}/decision", response=AgendaItemOut)
def record_decision(request: HttpRequest, item_id: int, payload: DecisionIn):
    """The committee's decision; the application moves to it. Reservations go with
    "labelled_with_reservations" only; 409 before the meeting or once decided."""
    user = common.require(request, "labelling.decide")
    item = get_object_or_404(AgendaItem, pk=item_id)
    services.record_decision(
        actor=user, item=item, decision=payload.decision, reservations=payload.reservations
    )
    return _item(item.pk)
