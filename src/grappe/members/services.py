"""Every write of the members domain: one transaction, one activity-log entry per object."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activity
from grappe.core.models import User
from grappe.members.choices import ContactRole, GovernanceRole, GoverningBody, MembershipStatus
from grappe.members.models import (
    FIRST_YEAR,
    Affiliation,
    Cluster,
    ClusterMembership,
    FeeRate,
    Membership,
    Organisation,
    Partnership,
    Person,
    Position,
)
from grappe.members.queries import fee_for

ORGANISATION_FIELDS = frozenset(
    {
        "name", "kind", "siren", "siret", "naf_code", "headcount_band", "address", "postcode",
        "city", "country", "website", "description_fr", "description_en", "dues_category",
    }
)  # fmt: skip
# What a member contact may change on its own organisation; dues and legal identity stay
# with the staff, who invoice on them.
ORGANISATION_FIELDS_FOR_CONTACTS = ORGANISATION_FIELDS - {"dues_category", "siren", "siret", "kind"}
PERSON_FIELDS = frozenset(
    {"first_name", "last_name", "email", "phone", "job_title", "directory_consent",
     "newsletter_opt_in"}
)  # fmt: skip

# The membership statuses a membership may move to from each status.
MEMBERSHIP_TRANSITIONS: dict[str, frozenset[str]] = {
    MembershipStatus.PENDING: frozenset({MembershipStatus.ACTIVE, MembershipStatus.RESIGNED}),
    MembershipStatus.ACTIVE: frozenset({MembershipStatus.LAPSED, MembershipStatus.RESIGNED}),
    MembershipStatus.LAPSED: frozenset({MembershipStatus.ACTIVE, MembershipStatus.RESIGNED}),
    MembershipStatus.RESIGNED: frozenset({MembershipStatus.PENDING}),
}


CONSENT_FIELDS = frozenset({"directory_consent", "newsletter_opt_in"})


def _unknown_fields(data: dict[str, Any], allowed: frozenset[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})


def _assign(instance, data: dict[str, Any]) -> None:
    for name, value in data.items():
        setattr(instance, name, value)


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, counter = base, 2
    while Organisation.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def _save_validated(instance, *, update_fields: list[str] | None = None) -> None:
    """Validate like a form would, then save; a lost race on a unique value is a field error."""
    instance.full_clean()
    try:
        with transaction.atomic():
            instance.save(update_fields=update_fields)
    except IntegrityError as error:
        raise ValidationError(
            _("This record conflicts with an existing one: %(error)s") % {"error": error}
        ) from error


@transaction.atomic
def create_organisation(*, actor: User | None, data: dict[str, Any]) -> Organisation:
    _unknown_fields(data, ORGANISATION_FIELDS)
    organisation = Organisation(**data)
    organisation.slug = _unique_slug(organisation.name)
    _save_validated(organisation)
    log_activity(actor=actor, action="members.organisation.created", target=organisation)
    return organisation


@transaction.atomic
def update_organisation(
    *, actor: User | None, organisation: Organisation, data: dict[str, Any], staff: bool
) -> Organisation:
    """Change an organisation; `staff` says whether the staff-only fields may change."""
    _unknown_fields(data, ORGANISATION_FIELDS if staff else ORGANISATION_FIELDS_FOR_CONTACTS)
    before = field_values(organisation, ORGANISATION_FIELDS | {"departement", "region"})
    _assign(organisation, data)
    organisation.full_clean()  # also derives the SIREN, the département and the region
    if changes := changes_since(before, organisation):
        _save_validated(organisation, update_fields=[*changes, "updated_at"])
        log_activity(
            actor=actor,
            action="members.organisation.updated",
            target=organisation,
            data={"changes": changes},
        )
    return organisation


def _apply_consents(person: Person, data: dict[str, Any]) -> None:
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


@transaction.atomic
def create_person(
    *,
    actor: User | None,
    data: dict[str, Any],
    organisation: Organisation | None = None,
    role: str = ContactRole.OTHER,
) -> Person:
    _unknown_fields(data, PERSON_FIELDS)
    consents = {k: data[k] for k in ("directory_consent", "newsletter_opt_in") if k in data}
    person = Person(**{k: v for k, v in data.items() if k not in consents})
    _apply_consents(person, consents)
    _save_validated(person)
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
    _unknown_fields(data, PERSON_FIELDS)
    consent_keys = {"directory_consent", "newsletter_opt_in"}
    before = field_values(person, PERSON_FIELDS | {"directory_consent_at", "newsletter_opt_in_at"})
    _assign(person, {k: v for k, v in data.items() if k not in consent_keys})
    _apply_consents(person, {k: data[k] for k in consent_keys & set(data)})
    person.full_clean()  # normalises the e-mail and the phone number
    if changes := changes_since(before, person):
        _save_validated(person, update_fields=[*changes, "updated_at"])
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
    _save_validated(rate)
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
    _save_validated(membership)
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
    _save_validated(membership, update_fields=["invoiced_on", "updated_at"])
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
    _save_validated(membership, update_fields=fields)
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


@transaction.atomic
def update_cluster(*, actor: User | None, cluster: Cluster, data: dict[str, Any]) -> Cluster:
    _unknown_fields(data, frozenset({"description_fr", "description_en", "animator"}))
    before = field_values(cluster, data)
    _assign(cluster, data)
    if changes := changes_since(before, cluster):
        _save_validated(cluster, update_fields=list(changes))
        log_activity(
            actor=actor, action="members.cluster.updated", target=cluster, data={"changes": changes}
        )
    return cluster


@transaction.atomic
def join_cluster(
    *,
    actor: User | None,
    cluster: Cluster,
    organisation: Organisation,
    joined_on: datetime.date | None = None,
) -> ClusterMembership:
    link, created = ClusterMembership.objects.get_or_create(
        cluster=cluster,
        organisation=organisation,
        defaults={"joined_on": joined_on or timezone.localdate()},
    )
    if created:
        log_activity(
            actor=actor,
            action="members.cluster.joined",
            target=organisation,
            data={"cluster": cluster.slug},
        )
    return link


@transaction.atomic
def leave_cluster(*, actor: User | None, cluster: Cluster, organisation: Organisation) -> None:
    deleted, _count = ClusterMembership.objects.filter(
        cluster=cluster, organisation=organisation
    ).delete()
    if deleted:
        log_activity(
            actor=actor,
            action="members.cluster.left",
            target=organisation,
            data={"cluster": cluster.slug},
        )


@transaction.atomic
def appoint(
    *,
    actor: User | None,
    person: Person,
    body: str,
    role: str,
    start_date: datetime.date,
    title: str = "",
    organisation: Organisation | None = None,
) -> Position:
    """Give a person a seat in the staff or on the board. A new president ends the last one."""
    if role == GovernanceRole.PRESIDENT:
        if body != GoverningBody.BOARD:
            raise ValidationError({"body": _("The president sits on the board.")})
        for previous in Position.objects.filter(role=role, end_date__isnull=True):
            if previous.start_date >= start_date:
                raise ValidationError(
                    {"start_date": _("The current president started on or after this date.")}
                )
            previous.end_date = start_date - datetime.timedelta(days=1)
            previous.save(update_fields=["end_date"])
            log_activity(actor=actor, action="members.position.ended", target=previous)
    position = Position(
        person=person,
        body=body,
        role=role,
        title=title,
        organisation=organisation,
        start_date=start_date,
    )
    _save_validated(position)
    log_activity(actor=actor, action="members.position.started", target=position)
    return position


@transaction.atomic
def end_position(*, actor: User | None, position: Position, end_date: datetime.date) -> Position:
    position.end_date = end_date
    _save_validated(position, update_fields=["end_date"])
    log_activity(
        actor=actor,
        action="members.position.ended",
        target=position,
        data={"end_date": end_date.isoformat()},
    )
    return position


@transaction.atomic
def create_partnership(
    *,
    actor: User | None,
    partner: Organisation,
    partnership_type: str,
    start_date: datetime.date,
    description_fr: str = "",
    description_en: str = "",
) -> Partnership:
    partnership = Partnership(
        partner=partner,
        type=partnership_type,
        start_date=start_date,
        description_fr=description_fr,
        description_en=description_en,
    )
    _save_validated(partnership)
    log_activity(actor=actor, action="members.partnership.created", target=partnership)
    return partnership


@transaction.atomic
def create_cluster(
    *,
    actor: User | None,
    name: str,
    slug: str,
    description_fr: str = "",
    description_en: str = "",
    animator: Person | None = None,
) -> Cluster:
    """A new thematic cluster of the pôle."""
    cluster = Cluster(
        name=name.strip(),
        slug=slug,
        description_fr=description_fr,
        description_en=description_en,
        animator=animator,
    )
    _save_validated(cluster)
    log_activity(actor=actor, action="members.cluster.created", target=cluster)
    return cluster


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
    organisation_ids = {record.organisation.pk for record in records}
    taken = set(
        Membership.objects.filter(organisation_id__in=organisation_ids).values_list(
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
    created = Membership.objects.bulk_create(memberships)
    for membership in created:
        log_activity(
            actor=actor,
            action="members.membership.created",
            target=membership,
            data={"fee": str(membership.fee), "status": membership.status, "import": True},
        )
    return created


def _row_error(number: int, error: ValidationError) -> ValidationError:
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


def _batch_slug(name: str, taken: set[str]) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, counter = base, 2
    while slug in taken or Organisation.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    taken.add(slug)
    return slug


@transaction.atomic
def import_organisations(
    *, actor: User | None, rows: Sequence[dict[str, Any]]
) -> list[Organisation]:
    """Create many organisations at once (a member file); all of them or none.

    Each row is checked as `create_organisation` checks one; a SIRET used twice, in the
    rows or in the database, stops the import with the row named.
    """
    organisations, slugs, sirets = [], set(), {}
    for number, data in enumerate(rows, start=1):
        _unknown_fields(data, ORGANISATION_FIELDS)
        organisation = Organisation(**data)
        try:
            # The choices are checked field by field; the SIRET's uniqueness below.
            organisation.full_clean(
                exclude=["slug"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            raise _row_error(number, error) from error
        if organisation.siret:
            if organisation.siret in sirets:
                raise _row_error(number, ValidationError({"siret": _("This SIRET is twice.")}))
            sirets[organisation.siret] = number
        organisation.slug = _batch_slug(organisation.name, slugs)
        organisations.append(organisation)
    used = Organisation.objects.filter(siret__in=sirets).values_list("siret", flat=True).first()
    if used:
        message = _("Another organisation already has this SIRET.")
        raise _row_error(sirets[used], ValidationError({"siret": message}))
    created = Organisation.objects.bulk_create(organisations)
    for organisation in created:
        log_activity(
            actor=actor,
            action="members.organisation.created",
            target=organisation,
            data={"import": True},
        )
    return created


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
        _unknown_fields(record.data, PERSON_FIELDS)
        consents = {k: v for k, v in record.data.items() if k in CONSENT_FIELDS}
        person = Person(**{k: v for k, v in record.data.items() if k not in CONSENT_FIELDS})
        _apply_consents(person, consents)
        try:
            person.full_clean(validate_unique=False, validate_constraints=False)
            if record.role not in ContactRole.values:
                raise ValidationError({"role": _("Unknown role “%s”.") % record.role})
        except ValidationError as error:
            raise _row_error(number, error) from error
        if person.email:
            if person.email in emails:
                error = ValidationError({"email": _("This e-mail address is twice.")})
                raise _row_error(number, error)
            emails[person.email] = number
        people.append(person)
    used = Person.objects.filter(email__in=emails).values_list("email", flat=True).first()
    if used:
        message = _("Another person already has this e-mail address.")
        raise _row_error(emails[used], ValidationError({"email": message}))
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
