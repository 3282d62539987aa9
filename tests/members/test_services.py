import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from grappe.core.models import ActivityLog
from grappe.members import services
from grappe.members.models import Membership, Organisation, Person
from grappe.members.queries import fee_for, members, membership_totals, president
from tests.factories import (
    ClusterFactory,
    FeeRateFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PositionFactory,
    valid_siret,
)

pytestmark = pytest.mark.django_db


def test_create_organisation_derives_place_and_logs(staff_user):
    org = services.create_organisation(
        actor=staff_user,
        data={"name": "Décolletage du Doubs", "siret": valid_siret(42), "postcode": "39100"},
    )
    assert org.departement == "39"
    assert org.region == "Bourgogne-Franche-Comté"
    assert org.siren == org.siret[:9]
    assert ActivityLog.objects.filter(action="members.organisation.created").count() == 1


def test_invalid_siret_names_field_and_writes_nothing(staff_user):
    with pytest.raises(ValidationError) as error:
        services.create_organisation(
            actor=staff_user, data={"name": "X", "siret": "12345678901234"}
        )
    assert "siret" in error.value.message_dict
    assert not Organisation.objects.exists()
    assert not ActivityLog.objects.exists()


def test_renewal_creates_pending_memberships_once(staff_user):
    FeeRateFactory(amount=Decimal("1200"))
    MembershipFactory(year=2025)
    MembershipFactory(year=2025, status="resigned")
    created = services.renew_memberships(actor=staff_user, year=2025)
    assert [m.year for m in created] == [2026]
    assert created[0].fee == Decimal("1200")
    assert services.renew_memberships(actor=staff_user, year=2025) == []


def test_payment_activates(staff_user):
    membership = MembershipFactory(status="pending")
    with pytest.raises(ValidationError):
        services.record_payment(
            actor=staff_user, membership=membership, paid_on=datetime.date.today()
        )
    services.record_invoice(
        actor=staff_user, membership=membership, invoiced_on=datetime.date(2026, 1, 5)
    )
    services.record_payment(
        actor=staff_user, membership=membership, paid_on=datetime.date(2026, 2, 1)
    )
    membership.refresh_from_db()
    assert membership.status == "active"


def test_duplicate_siret_is_a_field_error(staff_user):
    existing = OrganisationFactory()
    with pytest.raises(ValidationError) as error:
        services.create_organisation(actor=staff_user, data={"name": "Y", "siret": existing.siret})
    assert "siret" in error.value.message_dict


def test_update_organisation_logs_changes_and_rederives_place(staff_user):
    org = OrganisationFactory(postcode="25000", departement="25")
    services.update_organisation(
        actor=staff_user,
        organisation=org,
        data={"postcode": "90000", "city": "Belfort"},
        staff=True,
    )
    org.refresh_from_db()
    assert (org.departement, org.region) == ("90", "Bourgogne-Franche-Comté")
    entry = ActivityLog.objects.get(action="members.organisation.updated")
    assert entry.actor == staff_user
    assert entry.data["changes"]["postcode"] == ["25000", "90000"]
    assert entry.object_id == str(org.pk)


def test_update_without_change_writes_no_log(staff_user):
    org = OrganisationFactory()
    services.update_organisation(
        actor=staff_user, organisation=org, data={"name": org.name}, staff=True
    )
    assert not ActivityLog.objects.exists()


def test_contact_cannot_change_staff_fields(staff_user):
    org = OrganisationFactory()
    with pytest.raises(ValidationError) as error:
        services.update_organisation(
            actor=staff_user, organisation=org, data={"dues_category": "eti"}, staff=False
        )
    assert "dues_category" in error.value.message_dict


def test_unknown_postcode_is_refused(staff_user):
    with pytest.raises(ValidationError) as error:
        services.create_organisation(actor=staff_user, data={"name": "Z", "postcode": "96000"})
    assert "postcode" in error.value.message_dict


def test_foreign_postcode_is_not_checked_against_french_list(staff_user):
    org = services.create_organisation(
        actor=staff_user,
        data={
            "name": "Suisse SA",
            "postcode": "2300",
            "city": "La Chaux-de-Fonds",
            "country": "ch",
        },
    )
    assert (org.country, org.departement) == ("CH", "")


