"""Events and registrations: the calendar, one's registrations, check-in by staff.

- `GET /events`, `GET /events/{slug}`: the public events for the public; the members-only
  ones too for members' contacts and the staff (others get 404).
- `POST /events/{slug}/registrations`: a member's contact registers in one click (201);
  confirmed, or waiting when the event is full and has a waiting list.
- `GET /me/registrations`, `GET /registrations/{id}`, `POST /registrations/{id}/cancel`:
  one's own registrations (the staff: any).
- Staff: `GET /events/{slug}/registrations`, `GET /events/{slug}/attendance`,
  `POST /check-in` with the ticket's token.

A registration outside the registration window, a second one, one on a full event without
a waiting list, a cancellation of a cancelled registration and a second check-in are 409; a
non-member on a members-only event is 403.
"""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Annotated, Literal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StringConstraints

from grappe.api.errors import Conflict, field_error
from grappe.api.pagination import Pagination
from grappe.core.models import User
from grappe.events import queries, services
from grappe.events.choices import Audience, EventKind, RegistrationStatus
from grappe.events.models import Event, Registration
from grappe.events.services import WrongState

router = Router(tags=["events"])

Token = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


@contextmanager
def conflicts() -> Iterator[None]:
    """A move the state of an event, a registration or a B2B meeting refuses (WrongState) is
    a 409; the services' other refusals stay 422 naming the field."""
    try:
        yield
    except WrongState as error:
        raise Conflict(" ".join(error.messages)) from error


def require_user(request: HttpRequest) -> User:
    if not request.user.is_authenticated:
        raise PermissionDenied
    return request.user


def require(request: HttpRequest, perm: str, obj: object = None) -> User:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied(_("You do not have permission to do this."))
    return request.user


# Schemas -----------------------------------------------------------------------------------


class EventOut(Schema):
    slug: str
    kind: EventKind
    title: str
    title_fr: str
    title_en: str
    description_fr: str
    description_en: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    venue: str
    address: str
    city: str
    online_url: str
    capacity: int | None
    seats_taken: int
    seats_left: int | None
    has_waiting_list: bool
    price_member: Decimal
    price_non_member: Decimal
    cluster: str | None = Field(None, description="The organising cluster's slug.")
    audience: Audience
    registration_opens_at: datetime.datetime | None
    registration_closes_at: datetime.datetime | None
    registration: Literal["open", "waiting_list", "full", "not_open", "closed"] = Field(
        description="Where registration stands now."
    )
    b2b_enabled: bool
    url: str

    @staticmethod
    def resolve_cluster(event: Event) -> str | None:
        return event.cluster.slug if event.cluster_id else None

    @staticmethod
    def resolve_registration(event: Event) -> str:
        return queries.registration_phase(event)

    @staticmethod
    def resolve_url(event: Event) -> str:
        return settings.GRAPPE_SITE_URL + event.get_absolute_url()


class RegistrationOut(Schema):
    id: int
    event: str = Field(description="The event's slug.")
    event_title: str
    first_name: str
    last_name: str
    email: str
    organisation: str
    is_member: bool = Field(description="Registered at the member rate.")
    status: RegistrationStatus
    created_at: datetime.datetime
    confirmed_at: datetime.datetime | None
    waiting_since: datetime.datetime | None
    cancelled_at: datetime.datetime | None
    checked_in_at: datetime.datetime | None
    ticket_url: str | None = Field(None, description="The PDF ticket, once confirmed.")

    @staticmethod
    def resolve_event(registration: Registration) -> str:
        return registration.event.slug

    @staticmethod
    def resolve_event_title(registration: Registration) -> str:
        return registration.event.title

    @staticmethod
    def resolve_organisation(registration: Registration) -> str:
        return registration.organisation_display

    @staticmethod
    def resolve_ticket_url(registration: Registration) -> str | None:
        if registration.status != RegistrationStatus.CONFIRMED:
            return None
        return settings.GRAPPE_SITE_URL + reverse("events:ticket", args=[registration.pk])


