"""Every write of the capability directory: one transaction, one activity-log entry, and
the organisation's search document rebuilt in the same transaction."""

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activity
from grappe.core.models import Facet, Term, User
from grappe.directory.models import Capability, CapabilityProfile, Equipment, Tolerance
from grappe.directory.search.index import reindex_organisations
from grappe.members.models import Organisation


@transaction.atomic
def set_capabilities(
    *,
    actor: User | None,
    organisation: Organisation,
    terms: Iterable[Term],
    facets: Iterable[str] | None = None,
) -> dict[str, list[str]]:
    """Make the organisation's terms of these facets (all facets by default) exactly `terms`.

    Returns the codes added and removed, which the activity log keeps.
    """
    facet_list = list(facets) if facets is not None else list(Facet.values)
    wanted = {term.pk: term for term in terms}
    outside = sorted(t.code for t in wanted.values() if t.facet not in facet_list)
    if outside:
        raise ValidationError(
            {"terms": _("These terms are not of the facets edited: %(codes)s")
             % {"codes": ", ".join(outside)}}
        )  # fmt: skip
    current = {
        c.term_id: c
        for c in Capability.objects.filter(
            organisation=organisation, term__facet__in=facet_list
        ).select_related("term")
    }
    removed = [current[pk] for pk in current.keys() - wanted.keys()]
    added = [wanted[pk] for pk in wanted.keys() - current.keys()]
    if not (added or removed):
        return {"added": [], "removed": []}
    Capability.objects.filter(pk__in=[c.pk for c in removed]).delete()
    Capability.objects.bulk_create(Capability(organisation=organisation, term=t) for t in added)
    changes = {
        "added": sorted(t.code for t in added),
        "removed": sorted(c.term.code for c in removed),
    }
    log_activity(
        actor=actor,
        action="directory.capabilities.changed",
        target=organisation,
        data=changes,
    )
    reindex_organisations([organisation.pk])
    return changes


@transaction.atomic
def update_capability_profile(
    *, actor: User | None, organisation: Organisation, text_fr: str, text_en: str
) -> CapabilityProfile:
    """The organisation's free-text description of its know-how, in French and English."""
    profile, _created = CapabilityProfile.objects.get_or_create(organisation=organisation)
    before = field_values(profile, ["text_fr", "text_en"])
    profile.text_fr, profile.text_en = text_fr.strip(), text_en.strip()
    profile.full_clean()
    if changes := changes_since(before, profile):
        profile.save(update_fields=[*changes, "updated_at"])
        log_activity(
            actor=actor,
            action="directory.profile.updated",
            target=organisation,
            data={"changes": sorted(changes)},
        )
        reindex_organisations([organisation.pk])
    return profile


@transaction.atomic
def add_equipment(
    *,
    actor: User | None,
    organisation: Organisation,
    machine: str,
    quantity: int = 1,
    envelope: str = "",
) -> Equipment:
    equipment = Equipment(
        organisation=organisation,
        machine=machine.strip(),
        quantity=quantity,
        envelope=envelope.strip(),
    )
    equipment.full_clean()
    equipment.save()
    log_activity(
        actor=actor,
        action="directory.equipment.added",
        target=organisation,
        data={"equipment": str(equipment)},
    )
    reindex_organisations([organisation.pk])
    return equipment


@transaction.atomic
def remove_equipment(*, actor: User | None, equipment: Equipment) -> None:
    organisation = equipment.organisation
    log_activity(
        actor=actor,
        action="directory.equipment.removed",
        target=organisation,
        data={"equipment": str(equipment)},
    )
    equipment.delete()
    reindex_organisations([organisation.pk])


@transaction.atomic
def add_tolerance(
    *,
    actor: User | None,
    organisation: Organisation,
    feature: str,
    plus_minus_um: Decimal,
    process: Term | None = None,
) -> Tolerance:
    tolerance = Tolerance(
        organisation=organisation,
        feature=feature.strip(),
        plus_minus_um=plus_minus_um,
        process=process,
    )
    if plus_minus_um is not None and plus_minus_um <= 0:
        # The database's check would name no field; the editor must see which one is wrong.
        raise ValidationError({"plus_minus_um": _("A tolerance is greater than zero.")})
    tolerance.full_clean()
    tolerance.save()
    log_activity(
        actor=actor,
        action="directory.tolerance.added",
        target=organisation,
        data={"tolerance": str(tolerance)},
    )
    reindex_organisations([organisation.pk])
    return tolerance


@transaction.atomic
def remove_tolerance(*, actor: User | None, tolerance: Tolerance) -> None:
    organisation = tolerance.organisation
    log_activity(
        actor=actor,
        action="directory.tolerance.removed",
        target=organisation,
        data={"tolerance": str(tolerance)},
    )
    tolerance.delete()
    reindex_organisations([organisation.pk])
