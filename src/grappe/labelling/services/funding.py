"""Writes on the follow-up of a labelled project: its funding per partner and funder, and
its results. Starting, completing or abandoning it go through services.workflow.transition."""

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from grappe.core.activity import log_activity
from grappe.core.models import User
from grappe.labelling.choices import Funder, ResultKind, Status
from grappe.labelling.models import Application, FundingLine, Partner, Result
from grappe.labelling.services.common import (
    WrongState,
    parse_amount,
    require_consortium_or_staff,
    require_staff,
)
from grappe.labelling.services.workflow import transition
from grappe.labelling.workflow import FUNDED_STATUSES, REPORTING


class FundingEntry(NamedTuple):
    """Aid one partner obtained from one funder."""

    partner: Partner
    funder: str
    amount: Decimal | int | str


def funding_errors(
    application: Application, entries: Sequence[FundingEntry]
) -> dict[str, list[str]]:
    """The errors of funding lines, keyed like a formset's fields (`lines-0-amount`)."""
    errors: dict[str, list[str]] = {}
    seen: set[tuple[int, str]] = set()
    per_partner: dict[int, Decimal] = defaultdict(Decimal)
    partners = {}
    for index, (partner, funder, raw) in enumerate(entries):
        key = f"lines-{index}-"
        if partner.project_id != application.project_id:
            errors[key + "partner"] = [_("This organisation is not a partner of the project.")]
            continue
        partners[partner.pk] = partner
        if funder not in Funder.values:
            errors[key + "funder"] = [_("Choose a funder.")]
        if (partner.pk, funder) in seen:
            errors[key + "funder"] = [
                _("%(partner)s has this funder twice.") % {"partner": partner.organisation.name}
            ]
        seen.add((partner.pk, funder))
        amount = parse_amount(raw)
        if amount is None or amount <= 0:
            errors[key + "amount"] = [_("Give an amount above zero.")]
            continue
        per_partner[partner.pk] += amount
    for partner_id, total in per_partner.items():
        partner = partners[partner_id]
        if total > partner.budget:
            errors.setdefault("lines", []).append(
                _("%(partner)s would receive %(total)s EUR, above its budget of %(budget)s EUR.")
                % {"partner": partner.organisation.name, "total": total, "budget": partner.budget}
            )
    return errors


@transaction.atomic
def record_funding(
    *, actor: User | None, application: Application, lines: Sequence[FundingEntry]
) -> Application:
    """Record the funding decision: with lines the application is funded, without it is not.

    On a funded application the lines replace the earlier ones (a correction). The aid a
    partner obtains may differ from what it asked, but never exceeds its budget."""
    require_staff(actor)
    entries = [FundingEntry(*line) for line in lines]
    if application.status not in {
        Status.LABELLED,
        Status.LABELLED_WITH_RESERVATIONS,
        *FUNDED_STATUSES,
    }:
        raise WrongState(_("Funding is recorded for labelled applications."))
    correcting = application.status in FUNDED_STATUSES
    if correcting and not entries:
        raise ValidationError({"lines": _("A funded application has at least one funding line.")})
    if errors := funding_errors(application, entries):
        raise ValidationError(errors)
    FundingLine.objects.filter(application=application).delete()
    FundingLine.objects.bulk_create(
        FundingLine(
            application=application, partner=partner, funder=funder, amount=parse_amount(raw)
        )
        for partner, funder, raw in entries
    )
    total = sum((parse_amount(raw) for _p, _f, raw in entries), Decimal(0))
    log_activity(
        actor=actor,
        action="labelling.funding.recorded",
        target=application,
        data={"lines": len(entries), "total": str(total)},
    )
    if not correcting:
        transition(
            actor=actor,
            application=application,
            to=Status.FUNDED if entries else Status.NOT_FUNDED,
        )
    return application


@transaction.atomic
def add_result(
    *,
    actor: User | None,
    application: Application,
    kind: str,
    quantity: int = 1,
    description: str = "",
) -> Result:
    """What the project produced: patents, products, jobs, follow-on projects."""
    require_consortium_or_staff(actor, application.project)
    if application.status not in REPORTING:
        raise WrongState(_("Results are recorded for funded projects, until they end."))
    errors = {}
    if kind not in ResultKind.values:
        errors["kind"] = [_("Choose a kind of result.")]
    try:
        quantity = int(quantity)
    except (TypeError, ValueError):
        quantity = 0
    if quantity < 1:
        errors["quantity"] = [_("Give a quantity of one or more.")]
    if errors:
        raise ValidationError(errors)
    result = Result.objects.create(
        application=application, kind=kind, quantity=quantity, description=description.strip()
    )
    log_activity(
        actor=actor,
        action="labelling.result.added",
        target=application,
        data={"result": result.pk, "kind": kind, "quantity": quantity},
    )
    return result


@transaction.atomic
def remove_result(*, actor: User | None, result: Result) -> None:
    require_consortium_or_staff(actor, result.application.project)
    log_activity(
        actor=actor,
        action="labelling.result.removed",
        target=result.application,
        data={"result": result.pk, "kind": result.kind},
    )
    result.delete()
