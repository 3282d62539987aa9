"""Writes on organisations: create, edit, import a member file."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activities, log_activity
from grappe.core.bulk import insert_many, read_ids, update_many
from grappe.core.hooks import ORGANISATIONS_CHANGED, announce
from grappe.core.models import User
from grappe.members.models import (
    Organisation,
)
from grappe.members.services.common import (
    ORGANISATION_FIELDS,
    ORGANISATION_FIELDS_FOR_CONTACTS,
    assign,
    reject_unknown_fields,
    row_error,
    save_validated,
)


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, counter = base, 2
    while Organisation.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def create_organisation(*, actor: User | None, data: dict[str, Any]) -> Organisation:
    reject_unknown_fields(data, ORGANISATION_FIELDS)
    organisation = Organisation(**data)
    organisation.slug = _unique_slug(organisation.name)
    save_validated(organisation)
    log_activity(actor=actor, action="members.organisation.created", target=organisation)
    announce(ORGANISATIONS_CHANGED, [organisation.pk])
    return organisation


@transaction.atomic
def update_organisation(
    *, actor: User | None, organisation: Organisation, data: dict[str, Any], staff: bool
) -> Organisation:
    """Change an organisation; `staff` says whether the staff-only fields may change."""
    reject_unknown_fields(data, ORGANISATION_FIELDS if staff else ORGANISATION_FIELDS_FOR_CONTACTS)
    before = field_values(organisation, ORGANISATION_FIELDS | {"departement", "region"})
    assign(organisation, data)
    organisation.full_clean()  # also derives the SIREN, the département and the region
    if changes := changes_since(before, organisation):
        save_validated(organisation, update_fields=[*changes, "updated_at"])
        log_activity(
            actor=actor,
            action="members.organisation.updated",
            target=organisation,
            data={"changes": changes},
        )
        announce(ORGANISATIONS_CHANGED, [organisation.pk])
    return organisation


def _batch_slug(name: str, taken: set[str]) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, counter = base, 2
    while slug in taken or Organisation.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    taken.add(slug)
    return slug


@transaction.atomic
def import_organisations(
    *, actor: User | None, rows: Sequence[dict[str, Any]]
) -> list[Organisation]:
    """Create many organisations at once (a member file); all of them or none.

    Each row is checked as `create_organisation` checks one; a SIRET used twice, in the
    rows or in the database, stops the import with the row named.
    """
    organisations, slugs, sirets = [], set(), {}
    for number, data in enumerate(rows, start=1):
        reject_unknown_fields(data, ORGANISATION_FIELDS)
        organisation = Organisation(**data)
        try:
            # The choices are checked field by field; the SIRET's uniqueness below.
            organisation.full_clean(
                exclude=["slug"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            raise row_error(number, error) from error
        if organisation.siret:
            if organisation.siret in sirets:
                raise row_error(number, ValidationError({"siret": _("This SIRET is twice.")}))
            sirets[organisation.siret] = number
        organisation.slug = _batch_slug(organisation.name, slugs)
        organisations.append(organisation)
    used = Organisation.objects.filter(siret__in=sirets).values_list("siret", flat=True).first()
    if used:
        message = _("Another organisation already has this SIRET.")
        raise row_error(sirets[used], ValidationError({"siret": message}))
    created = Organisation.objects.bulk_create(organisations)
    for organisation in created:
        log_activity(
            actor=actor,
            action="members.organisation.created",
            target=organisation,
            data={"import": True},
        )
    announce(ORGANISATIONS_CHANGED, [organisation.pk for organisation in created])
    return created


@dataclass(frozen=True)
class CheckedOrganisation:
    """An organisation checked by `check_organisation`, for `save_checked_organisations`."""

    organisation: Organisation
    changes: dict[str, list[Any]]  # {field: [old, new]}; empty for a new organisation

    @property
    def is_new(self) -> bool:
        return self.organisation.pk is None


def check_organisation(
    *, organisation: Organisation | None, data: dict[str, Any]
) -> CheckedOrganisation:
    """Check `data` as the staff's create (`organisation` None) or update would, unsaved.

    Each field given is cleaned on its own, then the organisation as a whole (the SIREN from
    the SIRET, the place from the postcode); every error is raised at once, by field. The
    organisation passed in is changed in memory even when the check fails. The SIRET's
    uniqueness is the database's, checked by `save_checked_organisations`.
    """
    reject_unknown_fields(data, ORGANISATION_FIELDS)
    is_new = organisation is None
    instance = Organisation() if is_new else organisation
    before = {} if is_new else field_values(instance, ORGANISATION_FIELDS | PLACE_FIELDS)
    errors: dict[str, list[str]] = {}
    for name, value in data.items():
        if name in CHECKED_BY_CLEAN:
            setattr(instance, name, value)
            continue
        try:
            setattr(instance, name, Organisation._meta.get_field(name).clean(value, instance))
        except ValidationError as error:
            errors[name] = error.messages
    try:
        instance.clean()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, messages)
    if errors:
        raise ValidationError(errors)
    return CheckedOrganisation(organisation=instance, changes=changes_since(before, instance))


PLACE_FIELDS = frozenset({"departement", "region"})  # derived from the postcode
# Checked (and normalised) by Organisation.clean(); its field validator would parse the
# phone number a second time, which is most of the cost of checking a row.
CHECKED_BY_CLEAN = frozenset({"phone"})


@transaction.atomic
def save_checked_organisations(
    *, actor: User | None, checked: Sequence[CheckedOrganisation]
) -> list[Organisation]:
    """Create and change many organisations checked by `check_organisation`, in a few
    queries whatever their number: all of them or none (a large member file).

    New organisations get a unique slug; changed ones keep theirs. A SIRET that another
    organisation took meanwhile stops everything. One activity entry per organisation
    written, and one announcement for all of them.
    """
    new = [item.organisation for item in checked if item.is_new]
    changed = [item for item in checked if not item.is_new and item.changes]
    taken = set(Organisation.objects.values_list("slug", flat=True)) if new else set()
    for organisation in new:
        organisation.slug = _batch_slug_in(organisation.name, taken)
    now = timezone.now()
    by_fields: dict[tuple[str, ...], list[Organisation]] = defaultdict(list)
    for item in changed:  # each organisation writes only the fields that changed
        item.organisation.updated_at = now
        by_fields[(*sorted(item.changes), "updated_at")].append(item.organisation)
    try:
        with transaction.atomic():
            insert_many(Organisation, new)
            read_ids(Organisation, new, ["slug"])
            for fields, organisations in by_fields.items():
                update_many(Organisation, organisations, fields)
    except IntegrityError as error:
        raise ValidationError(
            {"siret": _("Another organisation already has one of these SIRET numbers.")}
        ) from error
    log_activities(
        actor=actor,
        action="members.organisation.created",
        entries=((organisation, {"import": True}) for organisation in new),
    )
    log_activities(
        actor=actor,
        action="members.organisation.updated",
        entries=((item.organisation, {"changes": item.changes}) for item in changed),
    )
    saved = [*new, *(item.organisation for item in changed)]
    announce(ORGANISATIONS_CHANGED, [organisation.pk for organisation in saved])
    return saved


def _batch_slug_in(name: str, taken: set[str]) -> str:
    """A slug for `name` not in `taken` (every slug in use, loaded once), then taken."""
    base = slugify(name)[:200] or "organisation"
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    taken.add(slug)
    return slug
