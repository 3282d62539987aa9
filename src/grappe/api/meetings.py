"""B2B meetings: profiles, catalogue, requests, slot plans, scheduling and agendas.

A participant (a user with a confirmed registration at an event with B2B meetings):
- `GET|PUT /events/{slug}/b2b/profile`: my profile (created on first read);
- `GET /events/{slug}/b2b/participants?q=&term=`: the catalogue, paginated;
- `GET /events/{slug}/b2b/requests`, `POST /events/{slug}/b2b/requests`: my requests;
- `POST /b2b/requests/{id}/accept|decline|withdraw`: answer or take back a request;
- `GET /events/{slug}/b2b/agenda`: my agenda (published meetings with time and table).

The staff: `GET /events/{slug}/b2b/slots`, `POST /events/{slug}/b2b/sessions` (a session
of slots), `PUT /events/{slug}/b2b/slots/tables`, `POST /events/{slug}/b2b/meetings`,
`DELETE /b2b/meetings/{id}`, `GET|POST /events/{slug}/b2b/scheduling` (the last run; run
again), `POST /events/{slug}/b2b/publish`.

Bad input is a 422 naming the field (a request to oneself or to someone who does not take
part: `recipient`; zero tables: `tables` or `tables.<slot id>`); a move the state refuses
(answering twice, a second request, publishing before any run) is a 409; another
participant's request is a 404.
"""

import datetime
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from grappe.api.errors import field_error
from grappe.api.events import conflicts, require_user
from grappe.api.members.schemas import Input, Text
from grappe.api.pagination import Pagination
from grappe.core.models import Term, User
from grappe.events import b2b_queries
from grappe.events.b2b_rules import participant_registration
from grappe.events.choices import Priority
from grappe.events.models import B2BProfile, Event, Meeting, MeetingRequest, MeetingSlot
from grappe.events.services import b2b_profiles, b2b_requests, b2b_scheduling, b2b_slots

router = Router(tags=["b2b meetings"])

Id = Annotated[int, Field(ge=1, le=2_147_483_647)]
Code = Annotated[str, Field(max_length=80)]


def require_staff(request: HttpRequest) -> User:
    if not request.user.has_perm("events.manage_meetings"):
        raise PermissionDenied(_("Only the staff of the pôle can do this."))
    return request.user


def own_profile(request: HttpRequest, event: Event) -> B2BProfile:
    user = require_user(request)
    registration = participant_registration(user, event)
    if registration is None:
        raise PermissionDenied(_("Only the event's confirmed participants take part."))
    b2b_profiles.ensure_profile(actor=user, registration=registration)
    return b2b_queries.profile_of(user, event)


# Schemas -------------------------------------------------------------------------------------


class TermOut(Schema):
    code: str
    facet: str
    label: str


class ParticipantOut(Schema):
    id: int
    name: str
    organisation: str
    offer: str
    seek: str
    offered_terms: list[TermOut]
    sought_terms: list[TermOut]

    @staticmethod
    def resolve_name(profile: B2BProfile) -> str:
        return profile.registration.full_name

    @staticmethod
    def resolve_organisation(profile: B2BProfile) -> str:
        return profile.registration.organisation_display

    @staticmethod
    def resolve_offered_terms(profile: B2BProfile) -> list[Term]:
        return list(profile.offered_terms.all())

    @staticmethod
    def resolve_sought_terms(profile: B2BProfile) -> list[Term]:
        return list(profile.sought_terms.all())


class ProfileOut(ParticipantOut):
    is_listed: bool
    unavailable_slots: list[int]

    @staticmethod
    def resolve_unavailable_slots(profile: B2BProfile) -> list[int]:
        return sorted(slot.pk for slot in profile.unavailable_slots.all())


class ProfileIn(Input):
    offer: Text = ""
    seek: Text = ""
    offered_terms: list[Code] = Field(default_factory=list, max_length=100)
    sought_terms: list[Code] = Field(default_factory=list, max_length=100)
    unavailable_slots: list[Id] = Field(default_factory=list, max_length=500)
    is_listed: bool = True


