"""Factories for every model the tests build; one module, used by all test packages."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory
from stdnum import luhn

from grappe.core.models import Facet, Term, User
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
