"""Writes on organisations: create, edit, import a member file."""

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activity
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
