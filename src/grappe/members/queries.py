"""Reads of the members domain: named, counted, and free of N+1 queries."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from grappe.core.models import User
from grappe.members.choices import GoverningBody, MembershipStatus
from grappe.members.models import (
    Affiliation,
    Cluster,
    FeeRate,
    Membership,
    Organisation,
    Partnership,
    Person,
    Position,
)

ORGANISATION_SORTS = {
    "name": ("name", "id"),
    "-name": ("-name", "-id"),
    "city": ("city", "name"),
    "-city": ("-city", "name"),
    "departement": ("departement", "name"),
    "-departement": ("-departement", "name"),
    "kind": ("kind", "name"),
    "-kind": ("-kind", "name"),
}


def current_year() -> int:
    return timezone.localdate().year


def members(year: int | None = None) -> QuerySet[Organisation]:
    """The pôle's members: organisations with an active membership in `year` (default now)."""
    return Organisation.objects.members(year or current_year())


def search_organisations(
    *,
    text: str = "",
    kind: str = "",
    cluster: str = "",
    departement: str = "",
    members_only: bool = False,
    sort: str = "name",
) -> QuerySet[Organisation]:
    """The organisation list: a name search plus filters, with clusters prefetched."""
    queryset = Organisation.objects.all()
    if text:
        queryset = queryset.filter(Q(name__icontains=text) | Q(city__icontains=text))
    if kind:
        queryset = queryset.filter(kind=kind)
    if cluster:
        queryset = queryset.filter(clusters__slug=cluster)
    if departement:
        queryset = queryset.filter(departement=departement)
    if members_only:
        queryset = queryset.filter(pk__in=members().values("pk"))
    return queryset.prefetch_related(
        Prefetch("clusters", queryset=Cluster.objects.order_by("name"))
    ).order_by(*ORGANISATION_SORTS.get(sort, ORGANISATION_SORTS["name"]))


def organisation_people(organisation: Organisation) -> QuerySet[Affiliation]:
    return (
        Affiliation.objects.filter(organisation=organisation)
        .select_related("person")
        .order_by("-is_main_contact", "person__last_name", "person__first_name")
    )


