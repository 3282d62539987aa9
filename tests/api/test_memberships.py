"""Memberships over the API: the staff manage them, contacts read their own."""

import datetime
from decimal import Decimal

import pytest

from grappe.core.models import ActivityLog
from grappe.members.choices import MembershipStatus
from grappe.members.models import Membership
from tests.factories import FeeRateFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

THIS_YEAR = datetime.date.today().year


@pytest.fixture
def other_membership():
    return MembershipFactory(organisation=OrganisationFactory(name="Autre Membre"))


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_staff_lists_every_membership_with_filters(staff_api, member_org, other_membership):
    own = MembershipFactory(organisation=member_org)
    old = MembershipFactory(organisation=member_org, year=2019, status=MembershipStatus.LAPSED)
    assert ids(staff_api.get("/memberships")) == {own.pk, other_membership.pk, old.pk}
    assert ids(staff_api.get("/memberships", {"year": 2019})) == {old.pk}
    assert ids(staff_api.get("/memberships", {"status": "lapsed"})) == {old.pk}
    assert ids(staff_api.get("/memberships", {"organisation": member_org.slug})) == {own.pk, old.pk}
    item = staff_api.get("/memberships", {"year": 2019}).json()["items"][0]
    assert item["organisation"] == {"slug": member_org.slug, "name": member_org.name}
    assert item["fee"] in ("900.00", 900.0, "900")


def test_member_lists_only_its_own_memberships(member_api, member_org, other_membership):
    own = member_org.memberships.get()
    assert ids(member_api.get("/memberships")) == {own.pk}
    assert ids(member_api.get("/memberships", {"organisation": member_org.slug})) == {own.pk}
    response = member_api.get("/memberships", {"organisation": other_membership.organisation.slug})
    assert response.status_code == 403


def test_outsider_lists_nothing_and_the_public_is_asked_for_a_token(
    outsider_api, anonymous_api, other_membership
):
    assert ids(outsider_api.get("/memberships")) == set()
    assert anonymous_api.get("/memberships").status_code == 401


