"""The dues schedule since 2005 and every organisation's yearly memberships."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from grappe.demo.names import rng
from grappe.demo.organisations import OrganisationPlan
from grappe.members.choices import DuesCategory, MembershipStatus
from grappe.members.models import FeeRate, Membership, Organisation
from grappe.members.services import (
    MEMBERSHIP_TRANSITIONS,
    MembershipRecord,
    import_memberships,
    record_invoice,
    record_payment,
    set_fee_rate,
    set_membership_status,
)

# valid from → {(dues category, headcount band or "" for every band): amount in EUR excl. VAT}
FEE_SCHEDULE: dict[int, dict[tuple[str, str], int]] = {
    2005: {
        (DuesCategory.TPE, ""): 250,
        (DuesCategory.PME, ""): 650, (DuesCategory.PME, "11"): 450,
        (DuesCategory.PME, "21"): 850, (DuesCategory.PME, "22"): 1050,
        (DuesCategory.PME, "31"): 1300, (DuesCategory.PME, "32"): 1300,
        (DuesCategory.ETI, ""): 2200,
        (DuesCategory.LARGE_GROUP, ""): 3500,
        (DuesCategory.ACADEMIC, ""): 500,
    },
    2012: {
        (DuesCategory.TPE, ""): 300,
        (DuesCategory.PME, ""): 720, (DuesCategory.PME, "11"): 500,
        (DuesCategory.PME, "21"): 950, (DuesCategory.PME, "22"): 1200,
        (DuesCategory.PME, "31"): 1450, (DuesCategory.PME, "32"): 1600,
        (DuesCategory.ETI, ""): 2600,
        (DuesCategory.LARGE_GROUP, ""): 4200,
        (DuesCategory.ACADEMIC, ""): 550,
    },
    2020: {
        (DuesCategory.TPE, ""): 320,
        (DuesCategory.PME, ""): 780, (DuesCategory.PME, "11"): 540,
        (DuesCategory.PME, "21"): 1020, (DuesCategory.PME, "22"): 1300,
        (DuesCategory.PME, "31"): 1560, (DuesCategory.PME, "32"): 1750,
        (DuesCategory.ETI, ""): 2900, (DuesCategory.ETI, "51"): 3400,
        (DuesCategory.LARGE_GROUP, ""): 4800,
        (DuesCategory.ACADEMIC, ""): 600,
    },
}  # fmt: skip


def ensure_fee_schedule() -> int:
    """Write the lines of the schedule that are missing or differ; returns how many."""
    existing = {
        (rate.valid_from, rate.dues_category, rate.headcount_band): rate.amount
        for rate in FeeRate.objects.all()
    }
    written = 0
    for valid_from, lines in FEE_SCHEDULE.items():
        for (category, band), amount in lines.items():
            if existing.get((valid_from, category, band)) != Decimal(amount):
                set_fee_rate(
                    actor=None,
                    valid_from=valid_from,
                    dues_category=category,
                    headcount_band=band,
                    amount=Decimal(amount),
                )
                written += 1
    return written


@dataclass(frozen=True)
class YearPlan:
    slug: str
    year: int
    status: str
    invoiced_on: datetime.date | None
    paid_on: datetime.date | None


def _bill(random_, year: int, today: datetime.date, *, paid: bool) -> tuple:
    """An invoice in January or February, paid two to ten weeks later; nothing after today."""
    invoiced = datetime.date(year, random_.choice((1, 1, 2)), random_.randint(5, 28))
    payment = invoiced + datetime.timedelta(days=random_.randint(14, 70))
    if invoiced > today:
        return None, None
    return invoiced, payment if paid and payment <= today else None


def plan_memberships(organisations: list[OrganisationPlan], today: datetime.date) -> list[YearPlan]:
    """Every year of every member and former member, from the year it joined."""
    random_ = rng("memberships")
    year = today.year
    plans = []
    for organisation in organisations:
        if organisation.joined is None:
            continue
        last = organisation.left or year
        for current in range(organisation.joined, last + 1):
            draw = random_.random()
            if current == organisation.left:
                status, bill = MembershipStatus.RESIGNED, (None, None)
            elif current == year:
                # This year: every member active, most invoiced, about 85 % paid.
                status = MembershipStatus.ACTIVE
                bill = _bill(random_, current, today, paid=draw < 0.85) if draw < 0.95 else (
                    None, None
                )  # fmt: skip
            elif draw < 0.03 or (organisation.left and current == last - 1 and draw < 0.4):
                status, bill = MembershipStatus.LAPSED, _bill(random_, current, today, paid=False)
            else:
                status, bill = MembershipStatus.ACTIVE, _bill(random_, current, today, paid=True)
            plans.append(YearPlan(organisation.slug, current, status, *bill))
    return plans


def ensure_memberships(
    plans: list[YearPlan], organisations: dict[str, Organisation]
) -> tuple[int, int]:
    """Create the missing memberships in one import; bring the others to the plan.

    Returns (created, updated).
    """
    existing = {
        (membership.organisation_id, membership.year): membership
        for membership in Membership.objects.filter(
            organisation__in=[organisations[plan.slug] for plan in plans]
        )
    }
    missing, updated = [], 0
    for plan in plans:
        organisation = organisations[plan.slug]
        membership = existing.get((organisation.pk, plan.year))
        if membership is None:
            missing.append(
                MembershipRecord(
                    organisation=organisation,
                    year=plan.year,
                    status=plan.status,
                    invoiced_on=plan.invoiced_on,
                    paid_on=plan.paid_on,
                )
            )
        elif _bring_to_plan(membership, plan):
            updated += 1
    return len(import_memberships(actor=None, records=missing)), updated


def _bring_to_plan(membership: Membership, plan: YearPlan) -> bool:
    """Apply the plan's invoice, payment and status through the services, where allowed."""
    changed = False
    if plan.invoiced_on and membership.invoiced_on != plan.invoiced_on:
        record_invoice(actor=None, membership=membership, invoiced_on=plan.invoiced_on)
        changed = True
    if plan.paid_on and membership.paid_on != plan.paid_on:
        record_payment(actor=None, membership=membership, paid_on=plan.paid_on)
        changed = True
    allowed = MEMBERSHIP_TRANSITIONS.get(membership.status, frozenset())
    if membership.status != plan.status and plan.status in allowed:
        set_membership_status(actor=None, membership=membership, status=plan.status, reason="demo")
        changed = True
    return changed
