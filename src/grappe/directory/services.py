"""Every write of the capability directory: one transaction, one activity-log entry, and
the organisation's search document rebuilt in the same transaction."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activities, log_activity
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


@dataclass(frozen=True)
class CapabilityRecord:
    """What a bulk import says of one organisation's know-how."""

    organisation: Organisation
    terms: Sequence[Term]
    text_fr: str = ""
    text_en: str = ""
    equipment: Sequence[tuple[str, int, str]] = ()  # machine, quantity, envelope
    tolerances: Sequence[tuple[str, Decimal, Term | None]] = ()  # feature, ± µm, process


BATCH = 500


def _chunks(values: Sequence, size: int = BATCH) -> Iterable[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _invalid(organisation: Organisation, error: ValidationError) -> ValidationError:
    messages = "; ".join(" ".join(texts) for texts in error.message_dict.values())
    return ValidationError(
        _("%(organisation)s: %(errors)s") % {"organisation": organisation, "errors": messages}
    )


def _checked_record(record: CapabilityRecord) -> CapabilityRecord:
    """The record with its texts stripped, or a ValidationError naming the organisation."""
    organisation = record.organisation
    try:
        for machine, quantity, envelope in record.equipment:
            equipment = Equipment(machine=machine.strip(), quantity=quantity, envelope=envelope)
            equipment.clean_fields(exclude=["organisation"])
        for feature, plus_minus_um, process in record.tolerances:
            if plus_minus_um is None or plus_minus_um <= 0:
                raise ValidationError({"plus_minus_um": _("A tolerance is greater than zero.")})
            if process is not None and process.facet != Facet.PROCESS:
                raise ValidationError({"process": _("This term is not a process.")})
            Tolerance(feature=feature.strip(), plus_minus_um=plus_minus_um).clean_fields(
                exclude=["organisation", "process"]
            )
    except ValidationError as error:
        raise _invalid(organisation, error) from error
    return CapabilityRecord(
        organisation=organisation,
        terms=list({term.pk: term for term in record.terms}.values()),
        text_fr=record.text_fr.strip(),
        text_en=record.text_en.strip(),
        # A machine listed twice (same envelope) counts once, with the last quantity.
        equipment=[
            (machine, quantity, envelope)
            for (machine, envelope), quantity in {
                (m.strip(), e.strip()): q for m, q, e in record.equipment
            }.items()
        ],
        tolerances=[(f.strip(), Decimal(v), p) for f, v, p in record.tolerances],
    )


@dataclass
class _Current:
    """What the database holds of the imported organisations, read in four queries."""

    capabilities: dict[int, dict[int, Capability]]
    profiles: dict[int, CapabilityProfile]
    equipment: dict[int, dict[tuple[str, str], Equipment]]
    tolerances: dict[int, set[tuple[str, Decimal]]]

    @classmethod
    def read(cls, ids: Sequence[int]) -> "_Current":
        current = cls(defaultdict(dict), {}, defaultdict(dict), defaultdict(set))
        for chunk in _chunks(ids):
            for capability in Capability.objects.filter(organisation_id__in=chunk).select_related(
                "term"
            ):
                current.capabilities[capability.organisation_id][capability.term_id] = capability
            current.profiles |= CapabilityProfile.objects.in_bulk(chunk)
            for equipment in Equipment.objects.filter(organisation_id__in=chunk):
                key = (equipment.machine, equipment.envelope)
                current.equipment[equipment.organisation_id].setdefault(key, equipment)
            for organisation_id, feature, amount in Tolerance.objects.filter(
                organisation_id__in=chunk
            ).values_list("organisation_id", "feature", "plus_minus_um"):
                current.tolerances[organisation_id].add((feature, amount))
        return current


@transaction.atomic
def import_capabilities(*, actor: User | None, records: Sequence[CapabilityRecord]) -> list[int]:
    """Bring the know-how of many organisations to these records at once (a bulk import).

    Each organisation's terms become exactly the record's (all facets) and its capability
    texts the record's; the equipment and tolerances of the record are added when missing
    (the same machine and envelope, or the same feature and value; a machine's quantity is
    brought to the record's), and the others are kept. Everything is checked before
    anything is written. One activity-log entry per organisation that changed, and one
    reindex of those organisations. Returns their ids.
    """
    records = [_checked_record(record) for record in records]
    ids = [record.organisation.pk for record in records]
    if len(set(ids)) != len(ids):
        raise ValidationError(_("An organisation appears twice in the import."))
    current = _Current.read(ids)
    now = timezone.now()
    writes: dict[str, list] = defaultdict(list)
    entries = []
    for record in records:
        organisation = record.organisation
        changes: dict[str, list[str]] = defaultdict(list)
        held = current.capabilities[organisation.pk]
        wanted = {term.pk: term for term in record.terms}
        for pk in held.keys() - wanted.keys():
            writes["removed"].append(held[pk].pk)
            changes["removed"].append(held[pk].term.code)
        for pk in wanted.keys() - held.keys():
            writes["added"].append(Capability(organisation=organisation, term=wanted[pk]))
            changes["added"].append(wanted[pk].code)
        profile = current.profiles.get(organisation.pk)
        texts = {"text_fr": record.text_fr, "text_en": record.text_en}
        if profile is None and any(texts.values()):
            writes["profiles"].append(CapabilityProfile(organisation=organisation, **texts))
            changes["profile"] = sorted(name for name, text in texts.items() if text)
        elif profile is not None:
            changed = sorted(name for name, text in texts.items() if getattr(profile, name) != text)
            if changed:
                profile.text_fr, profile.text_en, profile.updated_at = *texts.values(), now
                writes["updated profiles"].append(profile)
                changes["profile"] = changed
        machines = current.equipment[organisation.pk]
        for machine, quantity, envelope in record.equipment:
            equipment = machines.get((machine, envelope))
            if equipment is None:
                equipment = Equipment(
                    organisation=organisation, machine=machine, quantity=quantity, envelope=envelope
                )
                machines[(machine, envelope)] = equipment
                writes["equipment"].append(equipment)
            elif equipment.quantity != quantity:
                equipment.quantity = quantity
                writes["updated equipment"].append(equipment)
            else:
                continue
            changes["equipment"].append(str(equipment))
        held_tolerances = current.tolerances[organisation.pk]
        for feature, amount, process in record.tolerances:
            if (feature, amount) not in held_tolerances:
                held_tolerances.add((feature, amount))
                tolerance = Tolerance(
                    organisation=organisation, feature=feature, plus_minus_um=amount,
                    process=process,
                )  # fmt: skip
                writes["tolerances"].append(tolerance)
                changes["tolerances"].append(str(tolerance))
        if changes:
            data = {key: sorted(values) for key, values in changes.items()}
            entries.append((organisation, {**data, "changes": sorted(data)}))
    for chunk in _chunks(writes["removed"]):
        Capability.objects.filter(pk__in=chunk).delete()
    Capability.objects.bulk_create(writes["added"], batch_size=BATCH)
    CapabilityProfile.objects.bulk_create(writes["profiles"], batch_size=BATCH)
    CapabilityProfile.objects.bulk_update(
        writes["updated profiles"], ["text_fr", "text_en", "updated_at"], batch_size=BATCH
    )
    Equipment.objects.bulk_create(writes["equipment"], batch_size=BATCH)
    Equipment.objects.bulk_update(writes["updated equipment"], ["quantity"], batch_size=BATCH)
    Tolerance.objects.bulk_create(writes["tolerances"], batch_size=BATCH)
    changed = [organisation.pk for organisation, _data in entries]
    if entries:
        log_activities(actor=actor, action="directory.capabilities.changed", entries=entries)
        reindex_organisations(changed)
    return changed
