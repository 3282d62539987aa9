"""Reads of events and registrations: the calendar, the staff's lists, a participant's
registrations, the check-in search and the attendance figures. Each list costs a fixed number
of queries, whatever its length."""

from dataclasses import dataclass

from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from grappe.core.models import User
from grappe.events.choices import Audience, RegistrationStatus
from grappe.events.models import Event, Registration
from grappe.events.models.fields import folded_words
from grappe.members.rules import is_member_contact, is_pole_staff

Status = RegistrationStatus

# The staff's list of registrations may be sorted by these columns (value: the ordering).
REGISTRATION_ORDERINGS = {
    "name": ("last_name", "first_name", "pk"),
    "-name": ("-last_name", "-first_name", "-pk"),
    "organisation": ("organisation_name", "last_name", "pk"),
    "-organisation": ("-organisation_name", "last_name", "pk"),
    "status": ("status", "last_name", "pk"),
    "-status": ("-status", "last_name", "pk"),
    "registered": ("created_at", "pk"),
    "-registered": ("-created_at", "-pk"),
    "checked_in": ("checked_in_at", "last_name", "pk"),
    "-checked_in": ("-checked_in_at", "last_name", "pk"),
}
DEFAULT_REGISTRATION_ORDERING = "name"
CHECK_IN_RESULTS = 20
CHECK_IN_WORDS = 5


def sees_members_only_events(user: User) -> bool:
    return bool(is_pole_staff(user) or is_member_contact(user))


def visible_events(user: User) -> QuerySet[Event]:
    """The events the user may see: the public ones, and the members-only ones for members'
    contacts and the staff."""
    events = Event.objects.select_related("cluster")
    if sees_members_only_events(user):
        return events
    return events.filter(audience=Audience.PUBLIC)


def coming_events(user: User) -> QuerySet[Event]:
    """The calendar: the events visible to the user that have not ended, soonest first."""
    return visible_events(user).filter(ends_at__gt=timezone.now()).order_by("starts_at", "pk")


def public_coming_events() -> QuerySet[Event]:
    """The iCalendar feed: the public events that have not ended."""
    return (
        Event.objects.filter(audience=Audience.PUBLIC, ends_at__gt=timezone.now())
        .select_related("cluster")
        .order_by("starts_at", "pk")
    )


def event_for(user: User, slug: str) -> Event:
    """The event if the user may see it; Http404 otherwise (members-only events are not
    revealed to the public)."""
    try:
        return visible_events(user).get(slug=slug)
    except Event.DoesNotExist:
        raise Http404 from None


def with_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    """Events with the number of their registrations of each status (staff list)."""
    return events.annotate(
        waiting_count=Count("registrations", filter=Q(registrations__status=Status.WAITING)),
        pending_count=Count("registrations", filter=Q(registrations__status=Status.PENDING)),
        checked_in_count=Count(
            "registrations", filter=Q(registrations__checked_in_at__isnull=False)
        ),
    )


def staff_events(
    *, kind: str = "", cluster_id: int | None = None, when: str = ""
) -> QuerySet[Event]:
    """The staff's list of events, filtered: kind, organising cluster, "coming" or "past"."""
    events = Event.objects.select_related("cluster")
    if kind:
        events = events.filter(kind=kind)
    if cluster_id:
        events = events.filter(cluster_id=cluster_id)
    now = timezone.now()
    if when == "coming":
        events = events.filter(ends_at__gt=now).order_by("starts_at", "pk")
    elif when == "past":
        events = events.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    else:
        events = events.order_by("-starts_at", "-pk")
    return with_counts(events)


def registrations_of(user: User) -> QuerySet[Registration]:
    """A user's own registrations (through their person), the coming events first."""
    if not user.is_authenticated:
        return Registration.objects.none()
    return (
        Registration.objects.filter(person__user=user)
        .select_related("event", "organisation")
        .order_by("-event__starts_at", "-pk")
    )


def live_registration(user: User, event: Event) -> Registration | None:
    """The user's registration to the event that is not cancelled, if any."""
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(person__user=user, event=event)
        .exclude(status=Status.CANCELLED)
        .first()
    )


