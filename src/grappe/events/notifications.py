"""The e-mails of registrations. Each function takes a registration's id, reads it fresh and
sends; the tasks of tasks.py call them once the change is committed.

- a non-member who filled in the public form: the link that confirms the registration;
- a confirmed participant: the confirmation, with the ticket and the cancellation link;
- a person placed on the waiting list: their place in line;
- a person promoted from the waiting list: their seat, with the ticket;
- a cancelled registration: the acknowledgement.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from grappe.events.choices import RegistrationStatus
from grappe.events.models import Registration

TEMPLATES = "events/email/"


def participant_link(registration: Registration) -> str:
    """The participant's page of the registration, opened with its secret token."""
    return settings.GRAPPE_SITE_URL + reverse("events:participant", args=[registration.token])


def _context(registration: Registration) -> dict:
    event = registration.event
    starts = timezone.localtime(event.starts_at)
    return {
        "registration": registration,
        "event": event,
        "title": event.title,
        "when": formats.date_format(starts, "DATETIME_FORMAT"),
        "where": ", ".join(part for part in (event.venue, event.address, event.city) if part)
        or event.online_url,
        "link": participant_link(registration),
        "event_link": settings.GRAPPE_SITE_URL + event.get_absolute_url(),
        "pole": settings.GRAPPE_POLE_NAME,
    }


def _send(registration: Registration, subject: str, template: str) -> int:
    body = render_to_string(TEMPLATES + template, _context(registration))
    subject = f"[{settings.GRAPPE_POLE_SHORT_NAME}] {subject}"
    return EmailMessage(subject, body, to=[registration.email]).send()


def _registration(registration_id: int) -> Registration:
    return Registration.objects.select_related("event").get(pk=registration_id)


def send_confirm_email(registration_id: int) -> int:
    """Ask a non-member to confirm their registration by following the link."""
    with translation.override(settings.LANGUAGE_CODE):
        registration = _registration(registration_id)
        if registration.status != RegistrationStatus.PENDING:
            return 0
        return _send(
            registration,
            _("Confirm your registration: %(title)s") % {"title": registration.event.title},
            "confirm_email.txt",
        )


def send_registered(registration_id: int) -> int:
    """Confirm the seat (with the ticket) or the place on the waiting list."""
    with translation.override(settings.LANGUAGE_CODE):
        registration = _registration(registration_id)
        title = registration.event.title
        if registration.status == RegistrationStatus.CONFIRMED:
            return _send(
                registration,
                _("Registration confirmed: %(title)s") % {"title": title},
                "registered.txt",
            )
        if registration.status == RegistrationStatus.WAITING:
            return _send(
                registration,
                _("On the waiting list: %(title)s") % {"title": title},
                "waiting.txt",
            )
        return 0


def send_promoted(registration_id: int) -> int:
    """Tell the first person of the waiting list that a seat is theirs."""
    with translation.override(settings.LANGUAGE_CODE):
        registration = _registration(registration_id)
        if registration.status != RegistrationStatus.CONFIRMED:
            return 0
        return _send(
            registration,
            _("A seat is yours: %(title)s") % {"title": registration.event.title},
            "promoted.txt",
        )


def send_cancelled(registration_id: int) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        registration = _registration(registration_id)
        return _send(
            registration,
            _("Registration cancelled: %(title)s") % {"title": registration.event.title},
            "cancelled.txt",
        )