def test_siret_must_match_siren(staff_user):
    with pytest.raises(ValidationError) as error:
        services.create_organisation(
            actor=staff_user,
            data={"name": "W", "siret": valid_siret(1), "siren": valid_siret(2)[:9]},
        )
    assert "siret" in error.value.message_dict


def test_slugs_are_unique(staff_user):
    first = services.create_organisation(actor=staff_user, data={"name": "Micro Précision"})
    second = services.create_organisation(actor=staff_user, data={"name": "Micro précision"})
    assert (first.slug, second.slug) == ("micro-precision", "micro-precision-2")


def test_person_email_is_unique_case_insensitively(staff_user):
    services.create_person(
        actor=staff_user, data={"first_name": "A", "last_name": "B", "email": "a.b@example.org"}
    )
    with pytest.raises(ValidationError) as error:
        services.create_person(
            actor=staff_user,
            data={"first_name": "C", "last_name": "D", "email": "A.B@Example.org"},
        )
    assert "email" in error.value.message_dict
    assert Person.objects.count() == 1


def test_people_without_email_do_not_clash(staff_user):
    for name in ("A", "B"):
        services.create_person(actor=staff_user, data={"first_name": name, "last_name": "X"})
    assert Person.objects.count() == 2


def test_phone_is_validated_and_normalised(staff_user):
    person = services.create_person(
        actor=staff_user, data={"first_name": "A", "last_name": "B", "phone": "03 81 25 00 00"}
    )
    assert person.phone == "+33381250000"
    with pytest.raises(ValidationError) as error:
        services.update_person(actor=staff_user, person=person, data={"phone": "12"})
    assert "phone" in error.value.message_dict
    person.refresh_from_db()
    assert person.phone == "+33381250000"


def test_consents_are_dated_and_withdrawn(staff_user):
    person = services.create_person(
        actor=staff_user,
        data={"first_name": "A", "last_name": "B", "directory_consent": True},
    )
    given_at = person.directory_consent_at
    assert given_at is not None
    assert person.newsletter_opt_in_at is None
    services.update_person(
        actor=staff_user, person=person, data={"directory_consent": True, "job_title": "CEO"}
    )
    person.refresh_from_db()
    assert person.directory_consent_at == given_at  # consent renewed keeps its first date
    services.update_person(actor=staff_user, person=person, data={"directory_consent": False})
    person.refresh_from_db()
    assert (person.directory_consent, person.directory_consent_at) == (False, None)
    entry = ActivityLog.objects.filter(action="members.person.updated").first()
    assert entry.data["changes"] == {"directory_consent": [True, False]}


def test_create_person_with_affiliation(staff_user):
    org = OrganisationFactory()
    person = services.create_person(
        actor=staff_user, data={"first_name": "A", "last_name": "B"}, organisation=org, role="rd"
    )
    assert list(person.affiliations.values_list("organisation", "role")) == [(org.pk, "rd")]


def test_fee_schedule_picks_latest_rate_and_band(staff_user):
    org = OrganisationFactory(dues_category="pme", headcount_band="21")
    FeeRateFactory(valid_from=2005, dues_category="pme", amount=Decimal("500"))
    FeeRateFactory(valid_from=2020, dues_category="pme", amount=Decimal("800"))
    FeeRateFactory(valid_from=2020, dues_category="pme", headcount_band="21", amount=Decimal("950"))
    FeeRateFactory(valid_from=2030, dues_category="pme", amount=Decimal("2000"))
    assert fee_for(organisation=org, year=2010) == Decimal("500")
    assert fee_for(organisation=org, year=2026) == Decimal("950")
    assert fee_for(organisation=OrganisationFactory(headcount_band="11"), year=2026) == 800


def test_membership_without_rate_is_refused(staff_user):
    with pytest.raises(ValidationError) as error:
        services.create_membership(actor=staff_user, organisation=OrganisationFactory(), year=2026)
    assert "fee" in error.value.message_dict


def test_membership_twice_in_a_year_is_refused(staff_user):
    membership = MembershipFactory(year=2026)
    with pytest.raises(ValidationError):
        services.create_membership(
            actor=staff_user, organisation=membership.organisation, year=2026, fee=Decimal(1)
        )
    assert Membership.objects.count() == 1


