"""Writes on projects and their labelling rounds: draft, consortium, reservations, resubmission."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activity
from grappe.core.models import Facet, Term, User
from grappe.labelling import tasks
from grappe.labelling.choices import PartnerRole, Status
from grappe.labelling.models import Application, FundingCall, Partner, Project
from grappe.labelling.rules import latest_status
from grappe.labelling.services.common import (
    WrongState,
    enqueue_on_commit,
    is_staff,
    parse_amount,
    reject_unknown_fields,
    require_consortium_or_staff,
    save_validated,
)
from grappe.labelling.workflow import EDITABLE, RESUBMITTABLE
from grappe.members.choices import OrganisationKind
from grappe.members.models import Organisation
from grappe.members.rules import is_contact_of, is_member_contact

PROJECT_FIELDS = frozenset(
    {"acronym", "title", "summary_fr", "summary_en", "public_summary_fr", "public_summary_en",
     "trl_start", "trl_target", "duration_months", "lead", "total_budget", "confidentiality"}
)  # fmt: skip


@dataclass(frozen=True)
class PartnerLine:
    """A member of the consortium as the caller gives it. The lead organisation's line takes
    the role `lead` whatever `role` says; the others are partners or subcontractors."""

    organisation: Organisation
    budget: Decimal | int | str
    requested_aid: Decimal | int | str = Decimal(0)
    role: str = PartnerRole.PARTNER


# Checks ----------------------------------------------------------------------------------


def partner_errors(
    lines: Sequence[PartnerLine], *, lead: Organisation | None, total_budget: Any
) -> dict[str, list[str]]:
    """The errors of a consortium, keyed like a formset's fields (`partners-1-budget`)."""
    errors: dict[str, list[str]] = {}
    seen: set[int] = set()
    budgets = Decimal(0)
    for index, line in enumerate(lines):
        key = f"partners-{index}-"
        name = _("Partner %(number)s (%(organisation)s)") % {
            "number": index + 1,
            "organisation": line.organisation.name,
        }
        if line.organisation.pk in seen:
            errors[key + "organisation"] = [_("%(partner)s appears twice.") % {"partner": name}]
        seen.add(line.organisation.pk)
        budget, aid = parse_amount(line.budget), parse_amount(line.requested_aid)
        if budget is None or budget < 0:
            errors[key + "budget"] = [
                _("%(partner)s: give a budget of zero or more.") % {"partner": name}
            ]
        if aid is None or aid < 0:
            errors[key + "requested_aid"] = [
                _("%(partner)s: give a requested aid of zero or more.") % {"partner": name}
            ]
        elif budget is not None and aid > budget:
            errors[key + "requested_aid"] = [
                _(
                    "%(partner)s: the requested aid (%(aid)s EUR) is above "
                    "its budget (%(budget)s EUR)."
                )
                % {"partner": name, "aid": aid, "budget": budget}
            ]
        if line.role not in PartnerRole.values:
            errors[key + "role"] = [_("%(partner)s: choose a role.") % {"partner": name}]
        elif line.role == PartnerRole.LEAD and line.organisation != lead:
            errors[key + "role"] = [
                _("%(partner)s: only the lead organisation is the lead.") % {"partner": name}
            ]
        budgets += budget or 0
    if lead is not None and lead.pk not in seen:
        errors["partners"] = [_("Give the lead organisation's budget among the partners.")]
    total = parse_amount(total_budget)
    if total is not None and not errors and budgets != total:
        errors["total_budget"] = [
            _(
                "The partners' budgets add up to %(sum)s EUR, "
                "not to the total budget of %(total)s EUR."
            )
            % {"sum": budgets, "total": total}
        ]
    return errors


def _term_errors(markets: list[Term], processes: list[Term]) -> dict[str, list[str]]:
    errors = {}
    if any(term.facet != Facet.MARKET for term in markets):
        errors["markets"] = [_("Choose markets from the vocabulary's markets.")]
    if any(term.facet != Facet.PROCESS for term in processes):
        errors["processes"] = [_("Choose processes from the vocabulary's processes.")]
    return errors


def _pole_errors(poles: list[Organisation]) -> dict[str, list[str]]:
    if any(org.kind != OrganisationKind.PARTNER_CLUSTER for org in poles):
        return {"co_labelled_with": [_("Only other poles and clusters can co-label a project.")]}
    return {}


