"""The B2B meetings' e-mails, sent in the background once the change is committed."""

from django_tasks import task

from grappe.events import b2b_notifications


@task()
def notify_request_made(request_id: int) -> int:
    return b2b_notifications.send_request_made(request_id)


@task()
def notify_request_answered(request_id: int) -> int:
    return b2b_notifications.send_request_answered(request_id)


@task()
def notify_meeting_added(meeting_id: int) -> int:
    return b2b_notifications.send_meeting_added(meeting_id)


@task()
def notify_meeting_cancelled(meeting_id: int) -> int:
    return b2b_notifications.send_meeting_cancelled(meeting_id)


@task()
def notify_agendas_published(event_id: int) -> int:
    return b2b_notifications.send_agendas_published(event_id)


@task()
def notify_agenda_changed(event_id: int, profile_ids: list[int]) -> int:
    return b2b_notifications.send_agenda_changed(event_id, profile_ids)
