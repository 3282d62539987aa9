"""Field validators of the members domain; they raise errors that name what is wrong."""

import re
from functools import lru_cache

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from grappe.members.geography import place_of_postcode

NAF_PATTERN = re.compile(r"^\d{2}\.\d{2}[A-Z]$")


def validate_siren(value: str) -> None:
    if value and not stdnum_siren.is_valid(value):
        raise ValidationError(
            _("“%(value)s” is not a valid SIREN number."), params={"value": value}
        )


@lru_cache(maxsize=1024)
def is_valid_siret(value: str) -> bool:
    """python-stdnum's check, remembered: checking an organisation asks it twice (the
    field's validator, then the model's clean), and an import does so for every row."""
    return stdnum_siret.is_valid(value)


def validate_siret(value: str) -> None:
    if value and not is_valid_siret(value):
        raise ValidationError(
            _("“%(value)s” is not a valid SIRET number."), params={"value": value}
        )


def validate_naf(value: str) -> None:
    if value and not NAF_PATTERN.match(value):
        raise ValidationError(
            _("“%(value)s” is not a NAF rév. 2 code (for example 25.62B)."),
            params={"value": value},
        )


def validate_french_postcode(value: str) -> None:
    if value and place_of_postcode(value) is None:
        raise ValidationError(
            _("The postcode “%(value)s” does not exist in France."), params={"value": value}
        )


def normalise_phone(value: str) -> str:
    """The phone number in E.164 form; French numbers may be written nationally."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "FR")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(
            _("“%(value)s” is not a phone number."), params={"value": value}
        ) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("“%(value)s” is not a valid phone number."), params={"value": value}
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_phone(value: str) -> None:
    normalise_phone(value)


def format_phone(value: str) -> str:
    """The phone number as people write it: nationally for France, internationally otherwise."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "FR")
    except phonenumbers.NumberParseException:
        return value
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 33
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)
