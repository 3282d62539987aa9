"""The e-mails of the B2B meetings. Each function takes ids, reads fresh data and sends; the
tasks of `b2b_mail_tasks` call them once the change is committed.

Who hears of what:
- the recipient of a request: the request; the requester: the answer;
- both participants: a meeting the staff added, a meeting cancelled;
- every participant with a profile: the publication of the agendas;
- after publication, the participants whose agenda changed (a new meeting placed).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from grappe.events.b2b_queries import meetings, requests
from grappe.events.choices import RegistrationStatus, RequestStatus
from grappe.events.models import B2BProfile, Event

TEMPLATES = "events/b2b_email/"


def _subject(text: str) -> str:
    return f"[{settings.GRAPPE_POLE_SHORT_NAME}] {text}"


def _link(name: str, event: Event) -> str:
    return settings.GRAPPE_SITE_URL + reverse(f"events:{name}", args=[event.slug])


def _send(subject: str, template: str, context: dict, recipients: list[str]) -> int:
    recipients = sorted({email.lower() for email in recipients if email})
    if not recipients:
        return 0
    body = render_to_string(TEMPLATES + template, {"pole": settings.GRAPPE_POLE_NAME, **context})
    # One message per participant: nobody sees the others' addresses.
    return sum(
        EmailMessage(_subject(subject), body, to=[recipient]).send() for recipient in recipients
    )


def _name(profile: B2BProfile) -> str:
    registration = profile.registration
    organisation = registration.organisation_display
    return f"{registration.full_name} ({organisation})" if organisation else registration.full_name


def send_request_made(request_id: int) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        request = requests().get(pk=request_id)
        event = request.event
        return _send(
            _("Meeting request at %(event)s") % {"event": event.title},
            "request_made.txt",
            {
                "event": event,
                "requester": _name(request.requester),
                "message": request.message,
                "link": _link("b2b_requests", event),
            },
            [request.recipient.registration.email],
        )


def send_request_answered(request_id: int) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        request = requests().get(pk=request_id)
        event = request.event
        accepted = request.status == RequestStatus.ACCEPTED
        return _send(
            (_("Meeting accepted at %(event)s") if accepted else _("Meeting declined at %(event)s"))
            % {"event": event.title},
            "request_answered.txt",
            {
                "event": event,
                "recipient": _name(request.recipient),
                "accepted": accepted,
                "link": _link("b2b_agenda" if accepted else "b2b_catalogue", event),
            },
            [request.requester.registration.email],
        )


def _meeting_mail(meeting_id: int, subject: str, template: str) -> int:
    meeting = meetings().select_related("event").get(pk=meeting_id)
    event = meeting.event
    sent = 0
    for own, other in ((meeting.first, meeting.second), (meeting.second, meeting.first)):
        sent += _send(
            subject % {"event": event.title},
            template,
            {
                "event": event,
                "counterpart": _name(other),
                "meeting": meeting,
                "was_published": meeting.published_at is not None,
                "link": _link("b2b_agenda", event),
            },
            [own.registration.email],
        )
    return sent


def send_meeting_added(meeting_id: int) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        return _meeting_mail(meeting_id, _("A meeting was added at %(event)s"), "meeting_added.txt")


def send_meeting_cancelled(meeting_id: int) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        return _meeting_mail(
            meeting_id, _("A meeting was cancelled at %(event)s"), "meeting_cancelled.txt"
        )


def _profiles(event: Event, ids: list[int] | None = None) -> list[B2BProfile]:
    found = B2BProfile.objects.filter(
        registration__event=event, registration__status=RegistrationStatus.CONFIRMED
    ).select_related("registration")
    if ids is not None:
        found = found.filter(pk__in=ids)
    return list(found)


def send_agendas_published(event_id: int) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        event = Event.objects.get(pk=event_id)
        return _send(
            _("Your B2B meetings agenda for %(event)s") % {"event": event.title},
            "agendas_published.txt",
            {"event": event, "link": _link("b2b_agenda", event)},
            [profile.registration.email for profile in _profiles(event)],
        )


def send_agenda_changed(event_id: int, profile_ids: list[int]) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        event = Event.objects.get(pk=event_id)
        return _send(
            _("Your B2B meetings agenda for %(event)s has changed") % {"event": event.title},
            "agenda_changed.txt",
            {"event": event, "link": _link("b2b_agenda", event)},
            [profile.registration.email for profile in _profiles(event, profile_ids)],
        )