class RequestIn(Input):
    recipient: Id = Field(description="The recipient's profile id (from the catalogue).")
    message: Text = ""
    priority: Priority = Priority.NORMAL


class RequestOut(Schema):
    id: int
    requester: ParticipantOut
    recipient: ParticipantOut
    message: str
    priority: int
    status: str
    created_at: datetime.datetime
    answered_at: datetime.datetime | None
    meeting: int | None

    @staticmethod
    def resolve_meeting(request: MeetingRequest) -> int | None:
        meeting = getattr(request, "meeting", None)
        return meeting.pk if meeting is not None else None


class RequestsOut(Schema):
    received: list[RequestOut]
    sent: list[RequestOut]


class AgendaItemOut(Schema):
    meeting: int
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    table: int | None
    counterpart: ParticipantOut


class AgendaOut(Schema):
    published: bool
    items: list[AgendaItemOut]


class SlotOut(Schema):
    id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    session: str
    tables: int


class SessionIn(Input):
    session: Annotated[str, Field(max_length=50)]
    day: datetime.date
    starts: datetime.time
    ends: datetime.time
    meeting_minutes: Annotated[int, Field(le=24 * 60)] = 20
    pause_minutes: Annotated[int, Field(le=24 * 60)] = 5
    tables: Annotated[int, Field(le=100_000)]


class TablesIn(Input):
    tables: dict[Id, Annotated[int, Field(le=100_000)]]


class MeetingIn(Input):
    first: Id
    second: Id
    weight: Priority = Priority.NORMAL


class MeetingOut(Schema):
    id: int
    first: int
    second: int
    weight: int
    added_by_staff: bool
    slot: int | None
    table: int | None
    published_at: datetime.datetime | None
    cancelled_at: datetime.datetime | None

    @staticmethod
    def resolve_first(meeting: Meeting) -> int:
        return meeting.first_id

    @staticmethod
    def resolve_second(meeting: Meeting) -> int:
        return meeting.second_id

    @staticmethod
    def resolve_slot(meeting: Meeting) -> int | None:
        return meeting.slot_id


class RunOut(Schema):
    id: int
    status: str
    meetings_scheduled: int
    meetings_unscheduled: int
    weight: int
    weight_bound: int | None
    breaks: int
    breaks_bound: int | None
    seconds: float
    created_at: datetime.datetime


class PublishOut(Schema):
    published_meetings: int
    agendas_published_at: datetime.datetime


# Participants --------------------------------------------------------------------------------


@router.get("/events/{slug}/b2b/profile", response=ProfileOut)
def get_profile(request: HttpRequest, slug: str):
    """My profile at the event (created on the first read)."""
    return own_profile(request, b2b_queries.b2b_event(slug))


def _terms(codes: list[str], field: str) -> list[Term]:
    found = Term.objects.in_bulk(codes, field_name="code")
    for index, code in enumerate(codes):
        if code not in found:
            raise field_error(f"{field}.{index}", _("There is no vocabulary term with this code."))
    return [found[code] for code in codes]


@router.put("/events/{slug}/b2b/profile", response=ProfileOut)
def update_profile(request: HttpRequest, slug: str, payload: ProfileIn):
    """Replace what I offer and seek (term codes and texts), my unavailable slots (ids of the
    event's slots) and my listing."""
    event = b2b_queries.b2b_event(slug)
    profile = own_profile(request, event)
    slots = MeetingSlot.objects.filter(event=event).in_bulk(payload.unavailable_slots)
    for index, pk in enumerate(payload.unavailable_slots):
        if pk not in slots:
            raise field_error(
                f"unavailable_slots.{index}", _("There is no such slot in this event.")
            )
    with conflicts():
        b2b_profiles.update_profile(
            actor=request.user,
            profile=profile,
            offer=payload.offer,
            seek=payload.seek,
            offered_terms=_terms(payload.offered_terms, "offered_terms"),
            sought_terms=_terms(payload.sought_terms, "sought_terms"),
            unavailable_slots=list(slots.values()),
            is_listed=payload.is_listed,
        )
    return b2b_queries.profile_of(request.user, event)