def registration_for(user: User, pk: int) -> Registration:
    """A registration the user may see (their own, or any for the staff); Http404 otherwise."""
    registrations = Registration.objects.select_related("event", "person", "organisation")
    if not is_pole_staff(user):
        if not user.is_authenticated:
            raise Http404
        registrations = registrations.filter(person__user=user)
    try:
        return registrations.get(pk=pk)
    except Registration.DoesNotExist:
        raise Http404 from None


def registration_by_token(token: str) -> Registration:
    """The registration whose secret token this is; Http404 otherwise."""
    try:
        return Registration.objects.select_related("event", "organisation", "checked_in_by").get(
            token=token
        )
    except Registration.DoesNotExist:
        raise Http404 from None


def event_registrations(
    event: Event, *, status: str = "", ordering: str = DEFAULT_REGISTRATION_ORDERING
) -> QuerySet[Registration]:
    """The staff's list of an event's registrations, optionally of one status, sorted."""
    registrations = Registration.objects.filter(event=event).select_related(
        "organisation", "checked_in_by"
    )
    if status in Status.values:
        registrations = registrations.filter(status=status)
    order = REGISTRATION_ORDERINGS.get(
        ordering, REGISTRATION_ORDERINGS[DEFAULT_REGISTRATION_ORDERING]
    )
    return registrations.order_by(*order)


def check_in_search(event: Event, text: str) -> QuerySet[Registration]:
    """The registrations whose name, e-mail or organisation contains each word of `text`,
    whatever the accents and the case ("lea" finds "Léa"): what the door's search finds as
    the staff type (confirmed first, then the others, so that a refused person is found and
    told why)."""
    registrations = Registration.objects.filter(event=event).select_related(
        "organisation", "checked_in_by"
    )
    for word in folded_words(text, most=CHECK_IN_WORDS):
        registrations = registrations.filter(search_text__contains=word)
    rank = Case(
        When(status=Status.CONFIRMED, then=Value(0)),
        When(status=Status.CANCELLED, then=Value(2)),
        default=Value(1),
    )
    # Confirmed ones first, cancelled ones last.
    return registrations.order_by(
        rank,
        "last_name",
        "first_name",
        "pk",
    )[:CHECK_IN_RESULTS]


@dataclass(frozen=True)
class Attendance:
    """An event's figures: registrations by status, check-ins and the attendance rate."""

    registered: int  # every registration that is not cancelled
    confirmed: int
    waiting: int
    pending: int
    cancelled: int
    checked_in: int
    capacity: int | None

    @property
    def rate(self) -> float | None:
        """Checked in over confirmed, in percent; None before anyone is confirmed."""
        if not self.confirmed:
            return None
        return round(100 * self.checked_in / self.confirmed, 1)

    @property
    def fill_rate(self) -> float | None:
        """Confirmed over capacity, in percent; None without a capacity."""
        if not self.capacity:
            return None
        return round(100 * self.confirmed / self.capacity, 1)


def attendance(event: Event) -> Attendance:
    """The event's attendance figures, in one query."""
    figures = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Status.WAITING)),
        pending=Count("pk", filter=Q(status=Status.PENDING)),
        cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    return Attendance(
        registered=figures["confirmed"] + figures["waiting"] + figures["pending"],
        capacity=event.capacity,
        **figures,
    )


def waiting_position(registration: Registration) -> int | None:
    """The registration's place in the waiting list (1 = next to be promoted)."""
    if registration.status != Status.WAITING:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Status.WAITING
    ).filter(
        Q(waiting_since__lt=registration.waiting_since)
        | Q(waiting_since=registration.waiting_since, pk__lt=registration.pk)
    )
    return ahead.count() + 1


# What the event page offers: register, join the waiting list, or why not.
OPEN, WAITING_LIST, FULL, NOT_OPEN, CLOSED = "open", "waiting_list", "full", "not_open", "closed"


def registration_phase(event: Event) -> str:
    """Where the event's registration stands now, for its page and the API."""
    now = timezone.now()
    if event.registration_not_yet_open(now):
        return NOT_OPEN
    if event.registration_is_closed(now):
        return CLOSED
    if event.is_full:
        return WAITING_LIST if event.has_waiting_list else FULL
    return OPEN