class AttendanceOut(Schema):
    registered: int
    confirmed: int
    waiting: int
    pending: int
    cancelled: int
    checked_in: int
    capacity: int | None
    rate: float | None = Field(description="Checked in over confirmed, in percent.")
    fill_rate: float | None = Field(description="Confirmed over capacity, in percent.")


class EventFilters(Schema):
    kind: EventKind | None = None
    when: Literal["coming", "past", "all"] = Field(
        "coming", description="Events not ended yet (default), ended, or all."
    )


class RegistrationFilters(Schema):
    status: RegistrationStatus | None = None
    ordering: str = Field(
        queries.DEFAULT_REGISTRATION_ORDERING,
        description="name, organisation, status, registered or checked_in; a leading `-` reverses.",
    )


class CheckInIn(Schema):
    token: Token = Field(description="The registration's token, as the ticket's QR code holds.")


# Events ------------------------------------------------------------------------------------


@router.get("/events", response=list[EventOut])
@paginate(Pagination)
def list_events(request: HttpRequest, filters: Query[EventFilters]):
    """The events one may see: coming ones by default, soonest first."""
    events = queries.visible_events(request.user)
    now = timezone.now()
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.when == "coming":
        return events.filter(ends_at__gt=now).order_by("starts_at", "pk")
    if filters.when == "past":
        return events.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    return events.order_by("-starts_at", "-pk")


@router.get("/events/{slug}", response=EventOut)
def get_event(request: HttpRequest, slug: str):
    return queries.event_for(request.user, slug)


@router.post("/events/{slug}/registrations", response={201: RegistrationOut})
def register(request: HttpRequest, slug: str):
    """Register in one click, as a member's contact: with your person and organisation, at
    the member rate. Non-members register through the event's page (e-mail confirmation)."""
    event = queries.event_for(request.user, slug)
    with conflicts():
        registration = services.register_member(actor=request.user, event=event)
    return Status(201, registration)


@router.get("/events/{slug}/registrations", response=list[RegistrationOut])
@paginate(Pagination)
def event_registrations(request: HttpRequest, slug: str, filters: Query[RegistrationFilters]):
    """The event's registrations (staff)."""
    require(request, "events.manage_event")
    event = queries.event_for(request.user, slug)
    if filters.ordering not in queries.REGISTRATION_ORDERINGS:
        raise field_error("ordering", _("Unknown sort order."), location="query")
    return queries.event_registrations(
        event, status=filters.status or "", ordering=filters.ordering
    ).select_related("event")


@router.get("/events/{slug}/attendance", response=AttendanceOut)
def attendance(request: HttpRequest, slug: str):
    """Registered, confirmed, waiting, pending, cancelled, checked in, and the rates (staff)."""
    require(request, "events.manage_event")
    figures = queries.attendance(queries.event_for(request.user, slug))
    return {**figures.__dict__, "rate": figures.rate, "fill_rate": figures.fill_rate}


# One's registrations -----------------------------------------------------------------------


@router.get("/me/registrations", response=list[RegistrationOut])
@paginate(Pagination)
def my_registrations(request: HttpRequest):
    return queries.registrations_of(require_user(request))


@router.get("/registrations/{int:registration_id}", response=RegistrationOut)
def get_registration(request: HttpRequest, registration_id: int):
    """One of your registrations (the staff: any); 404 for another's."""
    return queries.registration_for(require_user(request), registration_id)


@router.post("/registrations/{int:registration_id}/cancel", response=RegistrationOut)
def cancel(request: HttpRequest, registration_id: int):
    """Cancel one of your registrations; a confirmed seat goes to the waiting list's first."""
    registration = queries.registration_for(require_user(request), registration_id)
    with conflicts():
        services.cancel_registration(actor=request.user, registration=registration)
    return queries.registration_for(request.user, registration_id)


# Check-in ----------------------------------------------------------------------------------


@router.post("/check-in", response=RegistrationOut)
def check_in(request: HttpRequest, payload: CheckInIn):
    """Check a participant in with their ticket's token (staff). 409 for a registration that
    is cancelled, waiting, unconfirmed or already checked in."""
    user = require(request, "events.check_in")
    registration = queries.registration_by_token(payload.token)
    with conflicts():
        services.check_in(actor=user, registration=registration)
    registration.refresh_from_db()
    return registration
