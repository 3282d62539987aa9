"""Writes on clusters, the governance (staff and board) and partnerships."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activities, log_activity
from grappe.core.bulk import insert_many
from grappe.core.hooks import ORGANISATIONS_CHANGED, announce
from grappe.core.models import User
from grappe.members.choices import GovernanceRole, GoverningBody
from grappe.members.models import (
    Cluster,
    ClusterMembership,
    Organisation,
    Partnership,
    Person,
    Position,
)
from grappe.members.services.common import (
    assign,
    reject_unknown_fields,
    save_validated,
)


@transaction.atomic
def update_cluster(*, actor: User | None, cluster: Cluster, data: dict[str, Any]) -> Cluster:
    reject_unknown_fields(data, frozenset({"description_fr", "description_en", "animator"}))
    before = field_values(cluster, data)
    assign(cluster, data)
    if changes := changes_since(before, cluster):
        save_validated(cluster, update_fields=list(changes))
        log_activity(
            actor=actor, action="members.cluster.updated", target=cluster, data={"changes": changes}
        )
    return cluster


@transaction.atomic
def join_cluster(
    *,
    actor: User | None,
    cluster: Cluster,
    organisation: Organisation,
    joined_on: datetime.date | None = None,
) -> ClusterMembership:
    link, created = ClusterMembership.objects.get_or_create(
        cluster=cluster,
        organisation=organisation,
        defaults={"joined_on": joined_on or timezone.localdate()},
    )
    if created:
        log_activity(
            actor=actor,
            action="members.cluster.joined",
            target=organisation,
            data={"cluster": cluster.slug},
        )
        announce(ORGANISATIONS_CHANGED, [organisation.pk])
    return link


@transaction.atomic
def leave_cluster(*, actor: User | None, cluster: Cluster, organisation: Organisation) -> None:
    deleted, _count = ClusterMembership.objects.filter(
        cluster=cluster, organisation=organisation
    ).delete()
    if deleted:
        log_activity(
            actor=actor,
            action="members.cluster.left",
            target=organisation,
            data={"cluster": cluster.slug},
        )
        announce(ORGANISATIONS_CHANGED, [organisation.pk])


@transaction.atomic
def create_cluster(
    *,
    actor: User | None,
    name: str,
    slug: str,
    description_fr: str = "",
    description_en: str = "",
    animator: Person | None = None,
) -> Cluster:
    """A new thematic cluster of the pôle."""
    cluster = Cluster(
        name=name.strip(),
        slug=slug,
        description_fr=description_fr,
        description_en=description_en,
        animator=animator,
    )
    save_validated(cluster)
    log_activity(actor=actor, action="members.cluster.created", target=cluster)
    return cluster


@transaction.atomic
def appoint(
    *,
    actor: User | None,
    person: Person,
    body: str,
    role: str,
    start_date: datetime.date,
    title: str = "",
    organisation: Organisation | None = None,
) -> Position:
    """Give a person a seat in the staff or on the board. A new president ends the last one."""
    if role == GovernanceRole.PRESIDENT:
        if body != GoverningBody.BOARD:
            raise ValidationError({"body": _("The president sits on the board.")})
        for previous in Position.objects.filter(role=role, end_date__isnull=True):
            if previous.start_date >= start_date:
                raise ValidationError(
                    {"start_date": _("The current president started on or after this date.")}
                )
            previous.end_date = start_date - datetime.timedelta(days=1)
            previous.save(update_fields=["end_date"])
            log_activity(actor=actor, action="members.position.ended", target=previous)
    position = Position(
        person=person,
        body=body,
        role=role,
        title=title,
        organisation=organisation,
        start_date=start_date,
    )
    save_validated(position)
    log_activity(actor=actor, action="members.position.started", target=position)
    return position


@transaction.atomic
def end_position(*, actor: User | None, position: Position, end_date: datetime.date) -> Position:
    position.end_date = end_date
    save_validated(position, update_fields=["end_date"])
    log_activity(
        actor=actor,
        action="members.position.ended",
        target=position,
        data={"end_date": end_date.isoformat()},
    )
    return position


@transaction.atomic
def create_partnership(
    *,
    actor: User | None,
    partner: Organisation,
    partnership_type: str,
    start_date: datetime.date,
    description_fr: str = "",
    description_en: str = "",
) -> Partnership:
    partnership = Partnership(
        partner=partner,
        type=partnership_type,
        start_date=start_date,
        description_fr=description_fr,
        description_en=description_en,
    )
    save_validated(partnership)
    log_activity(actor=actor, action="members.partnership.created", target=partnership)
    return partnership


@transaction.atomic
def set_cluster_memberships(
    *,
    actor: User | None,
    clusters_of: Sequence[tuple[Organisation, Sequence[Cluster]]],
) -> dict[str, int]:
    """Make each organisation's clusters exactly those given, for many organisations at once
    (an import), in a few queries. Returns how many links were made and ended."""
    wanted = {
        (organisation.pk, cluster.pk): (organisation, cluster)
        for organisation, clusters in clusters_of
        for cluster in clusters
    }
    organisation_ids = [organisation.pk for organisation, _clusters in clusters_of]
    current = {
        (link.organisation_id, link.cluster_id): link
        for ids in _chunks(organisation_ids)
        for link in ClusterMembership.objects.filter(organisation_id__in=ids).select_related(
            "cluster", "organisation"
        )
    }
    ended = [current[key] for key in current.keys() - wanted.keys()]
    made = [wanted[key] for key in wanted.keys() - current.keys()]
    ClusterMembership.objects.filter(pk__in=[link.pk for link in ended]).delete()
    today = timezone.localdate()
    insert_many(
        ClusterMembership,
        [ClusterMembership(organisation=o, cluster=c, joined_on=today) for o, c in made],
    )
    log_activities(
        actor=actor,
        action="members.cluster.joined",
        entries=((o, {"cluster": c.slug}) for o, c in made),
    )
    log_activities(
        actor=actor,
        action="members.cluster.left",
        entries=((link.organisation, {"cluster": link.cluster.slug}) for link in ended),
    )
    announce(
        ORGANISATIONS_CHANGED,
        [o.pk for o, _c in made] + [link.organisation_id for link in ended],
    )
    return {"joined": len(made), "left": len(ended)}


def _chunks(ids: Sequence[int], size: int = 5000) -> list[Sequence[int]]:
    return [ids[start : start + size] for start in range(0, len(ids), size)]