def organisation_memberships(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.order_by("-year")


def organisations_of(user: User) -> QuerySet[Organisation]:
    """The organisations a user is a contact of (through their person)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(affiliations__person__user=user)


def person_affiliations(person: Person) -> QuerySet[Affiliation]:
    return person.affiliations.select_related("organisation").order_by("organisation__name")


def fee_for(*, organisation: Organisation, year: int) -> Decimal | None:
    """The dues of an organisation for a year under the schedule in force that year.

    A rate for the organisation's exact headcount band beats the category's general rate;
    the latest schedule that started on or before the year applies.
    """
    rate = (
        FeeRate.objects.filter(valid_from__lte=year, dues_category=organisation.dues_category)
        .filter(Q(headcount_band=organisation.headcount_band) | Q(headcount_band=""))
        .order_by("-valid_from", "-headcount_band")
        .first()
    )
    return rate.amount if rate else None


def fee_schedule(year: int | None = None) -> QuerySet[FeeRate]:
    queryset = FeeRate.objects.all()
    if year is not None:
        queryset = queryset.filter(valid_from=year)
    return queryset.order_by("-valid_from", "dues_category", "headcount_band")


@dataclass(frozen=True)
class MembershipTotals:
    count: int
    active: int
    pending: int
    fees: Decimal
    invoiced: Decimal
    paid: Decimal


def memberships_of_year(year: int, *, status: str = "") -> QuerySet[Membership]:
    queryset = Membership.objects.filter(year=year).select_related("organisation")
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("organisation__name")


def membership_totals(year: int) -> MembershipTotals:
    """The dues of a year: what is owed, invoiced and paid, in one query."""
    zero = Decimal("0")
    row = Membership.objects.filter(year=year).aggregate(
        count=Count("id"),
        active=Count("id", filter=Q(status=MembershipStatus.ACTIVE)),
        pending=Count("id", filter=Q(status=MembershipStatus.PENDING)),
        fees=Sum("fee", filter=~Q(status=MembershipStatus.RESIGNED)),
        invoiced=Sum("fee", filter=Q(invoiced_on__isnull=False)),
        paid=Sum("fee", filter=Q(paid_on__isnull=False)),
    )
    return MembershipTotals(
        count=row["count"],
        active=row["active"],
        pending=row["pending"],
        fees=row["fees"] or zero,
        invoiced=row["invoiced"] or zero,
        paid=row["paid"] or zero,
    )


def membership_years() -> list[int]:
    return list(Membership.objects.order_by("-year").values_list("year", flat=True).distinct())


def clusters_with_counts() -> QuerySet[Cluster]:
    return (
        Cluster.objects.select_related("animator")
        .annotate(organisation_count=Count("organisations", distinct=True))
        .order_by("name")
    )


def cluster_organisations(cluster: Cluster) -> QuerySet[Organisation]:
    return cluster.organisations.order_by("name")


def current_positions(on: datetime.date | None = None) -> QuerySet[Position]:
    return Position.objects.current(on).select_related("person", "organisation")


def board(on: datetime.date | None = None) -> QuerySet[Position]:
    return current_positions(on).filter(body=GoverningBody.BOARD)


def staff(on: datetime.date | None = None) -> QuerySet[Position]:
    return current_positions(on).filter(body=GoverningBody.STAFF)


def president(on: datetime.date | None = None) -> Position | None:
    return current_positions(on).filter(role="president").first()


def partnerships() -> QuerySet[Partnership]:
    return Partnership.objects.select_related("partner").order_by("-start_date")


def directory_people(*, consented_only: bool) -> QuerySet[Person]:
    """People with their organisations; outside the staff only those who consented."""
    queryset = Person.objects.prefetch_related(
        Prefetch("affiliations", queryset=Affiliation.objects.select_related("organisation"))
    )
    if consented_only:
        queryset = queryset.filter(directory_consent=True)
    return queryset.order_by("last_name", "first_name", "id")


def with_member_flag(
    queryset: QuerySet[Organisation], year: int | None = None
) -> QuerySet[Organisation]:
    """Annotate `is_member`: whether each organisation is a member in `year` (default now)."""
    active = Membership.objects.filter(
        organisation=OuterRef("pk"),
        year=year or current_year(),
        status=MembershipStatus.ACTIVE,
    )
    return queryset.annotate(is_member=Exists(active))


def departements_in_use() -> list[str]:
    """The départements where at least one organisation is, for the list's filter."""
    return list(
        Organisation.objects.exclude(departement="")
        .order_by("departement")
        .values_list("departement", flat=True)
        .distinct()
    )


MEMBERSHIP_SORTS = {
    "organisation": ("organisation__name", "id"),
    "-organisation": ("-organisation__name", "-id"),
    "fee": ("fee", "organisation__name"),
    "-fee": ("-fee", "organisation__name"),
    "status": ("status", "organisation__name"),
    "-status": ("-status", "organisation__name"),
    "paid_on": ("paid_on", "organisation__name"),
    "-paid_on": ("-paid_on", "organisation__name"),
}


def membership_table(
    year: int, *, status: str = "", sort: str = "organisation"
) -> QuerySet[Membership]:
    """The memberships of a year for the staff's table, filtered and sorted."""
    order = MEMBERSHIP_SORTS.get(sort, MEMBERSHIP_SORTS["organisation"])
    return memberships_of_year(year, status=status).order_by(*order)


def renewal_candidates(year: int) -> QuerySet[Organisation]:
    """The active members of `year` that have no membership for the next year yet."""
    return (
        Organisation.objects.filter(
            memberships__year=year, memberships__status=MembershipStatus.ACTIVE
        )
        .exclude(memberships__year=year + 1)
        .distinct()
        .order_by("name")
    )


def animator_candidates(cluster: Cluster) -> QuerySet[Person]:
    """Who may animate a cluster: the current staff, and the cluster's animator."""
    staff_people = staff().values("person_id")
    return Person.objects.filter(Q(pk__in=staff_people) | Q(pk=cluster.animator_id)).order_by(
        "last_name", "first_name"
    )


def people_visible_to(user: User, *, organisation: str = "") -> QuerySet[Person]:
    """The people `user` may see (perm `members.view_person`), with their organisations.

    The staff see everyone; anyone else the people who consented to the directory, and
    when signed in also themselves and the people of their own organisations.
    `organisation` keeps only the people of the organisation with that slug.
    """
    queryset = directory_people(consented_only=False)
    if not (user.is_active and user.is_staff):
        visible = Q(directory_consent=True)
        if user.is_authenticated:
            colleagues = Affiliation.objects.filter(organisation__in=organisations_of(user))
            visible |= Q(user=user) | Q(pk__in=colleagues.values("person_id"))
        queryset = queryset.filter(visible)
    if organisation:
        affiliated = Affiliation.objects.filter(organisation__slug=organisation)
        queryset = queryset.filter(pk__in=affiliated.values("person_id"))
    return queryset


def search_memberships(
    *,
    year: int | None = None,
    status: str = "",
    organisations: QuerySet[Organisation] | None = None,
) -> QuerySet[Membership]:
    """Memberships with their organisation, newest year first, optionally filtered;
    `organisations` (when given) keeps only the memberships of those organisations."""
    queryset = Membership.objects.select_related("organisation")
    if year is not None:
        queryset = queryset.filter(year=year)
    if status:
        queryset = queryset.filter(status=status)
    if organisations is not None:
        queryset = queryset.filter(organisation__in=organisations)
    return queryset.order_by("-year", "organisation__name", "id")
