"""The members domain of the demo: organisations, people, governance, clusters, dues.

Everything is written through grappe.members.services with no actor (the system). Each
record is found by a natural key (organisation slug, person e-mail, membership year) and
only written when missing or different, so a second run changes nothing.
"""

from collections.abc import Iterable

from grappe.demo.context import DemoContext
from grappe.demo.memberships import ensure_fee_schedule, ensure_memberships, plan_memberships
from grappe.demo.organisations import OrganisationPlan, plan_organisations
from grappe.demo.people import PersonPlan, plan_people
from grappe.demo.pole import (
    CLUSTERS,
    PARTNERS,
    POLE,
    PRESIDENT,
    PRESIDENT_SINCE,
    STAFF,
    board_seats,
    cluster_members,
    seat_title,
)
from grappe.members import services
from grappe.members.choices import GovernanceRole, GoverningBody
from grappe.members.models import (
    Affiliation,
    Cluster,
    ClusterMembership,
    Organisation,
    Partnership,
    Person,
    Position,
)


def build(context: DemoContext) -> list[str]:
    """Build the members domain; returns the lines of the summary."""
    ensure_fee_schedule()
    plans = plan_organisations(context.year)
    partner_plans = [partner.organisation for partner in PARTNERS]
    organisations = ensure_organisations([POLE, *plans, *partner_plans])
    people_plans = plan_people(plans)
    staff_plans = [staff.person for staff in STAFF]
    people = ensure_people([PRESIDENT, *staff_plans, *people_plans], organisations)
    ensure_staff(people, organisations)
    ensure_board(plans, people_plans, people, organisations)
    ensure_clusters(plans, people, organisations)
    created, updated = ensure_memberships(plan_memberships(plans, context.today), organisations)
    ensure_partnerships(organisations)
    members = Organisation.objects.members(context.year).count()
    return [
        f"{len(organisations)} organisations, of which {members} members in {context.year}",
        f"{len(people)} people, {len(STAFF)} staff, president {PRESIDENT.first_name} "
        f"{PRESIDENT.last_name} since {PRESIDENT_SINCE:%d/%m/%Y}",
        f"{created} memberships created, {updated} brought up to date",
    ]


def ensure_organisations(plans: Iterable[OrganisationPlan]) -> dict[str, Organisation]:
    """Import the missing organisations in one go; bring the others to the plan."""
    plans = list(plans)
    existing = Organisation.objects.in_bulk([plan.slug for plan in plans], field_name="slug")
    for plan in plans:
        organisation = existing.get(plan.slug)
        data = plan.data()
        if organisation and any(getattr(organisation, k) != v for k, v in data.items()):
            services.update_organisation(
                actor=None, organisation=organisation, data=data, staff=True
            )
    missing = [plan.data() for plan in plans if plan.slug not in existing]
    created = services.import_organisations(actor=None, rows=missing)
    return existing | {organisation.slug: organisation for organisation in created}


def ensure_people(
    plans: list[PersonPlan], organisations: dict[str, Organisation]
) -> dict[str, Person]:
    """Import the missing people in one go; bring the others and their roles to the plan."""
    emails = [plan.email for plan in plans]
    existing = {person.email: person for person in Person.objects.filter(email__in=emails)}
    roles = {
        (person_id, organisation_id): role
        for person_id, organisation_id, role in Affiliation.objects.filter(
            person__in=existing.values()
        ).values_list("person_id", "organisation_id", "role")
    }
    missing = []
    for plan in plans:
        organisation = organisations[plan.organisation]
        person = existing.get(plan.email)
        if person is None:
            missing.append(services.ContactRecord(plan.data(), organisation, plan.role))
            continue
        if any(getattr(person, name) != value for name, value in plan.data().items()):
            services.update_person(actor=None, person=person, data=plan.data())
        if roles.get((person.pk, organisation.pk)) != plan.role:
            services.affiliate_person(
                actor=None, person=person, organisation=organisation, role=plan.role
            )
    created = services.import_people(actor=None, records=missing)
    return existing | {person.email: person for person in created}


def _positions() -> set[tuple]:
    return set(Position.objects.values_list("person_id", "body", "role", "start_date"))


def ensure_staff(people: dict[str, Person], organisations: dict[str, Organisation]) -> None:
    held = _positions()
    for staff in STAFF:
        person = people[staff.person.email]
        if (person.pk, GoverningBody.STAFF, staff.role, staff.start_date) not in held:
            services.appoint(
                actor=None,
                person=person,
                body=GoverningBody.STAFF,
                role=staff.role,
                start_date=staff.start_date,
                title=staff.title,
                organisation=organisations[POLE.slug],
            )


def ensure_board(
    plans: list[OrganisationPlan],
    people_plans: list[PersonPlan],
    people: dict[str, Person],
    organisations: dict[str, Organisation],
) -> None:
    held = _positions()
    president = people[PRESIDENT.email]
    if (president.pk, GoverningBody.BOARD, GovernanceRole.PRESIDENT, PRESIDENT_SINCE) not in held:
        services.appoint(
            actor=None,
            person=president,
            body=GoverningBody.BOARD,
            role=GovernanceRole.PRESIDENT,
            start_date=PRESIDENT_SINCE,
            title="Président",
        )
    heads = {}
    for plan in people_plans:
        heads.setdefault(plan.organisation, plan)
    for seat in board_seats(plans):
        head = heads[seat.organisation]
        person = people[head.email]
        if (person.pk, GoverningBody.BOARD, seat.role, seat.start_date) not in held:
            services.appoint(
                actor=None,
                person=person,
                body=GoverningBody.BOARD,
                role=seat.role,
                start_date=seat.start_date,
                title=seat_title(seat, head),
                organisation=organisations[seat.organisation],
            )


def ensure_clusters(
    plans: list[OrganisationPlan],
    people: dict[str, Person],
    organisations: dict[str, Organisation],
) -> None:
    existing = Cluster.objects.in_bulk([plan.slug for plan in CLUSTERS], field_name="slug")
    for plan in CLUSTERS:
        animator = people[plan.animator.email]
        cluster = existing.get(plan.slug)
        data = {
            "description_fr": plan.description_fr,
            "description_en": plan.description_en,
            "animator": animator,
        }
        if cluster is None:
            cluster = services.create_cluster(actor=None, name=plan.name, slug=plan.slug, **data)
        elif any(getattr(cluster, name) != value for name, value in data.items()):
            services.update_cluster(actor=None, cluster=cluster, data=data)
        joined = set(
            ClusterMembership.objects.filter(cluster=cluster).values_list(
                "organisation_id", flat=True
            )
        )
        for slug, joined_on in cluster_members(plan, plans):
            organisation = organisations[slug]
            if organisation.pk not in joined:
                services.join_cluster(
                    actor=None, cluster=cluster, organisation=organisation, joined_on=joined_on
                )


def ensure_partnerships(organisations: dict[str, Organisation]) -> None:
    existing = set(Partnership.objects.values_list("partner_id", "type", "start_date"))
    for plan in PARTNERS:
        partner = organisations[plan.organisation.slug]
        if (partner.pk, plan.type, plan.start_date) not in existing:
            services.create_partnership(
                actor=None,
                partner=partner,
                partnership_type=plan.type,
                start_date=plan.start_date,
                description_fr=plan.description_fr,
                description_en=plan.description_en,
            )
