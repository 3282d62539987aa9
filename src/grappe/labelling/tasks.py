"""Background work of labelling: thin tasks that take ids and call a function."""

from django_tasks import task

from grappe.labelling import notifications


@task()
def notify_status_changed(application_id: int, status: str, reason: str = "") -> int:
    return notifications.send_status_changed(application_id, status, reason)


@task()
def notify_expert_assigned(assignment_id: int) -> int:
    return notifications.send_expert_assigned(assignment_id)


@task()
def notify_reservations_answered(application_id: int) -> int:
    return notifications.send_reservations_answered(application_id)


@task()
def send_expert_invitation(user_id: int) -> int:
    return notifications.send_expert_invitation(user_id)
