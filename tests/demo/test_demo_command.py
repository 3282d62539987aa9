"""The demo pôle: the figures of DESIGN §1, valid data, and a second run that changes nothing."""

import datetime
import io
from decimal import Decimal

import phonenumbers
import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from grappe.core.models import ActivityLog, Term
from grappe.members import queries, services
from grappe.members.choices import DuesCategory, MembershipStatus, OrganisationKind
from grappe.members.geography import place_of_postcode
from grappe.members.models import Cluster, Membership, Organisation, Partnership, Person

pytestmark = pytest.mark.django_db

BANDS = {
    DuesCategory.TPE: {"00", "01", "02", "03"},
    DuesCategory.PME: {"11", "12", "21", "22", "31", "32"},
    DuesCategory.ETI: {"41", "42", "51"},
    DuesCategory.LARGE_GROUP: {"52", "53"},
}


def test_the_pole_has_its_180_members_staff_and_clusters(demo):
    year = timezone.localdate().year
    assert queries.members(year).count() == 180
    assert queries.staff().count() == 10
    assert Cluster.objects.count() == 2
    assert 380 <= Person.objects.count() <= 460
    assert Term.objects.count() >= 68


def test_the_president_is_laurent_deschamps_since_2_july_2020(demo):
    president = queries.president()
    assert president.person.full_name == "Laurent Deschamps"
    assert president.start_date == datetime.date(2020, 7, 2)
    assert 10 <= queries.board().count() <= 14


def test_each_cluster_has_an_animator_from_the_staff_and_40_to_70_members(demo):
    staff_people = set(queries.staff().values_list("person_id", flat=True))
    members = set(queries.members().values_list("pk", flat=True))
    for cluster in Cluster.objects.all():
        assert cluster.animator_id in staff_people
        assert cluster.description_fr
        assert cluster.description_en
        organisations = set(cluster.organisations.values_list("pk", flat=True))
        assert 40 <= len(organisations) <= 70
        assert organisations <= members
    health, aero = (
        set(c.organisations.values_list("pk", flat=True)) for c in Cluster.objects.all()
    )
    assert health & aero, "some members are in both clusters"


def test_every_organisation_has_valid_identifiers_and_a_known_place(demo):
    for org in Organisation.objects.exclude(siret=""):
        assert stdnum_siret.is_valid(org.siret), org
        assert stdnum_siren.is_valid(org.siren)
        assert org.siret.startswith(org.siren)
    for org in Organisation.objects.filter(country="FR").exclude(postcode=""):
        place = place_of_postcode(org.postcode)
        assert place is not None, org
        # Morez is a former commune of Hauts de Bienne; La Poste names Paris by arrondissement.
        assert org.city in place.communes or org.city in {"Morez", "Paris"}, org
        assert org.departement == place.departement
    assert not Organisation.objects.filter(kind=OrganisationKind.COMPANY, siret="").exists()


def test_headcount_bands_naf_codes_and_descriptions_fit_each_member(demo):
    for org in queries.members():
        if org.dues_category in BANDS:
            assert org.headcount_band in BANDS[org.dues_category], org
        if org.kind == OrganisationKind.LAB:
            assert org.naf_code == "72.19Z"
        elif org.kind == OrganisationKind.SCHOOL:
            assert org.naf_code == "85.42Z"
        else:
            assert org.kind == OrganisationKind.COMPANY
        assert org.description_fr
        assert org.description_en
        assert org.website
    labs_and_schools = queries.members().filter(dues_category=DuesCategory.ACADEMIC)
    assert set(labs_and_schools.values_list("kind", flat=True)) == {
        OrganisationKind.LAB,
        OrganisationKind.SCHOOL,
    }
    assert queries.members().filter(dues_category=DuesCategory.LARGE_GROUP).count() >= 3
    assert Organisation.objects.filter(name="Laboratoire de micro-mécanique de Franche-Comté")


