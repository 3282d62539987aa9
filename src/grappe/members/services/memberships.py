"""Writes on memberships and dues: the fee schedule, the yearly memberships and renewal."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from grappe.core.activity import log_activities, log_activity
from grappe.core.bulk import insert_many, read_ids
from grappe.core.models import User
from grappe.members.choices import MembershipStatus
from grappe.members.models import (
    FIRST_YEAR,
    FeeRate,
    Membership,
    Organisation,
)
from grappe.members.queries import fee_for
from grappe.members.services.common import (
    save_validated,
)

# The membership statuses a membership may move to from each status.
MEMBERSHIP_TRANSITIONS: dict[str, frozenset[str]] = {
    MembershipStatus.PENDING: frozenset({MembershipStatus.ACTIVE, MembershipStatus.RESIGNED}),
    MembershipStatus.ACTIVE: frozenset({MembershipStatus.LAPSED, MembershipStatus.RESIGNED}),
    MembershipStatus.LAPSED: frozenset({MembershipStatus.ACTIVE, MembershipStatus.RESIGNED}),
    MembershipStatus.RESIGNED: frozenset({MembershipStatus.PENDING}),
}


@transaction.atomic
def set_fee_rate(
    *,
    actor: User | None,
    valid_from: int,
    dues_category: str,
    headcount_band: str,
    amount: Decimal,
) -> FeeRate:
    """Create or change one line of the dues schedule."""
    rate = FeeRate.objects.filter(
        valid_from=valid_from, dues_category=dues_category, headcount_band=headcount_band
    ).first() or FeeRate(
        valid_from=valid_from, dues_category=dues_category, headcount_band=headcount_band
    )
    previous = rate.amount
    rate.amount = amount
    save_validated(rate)
    log_activity(
        actor=actor,
        action="members.fee_rate.set",
        target=rate,
        data={"amount": [str(previous) if previous is not None else None, str(amount)]},
    )
    return rate


@transaction.atomic
def delete_fee_rate(*, actor: User | None, rate: FeeRate) -> None:
    log_activity(actor=actor, action="members.fee_rate.deleted", target=rate)
    rate.delete()


@transaction.atomic
def create_membership(
    *,
    actor: User | None,
    organisation: Organisation,
    year: int,
    status: str = MembershipStatus.PENDING,
    fee: Decimal | None = None,
) -> Membership:
    """A membership for the year; its fee comes from the schedule unless staff set one."""
    if fee is None:
        fee = fee_for(organisation=organisation, year=year)
        if fee is None:
            raise ValidationError(
                {
                    "fee": _("The fee schedule has no rate for %(category)s in %(year)s.")
                    % {"category": organisation.get_dues_category_display(), "year": year}
                }
            )
    membership = Membership(organisation=organisation, year=year, status=status, fee=fee)
    save_validated(membership)
    log_activity(
        actor=actor,
        action="members.membership.created",
        target=membership,
        data={"fee": str(fee), "status": status},
    )
    return membership


@transaction.atomic
def set_membership_status(
    *, actor: User | None, membership: Membership, status: str, reason: str = ""
) -> Membership:
    allowed = MEMBERSHIP_TRANSITIONS.get(membership.status, frozenset())
    if status not in allowed:
        labels = dict(MembershipStatus.choices)
        raise ValidationError(
            {
                "status": _("A membership cannot go from “%(old)s” to “%(new)s”.")
                % {"old": labels[membership.status], "new": labels.get(status, status)}
            }
        )
    old = membership.status
    membership.status = status
    membership.save(update_fields=["status", "updated_at"])
    log_activity(
        actor=actor,
        action="members.membership.status_changed",
        target=membership,
        data={"status": [old, status], "reason": reason},
    )
    return membership


@transaction.atomic
def record_invoice(
    *, actor: User | None, membership: Membership, invoiced_on: datetime.date
) -> Membership:
    membership.invoiced_on = invoiced_on
    save_validated(membership, update_fields=["invoiced_on", "updated_at"])
    log_activity(
        actor=actor,
        action="members.membership.invoiced",
        target=membership,
        data={"invoiced_on": invoiced_on.isoformat()},
    )
    return membership


@transaction.atomic
def record_payment(
    *, actor: User | None, membership: Membership, paid_on: datetime.date
) -> Membership:
    """Record the payment of the dues; a pending membership becomes active when paid."""
    if membership.invoiced_on is None:
        raise ValidationError({"paid_on": _("Record the invoice before the payment.")})
    if paid_on < membership.invoiced_on:
        raise ValidationError({"paid_on": _("The payment cannot be before the invoice.")})
    membership.paid_on = paid_on
    fields = ["paid_on", "updated_at"]
    if membership.status in (MembershipStatus.PENDING, MembershipStatus.LAPSED):
        membership.status = MembershipStatus.ACTIVE
        fields.append("status")
    save_validated(membership, update_fields=fields)
    log_activity(
        actor=actor,
        action="members.membership.paid",
        target=membership,
        data={"paid_on": paid_on.isoformat(), "status": membership.status},
    )
    return membership


@transaction.atomic
def renew_memberships(*, actor: User | None, year: int) -> list[Membership]:
    """Give every active member of `year` a pending membership for the next year.

    Organisations that already have one for the next year are left alone, so running the
    renewal twice creates nothing the second time. A missing rate stops the whole renewal.
    """
    next_year = year + 1
    already = Membership.objects.filter(year=next_year).values("organisation_id")
    to_renew = (
        Organisation.objects.filter(memberships__year=year, memberships__status="active")
        .exclude(pk__in=already)
        .order_by("name")
    )
    renewed = []
    for organisation in to_renew:
        fee = fee_for(organisation=organisation, year=next_year)
        if fee is None:
            raise ValidationError(
                _("The fee schedule has no rate for %(org)s (%(category)s) in %(year)s.")
                % {
                    "org": organisation.name,
                    "category": organisation.get_dues_category_display(),
                    "year": next_year,
                }
            )
        renewed.append(Membership(organisation=organisation, year=next_year, fee=fee))
    created = Membership.objects.bulk_create(renewed)
    log_activity(
        actor=actor,
        action="members.membership.renewed",
        data={"from_year": year, "year": next_year, "count": len(created)},
    )
    for membership in created:
        log_activity(
            actor=actor,
            action="members.membership.created",
            target=membership,
            data={"fee": str(membership.fee), "status": membership.status, "renewal": True},
        )
    return created


@dataclass(frozen=True)
class MembershipRecord:
    """One year of an organisation's membership, as kept in the books."""

    organisation: Organisation
    year: int
    status: str = MembershipStatus.ACTIVE
    invoiced_on: datetime.date | None = None
    paid_on: datetime.date | None = None


