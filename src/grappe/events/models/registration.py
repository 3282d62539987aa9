from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from grappe.events.choices import RegistrationStatus
from grappe.events.models.event import Event
from grappe.events.models.fields import FoldedTextField
from grappe.members.models import Organisation, Person


class Registration(models.Model):
    """One person's place at an event: confirmed, waiting, awaiting e-mail confirmation or
    cancelled. Names and e-mail are copied so that a non-member needs no Person record."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    # What a non-member typed; for members, the organisation above.
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    is_member = models.BooleanField(_("member rate"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    # Secret of the e-mailed confirmation link and of the ticket's QR code.
    token = models.CharField(max_length=64, unique=True, editable=False)
    # Order of the waiting list: the earliest is promoted first.
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The names, e-mail and organisation folded, for the check-in search (queries.py).
    search_text = FoldedTextField(sources=["first_name", "last_name", "email", "organisation_name"])
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "last_name", "first_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values),
                name="events_registration_status_valid",
            ),
            # One live registration per e-mail and event: registering twice is refused.
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="events_registration_once_per_email",
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.WAITING) | Q(waiting_since__isnull=False),
                name="events_registration_waiting_has_date",
            ),
            models.CheckConstraint(
                condition=Q(checked_in_at__isnull=True) | Q(status=RegistrationStatus.CONFIRMED),
                name="events_registration_checked_in_only_confirmed",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "waiting_since"]),
            models.Index(fields=["event", "last_name"]),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.event}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def organisation_display(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_name

    @property
    def is_live(self) -> bool:
        """Not cancelled: the registration holds a seat, a place in line, or awaits its
        e-mail confirmation."""
        return self.status != RegistrationStatus.CANCELLED

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_checked_in(self) -> bool:
        return self.checked_in_at is not None
