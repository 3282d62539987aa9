"""Writes on the labelling committee: meetings, members, agenda, decisions, abstentions."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.labelling.choices import DECISIONS, Status
from grappe.labelling.conflicts import conflicts_by_user
from grappe.labelling.models import Abstention, AgendaItem, Application, CommitteeMeeting
from grappe.labelling.services.common import WrongState, require_staff, save_validated
from grappe.labelling.services.workflow import decision_datetime, transition


@transaction.atomic
def create_meeting(
    *,
    actor: User | None,
    held_on: datetime.date,
    title: str,
    location: str = "",
    members: Iterable[User] = (),
) -> CommitteeMeeting:
    require_staff(actor)
    meeting = CommitteeMeeting(held_on=held_on, title=(title or "").strip(), location=location)
    save_validated(meeting)
    meeting.members.set(list(members))
    log_activity(
        actor=actor,
        action="labelling.committee.created",
        target=meeting,
        data={"members": sorted(meeting.members.values_list("pk", flat=True))},
    )
    return meeting


@transaction.atomic
def set_meeting_members(
    *, actor: User | None, meeting: CommitteeMeeting, members: Iterable[User]
) -> CommitteeMeeting:
    """Change who sits on the committee; the conflicted ones abstain on the items to decide."""
    require_staff(actor)
    members = list(members)
    before = sorted(meeting.members.values_list("pk", flat=True))
    after = sorted(member.pk for member in members)
    if before != after:
        meeting.members.set(members)
        log_activity(
            actor=actor,
            action="labelling.committee.members_set",
            target=meeting,
            data={"members": [before, after]},
        )
        for item in meeting.agenda.filter(decision="").select_related("application__project"):
            _record_abstentions(actor=actor, item=item)
    return meeting


def _record_abstentions(*, actor: User | None, item: AgendaItem) -> list[Abstention]:
    """Members with a conflict on the project abstain; recorded once, with the reason."""
    members = list(item.meeting.members.all())
    conflicts = conflicts_by_user(members, item.application.project)
    already = set(Abstention.objects.filter(agenda_item=item).values_list("member_id", flat=True))
    new = [
        Abstention(
            agenda_item=item,
            member=member,
            reason=" ".join(conflict.message for conflict in conflicts[member.pk])[:300],
        )
        for member in members
        if member.pk in conflicts and member.pk not in already
    ]
    if new:
        Abstention.objects.bulk_create(new)
        log_activity(
            actor=actor,
            action="labelling.committee.abstentions_recorded",
            target=item.application,
            data={"meeting": item.meeting_id, "members": [a.member_id for a in new]},
        )
    return new


@transaction.atomic
def add_to_agenda(
    *, actor: User | None, meeting: CommitteeMeeting, application: Application
) -> AgendaItem:
    """Put an application that is before the committee on a meeting's agenda."""
    require_staff(actor)
    if application.status != Status.COMMITTEE:
        raise WrongState(_("Only an application before the committee can go on its agenda."))
    if AgendaItem.objects.filter(application=application, decision="").exists():
        raise ValidationError(
            {"application": _("This application is already on an agenda, waiting for a decision.")}
        )
    last = meeting.agenda.aggregate(last=Max("position"))["last"]
    item = AgendaItem.objects.create(
        meeting=meeting, application=application, position=(last or 0) + 1
    )
    log_activity(
        actor=actor,
        action="labelling.committee.item_added",
        target=application,
        data={"meeting": meeting.pk, "item": item.pk},
    )
    _record_abstentions(actor=actor, item=item)
    return item


@transaction.atomic
def remove_from_agenda(*, actor: User | None, item: AgendaItem) -> None:
    require_staff(actor)
    if item.decision:
        raise WrongState(_("A decided item stays on the agenda."))
    log_activity(
        actor=actor,
        action="labelling.committee.item_removed",
        target=item.application,
        data={"meeting": item.meeting_id},
    )
    item.delete()


@transaction.atomic
def record_decision(
    *, actor: User | None, item: AgendaItem, decision: str, reservations: str = ""
) -> AgendaItem:
    """Record the committee's decision on an agenda item; the application moves to it.

    The decision is dated on the meeting's day. Reservations are required with
    "labelled with reservations", and only then."""
    require_staff(actor)
    item = (
        AgendaItem.objects.select_for_update()
        .select_related("meeting", "application__project")
        .get(pk=item.pk)
    )
    if item.decision:
        raise WrongState(_("The committee has already decided on this application."))
    if item.meeting.held_on > timezone.localdate():
        raise WrongState(_("The committee has not met yet."))
    reservations = (reservations or "").strip()
    if decision not in DECISIONS:
        raise ValidationError({"decision": _("Choose one of the committee's decisions.")})
    if decision == Status.LABELLED_WITH_RESERVATIONS and not reservations:
        raise ValidationError({"reservations": _("Write the committee's reservations.")})
    if decision != Status.LABELLED_WITH_RESERVATIONS and reservations:
        raise ValidationError(
            {"reservations": _("Reservations go with the decision “labelled with reservations”.")}
        )
    _record_abstentions(actor=actor, item=item)
    item.decision = decision
    item.reservations = reservations
    item.decided_at = decision_datetime(item.meeting.held_on)
    item.save(update_fields=["decision", "reservations", "decided_at"])
    application = item.application
    application.reservations = reservations
    application.save(update_fields=["reservations", "updated_at"])
    log_activity(
        actor=actor,
        action="labelling.committee.decided",
        target=application,
        data={"meeting": item.meeting_id, "decision": decision},
    )
    transition(
        actor=actor,
        application=application,
        to=decision,
        reason=str(item.meeting),
        committee_item=item,
    )
    return item