def _project_errors(project: Project) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        project.full_clean(exclude=["created_by"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if (
        isinstance(project.trl_start, int)
        and isinstance(project.trl_target, int)
        and project.trl_target < project.trl_start
    ):
        errors.pop("__all__", None)
        errors["trl_target"] = [_("The target TRL cannot be below the starting TRL.")]
    return errors


def call_errors(call: FundingCall | None) -> dict[str, list[str]]:
    if call is None:
        return {"call": [_("Choose a funding call.")]}
    if call.deadline < timezone.localdate():
        return {
            "call": [
                _("The deadline of this call (%(date)s) has passed.")
                % {"date": call.deadline.strftime("%d/%m/%Y")}
            ]
        }
    return {}


def _check_lead(actor: User | None, lead: Organisation | None) -> dict[str, list[str]]:
    if is_staff(actor) or lead is None or (actor is not None and is_contact_of(actor, lead)):
        return {}
    return {"lead": [_("Choose an organisation you are a contact of as the lead.")]}


def _require_editable(project: Project) -> None:
    if (latest_status(project) or Status.DRAFT) not in EDITABLE:
        raise WrongState(
            _(
                "The project can change only while its application is a draft "
                "or answers reservations."
            )
        )


# Writes ----------------------------------------------------------------------------------


def _write_partners(project: Project, lines: Sequence[PartnerLine]) -> dict[str, list[str]]:
    """Make the consortium exactly `lines`, keeping the rows of the organisations that stay."""
    rows = Partner.objects.filter(project=project).select_related("organisation")
    current = {p.organisation_id: p for p in rows}
    wanted = {line.organisation.pk: line for line in lines}
    removed = [p for org_id, p in current.items() if org_id not in wanted]
    try:
        Partner.objects.filter(pk__in=[p.pk for p in removed]).delete()
    except ProtectedError as error:
        raise ValidationError(
            {"partners": _("A partner with recorded funding cannot leave the consortium.")}
        ) from error

    def role_of(line: PartnerLine) -> str:
        return PartnerRole.LEAD if line.organisation.pk == project.lead_id else line.role

    # The former lead steps down before the new one takes the role: one lead at a time.
    changed = []
    ordered = sorted(lines, key=lambda line: role_of(line) == PartnerRole.LEAD)
    for line in ordered:
        values = {
            "role": role_of(line),
            "budget": parse_amount(line.budget),
            "requested_aid": parse_amount(line.requested_aid),
        }
        partner = current.get(line.organisation.pk)
        if partner is None:
            Partner.objects.create(project=project, organisation=line.organisation, **values)
            changed.append(line.organisation.name)
        elif any(getattr(partner, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(partner, name, value)
            partner.save(update_fields=list(values))
            changed.append(line.organisation.name)
    return {
        "changed": sorted(changed),
        "removed": sorted(p.organisation.name for p in removed),
    }


def _new_round(
    *, actor: User | None, project: Project, call: FundingCall, number: int
) -> Application:
    if errors := call_errors(call):
        raise ValidationError(errors)
    if Application.objects.filter(project=project, call=call).exists():
        raise ValidationError({"call": _("This project was already submitted to this call.")})
    application = Application(project=project, call=call, round_number=number)
    save_validated(application)
    log_activity(
        actor=actor,
        action="labelling.application.created",
        target=application,
        data={"round": number, "call": call.pk},
    )
    return application


@transaction.atomic
def create_project(
    *,
    actor: User | None,
    data: dict[str, Any],
    call: FundingCall | None,
    partners: Sequence[PartnerLine],
    markets: Iterable[Term] = (),
    processes: Iterable[Term] = (),
    co_labelled_with: Iterable[Organisation] = (),
) -> Project:
    """A member contact drafts a project led by their organisation, with its first
    labelling round: a draft application to `call`. The staff may draft for anybody, and
    without a call (a project of the past, whose rounds services.history imports)."""
    if not (is_staff(actor) or (actor is not None and is_member_contact(actor))):
        raise PermissionDenied(
            _("Only the contacts of member organisations can propose a project.")
        )
    reject_unknown_fields(data, PROJECT_FIELDS)
    markets, processes, co_labelled_with = list(markets), list(processes), list(co_labelled_with)
    project = Project(**data, created_by=actor if actor and actor.is_authenticated else None)
    lead = data.get("lead")
    errors = _project_errors(project)
    for more in (
        _check_lead(actor, lead),
        partner_errors(partners, lead=lead, total_budget=data.get("total_budget")),
        _term_errors(markets, processes),
        _pole_errors(co_labelled_with),
        call_errors(call) if call is not None or not is_staff(actor) else {},
    ):
        errors.update(more)
    if errors:
        raise ValidationError(errors)
    project.save()
    project.markets.set(markets)
    project.processes.set(processes)
    project.co_labelled_with.set(co_labelled_with)
    _write_partners(project, partners)
    log_activity(actor=actor, action="labelling.project.created", target=project)
    if call is not None:
        _new_round(actor=actor, project=project, call=call, number=1)
    return project


@transaction.atomic
def update_project(
    *,
    actor: User | None,
    project: Project,
    data: dict[str, Any],
    partners: Sequence[PartnerLine] | None = None,
    markets: Iterable[Term] | None = None,
    processes: Iterable[Term] | None = None,
    co_labelled_with: Iterable[Organisation] | None = None,
) -> Project:
    """Change the project while its latest round is a draft or answers reservations.

    Give `partners` with a new total budget or a new lead: the budgets must still add up."""
    require_consortium_or_staff(actor, project)
    _require_editable(project)
    reject_unknown_fields(data, PROJECT_FIELDS)
    before = field_values(project, PROJECT_FIELDS)
    for name, value in data.items():
        setattr(project, name, value)
    errors = _project_errors(project)
    if "lead" in data and data["lead"] != before["lead"]:
        errors.update(_check_lead(actor, data["lead"]))
    lines = partners if partners is not None else current_lines(project)
    errors.update(partner_errors(lines, lead=project.lead, total_budget=project.total_budget))
    relations: dict[str, list] = {}
    for name, given in (("markets", markets), ("processes", processes)):
        if given is not None:
            relations[name] = list(given)
    errors.update(_term_errors(relations.get("markets", []), relations.get("processes", [])))
    if co_labelled_with is not None:
        relations["co_labelled_with"] = list(co_labelled_with)
        errors.update(_pole_errors(relations["co_labelled_with"]))
    if errors:
        raise ValidationError(errors)
    changes = changes_since(before, project)
    if changes:
        project.save(update_fields=[*changes, "updated_at"])
    for name, values in relations.items():
        manager = getattr(project, name)
        old = sorted(manager.values_list("pk", flat=True))
        if old != sorted(v.pk for v in values):
            manager.set(values)
            changes[name] = [old, sorted(v.pk for v in values)]
    if partners is not None or "lead" in changes:
        # A new lead takes the lead's row; the former lead stays as a partner.
        moved = _write_partners(project, lines)
        if moved["changed"] or moved["removed"]:
            changes["partners"] = moved
    if changes:
        log_activity(
            actor=actor,
            action="labelling.project.updated",
            target=project,
            data={"changes": changes},
        )
    return project


def current_lines(project: Project) -> list[PartnerLine]:
    """The consortium as lines; the lead's role follows `project.lead`, so that a new lead
    chosen among the partners takes it and the former one becomes a partner."""
    return [
        PartnerLine(
            p.organisation,
            p.budget,
            p.requested_aid,
            PartnerRole.PARTNER if p.role == PartnerRole.LEAD else p.role,
        )
        for p in Partner.objects.filter(project=project).select_related("organisation")
    ]


def set_partners(
    *, actor: User | None, project: Project, partners: Sequence[PartnerLine]
) -> Project:
    """Make the consortium exactly `partners`; their budgets must add up to the total."""
    return update_project(actor=actor, project=project, data={}, partners=partners)


@transaction.atomic
def answer_reservations(
    *, actor: User | None, application: Application, answer: str
) -> Application:
    """The consortium answers the committee's reservations; the staff then lift them."""
    require_consortium_or_staff(actor, application.project)
    if application.status != Status.LABELLED_WITH_RESERVATIONS:
        raise WrongState(_("Only an application labelled with reservations can answer them."))
    answer = answer.strip()
    if not answer:
        raise ValidationError({"reservations_answer": _("Write your answer.")})
    application.reservations_answer = answer
    application.save(update_fields=["reservations_answer", "updated_at"])
    log_activity(actor=actor, action="labelling.reservations.answered", target=application)
    enqueue_on_commit(tasks.notify_reservations_answered, application.pk)
    return application


@transaction.atomic
def start_application(*, actor: User | None, project: Project, call: FundingCall) -> Application:
    """The first labelling round of a project that has none (create_project makes it)."""
    require_consortium_or_staff(actor, project)
    if project.applications.exists():
        raise WrongState(_("This project already has an application: submit it again instead."))
    return _new_round(actor=actor, project=project, call=call, number=1)


@transaction.atomic
def resubmit(*, actor: User | None, project: Project, call: FundingCall) -> Application:
    """Re-labelling: a new round on another call once the latest one has ended (labelled,
    with reservations, not labelled, not funded or deferred). Earlier rounds stay."""
    require_consortium_or_staff(actor, project)
    latest = project.applications.select_for_update().order_by("-round_number").first()
    if latest is None:
        return _new_round(actor=actor, project=project, call=call, number=1)
    if latest.status not in RESUBMITTABLE:
        raise WrongState(
            _("The current application (“%(status)s”) must end before a new one starts.")
            % {"status": latest.get_status_display()}
        )
    return _new_round(actor=actor, project=project, call=call, number=latest.round_number + 1)
