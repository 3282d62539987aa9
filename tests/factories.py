"""Factories for every model the tests build; one module, used by all test packages."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory
from stdnum import luhn

from grappe.core.models import Facet, Term, User
from grappe.directory.models import Capability
from grappe.labelling.choices import Funder, PartnerRole, Status
from grappe.labelling.models import (
    Application,
    CommitteeMeeting,
    Criterion,
    Expert,
    FundingCall,
    Partner,
    Project,
    ReviewAssignment,
)
from grappe.members.choices import (
    ContactRole,
    DuesCategory,
    GovernanceRole,
    GoverningBody,
    HeadcountBand,
    MembershipStatus,
    OrganisationKind,
    PartnershipType,
)
from grappe.members.models import (
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

PASSWORD = "grappe-test-password"


def valid_siren(n: int) -> str:
    body = f"{(10_000_000 + n * 7919) % 100_000_000:08d}"
    return body + luhn.calc_check_digit(body)


def valid_siret(n: int) -> str:
    body = valid_siren(n) + f"{n % 10_000:04d}"
    return body + luhn.calc_check_digit(body)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])


class StaffUserFactory(UserFactory):
    is_staff = True


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Microtechnique {n}")
    slug = factory.Sequence(lambda n: f"microtechnique-{n}")
    kind = OrganisationKind.COMPANY
    siret = factory.Sequence(valid_siret)
    siren = factory.LazyAttribute(lambda o: o.siret[:9])
    naf_code = "25.62B"
    headcount_band = HeadcountBand.B12
    address = "12 rue de la Précision"
    postcode = "25000"
    city = "Besançon"
    departement = "25"
    region = "Bourgogne-Franche-Comté"
    website = "https://example.org"
    description_fr = "Décolletage de précision."
    description_en = "Precision bar turning."
    dues_category = DuesCategory.PME


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Camille{n}")
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "+33381000000"
    job_title = "Responsable qualité"


class AffiliationFactory(DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = ContactRole.EXECUTIVE


class FeeRateFactory(DjangoModelFactory):
    class Meta:
        model = FeeRate

    valid_from = 2005
    dues_category = DuesCategory.PME
    headcount_band = ""
    amount = Decimal("900.00")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    year = factory.LazyFunction(lambda: datetime.date.today().year)
    fee = Decimal("900.00")
    status = MembershipStatus.ACTIVE


class ClusterFactory(DjangoModelFactory):
    class Meta:
        model = Cluster
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Cluster {n}")
    slug = factory.Sequence(lambda n: f"cluster-{n}")


class ClusterMembershipFactory(DjangoModelFactory):
    class Meta:
        model = ClusterMembership

    cluster = factory.SubFactory(ClusterFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class PositionFactory(DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    body = GoverningBody.STAFF
    role = GovernanceRole.EMPLOYEE
    title = "Chargé de mission"
    start_date = datetime.date(2020, 1, 1)


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership

    partner = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.PARTNER_CLUSTER)
    type = PartnershipType.HEALTH_NETWORK
    start_date = datetime.date(2015, 1, 1)


def member_contact(*, organisation: Organisation | None = None, username: str | None = None):
    """A user who is the contact of an organisation with an active membership this year."""
    organisation = organisation or OrganisationFactory()
    if not organisation.memberships.filter(year=datetime.date.today().year).exists():
        MembershipFactory(organisation=organisation)
    user = UserFactory(**({"username": username} if username else {}))
    person = PersonFactory(user=user, email=user.email)
    AffiliationFactory(person=person, organisation=organisation)
    return user


class TermFactory(DjangoModelFactory):
    """A vocabulary term; the same code gives the same term."""

    class Meta:
        model = Term
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"term_{n}")
    facet = Facet.PROCESS
    label_fr = factory.LazyAttribute(lambda o: o.code.replace("_", " ").capitalize())
    label_en = factory.LazyAttribute(lambda o: o.label_fr)
    synonyms_fr = factory.LazyFunction(list)
    synonyms_en = factory.LazyFunction(list)


# Project labelling ------------------------------------------------------------------------


class FundingCallFactory(DjangoModelFactory):
    """A call still open: its deadline is two months ahead."""

    class Meta:
        model = FundingCall

    name = factory.Sequence(lambda n: f"PSPC-Régions, vague {n}")
    funder = Funder.PSPC_REGIONS
    addressee = "Bpifrance, Direction de l'innovation"
    address = "27-31 avenue du Général Leclerc\n94710 Maisons-Alfort"
    deadline = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=60))


class ProjectFactory(DjangoModelFactory):
    """A project whose lead organisation is its only partner, with the whole budget; give
    `markets=[...]` / `processes=[...]` to set its vocabulary terms."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    acronym = factory.Sequence(lambda n: f"MICRO{n}")
    title = "Micro-valve implantable pour la délivrance contrôlée de médicaments"
    summary_fr = "Une micro-valve en titane usinée au micron."
    trl_start = 3
    trl_target = 6
    duration_months = 36
    lead = factory.SubFactory(OrganisationFactory)
    total_budget = Decimal("1000000.00")

    @factory.post_generation
    def lead_partner(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            Partner.objects.create(
                project=obj,
                organisation=obj.lead,
                role=PartnerRole.LEAD,
                budget=obj.total_budget,
                requested_aid=obj.total_budget / 2,
            )

    @factory.post_generation
    def markets(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.markets.set(extracted)

    @factory.post_generation
    def processes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.processes.set(extracted)


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = PartnerRole.PARTNER
    budget = Decimal("250000.00")
    requested_aid = Decimal("100000.00")


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = Application

    project = factory.SubFactory(ProjectFactory)
    call = factory.SubFactory(FundingCallFactory)
    status = Status.DRAFT


class CriterionFactory(DjangoModelFactory):
    class Meta:
        model = Criterion
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"criterion-{n}")
    label_fr = factory.LazyAttribute(lambda o: o.code.capitalize())
    label_en = factory.LazyAttribute(lambda o: o.code.capitalize())
    weight = Decimal("1.00")
    position = factory.Sequence(lambda n: n)


class ExpertFactory(DjangoModelFactory):
    """An external expert of the pool, with a login."""

    class Meta:
        model = Expert

    user = factory.SubFactory(UserFactory)
    expertise = "Dispositifs médicaux implantables"


class ReviewAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = ReviewAssignment

    application = factory.SubFactory(ApplicationFactory, status=Status.UNDER_REVIEW)
    expert = factory.LazyFunction(lambda: ExpertFactory().user)


class CommitteeMeetingFactory(DjangoModelFactory):
    class Meta:
        model = CommitteeMeeting
        skip_postgeneration_save = True

    held_on = factory.LazyFunction(datetime.date.today)
    title = factory.Sequence(lambda n: f"Comité de labellisation n° {n}")
    location = "Besançon, TEMIS"

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.members.set(extracted)


class CapabilityFactory(DjangoModelFactory):
    class Meta:
        model = Capability

    organisation = factory.SubFactory(OrganisationFactory)
    term = factory.SubFactory(TermFactory)