def test_list_query_count_does_not_grow(staff_api, django_assert_max_num_queries):
    MembershipFactory.create_batch(2)
    with django_assert_max_num_queries(4) as few:
        assert staff_api.get("/memberships").status_code == 200
    MembershipFactory.create_batch(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert staff_api.get("/memberships").json()["count"] == 22


def test_member_list_query_count_does_not_grow(
    member_api, member_org, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6) as few:
        assert member_api.get("/memberships").status_code == 200
    for year in range(2006, 2026):
        MembershipFactory(organisation=member_org, year=year)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert member_api.get("/memberships").json()["count"] >= 20


def test_staff_creates_a_membership_from_the_fee_schedule(staff_api, member_org):
    FeeRateFactory(valid_from=2005, amount=Decimal("1200.00"))
    response = staff_api.post("/memberships", {"organisation": member_org.slug, "year": 2030})
    assert response.status_code == 201, response.content
    body = response.json()
    assert Decimal(str(body["fee"])) == Decimal("1200.00")
    assert body["status"] == "pending"
    assert Membership.objects.filter(organisation=member_org, year=2030).exists()


def test_staff_sets_the_fee(staff_api, member_org):
    response = staff_api.post(
        "/memberships", {"organisation": member_org.slug, "year": 2031, "fee": "450.50"}
    )
    assert response.status_code == 201, response.content
    assert Membership.objects.get(year=2031).fee == Decimal("450.50")


def test_member_may_not_create_a_membership(member_api, member_org):
    response = member_api.post(
        "/memberships", {"organisation": member_org.slug, "year": 2030, "fee": "1"}
    )
    assert response.status_code == 403
    assert not Membership.objects.filter(year=2030).exists()


def test_status_legal_move(staff_api):
    membership = MembershipFactory(status=MembershipStatus.PENDING)
    response = staff_api.post(f"/memberships/{membership.pk}/status", {"status": "active"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "active"
    membership.refresh_from_db()
    assert membership.status == "active"


def test_status_illegal_move_is_409_with_a_message(staff_api):
    membership = MembershipFactory(status=MembershipStatus.RESIGNED)
    before = ActivityLog.objects.count()
    response = staff_api.post(f"/memberships/{membership.pk}/status", {"status": "active"})
    assert response.status_code == 409
    assert isinstance(response.json()["detail"], str)
    assert response.json()["detail"]
    membership.refresh_from_db()
    assert membership.status == "resigned"
    assert ActivityLog.objects.count() == before


def test_status_unknown_value_is_422(staff_api):
    membership = MembershipFactory()
    response = staff_api.post(f"/memberships/{membership.pk}/status", {"status": "frozen"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "status"]


def test_member_may_not_change_a_status(member_api, member_org):
    membership = member_org.memberships.get()
    response = member_api.post(f"/memberships/{membership.pk}/status", {"status": "resigned"})
    assert response.status_code == 403


def test_unknown_membership_is_404(staff_api):
    assert staff_api.post("/memberships/999999/status", {"status": "active"}).status_code == 404
    assert staff_api.post("/memberships/99999999999999999999/invoice", {}).status_code == 404


def test_invoice_then_payment_activates(staff_api):
    membership = MembershipFactory(status=MembershipStatus.PENDING)
    response = staff_api.post(
        f"/memberships/{membership.pk}/invoice", {"invoiced_on": "2026-01-15"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["invoiced_on"] == "2026-01-15"
    response = staff_api.post(f"/memberships/{membership.pk}/payment", {"paid_on": "2026-02-01"})
    assert response.status_code == 200, response.content
    assert response.json()["paid_on"] == "2026-02-01"
    assert response.json()["status"] == "active"


def test_invoice_date_defaults_to_today(staff_api):
    membership = MembershipFactory()
    response = staff_api.post(f"/memberships/{membership.pk}/invoice", {})
    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.invoiced_on is not None


def test_payment_before_invoice_is_422_on_paid_on(staff_api):
    membership = MembershipFactory(status=MembershipStatus.PENDING)
    response = staff_api.post(f"/memberships/{membership.pk}/payment", {"paid_on": "2026-02-01"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "paid_on"]
    membership.refresh_from_db()
    assert membership.paid_on is None


def test_renew(staff_api):
    FeeRateFactory(valid_from=2005)
    MembershipFactory.create_batch(3, year=2027, status=MembershipStatus.ACTIVE)
    MembershipFactory(year=2027, status=MembershipStatus.LAPSED)
    response = staff_api.post("/memberships/renew", {"year": 2027})
    assert response.status_code == 201, response.content
    assert response.json() == {"year": 2028, "created": 3}
    assert staff_api.post("/memberships/renew", {"year": 2027}).json()["created"] == 0


def test_renew_without_a_rate_is_422_and_writes_nothing(staff_api):
    MembershipFactory(year=2027, status=MembershipStatus.ACTIVE)
    before = ActivityLog.objects.count()
    response = staff_api.post("/memberships/renew", {"year": 2027})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]
    assert not Membership.objects.filter(year=2028).exists()
    assert ActivityLog.objects.count() == before


def test_member_may_not_renew(member_api):
    assert member_api.post("/memberships/renew", {"year": THIS_YEAR}).status_code == 403


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/memberships", {"organisation": "decolletage-comtois", "year": 2030, "fee": "1"}),
        ("/memberships/renew", {"year": 2025}),
        ("/memberships/{id}/status", {"status": "resigned"}),
        ("/memberships/{id}/invoice", {"invoiced_on": "2026-01-01"}),
        ("/memberships/{id}/payment", {"paid_on": "2026-01-01"}),
    ],
)
def test_staff_only_actions_are_refused(member_api, anonymous_api, member_org, path, payload):
    membership = member_org.memberships.get()
    before = ActivityLog.objects.count()
    path = path.replace("{id}", str(membership.pk))
    assert member_api.post(path, payload).status_code == 403
    assert anonymous_api.post(path, payload).status_code == 401
    membership.refresh_from_db()
    assert (membership.status, membership.invoiced_on, membership.paid_on) == ("active", None, None)
    assert ActivityLog.objects.count() == before