class CatalogueFilters(Schema):
    q: Annotated[str, Field(max_length=100)] = ""
    term: list[Code] = Field(default_factory=list, max_length=10)


@router.get("/events/{slug}/b2b/participants", response=list[ParticipantOut])
@paginate(Pagination)
def catalogue(request: HttpRequest, slug: str, filters: Query[CatalogueFilters]):
    """The listed participants (participants and staff), by organisation."""
    event = b2b_queries.b2b_event(slug)
    if request.user.has_perm("events.manage_meetings"):
        return b2b_queries.catalogue(event, text=filters.q, term_codes=tuple(filters.term))
    profile = own_profile(request, event)
    found = b2b_queries.catalogue(event, text=filters.q, term_codes=tuple(filters.term))
    return found.exclude(pk=profile.pk)


@router.get("/events/{slug}/b2b/requests", response=RequestsOut)
def my_requests(request: HttpRequest, slug: str):
    """The requests I received and sent, newest first."""
    profile = own_profile(request, b2b_queries.b2b_event(slug))
    return {
        "received": list(_prefetched(b2b_queries.requests_received(profile))),
        "sent": list(_prefetched(b2b_queries.requests_made(profile))),
    }


def _prefetched(requests):
    return requests.prefetch_related(
        "requester__offered_terms",
        "requester__sought_terms",
        "recipient__offered_terms",
        "recipient__sought_terms",
    )


@router.post("/events/{slug}/b2b/requests", response={201: RequestOut})
def create_request(request: HttpRequest, slug: str, payload: RequestIn):
    """Ask a participant for a meeting, with a message and a priority (1 low … 3 high)."""
    event = b2b_queries.b2b_event(slug)
    requester = own_profile(request, event)
    recipient = B2BProfile.objects.select_related("registration").filter(pk=payload.recipient)
    recipient = recipient.first()
    if recipient is None:
        raise field_error("recipient", _("This person does not take part in this event."))
    with conflicts():
        created = b2b_requests.request_meeting(
            actor=request.user,
            requester=requester,
            recipient=recipient,
            message=payload.message,
            priority=payload.priority,
        )
    return Status(201, _prefetched(b2b_queries.requests()).get(pk=created.pk))


def _request_of(request: HttpRequest, pk: int) -> MeetingRequest:
    require_user(request)
    found = b2b_queries.requests().filter(pk=pk).first()
    if found is None or not request.user.has_perm("events.view_meeting_request", found):
        raise Http404
    return found


def _move(request: HttpRequest, pk: int, perm: str, service) -> MeetingRequest:
    found = _request_of(request, pk)
    if not request.user.has_perm(perm, found):
        raise PermissionDenied(_("You do not have permission to do this."))
    with conflicts():
        service(actor=request.user, request=found)
    return _prefetched(b2b_queries.requests()).get(pk=pk)


@router.post("/b2b/requests/{int:request_id}/accept", response=RequestOut)
def accept_request(request: HttpRequest, request_id: int):
    """The recipient accepts: the request becomes a meeting (409 if already answered)."""
    return _move(request, request_id, "events.answer_meeting_request", b2b_requests.accept_request)


@router.post("/b2b/requests/{int:request_id}/decline", response=RequestOut)
def decline_request(request: HttpRequest, request_id: int):
    return _move(request, request_id, "events.answer_meeting_request", b2b_requests.decline_request)


@router.post("/b2b/requests/{int:request_id}/withdraw", response=RequestOut)
def withdraw_request(request: HttpRequest, request_id: int):
    """The requester takes back a pending request (409 once answered)."""
    return _move(
        request, request_id, "events.withdraw_meeting_request", b2b_requests.withdraw_request
    )


@router.get("/events/{slug}/b2b/agenda", response=AgendaOut)
def my_agenda(request: HttpRequest, slug: str):
    """My live meetings: time and table once published, then those waiting for a slot."""
    event = b2b_queries.b2b_event(slug)
    profile = own_profile(request, event)
    return {
        "published": event.agendas_published_at is not None,
        "items": [
            {
                "meeting": entry.meeting.pk,
                "starts_at": entry.slot.starts_at if entry.slot else None,
                "ends_at": entry.slot.ends_at if entry.slot else None,
                "table": entry.table,
                "counterpart": entry.counterpart,
            }
            for entry in b2b_queries.agenda(profile)
        ],
    }