def _record_error(record: MembershipRecord, message: str) -> ValidationError:
    return ValidationError(
        _("%(org)s, %(year)s: %(message)s")
        % {"org": record.organisation.name, "year": record.year, "message": message}
    )


@transaction.atomic
def import_memberships(
    *, actor: User | None, records: Sequence[MembershipRecord]
) -> list[Membership]:
    """Create many memberships at once (the books of past years), fees from the schedule.

    A record for a year the organisation already has, a year without a rate, an unknown
    status or a payment without its invoice stops the whole import: nothing is written.
    """
    organisation_ids = sorted({record.organisation.pk for record in records})
    taken = set()
    for start in range(0, len(organisation_ids), 5000):  # within the database's parameter limit
        chunk = organisation_ids[start : start + 5000]
        taken |= set(
            Membership.objects.filter(organisation_id__in=chunk).values_list(
                "organisation_id", "year"
            )
        )
    fees: dict[tuple[str, str, int], Decimal | None] = {}
    memberships = []
    for record in records:
        organisation = record.organisation
        key = (organisation.pk, record.year)
        if key in taken:
            raise _record_error(record, _("this organisation already has a membership that year."))
        taken.add(key)
        if record.status not in MembershipStatus.values:
            raise _record_error(record, _("unknown status “%s”.") % record.status)
        if record.year < FIRST_YEAR:
            raise _record_error(record, _("the pôle did not exist yet."))
        if record.paid_on and (not record.invoiced_on or record.paid_on < record.invoiced_on):
            raise _record_error(record, _("a membership must be invoiced before it is paid."))
        rate_key = (organisation.dues_category, organisation.headcount_band, record.year)
        if rate_key not in fees:
            fees[rate_key] = fee_for(organisation=organisation, year=record.year)
        if fees[rate_key] is None:
            raise _record_error(record, _("the fee schedule has no rate for this organisation."))
        memberships.append(
            Membership(
                organisation=organisation,
                year=record.year,
                status=record.status,
                fee=fees[rate_key],
                invoiced_on=record.invoiced_on,
                paid_on=record.paid_on,
            )
        )
    insert_many(Membership, memberships)
    read_ids(Membership, memberships, ["organisation_id", "year"])
    log_activities(
        actor=actor,
        action="members.membership.created",
        entries=((m, {"fee": str(m.fee), "status": m.status, "import": True}) for m in memberships),
    )
    return memberships
