"""What the members services share: the editable fields and validated saves."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.members.models import (
    Person,
)

ORGANISATION_FIELDS = frozenset(
    {
        "name", "kind", "siren", "siret", "naf_code", "headcount_band", "address", "postcode",
        "city", "country", "website", "email", "phone", "description_fr", "description_en",
        "dues_category",
    }
)  # fmt: skip


# What a member contact may change on its own organisation; dues and legal identity stay
# with the staff, who invoice on them.
ORGANISATION_FIELDS_FOR_CONTACTS = ORGANISATION_FIELDS - {"dues_category", "siren", "siret", "kind"}


PERSON_FIELDS = frozenset(
    {"first_name", "last_name", "email", "phone", "job_title", "directory_consent",
     "newsletter_opt_in"}
)  # fmt: skip


CONSENT_FIELDS = frozenset({"directory_consent", "newsletter_opt_in"})


def reject_unknown_fields(data: dict[str, Any], allowed: frozenset[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})


def assign(instance, data: dict[str, Any]) -> None:
    for name, value in data.items():
        setattr(instance, name, value)


def save_validated(instance, *, update_fields: list[str] | None = None) -> None:
    """Validate like a form would, then save; a lost race on a unique value is a field error."""
    instance.full_clean()
    try:
        with transaction.atomic():
            instance.save(update_fields=update_fields)
    except IntegrityError as error:
        raise ValidationError(
            _("This record conflicts with an existing one: %(error)s") % {"error": error}
        ) from error


def apply_consents(person: Person, data: dict[str, Any]) -> None:
    """Date each consent when it is given; withdraw the date with the consent."""
    now = timezone.now()
    for flag, stamp in (
        ("directory_consent", "directory_consent_at"),
        ("newsletter_opt_in", "newsletter_opt_in_at"),
    ):
        if flag not in data:
            continue
        given = bool(data[flag])
        if given and not getattr(person, flag):
            setattr(person, stamp, now)
        elif not given:
            setattr(person, stamp, None)
        setattr(person, flag, given)


def row_error(number: int, error: ValidationError) -> ValidationError:
    if hasattr(error, "error_dict"):
        return ValidationError(
            {
                name: [_("Row %(row)s: %(message)s") % {"row": number, "message": message}
                       for message in messages]
                for name, messages in error.message_dict.items()
            }
        )  # fmt: skip
    return ValidationError(
        _("Row %(row)s: %(message)s") % {"row": number, "message": "; ".join(error.messages)}
    )
