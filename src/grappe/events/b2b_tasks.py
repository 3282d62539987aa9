"""Background work of the B2B meetings: re-scheduling after the agendas are published."""

from django_tasks import task

from grappe.events.models import Event
from grappe.events.services import b2b_scheduling


@task()
def reschedule_meetings(event_id: int) -> int | None:
    """Place the new meetings around the published ones; the id of the run, if any."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return None
    run = b2b_scheduling.reschedule_published(event=event)
    return run.pk if run is not None else None
