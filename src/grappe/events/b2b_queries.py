"""Reads of the B2B meetings: profiles, the catalogue and its suggested matches, requests,
agendas, the table plan and the scheduling page. Each read costs a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.http import Http404

from grappe.core.models import Term, User
from grappe.directory.search.service import search
from grappe.directory.search.types import MAX_LIMIT, MAX_QUERY_LENGTH, SearchQuery
from grappe.events.choices import RegistrationStatus, RequestStatus
from grappe.events.models import (
    B2BProfile,
    Event,
    Meeting,
    MeetingRequest,
    MeetingSlot,
    SchedulingRun,
)

SUGGESTIONS = 10
TEXT_MAX_LENGTH = 100


def b2b_event(slug: str) -> Event:
    """The event, if it has B2B meetings; Http404 otherwise."""
    event = Event.objects.filter(slug=slug, b2b_enabled=True).first()
    if event is None:
        raise Http404
    return event


def profiles() -> QuerySet[B2BProfile]:
    """Profiles with what their cards show: names, organisation, terms."""
    terms = Term.objects.order_by("facet", "label_fr")
    return B2BProfile.objects.select_related(
        "registration__organisation", "registration__person", "registration__event"
    ).prefetch_related(
        Prefetch("offered_terms", queryset=terms), Prefetch("sought_terms", queryset=terms)
    )


def profile_of(user: User, event: Event) -> B2BProfile | None:
    """The user's profile at the event, if they are a confirmed participant with one."""
    if not user.is_authenticated:
        return None
    return (
        profiles()
        .filter(
            registration__event=event,
            registration__person__user=user,
            registration__status=RegistrationStatus.CONFIRMED,
        )
        .first()
    )


def participants(event: Event) -> QuerySet[B2BProfile]:
    """The event's listed profiles of confirmed participants, by organisation then name."""
    return (
        profiles()
        .filter(
            registration__event=event,
            registration__status=RegistrationStatus.CONFIRMED,
            is_listed=True,
        )
        .annotate(
            organisation_sort=Lower(
                Coalesce(
                    "registration__organisation__name",
                    NullIf("registration__organisation_name", Value("")),
                    "registration__last_name",
                )
            )
        )
        .order_by("organisation_sort", "registration__last_name", "pk")
    )


def catalogue(
    event: Event, *, text: str = "", term_codes: tuple[str, ...] = ()
) -> QuerySet[B2BProfile]:
    """Listed participants whose names, organisation, texts or terms contain `text`, and
    who offer or seek every one of the terms given."""
    found = participants(event)
    for word in text.strip()[:TEXT_MAX_LENGTH].split():
        found = found.filter(
            Q(registration__first_name__icontains=word)
            | Q(registration__last_name__icontains=word)
            | Q(registration__organisation__name__icontains=word)
            | Q(registration__organisation_name__icontains=word)
            | Q(offer__icontains=word)
            | Q(seek__icontains=word)
            | Q(offered_terms__label_fr__icontains=word)
            | Q(offered_terms__label_en__icontains=word)
        )
    for code in term_codes:
        found = found.filter(Q(offered_terms__code=code) | Q(sought_terms__code=code))
    return found.distinct()


@dataclass(frozen=True)
class Suggestion:
    profile: B2BProfile
    # The terms of my needs that the participant's organisation or offer meets.
    reasons: list[str] = field(default_factory=list)


