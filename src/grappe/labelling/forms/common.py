"""Pieces the labelling forms share: widgets, money fields, rows of repeated forms."""

import re
from collections.abc import Callable, Iterable
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from grappe.labelling.services.common import parse_amount

MONEY_DIGITS = 14


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def money_field(**kwargs) -> forms.DecimalField:
    """An amount in euros; French users may type a decimal comma."""
    return forms.DecimalField(
        min_value=0, max_digits=MONEY_DIGITS, decimal_places=2, localize=True, **kwargs
    )


def split_errors(
    error: ValidationError, prefix: str
) -> tuple[dict[str, list[str]], ValidationError | None]:
    """A service's errors in two: those keyed `<prefix>…` (the rows) and the others."""
    if not hasattr(error, "error_dict"):
        return {}, error
    rows, others = {}, {}
    for key, messages in error.message_dict.items():
        (rows if key == prefix or key.startswith(f"{prefix}-") else others)[key] = messages
    return rows, (ValidationError(others) if others else None)


class Rows:
    """Repeated small forms posted as `<prefix>-<n>-<field>`, as many as the page sends.

    The page adds and removes rows freely (with htmx or without JavaScript): the numbers need
    not follow each other. Blank rows are ignored. A service's errors keyed
    `<prefix>-<k>-<field>` go on the k-th row given to the service, those keyed `<prefix>`
    above the rows.
    """

    prefix = "rows"
    key_field = ""  # a field every row posts, to find the rows' numbers
    blank_fields: tuple[str, ...] = ()  # a row with none of these filled in is ignored

    def __init__(self, forms_: list[forms.Form]) -> None:
        self.forms = forms_
        self.errors: list[str] = []
        self.used: list[forms.Form] = []

    # Building ------------------------------------------------------------------------------

    def make(self, index: int, data: QueryDict | None = None, initial=None) -> forms.Form:
        raise NotImplementedError

    @classmethod
    def numbers(cls, data: QueryDict) -> list[int]:
        pattern = re.compile(rf"^{re.escape(cls.prefix)}-(\d+)-{re.escape(cls.key_field)}$")
        found = {int(match[1]) for key in data for match in [pattern.match(key)] if match}
        return sorted(found)[:100]

    def bind(self, data: QueryDict) -> "Rows":
        self.forms = [self.make(number, data=data) for number in self.numbers(data)]
        return self

    def start(self, initials: Iterable[dict]) -> "Rows":
        self.forms = [self.make(number, initial=initial) for number, initial in enumerate(initials)]
        return self

    def raw(self) -> list[dict[str, str]]:
        """What each row holds, as posted (or as given to an unbound row), unvalidated."""
        return [
            {
                name: form.data.get(form.add_prefix(name), "")
                if form.is_bound
                else form.initial.get(name, "")
                for name in form.fields
            }
            for form in self.forms
        ]

    def edited(self, *, add: bool = False, remove: int | None = None) -> "Rows":
        """Unbound rows, numbered again, with what was posted: one more, or one fewer."""
        values = [row for index, row in enumerate(self.raw()) if index != remove]
        if add:
            values.append({})
        return self.start(values)

    # Validating ----------------------------------------------------------------------------

    def is_blank(self, form: forms.Form) -> bool:
        return not any(
            str(form.data.get(form.add_prefix(name), "")).strip() for name in self.blank_fields
        )

    def is_valid(self) -> bool:
        self.used = [form for form in self.forms if not self.is_blank(form)]
        # Every row is validated, so that each shows its errors.
        valid = [form.is_valid() for form in self.used]
        return all(valid)

    def apply_errors(self, errors: dict[str, list[str]]) -> None:
        pattern = re.compile(rf"^{re.escape(self.prefix)}-(\d+)-(\w+)$")
        for key, messages in errors.items():
            match = pattern.match(key)
            if match and int(match[1]) < len(self.used):
                form = self.used[int(match[1])]
                form.add_error(match[2] if match[2] in form.fields else None, messages)
            else:
                self.errors.extend(messages)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(form.errors for form in self.used)

    # Reading -------------------------------------------------------------------------------

    def total(self, name: str, keep: Callable[[dict], bool] = lambda row: True) -> Decimal:
        """The sum of a money column as posted (what cannot be read counts as zero)."""
        return sum(
            (parse_amount(row.get(name) or 0) or Decimal(0) for row in self.raw() if keep(row)),
            Decimal(0),
        )