def test_people_have_unique_emails_valid_phones_and_a_realistic_consent_mix(demo):
    people = list(Person.objects.all())
    assert len({p.email for p in people}) == len(people)
    for person in people:
        if person.phone:
            assert phonenumbers.is_valid_number(phonenumbers.parse(person.phone)), person
        assert person.affiliations.exists(), person
    consent = sum(p.directory_consent for p in people) / len(people)
    newsletter = sum(p.newsletter_opt_in for p in people) / len(people)
    assert 0.6 <= consent <= 0.8
    assert 0.4 <= newsletter <= 0.6


def test_membership_history_since_2005_with_former_members(demo):
    year = timezone.localdate().year
    assert Membership.objects.filter(year=2005).count() >= 40
    assert set(Membership.objects.values_list("year", flat=True)) == set(range(2005, year + 1))
    former = Organisation.objects.filter(memberships__status=MembershipStatus.RESIGNED).exclude(
        pk__in=queries.members(year)
    )
    assert 20 <= former.distinct().count() <= 30
    totals = queries.membership_totals(year)
    assert totals.active == 180
    assert Decimal("0.75") * totals.fees <= totals.paid <= Decimal("0.95") * totals.fees
    assert totals.paid < totals.invoiced <= totals.fees
    assert not Membership.objects.filter(paid_on__lt=F("invoiced_on")).exists()
    assert Membership.objects.filter(status=MembershipStatus.LAPSED).exists()


def test_partnerships_name_medicen(demo):
    medicen = Partnership.objects.get(partner__name="MEDICEN Paris Région")
    assert medicen.partner.kind == OrganisationKind.PARTNER_CLUSTER
    assert Partnership.objects.count() >= 4


def test_the_two_logins_work_and_are_linked_to_people(demo):
    staff = authenticate(username="staff", password="grappe-demo")
    assert staff.is_staff
    assert staff.is_superuser
    assert staff.person.positions.filter(role="director").exists()
    member = authenticate(username="membre", password="grappe-demo")
    assert not member.is_staff
    assert member.has_perm("members.view_directory")
    organisation = member.person.organisations.get()
    assert member.has_perm("members.edit_organisation", organisation)


def test_the_command_prints_the_address_and_the_logins(demo):
    out = demo.first_output
    assert "http://127.0.0.1:8000" in out
    assert "username staff" in out
    assert "username membre" in out
    assert "username expert1" in out
    assert out.count("password grappe-demo") == 3


def test_a_second_run_changes_nothing(demo):
    assert demo.first == demo.second
    new_actions = set(
        ActivityLog.objects.filter(id__gt=demo.last_log_id).values_list("action", flat=True)
    )
    assert new_actions <= {"core.vocabulary.loaded"}


def test_no_invoice_or_payment_is_dated_after_today(demo):
    today = timezone.localdate()
    assert not Membership.objects.filter(invoiced_on__gt=today).exists()
    assert not Membership.objects.filter(paid_on__gt=today).exists()


def test_a_run_brings_edited_records_back_to_the_plan(demo):
    organisation = Organisation.objects.get(slug="decolletage-vuillemin")
    services.update_organisation(
        actor=None, organisation=organisation, data={"city": "Les Fins"}, staff=True
    )
    person = Person.objects.get(user__username="membre")
    planned_title = person.job_title
    services.update_person(actor=None, person=person, data={"job_title": "Stagiaire"})
    membership = organisation.memberships.get(year=2010)
    planned_invoice = membership.invoiced_on
    services.record_invoice(
        actor=None, membership=membership, invoiced_on=datetime.date(2010, 3, 31)
    )

    call_command("demo", quiet=True, stdout=io.StringIO())

    organisation.refresh_from_db()
    person.refresh_from_db()
    membership.refresh_from_db()
    assert organisation.city == "Morteau"
    assert person.job_title == planned_title
    assert membership.invoiced_on == planned_invoice
