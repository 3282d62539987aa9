"""Writes on meeting requests and meetings: ask, accept, decline, withdraw; the staff add and
remove meetings. After the agendas are published, each accepted request, added meeting or
cancellation re-schedules the event around the published meetings (a background task)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.events import b2b_mail_tasks, b2b_tasks
from grappe.events.b2b_rules import owns_profile
from grappe.events.choices import Priority, RegistrationStatus, RequestStatus
from grappe.events.models import B2BProfile, Event, Meeting, MeetingRequest
from grappe.events.services.b2b_common import (
    WrongState,
    enqueue_on_commit,
    is_staff,
    require_b2b,
    require_owner_or_staff,
    require_staff,
)

MESSAGE_MAX_LENGTH = 1_000
OPEN = (RequestStatus.PENDING, RequestStatus.ACCEPTED)


def _between(first: B2BProfile, second: B2BProfile) -> Q:
    return Q(first=first, second=second) | Q(first=second, second=first)


def _check_counterpart(requester: B2BProfile, recipient: B2BProfile, field: str) -> None:
    """The counterpart is another confirmed participant of the same event."""
    if recipient.pk == requester.pk:
        raise ValidationError({field: _("You cannot request a meeting with yourself.")})
    registration = recipient.registration
    if registration.event_id != requester.registration.event_id:
        raise ValidationError({field: _("This person does not take part in this event.")})
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ValidationError({field: _("This person's registration is no longer confirmed.")})


def _check_no_meeting_yet(first: B2BProfile, second: B2BProfile) -> None:
    if Meeting.objects.filter(_between(first, second), cancelled_at__isnull=True).exists():
        raise WrongState(_("These two participants already have a meeting."))


def _reschedule_if_published(event: Event) -> None:
    if event.agendas_published_at is not None:
        enqueue_on_commit(b2b_tasks.reschedule_meetings, event.pk)


@transaction.atomic
def request_meeting(
    *,
    actor: User | None,
    requester: B2BProfile,
    recipient: B2BProfile,
    message: str = "",
    priority: int = Priority.NORMAL,
) -> MeetingRequest:
    """The requester asks the recipient for a meeting, with a message and a priority."""
    require_owner_or_staff(actor, requester)
    event = requester.registration.event
    require_b2b(event)
    if requester.registration.status != RegistrationStatus.CONFIRMED:
        raise WrongState(_("Your registration is no longer confirmed."))
    _check_counterpart(requester, recipient, "recipient")
    if not recipient.is_listed:
        raise ValidationError({"recipient": _("This participant does not take requests.")})
    message = message.strip()
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ValidationError(
            {"message": _("At most %(count)d characters.") % {"count": MESSAGE_MAX_LENGTH}}
        )
    if priority not in Priority.values:
        raise ValidationError({"priority": _("Choose a priority among low, normal and high.")})
    pair = Q(requester=requester, recipient=recipient) | Q(requester=recipient, recipient=requester)
    if MeetingRequest.objects.filter(pair, status__in=OPEN).exists():
        raise WrongState(_("A request between you two is already open."))
    _check_no_meeting_yet(requester, recipient)
    try:
        with transaction.atomic():
            request = MeetingRequest.objects.create(
                event=event,
                requester=requester,
                recipient=recipient,
                message=message,
                priority=priority,
            )
    except IntegrityError as error:  # the same request, sent twice at once
        raise WrongState(_("A request between you two is already open.")) from error
    log_activity(
        actor=actor,
        action="events.b2b.request_made",
        target=request,
        data={"recipient": recipient.pk, "priority": priority},
    )
    enqueue_on_commit(b2b_mail_tasks.notify_request_made, request.pk)
    return request


def _answer(actor: User | None, request: MeetingRequest, status: str) -> MeetingRequest:
    if not (is_staff(actor) or owns_profile(actor, request.recipient)):
        raise PermissionDenied(_("Only the participant asked can answer this request."))
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RequestStatus.PENDING:
        raise WrongState(
            _("This request is already %(status)s.") % {"status": request.get_status_display()}
        )
    request.status = status
    request.answered_at = timezone.now()
    request.save(update_fields=["status", "answered_at"])
    return request


@transaction.atomic
def accept_request(*, actor: User | None, request: MeetingRequest) -> Meeting:
    """The recipient accepts: the request becomes a meeting weighing its priority."""
    require_b2b(request.event)
    request = _answer(actor, request, RequestStatus.ACCEPTED)
    if request.requester.registration.status != RegistrationStatus.CONFIRMED:
        raise WrongState(_("The participant who asked no longer takes part in the event."))
    _check_no_meeting_yet(request.requester, request.recipient)
    meeting = Meeting.objects.create(
        event=request.event,
        request=request,
        first=request.requester,
        second=request.recipient,
        weight=request.priority,
    )
    log_activity(
        actor=actor,
        action="events.b2b.request_accepted",
        target=request,
        data={"meeting": meeting.pk},
    )
    enqueue_on_commit(b2b_mail_tasks.notify_request_answered, request.pk)
    _reschedule_if_published(request.event)
    return meeting


@transaction.atomic
def decline_request(*, actor: User | None, request: MeetingRequest) -> MeetingRequest:
    require_b2b(request.event)
    request = _answer(actor, request, RequestStatus.DECLINED)
    log_activity(actor=actor, action="events.b2b.request_declined", target=request)
    enqueue_on_commit(b2b_mail_tasks.notify_request_answered, request.pk)
    return request


@transaction.atomic
def withdraw_request(*, actor: User | None, request: MeetingRequest) -> MeetingRequest:
    """The requester takes back a request not answered yet (an accepted one is a meeting:
    cancel the meeting instead)."""
    if not (is_staff(actor) or owns_profile(actor, request.requester)):
        raise PermissionDenied(_("Only the participant who asked can withdraw this request."))
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if request.status == RequestStatus.ACCEPTED:
        raise WrongState(_("This request was accepted: cancel the meeting instead."))
    if request.status != RequestStatus.PENDING:
        raise WrongState(
            _("This request is already %(status)s.") % {"status": request.get_status_display()}
        )
    request.status = RequestStatus.WITHDRAWN
    request.answered_at = timezone.now()
    request.save(update_fields=["status", "answered_at"])
    log_activity(actor=actor, action="events.b2b.request_withdrawn", target=request)
    return request


@transaction.atomic
def add_meeting(
    *,
    actor: User | None,
    first: B2BProfile,
    second: B2BProfile,
    weight: int = Priority.NORMAL,
) -> Meeting:
    """The staff add a meeting between two participants, without a request."""
    require_staff(actor)
    event = first.registration.event
    require_b2b(event)
    if first.registration.status != RegistrationStatus.CONFIRMED:
        raise ValidationError({"first": _("This person's registration is no longer confirmed.")})
    _check_counterpart(first, second, "second")
    if weight not in Priority.values:
        raise ValidationError({"weight": _("Choose a priority among low, normal and high.")})
    _check_no_meeting_yet(first, second)
    meeting = Meeting.objects.create(
        event=event, first=first, second=second, weight=weight, added_by_staff=True
    )
    log_activity(actor=actor, action="events.b2b.meeting_added", target=meeting)
    enqueue_on_commit(b2b_mail_tasks.notify_meeting_added, meeting.pk)
    _reschedule_if_published(event)
    return meeting


@transaction.atomic
def cancel_meeting(*, actor: User | None, meeting: Meeting) -> Meeting:
    """A participant of the meeting or the staff cancel it; its request counts as withdrawn.
    Its slot is freed for the others."""
    parties = (meeting.first, meeting.second)
    if not (is_staff(actor) or any(owns_profile(actor, profile) for profile in parties)):
        raise PermissionDenied(_("Only its participants or the staff can cancel a meeting."))
    meeting = Meeting.objects.select_for_update().select_related("event").get(pk=meeting.pk)
    if meeting.cancelled_at is not None:
        raise WrongState(_("This meeting is already cancelled."))
    meeting.cancelled_at = timezone.now()
    meeting.save(update_fields=["cancelled_at"])
    if meeting.request_id is not None:
        MeetingRequest.objects.filter(pk=meeting.request_id, status=RequestStatus.ACCEPTED).update(
            status=RequestStatus.WITHDRAWN
        )
    log_activity(
        actor=actor,
        action="events.b2b.meeting_cancelled",
        target=meeting,
        data={"was_published": meeting.published_at is not None},
    )
    enqueue_on_commit(b2b_mail_tasks.notify_meeting_cancelled, meeting.pk)
    _reschedule_if_published(meeting.event)
    return meeting


def withdraw_from_meetings(*, registration_id: int) -> int:
    """Cancel the live meetings and open requests of a participant whose registration is
    being cancelled, within the registration service's transaction (which logs it once).
    Returns the number of meetings cancelled; published agendas are re-scheduled."""
    now = timezone.now()
    MeetingRequest.objects.filter(
        Q(requester__registration_id=registration_id)
        | Q(recipient__registration_id=registration_id),
        status=RequestStatus.PENDING,
    ).update(status=RequestStatus.WITHDRAWN, answered_at=now)
    cancelled = list(
        Meeting.objects.filter(
            Q(first__registration_id=registration_id) | Q(second__registration_id=registration_id),
            cancelled_at__isnull=True,
        ).select_related("event")
    )
    if not cancelled:
        return 0
    Meeting.objects.filter(pk__in=[m.pk for m in cancelled]).update(cancelled_at=now)
    MeetingRequest.objects.filter(
        pk__in=[m.request_id for m in cancelled if m.request_id], status=RequestStatus.ACCEPTED
    ).update(status=RequestStatus.WITHDRAWN)
    for meeting in cancelled:
        enqueue_on_commit(b2b_mail_tasks.notify_meeting_cancelled, meeting.pk)
    _reschedule_if_published(cancelled[0].event)
    return len(cancelled)