def suggestions(profile: B2BProfile, *, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Participants whose offers meet my needs, best first.

    The directory's search, asked for what I seek (the sought terms' labels and my text),
    ranks the participants' organisations by what the directory knows of them; participants
    without an organisation (or whose organisation it does not find) follow when their
    offered terms share some of my sought terms, the more the better.
    """
    sought = list(profile.sought_terms.all())
    text = " ".join([*(term.label_fr for term in sought), profile.seek])[:MAX_QUERY_LENGTH]
    others = list(participants(profile.registration.event).exclude(pk=profile.pk))
    if not others or not text.strip():
        return []
    hits = search(SearchQuery(text=text, limit=MAX_LIMIT)).hits
    rank = {hit.organisation_id: position for position, hit in enumerate(hits)}
    matched = {hit.organisation_id: hit.matched for hit in hits}
    labels = {term.code: term.label for term in sought}
    sought_ids = {term.pk for term in sought}
    ranked, by_overlap = [], []
    for other in others:
        organisation_id = other.registration.organisation_id
        overlap = [t for t in other.offered_terms.all() if t.pk in sought_ids]
        if organisation_id in rank:
            codes = [
                code
                for facet, codes in matched[organisation_id].items()
                if facet != "text"
                for code in codes
            ]
            reasons = [labels[code] for code in codes if code in labels] or [
                t.label for t in overlap
            ]
            ranked.append((rank[organisation_id], Suggestion(other, reasons)))
        elif overlap:
            by_overlap.append(
                (-len(overlap), other.pk, Suggestion(other, [t.label for t in overlap]))
            )
    ranked.sort(key=lambda pair: pair[0])
    by_overlap.sort(key=lambda triple: triple[:2])
    return ([s for _rank, s in ranked] + [s for _n, _pk, s in by_overlap])[:limit]


def requests() -> QuerySet[MeetingRequest]:
    return MeetingRequest.objects.select_related(
        "event",
        "requester__registration__organisation",
        "recipient__registration__organisation",
        "requester__registration__person",
        "recipient__registration__person",
        "meeting",
    )


def requests_received(profile: B2BProfile) -> QuerySet[MeetingRequest]:
    return requests().filter(recipient=profile).order_by("-created_at", "-pk")


def requests_made(profile: B2BProfile) -> QuerySet[MeetingRequest]:
    return requests().filter(requester=profile).order_by("-created_at", "-pk")


def open_counterparts(profile: B2BProfile) -> set[int]:
    """Profiles I have an open request or a live meeting with (so not to ask them again)."""
    pairs = MeetingRequest.objects.filter(
        Q(requester=profile) | Q(recipient=profile),
        status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED],
    ).values_list("requester_id", "recipient_id")
    meetings = Meeting.objects.filter(
        Q(first=profile) | Q(second=profile), cancelled_at__isnull=True
    ).values_list("first_id", "second_id")
    return {pk for pair in [*pairs, *meetings] for pk in pair} - {profile.pk}


def meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related(
        "slot",
        "request",
        "first__registration__organisation",
        "second__registration__organisation",
    )


@dataclass(frozen=True)
class AgendaEntry:
    meeting: Meeting
    counterpart: B2BProfile

    @property
    def slot(self) -> MeetingSlot | None:
        return self.meeting.slot if self.meeting.published_at else None

    @property
    def table(self) -> int | None:
        return self.meeting.table if self.meeting.published_at else None


def agenda(profile: B2BProfile) -> list[AgendaEntry]:
    """My live meetings: the published ones in time order with their table, then those
    still waiting for a slot. The counterpart comes with its profile."""
    found = (
        Meeting.objects.filter(Q(first=profile) | Q(second=profile), cancelled_at__isnull=True)
        .select_related("slot", "request")
        .prefetch_related(
            Prefetch("first", queryset=profiles()), Prefetch("second", queryset=profiles())
        )
    )
    entries = [AgendaEntry(m, m.second if m.first_id == profile.pk else m.first) for m in found]
    entries.sort(key=_agenda_order)
    return entries


def _agenda_order(entry: AgendaEntry) -> tuple:
    slot = entry.slot
    return (slot is None, slot.starts_at if slot else entry.meeting.created_at, entry.meeting.pk)


@dataclass(frozen=True)
class PlanSlot:
    slot: MeetingSlot
    meetings: list[Meeting]


def table_plan(event: Event, *, published_only: bool = False) -> list[PlanSlot]:
    """Each slot of the event with its live meetings by table, for the staff's print-out."""
    placed = meetings().filter(cancelled_at__isnull=True).order_by("table")
    if published_only:
        placed = placed.filter(published_at__isnull=False)
    slots = MeetingSlot.objects.filter(event=event).order_by("starts_at")
    slots = slots.prefetch_related(Prefetch("meetings", queryset=placed, to_attr="placed"))
    return [PlanSlot(slot, slot.placed) for slot in slots]


def slots_with_counts(event: Event) -> QuerySet[MeetingSlot]:
    return (
        MeetingSlot.objects.filter(event=event)
        .annotate(
            placed=Count("meetings", filter=Q(meetings__cancelled_at__isnull=True)),
            published=Count(
                "meetings",
                filter=Q(meetings__cancelled_at__isnull=True, meetings__published_at__isnull=False),
            ),
        )
        .order_by("starts_at")
    )


def event_meetings(event: Event, *, status: str = "") -> QuerySet[Meeting]:
    """The staff's list of the event's meetings: live (default), unplaced or cancelled."""
    found = meetings().filter(event=event)
    if status == "cancelled":
        return found.filter(cancelled_at__isnull=False).order_by("-cancelled_at", "pk")
    found = found.filter(cancelled_at__isnull=True)
    if status == "unplaced":
        found = found.filter(slot__isnull=True)
    return found.order_by("slot__starts_at", "table", "pk")


def last_run(event: Event) -> SchedulingRun | None:
    return (
        SchedulingRun.objects.filter(event=event)
        .select_related("run_by")
        .order_by("-created_at", "-pk")
        .first()
    )


def meeting_counts(event: Event) -> dict[str, int]:
    """Live meetings, placed, published, and pending requests: the scheduling page's box."""
    live = Q(cancelled_at__isnull=True)
    counts = Meeting.objects.filter(event=event).aggregate(
        live=Count("pk", filter=live),
        placed=Count("pk", filter=live & Q(slot__isnull=False)),
        published=Count("pk", filter=live & Q(published_at__isnull=False)),
    )
    counts["pending_requests"] = MeetingRequest.objects.filter(
        event=event, status=RequestStatus.PENDING
    ).count()
    counts["slots"] = MeetingSlot.objects.filter(event=event).count()
    return counts


def event_profiles(event: Event) -> QuerySet[B2BProfile]:
    """Every profile of confirmed participants (listed or not), for the staff's choices."""
    return (
        B2BProfile.objects.filter(
            registration__event=event, registration__status=RegistrationStatus.CONFIRMED
        )
        .select_related("registration__organisation")
        .order_by("registration__last_name", "registration__first_name", "pk")
    )
