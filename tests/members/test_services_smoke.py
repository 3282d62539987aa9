import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from grappe.core.models import ActivityLog
from grappe.members import services
from grappe.members.models import Organisation
from tests.factories import FeeRateFactory, MembershipFactory, OrganisationFactory, valid_siret

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