def test_negative_fee_is_refused(staff_user):
    with pytest.raises(ValidationError) as error:
        services.create_membership(
            actor=staff_user, organisation=OrganisationFactory(), year=2026, fee=Decimal("-1")
        )
    assert "fee" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.set_fee_rate(
            actor=staff_user,
            valid_from=2026,
            dues_category="pme",
            headcount_band="",
            amount=Decimal("-5"),
        )
    assert "amount" in error.value.message_dict


def test_negative_fee_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(organisation=OrganisationFactory(), year=2026, fee=Decimal(-1))


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        ("pending", "active", True),
        ("pending", "lapsed", False),
        ("active", "lapsed", True),
        ("active", "pending", False),
        ("resigned", "active", False),
        ("lapsed", "active", True),
    ],
)
def test_membership_transitions(staff_user, start, target, allowed):
    membership = MembershipFactory(status=start)
    if allowed:
        services.set_membership_status(actor=staff_user, membership=membership, status=target)
        membership.refresh_from_db()
        assert membership.status == target
        assert ActivityLog.objects.get().data["status"] == [start, target]
    else:
        with pytest.raises(ValidationError) as error:
            services.set_membership_status(actor=staff_user, membership=membership, status=target)
        assert "status" in error.value.message_dict
        membership.refresh_from_db()
        assert membership.status == start


def test_renewal_stops_whole_when_a_rate_is_missing(staff_user):
    FeeRateFactory(dues_category="pme")
    MembershipFactory(year=2025, organisation=OrganisationFactory(dues_category="pme"))
    MembershipFactory(year=2025, organisation=OrganisationFactory(dues_category="eti"))
    with pytest.raises(ValidationError):
        services.renew_memberships(actor=staff_user, year=2025)
    assert not Membership.objects.filter(year=2026).exists()


def test_new_president_ends_previous_mandate(staff_user):
    first = services.appoint(
        actor=staff_user,
        person=PersonFactory(),
        body="board",
        role="president",
        start_date=datetime.date(2014, 6, 1),
    )
    services.appoint(
        actor=staff_user,
        person=PersonFactory(last_name="Deschamps"),
        body="board",
        role="president",
        start_date=datetime.date(2020, 7, 2),
    )
    first.refresh_from_db()
    assert first.end_date == datetime.date(2020, 7, 1)
    assert president().person.last_name == "Deschamps"


def test_two_presidents_in_office_are_refused_by_the_database():
    PositionFactory(body="board", role="president")
    with pytest.raises(IntegrityError), transaction.atomic():
        PositionFactory(body="board", role="president")


def test_cluster_join_and_leave_are_logged(staff_user):
    cluster, org = ClusterFactory(), OrganisationFactory()
    services.join_cluster(actor=staff_user, cluster=cluster, organisation=org)
    services.join_cluster(actor=staff_user, cluster=cluster, organisation=org)
    assert list(org.clusters.all()) == [cluster]
    services.leave_cluster(actor=staff_user, cluster=cluster, organisation=org)
    assert not org.clusters.exists()
    assert list(ActivityLog.objects.values_list("action", flat=True)) == [
        "members.cluster.left",
        "members.cluster.joined",
    ]


def test_members_are_organisations_active_this_year():
    this_year = datetime.date.today().year
    active = MembershipFactory(year=this_year).organisation
    MembershipFactory(year=this_year, status="lapsed")
    MembershipFactory(year=this_year - 1)
    assert list(members()) == [active]


def test_membership_totals():
    MembershipFactory(year=2026, fee=Decimal(100), invoiced_on=datetime.date(2026, 1, 1))
    MembershipFactory(
        year=2026,
        fee=Decimal(200),
        invoiced_on=datetime.date(2026, 1, 1),
        paid_on=datetime.date(2026, 2, 1),
    )
    MembershipFactory(year=2026, fee=Decimal(400), status="pending")
    totals = membership_totals(2026)
    assert (totals.count, totals.active, totals.pending) == (3, 2, 1)
    assert (totals.fees, totals.invoiced, totals.paid) == (700, 300, 200)


def test_organisation_general_contact_is_validated(staff_user):
    org = services.create_organisation(
        actor=staff_user,
        data={"name": "Standard SA", "email": "Contact@Example.org", "phone": "03 81 00 00 00"},
    )
    assert (org.email, org.phone) == ("contact@example.org", "+33381000000")
    with pytest.raises(ValidationError) as error:
        services.update_organisation(
            actor=staff_user, organisation=org, data={"phone": "0"}, staff=True
        )
    assert "phone" in error.value.message_dict
