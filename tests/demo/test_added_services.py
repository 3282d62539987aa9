"""The services the demo needed: bulk imports, clusters, logins."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from grappe.core.models import ActivityLog, User
from grappe.core.services import create_user, set_user_password
from grappe.members import services
from grappe.members.choices import ContactRole, MembershipStatus
from grappe.members.models import Affiliation, Membership, Organisation, Person
from tests.factories import (
    FeeRateFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    valid_siret,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The row messages are checked in English; the interface defaults to French.
    with translation.override("en"):
        yield


def organisation_row(n: int, **changes) -> dict:
    return {
        "name": f"Décolletage {n}",
        "siret": valid_siret(1000 + n),
        "postcode": "25500",
        "city": "Morteau",
        "naf_code": "25.62A",
        "headcount_band": "12",
    } | changes


def test_import_organisations_creates_and_logs_each():
    created = services.import_organisations(
        actor=None, rows=[organisation_row(1), organisation_row(2)]
    )
    assert [o.slug for o in created] == ["decolletage-1", "decolletage-2"]
    first = Organisation.objects.get(slug="decolletage-1")
    assert first.departement == "25"
    assert first.siren == first.siret[:9]
    logged = ActivityLog.objects.filter(action="members.organisation.created")
    assert logged.count() == 2


def test_import_organisations_gives_unique_slugs_to_equal_names():
    OrganisationFactory(name="Décolletage 1", slug="decolletage-1")
    created = services.import_organisations(
        actor=None, rows=[organisation_row(1), organisation_row(1, siret=valid_siret(7))]
    )
    assert [o.slug for o in created] == ["decolletage-1-2", "decolletage-1-3"]


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        ([organisation_row(1, siret="12345678901234")], "siret"),
        ([organisation_row(1, postcode="25999")], "postcode"),
        ([organisation_row(1), organisation_row(2, siret=valid_siret(1001))], "siret"),
        ([organisation_row(1, kind="bakery")], "kind"),
    ],
)
def test_import_organisations_refuses_a_bad_row_and_writes_nothing(rows, field):
    with pytest.raises(ValidationError) as error:
        services.import_organisations(actor=None, rows=rows)
    assert field in error.value.message_dict
    assert "Row" in error.value.message_dict[field][0]
    assert not Organisation.objects.exists()


def test_import_organisations_refuses_a_siret_already_used():
    OrganisationFactory(siret=valid_siret(1002))
    with pytest.raises(ValidationError) as error:
        services.import_organisations(actor=None, rows=[organisation_row(1), organisation_row(2)])
    assert "Row 2" in error.value.message_dict["siret"][0]
    assert Organisation.objects.count() == 1


def person_record(organisation, n: int, **changes) -> services.ContactRecord:
    data = {
        "first_name": "Claire",
        "last_name": f"Faivre{n}",
        "email": f"claire.faivre{n}@example.org",
        "phone": "03 81 00 00 00",
        "directory_consent": True,
    } | changes
    return services.ContactRecord(data, organisation, ContactRole.QUALITY)


def test_import_people_creates_contacts_with_dated_consent():
    organisation = OrganisationFactory()
    created = services.import_people(
        actor=None, records=[person_record(organisation, 1), person_record(organisation, 2)]
    )
    assert len(created) == 2
    person = Person.objects.get(email="claire.faivre1@example.org")
    assert person.phone == "+33381000000"
    assert person.directory_consent_at is not None
    assert Affiliation.objects.get(person=person).role == ContactRole.QUALITY
    assert ActivityLog.objects.filter(action="members.person.created").count() == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"phone": "123"}, "phone"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "claire.faivre1@example.org"}, "email"),
    ],
)
def test_import_people_refuses_a_bad_record_and_writes_nothing(changes, field):
    organisation = OrganisationFactory()
    records = [person_record(organisation, 1), person_record(organisation, 2, **changes)]
    with pytest.raises(ValidationError) as error:
        services.import_people(actor=None, records=records)
    assert "Row 2" in error.value.message_dict[field][0]
    assert not Person.objects.exists()


def test_import_people_refuses_an_email_already_used():
    PersonFactory(email="claire.faivre1@example.org")
    with pytest.raises(ValidationError):
        services.import_people(actor=None, records=[person_record(OrganisationFactory(), 1)])
    assert Person.objects.count() == 1


def test_import_memberships_computes_fees_from_the_schedule():
    FeeRateFactory(valid_from=2005, amount=Decimal("600"))
    FeeRateFactory(valid_from=2012, amount=Decimal("700"))
    organisation = OrganisationFactory()
    records = [
        services.MembershipRecord(organisation, 2011),
        services.MembershipRecord(
            organisation,
            2012,
            MembershipStatus.ACTIVE,
            datetime.date(2012, 1, 10),
            datetime.date(2012, 2, 20),
        ),
    ]
    created = services.import_memberships(actor=None, records=records)
    assert [m.fee for m in created] == [Decimal("600"), Decimal("700")]
    assert Membership.objects.get(year=2012).paid_on == datetime.date(2012, 2, 20)
    assert ActivityLog.objects.filter(action="members.membership.created").count() == 2


@pytest.mark.parametrize(
    "record",
    [
        {"year": 2010, "status": "sleeping"},
        {"year": 2010, "paid_on": datetime.date(2010, 2, 1)},
        {
            "year": 2010,
            "invoiced_on": datetime.date(2010, 3, 1),
            "paid_on": datetime.date(2010, 2, 1),
        },
        {"year": 2004},
        {"year": 2020},  # already has one
    ],
)
def test_import_memberships_refuses_a_bad_record_and_writes_nothing(record):
    FeeRateFactory(valid_from=2005)
    organisation = OrganisationFactory()
    services.create_membership(actor=None, organisation=organisation, year=2020)
    records = [
        services.MembershipRecord(organisation, 2015),
        services.MembershipRecord(organisation, **record),
    ]
    with pytest.raises(ValidationError):
        services.import_memberships(actor=None, records=records)
    assert Membership.objects.count() == 1


def test_import_memberships_refuses_a_year_without_rate():
    with pytest.raises(ValidationError):
        services.import_memberships(
            actor=None, records=[services.MembershipRecord(OrganisationFactory(), 2015)]
        )
    assert not Membership.objects.exists()


def test_create_cluster_logs_and_refuses_a_duplicate_slug(staff_user):
    cluster = services.create_cluster(actor=staff_user, name="AEROμTECH", slug="aeromutech")
    entry = ActivityLog.objects.get(action="members.cluster.created")
    assert entry.object_id == str(cluster.pk)
    assert entry.actor == staff_user
    with pytest.raises(ValidationError) as error:
        services.create_cluster(actor=staff_user, name="Other", slug="aeromutech")
    assert "slug" in error.value.message_dict


def test_link_user_account_once_per_user():
    user = UserFactory()
    person, other = PersonFactory(), PersonFactory()
    services.link_user_account(actor=None, person=person, user=user)
    services.link_user_account(actor=None, person=person, user=user)  # no change, no log
    assert Person.objects.get(user=user) == person
    assert ActivityLog.objects.filter(action="members.person.account_linked").count() == 1
    with pytest.raises(ValidationError) as error:
        services.link_user_account(actor=None, person=other, user=user)
    assert "user" in error.value.message_dict


def test_create_user_checks_the_password_and_the_username():
    user = create_user(
        actor=None, username="camille", password="une-phrase-longue", email="C@Example.org"
    )
    assert user.check_password("une-phrase-longue")
    assert user.email == "c@example.org"
    assert not user.is_staff
    with pytest.raises(ValidationError) as error:
        create_user(actor=None, username="dominique", password="123")
    assert "password" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        create_user(actor=None, username="camille", password="une-autre-phrase")
    assert "username" in error.value.message_dict
    assert User.objects.count() == 1


def test_set_user_password_logs():
    user = UserFactory()
    set_user_password(actor=None, user=user, password="une-phrase-longue")
    user.refresh_from_db()
    assert user.check_password("une-phrase-longue")
    assert ActivityLog.objects.filter(action="core.user.password_set").count() == 1
