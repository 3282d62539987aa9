"""B2B meetings (rendez-vous d'affaires): participants' profiles, the slot plan, meeting
requests, the meetings they become, and the scheduler's runs."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from grappe.core.models import Term
from grappe.events.choices import Priority, RequestStatus, RunStatus
from grappe.events.models.event import Event
from grappe.events.models.registration import Registration


class MeetingSlot(models.Model):
    """A time slot of the B2B meetings, with the number of tables available in it."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meeting_slots"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    # Slots of one session (a morning, an afternoon) follow each other; breaks are counted
    # within a session only.
    session = models.CharField(_("session"), max_length=50)
    tables = models.PositiveSmallIntegerField(_("tables"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["event", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="events_slot_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(tables__gt=0), name="events_slot_has_tables"),
            models.UniqueConstraint(fields=["event", "starts_at"], name="events_slot_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


class B2BProfile(models.Model):
    """What a participant offers and seeks at an event's B2B meetings."""

    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="b2b_profile",
    )
    offer = models.TextField(_("what I offer"), blank=True)
    seek = models.TextField(_("what I am looking for"), blank=True)
    offered_terms = models.ManyToManyField(
        Term, verbose_name=_("offered capabilities"), blank=True, related_name="+"
    )
    sought_terms = models.ManyToManyField(
        Term, verbose_name=_("sought capabilities"), blank=True, related_name="+"
    )
    unavailable_slots = models.ManyToManyField(
        MeetingSlot, verbose_name=_("unavailable slots"), blank=True, related_name="+"
    )
    # Listed in the participant catalogue and open to requests.
    is_listed = models.BooleanField(_("listed in the catalogue"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("B2B profile")
        verbose_name_plural = _("B2B profiles")

    def __str__(self) -> str:
        return str(self.registration)


class MeetingRequest(models.Model):
    """A participant asks another one for a meeting; accepted, it becomes a Meeting."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meeting_requests"
    )
    requester = models.ForeignKey(
        B2BProfile,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="requests_made",
    )
    recipient = models.ForeignKey(
        B2BProfile,
        verbose_name=_("requested from"),
        on_delete=models.CASCADE,
        related_name="requests_received",
    )
    message = models.TextField(_("message"), blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["event", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RequestStatus.values), name="events_request_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(priority__in=Priority.values), name="events_request_priority_valid"
            ),
            models.CheckConstraint(
                condition=~Q(requester=F("recipient")), name="events_request_not_to_oneself"
            ),
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=Q(status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED]),
                name="events_request_once_while_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester} → {self.recipient}"


class Meeting(models.Model):
    """A meeting two participants agreed to (or that staff added), placed by the scheduler in
    a slot at a table."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meetings"
    )
    request = models.OneToOneField(
        MeetingRequest,
        verbose_name=_("request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting",
    )
    first = models.ForeignKey(
        B2BProfile, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="+"
    )
    second = models.ForeignKey(
        B2BProfile, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="+"
    )
    weight = models.PositiveSmallIntegerField(_("weight"), default=Priority.NORMAL)
    added_by_staff = models.BooleanField(_("added by staff"), default=False)
    slot = models.ForeignKey(
        MeetingSlot,
        verbose_name=_("slot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    table = models.PositiveSmallIntegerField(_("table"), null=True, blank=True)
    # Set when the meeting's slot and table were published: a re-scheduling keeps them.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("B2B meeting")
        verbose_name_plural = _("B2B meetings")
        ordering = ["event", "slot__starts_at", "table"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(first=F("second")), name="events_meeting_two_participants"
            ),
            models.CheckConstraint(
                condition=Q(slot__isnull=True, table__isnull=True)
                | Q(slot__isnull=False, table__gt=0),
                name="events_meeting_slot_and_table_together",
            ),
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=Q(cancelled_at__isnull=True, slot__isnull=False),
                name="events_meeting_one_per_table",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(slot__isnull=False),
                name="events_meeting_published_has_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} ↔ {self.second}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class SchedulingRun(models.Model):
    """One run of the scheduler for an event: what it found and what it proved."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="scheduling_runs"
    )
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=RunStatus.choices)
    meetings_scheduled = models.PositiveIntegerField(_("meetings scheduled"), default=0)
    meetings_unscheduled = models.PositiveIntegerField(_("meetings not scheduled"), default=0)
    weight = models.PositiveIntegerField(_("weight scheduled"), default=0)
    weight_bound = models.PositiveIntegerField(_("proven weight bound"), null=True, blank=True)
    breaks = models.PositiveIntegerField(_("breaks"), default=0)
    breaks_bound = models.PositiveIntegerField(_("proven breaks bound"), null=True, blank=True)
    seconds = models.FloatField(_("time (s)"), default=0)
    created_at = models.DateTimeField(_("run at"), auto_now_add=True)

    class Meta:
        verbose_name = _("scheduling run")
        verbose_name_plural = _("scheduling runs")
        ordering = ["event", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RunStatus.values), name="events_run_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} · {self.created_at:%Y-%m-%d %H:%M}"
