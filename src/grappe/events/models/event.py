import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grappe.core.i18n import localised
from grappe.events.choices import Audience, EventKind
from grappe.members.models import Cluster

MONEY = {"max_digits": 10, "decimal_places": 2}


class Event(models.Model):
    """A trade show, convention, workshop, training, conference or webinar of the pôle."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    # None: no limit.
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    has_waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    # Confirmed registrations, kept by the services; the database refuses a value above the
    # capacity, which is what makes the capacity hold under concurrent registrations.
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)
    price_member = models.DecimalField(_("price for members (€)"), default=0, **MONEY)
    price_non_member = models.DecimalField(_("price for non-members (€)"), default=0, **MONEY)
    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("organising cluster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    b2b_enabled = models.BooleanField(_("B2B meetings"), default=False)
    # When the organiser last published the B2B agendas; None while they are a draft.
    agendas_published_at = models.DateTimeField(_("agendas published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EventKind.values), name="events_event_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(audience__in=Audience.values), name="events_event_audience_valid"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="events_event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="events_event_capacity_positive",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")),
                name="events_event_seats_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(price_member__gte=0) & Q(price_non_member__gte=0),
                name="events_event_prices_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="events_event_registration_window_ordered",
            ),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    @property
    def title(self) -> str:
        return localised(self.title_fr, self.title_en)

    @property
    def description(self) -> str:
        return localised(self.description_fr, self.description_en)

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.seats_taken >= self.capacity

    @property
    def is_members_only(self) -> bool:
        return self.audience == Audience.MEMBERS

    def registration_closes(self) -> datetime.datetime:
        """When registration closes: the date set, else the start of the event."""
        return self.registration_closes_at or self.starts_at

    def registration_not_yet_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.registration_opens_at is not None and now < self.registration_opens_at

    def registration_is_closed(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return now >= min(self.registration_closes(), self.starts_at)

    def registration_is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return not (self.registration_not_yet_open(now) or self.registration_is_closed(now))

    def has_started(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    def is_past(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.ends_at
