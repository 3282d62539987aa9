"""Writes on the funding calls that projects answer (staff only)."""

from typing import Any

from django.db import transaction

from grappe.core.activity import changes_since, field_values, log_activity
from grappe.core.models import User
from grappe.labelling.models import FundingCall
from grappe.labelling.services.common import (
    reject_unknown_fields,
    require_staff,
    save_validated,
)

CALL_FIELDS = frozenset({"name", "funder", "addressee", "address", "deadline", "url"})


@transaction.atomic
def create_call(*, actor: User | None, data: dict[str, Any]) -> FundingCall:
    require_staff(actor)
    reject_unknown_fields(data, CALL_FIELDS)
    call = FundingCall(**data)
    save_validated(call)
    log_activity(actor=actor, action="labelling.call.created", target=call)
    return call


@transaction.atomic
def update_call(*, actor: User | None, call: FundingCall, data: dict[str, Any]) -> FundingCall:
    require_staff(actor)
    reject_unknown_fields(data, CALL_FIELDS)
    before = field_values(call, data)
    for name, value in data.items():
        setattr(call, name, value)
    if changes := changes_since(before, call):
        save_validated(call, update_fields=list(changes))
        log_activity(
            actor=actor, action="labelling.call.updated", target=call, data={"changes": changes}
        )
    return call
