"""Template filters of the members pages."""

from django import template

from grappe.members.geography import departement_name
from grappe.members.validators import format_phone

register = template.Library()


@register.filter
def phone(value: str) -> str:
    """A stored (E.164) phone number as people write it."""
    return format_phone(value)


@register.filter
def departement(code: str) -> str:
    """“25 — Doubs” for the code 25; the bare code when it is unknown."""
    name = departement_name(code)
    return f"{code} — {name}" if name else code
