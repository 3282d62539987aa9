"""Writes on people: contacts, their roles, their consents and their logins."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activity
from grappe.core.models import User
from grappe.members.choices import ContactRole
from grappe.members.models import (
    Affiliation,
    Organisation,
    Person,
)
from grappe.members.services.common import (
    CONSENT_FIELDS,
    PERSON_FIELDS,
    apply_consents,
    assign,
    reject_unknown_fields,
    row_error,
    save_validated,
)


@transaction.atomic
def create_person(
    *,
    actor: User | None,
    data: dict[str, Any],
    organisation: Organisation | None = None,
    role: str = ContactRole.OTHER,
) -> Person:
    reject_unknown_fields(data, PERSON_FIELDS)
    consents = {k: data[k] for k in ("directory_consent", "newsletter_opt_in") if k in data}
    person = Person(**{k: v for k, v in data.items() if k not in consents})
    apply_consents(person, consents)
    save_validated(person)
    if organisation is not None:
        affiliation = Affiliation(person=person, organisation=organisation, role=role)
        affiliation.full_clean()
        affiliation.save()
    log_activity(
        actor=actor,
        action="members.person.created",
        target=person,
        data={"organisation": organisation.pk if organisation else None, "role": role},
    )
    return person


@transaction.atomic
def update_person(*, actor: User | None, person: Person, data: dict[str, Any]) -> Person:
    reject_unknown_fields(data, PERSON_FIELDS)
    consent_keys = {"directory_consent", "newsletter_opt_in"}
    before = field_values(person, PERSON_FIELDS | {"directory_consent_at", "newsletter_opt_in_at"})
    assign(person, {k: v for k, v in data.items() if k not in consent_keys})
    apply_consents(person, {k: data[k] for k in consent_keys & set(data)})
    person.full_clean()  # normalises the e-mail and the phone number
    if changes := changes_since(before, person):
        save_validated(person, update_fields=[*changes, "updated_at"])
        log_activity(
            actor=actor,
            action="members.person.updated",
            target=person,
            data={"changes": {k: v for k, v in changes.items() if not k.endswith("_at")}},
        )
    return person


@transaction.atomic
def affiliate_person(
    *, actor: User | None, person: Person, organisation: Organisation, role: str
) -> Affiliation:
    affiliation, created = Affiliation.objects.get_or_create(
        person=person, organisation=organisation, defaults={"role": role}
    )
    if not created and affiliation.role != role:
        affiliation.role = role
        affiliation.full_clean()
        affiliation.save(update_fields=["role"])
    log_activity(
        actor=actor,
        action="members.person.affiliated",
        target=person,
        data={"organisation": organisation.pk, "role": role},
    )
    return affiliation


@transaction.atomic
def remove_affiliation(*, actor: User | None, affiliation: Affiliation) -> None:
    person, organisation = affiliation.person, affiliation.organisation
    affiliation.delete()
    log_activity(
        actor=actor,
        action="members.person.unaffiliated",
        target=person,
        data={"organisation": organisation.pk},
    )


@transaction.atomic
def link_user_account(*, actor: User | None, person: Person, user: User) -> Person:
    """Give a person a login; a user account belongs to one person at most."""
    if Person.objects.filter(user=user).exclude(pk=person.pk).exists():
        raise ValidationError({"user": _("This user account belongs to another person.")})
    if person.user_id != user.pk:
        person.user = user
        person.save(update_fields=["user", "updated_at"])
        log_activity(
            actor=actor,
            action="members.person.account_linked",
            target=person,
            data={"user": user.pk},
        )
    return person


@dataclass(frozen=True)
class ContactRecord:
    """A person to create as a contact of an organisation."""

    data: dict[str, Any]
    organisation: Organisation
    role: str = ContactRole.OTHER


@transaction.atomic
def import_people(*, actor: User | None, records: Sequence[ContactRecord]) -> list[Person]:
    """Create many people, each with their role in an organisation; all of them or none.

    Each record is checked as `create_person` checks one; an e-mail used twice, in the
    records or in the database, stops the import with the row named.
    """
    people, emails = [], {}
    for number, record in enumerate(records, start=1):
        reject_unknown_fields(record.data, PERSON_FIELDS)
        consents = {k: v for k, v in record.data.items() if k in CONSENT_FIELDS}
        person = Person(**{k: v for k, v in record.data.items() if k not in CONSENT_FIELDS})
        apply_consents(person, consents)
        try:
            person.full_clean(validate_unique=False, validate_constraints=False)
            if record.role not in ContactRole.values:
                raise ValidationError({"role": _("Unknown role “%s”.") % record.role})
        except ValidationError as error:
            raise row_error(number, error) from error
        if person.email:
            if person.email in emails:
                error = ValidationError({"email": _("This e-mail address is twice.")})
                raise row_error(number, error)
            emails[person.email] = number
        people.append(person)
    used = Person.objects.filter(email__in=emails).values_list("email", flat=True).first()
    if used:
        message = _("Another person already has this e-mail address.")
        raise row_error(emails[used], ValidationError({"email": message}))
    created = Person.objects.bulk_create(people)
    Affiliation.objects.bulk_create(
        Affiliation(person=person, organisation=record.organisation, role=record.role)
        for person, record in zip(created, records, strict=True)
    )
    for person, record in zip(created, records, strict=True):
        log_activity(
            actor=actor,
            action="members.person.created",
            target=person,
            data={"organisation": record.organisation.pk, "role": record.role, "import": True},
        )
    return created
