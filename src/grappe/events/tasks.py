"""Background work of registrations: thin tasks that take ids and send the e-mails."""

from django_tasks import task

from grappe.events import notifications


@task()
def notify_confirm_email(registration_id: int) -> int:
    return notifications.send_confirm_email(registration_id)


@task()
def notify_registered(registration_id: int) -> int:
    return notifications.send_registered(registration_id)


@task()
def notify_promoted(registration_id: int) -> int:
    return notifications.send_promoted(registration_id)


@task()
def notify_cancelled(registration_id: int) -> int:
    return notifications.send_cancelled(registration_id)