# Staff ---------------------------------------------------------------------------------------


@router.get("/events/{slug}/b2b/slots", response=list[SlotOut])
def list_slots(request: HttpRequest, slug: str):
    require_staff(request)
    return MeetingSlot.objects.filter(event=b2b_queries.b2b_event(slug)).order_by("starts_at")


@router.post("/events/{slug}/b2b/sessions", response={201: list[SlotOut]})
def add_session(request: HttpRequest, slug: str, payload: SessionIn):
    """Add a session of slots: meetings of `meeting_minutes` from `starts` to `ends` on
    `day`, separated by `pause_minutes`, with `tables` tables each."""
    user = require_staff(request)
    event = b2b_queries.b2b_event(slug)
    with conflicts():
        created = b2b_slots.add_session(
            actor=user, event=event, plan=b2b_slots.SessionPlan(**payload.model_dump())
        )
    return Status(201, created)


@router.put("/events/{slug}/b2b/slots/tables", response=list[SlotOut])
def set_tables(request: HttpRequest, slug: str, payload: TablesIn):
    """Set the tables of some slots: `{"tables": {"<slot id>": 12}}`."""
    user = require_staff(request)
    event = b2b_queries.b2b_event(slug)
    try:
        with conflicts():
            b2b_slots.set_tables(actor=user, event=event, tables=payload.tables)
    except DjangoValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        field, messages = next(iter(error.message_dict.items()))
        raise field_error(field.replace("tables_", "tables."), messages[0]) from error
    return MeetingSlot.objects.filter(event=event).order_by("starts_at")


@router.post("/events/{slug}/b2b/meetings", response={201: MeetingOut})
def add_meeting(request: HttpRequest, slug: str, payload: MeetingIn):
    """Add a meeting between two participants (profile ids)."""
    user = require_staff(request)
    event = b2b_queries.b2b_event(slug)
    profiles = B2BProfile.objects.filter(registration__event=event).in_bulk(
        [payload.first, payload.second]
    )
    for field in ("first", "second"):
        if getattr(payload, field) not in profiles:
            raise field_error(field, _("This person does not take part in this event."))
    with conflicts():
        meeting = b2b_requests.add_meeting(
            actor=user,
            first=profiles[payload.first],
            second=profiles[payload.second],
            weight=payload.weight,
        )
    return Status(201, meeting)


@router.delete("/b2b/meetings/{int:meeting_id}", response=MeetingOut)
def cancel_meeting(request: HttpRequest, meeting_id: int):
    """Remove (cancel) a meeting; 409 if it already is."""
    user = require_staff(request)
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    with conflicts():
        return b2b_requests.cancel_meeting(actor=user, meeting=meeting)


@router.get("/events/{slug}/b2b/scheduling", response={200: RunOut, 204: None})
def last_run(request: HttpRequest, slug: str):
    """The last scheduling run (204 when none yet)."""
    require_staff(request)
    run = b2b_queries.last_run(b2b_queries.b2b_event(slug))
    return run if run is not None else Status(204, None)


@router.post("/events/{slug}/b2b/scheduling", response={201: RunOut})
def run_scheduling(request: HttpRequest, slug: str):
    """Place the meetings in the slots (published ones stay); the run's figures."""
    user = require_staff(request)
    with conflicts():
        run = b2b_scheduling.run_scheduling(actor=user, event=b2b_queries.b2b_event(slug))
    return Status(201, run)


@router.post("/events/{slug}/b2b/publish", response=PublishOut)
def publish(request: HttpRequest, slug: str):
    """Publish the agendas and e-mail every participant (409 before any run)."""
    user = require_staff(request)
    event = b2b_queries.b2b_event(slug)
    with conflicts():
        count = b2b_scheduling.publish_agendas(actor=user, event=event)
    event.refresh_from_db(fields=["agendas_published_at"])
    return {"published_meetings": count, "agendas_published_at": event.agendas_published_at}
