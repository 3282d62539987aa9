import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from grappe.core.models import ActivityLog
from grappe.members.choices import DuesCategory, HeadcountBand, MembershipStatus
from grappe.members.models import FeeRate, Membership
from tests.factories import FeeRateFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

THIS_YEAR = datetime.date.today().year
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _english(settings):
    # Pages are checked against their English msgids, whatever French translations say.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def membership():
    return MembershipFactory(
        organisation=OrganisationFactory(name="Horlogerie Vuillemin"),
        status=MembershipStatus.PENDING,
        fee=Decimal("1200.00"),
    )


def staff_only_urls(membership) -> list[tuple[str, str]]:
    rate = FeeRateFactory()
    return [
        ("get", reverse("members:membership_list")),
        ("get", reverse("members:membership_renew")),
        ("get", reverse("members:fee_schedule")),
        ("get", reverse("members:fee_rate_delete", kwargs={"pk": rate.pk})),
        ("post", reverse("members:fee_rate_delete", kwargs={"pk": rate.pk})),
        (
            "get",
            reverse("members:membership_create", kwargs={"slug": membership.organisation.slug}),
        ),
        ("post", reverse("members:membership_status", kwargs={"pk": membership.pk})),
        ("post", reverse("members:membership_invoice", kwargs={"pk": membership.pk})),
        ("post", reverse("members:membership_payment", kwargs={"pk": membership.pk})),
    ]


# Refused users


def test_anonymous_is_sent_to_login(anonymous_client, membership):
    for method, url in staff_only_urls(membership):
        response = getattr(anonymous_client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


@pytest.mark.parametrize("visitor", ["member_client", "outsider_client"])
def test_non_staff_are_refused(request, visitor, membership):
    client = request.getfixturevalue(visitor)
    for method, url in staff_only_urls(membership):
        assert getattr(client, method)(url).status_code == 403, url
    assert FeeRate.objects.count() == 1
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


# The yearly table


def test_list_shows_the_year_with_totals(staff_client, membership):
    MembershipFactory(
        fee=Decimal("800.00"), invoiced_on=datetime.date(THIS_YEAR, 2, 1),
        paid_on=datetime.date(THIS_YEAR, 3, 1),
    )  # fmt: skip
    MembershipFactory(year=THIS_YEAR - 1, organisation=membership.organisation)
    response = staff_client.get(reverse("members:membership_list"))
    assert response.status_code == 200
    assert response.context["year"] == THIS_YEAR
    totals = response.context["totals"]
    assert totals.count == 2
    assert totals.fees == Decimal("2000.00")
    assert totals.invoiced == Decimal("800.00")
    assert totals.paid == Decimal("800.00")
    html = response.content.decode()
    assert "Horlogerie Vuillemin" in html
    assert f'id="membership-{membership.pk}"' in html
    assert THIS_YEAR - 1 in response.context["years"]


def test_list_selects_the_year_and_the_status(staff_client, membership):
    old = MembershipFactory(year=2010, status=MembershipStatus.LAPSED)
    MembershipFactory(year=2010, status=MembershipStatus.ACTIVE)
    response = staff_client.get(
        reverse("members:membership_list"), {"annee": 2010, "statut": "lapsed"}
    )
    assert response.context["year"] == 2010
    assert [row.membership for row in response.context["rows"]] == [old]
    assert response.context["totals"].count == 2  # the totals cover the whole year


def test_list_ignores_bad_parameters(staff_client, membership):
    response = staff_client.get(
        reverse("members:membership_list"),
        {"annee": "deux mille", "statut": "nope", "tri": "DROP", "page": "x"},
    )
    assert response.status_code == 200
    assert response.context["year"] == THIS_YEAR
    assert response.context["status"] == ""


def test_list_sorts_by_fee(staff_client):
    cheap = MembershipFactory(fee=Decimal("100"))
    dear = MembershipFactory(fee=Decimal("5000"))
    response = staff_client.get(reverse("members:membership_list"), {"tri": "-fee"})
    assert [row.membership for row in response.context["rows"]] == [dear, cheap]


def test_list_empty_state(staff_client):
    response = staff_client.get(reverse("members:membership_list"), {"annee": 2006})
    assert "No membership is recorded for 2006" in response.content.decode()


def test_list_is_paginated_in_a_fixed_number_of_queries(
    staff_client, django_assert_max_num_queries
):
    MembershipFactory.create_batch(60)
    with django_assert_max_num_queries(8):
        response = staff_client.get(reverse("members:membership_list"))
    assert len(response.context["rows"]) == 50
    with django_assert_max_num_queries(8):
        response = staff_client.get(reverse("members:membership_list"), {"page": 2})
    assert len(response.context["rows"]) == 10


def test_totals_partial_for_htmx(staff_client, membership):
    response = staff_client.get(
        reverse("members:membership_list"), {"partie": "totaux"}, headers=HTMX
    )
    html = response.content.decode()
    assert html.lstrip().startswith("<section")
    assert "membership-totals" in html
    assert "<table" not in html


# Row actions


def test_change_status_by_htmx_re_renders_the_row(staff_client, membership):
    url = reverse("members:membership_status", kwargs={"pk": membership.pk})
    response = staff_client.post(url, {"status": "active"}, headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="membership-{membership.pk}"')
    assert response["HX-Trigger"] == "membership-changed"
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert ActivityLog.objects.filter(action="members.membership.status_changed").exists()


def test_an_illegal_move_shows_the_service_message(staff_client, membership):
    url = reverse("members:membership_status", kwargs={"pk": membership.pk})
    response = staff_client.post(url, {"status": "lapsed"}, headers=HTMX)
    assert response.status_code == 200
    assert "cannot go from" in response.content.decode()
    assert "HX-Trigger" not in response
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PENDING


def test_an_unknown_status_is_a_row_error_not_a_500(staff_client, membership):
    url = reverse("members:membership_status", kwargs={"pk": membership.pk})
    response = staff_client.post(url, {"status": "president"}, headers=HTMX)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_change_status_without_htmx_goes_back_to_the_table(staff_client, membership):
    url = reverse("members:membership_status", kwargs={"pk": membership.pk})
    response = staff_client.post(url, {"status": "resigned"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('members:membership_list')}?annee={THIS_YEAR}"
    response = staff_client.post(url, {"status": "active"}, follow=True)
    assert "cannot go from" in response.content.decode()


def test_record_invoice_then_payment(staff_client, membership):
    invoice = reverse("members:membership_invoice", kwargs={"pk": membership.pk})
    payment = reverse("members:membership_payment", kwargs={"pk": membership.pk})
    response = staff_client.post(invoice, {"invoiced_on": f"{THIS_YEAR}-01-15"}, headers=HTMX)
    assert response.status_code == 200
    response = staff_client.post(payment, {"paid_on": f"{THIS_YEAR}-02-01"}, headers=HTMX)
    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.invoiced_on == datetime.date(THIS_YEAR, 1, 15)
    assert membership.paid_on == datetime.date(THIS_YEAR, 2, 1)
    assert membership.status == MembershipStatus.ACTIVE  # paid, so active


def test_payment_before_the_invoice_is_refused(staff_client, membership):
    payment = reverse("members:membership_payment", kwargs={"pk": membership.pk})
    response = staff_client.post(payment, {"paid_on": f"{THIS_YEAR}-02-01"}, headers=HTMX)
    assert response.status_code == 200
    assert "Record the invoice before the payment" in response.content.decode()
    membership.refresh_from_db()
    assert membership.paid_on is None


def test_bad_dates_are_row_errors(staff_client, membership):
    invoice = reverse("members:membership_invoice", kwargs={"pk": membership.pk})
    response = staff_client.post(invoice, {"invoiced_on": "2024-02-31"}, headers=HTMX)
    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()
    membership.refresh_from_db()
    assert membership.invoiced_on is None


def test_row_actions_are_posts_only(staff_client, membership):
    url = reverse("members:membership_status", kwargs={"pk": membership.pk})
    assert staff_client.get(url).status_code == 405


def test_row_action_on_a_missing_membership_is_404(staff_client):
    url = reverse("members:membership_status", kwargs={"pk": 9999})
    assert staff_client.post(url, {"status": "active"}).status_code == 404


# Creating a membership


def test_create_a_membership_from_the_schedule(staff_client):
    organisation = OrganisationFactory(dues_category=DuesCategory.ETI, headcount_band="")
    FeeRateFactory(dues_category=DuesCategory.ETI, amount=Decimal("3000"))
    url = reverse("members:membership_create", kwargs={"slug": organisation.slug})
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, {"year": THIS_YEAR, "fee": ""})
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    membership = Membership.objects.get(organisation=organisation)
    assert membership.fee == Decimal("3000")
    assert membership.status == MembershipStatus.PENDING


def test_create_a_membership_with_a_fee_override(staff_client):
    organisation = OrganisationFactory()
    url = reverse("members:membership_create", kwargs={"slug": organisation.slug})
    staff_client.post(url, {"year": THIS_YEAR + 1, "fee": "450.50"})
    assert Membership.objects.get(organisation=organisation).fee == Decimal("450.50")


def test_a_second_membership_the_same_year_is_an_error_on_the_year(staff_client, membership):
    url = reverse("members:membership_create", kwargs={"slug": membership.organisation.slug})
    response = staff_client.post(url, {"year": THIS_YEAR, "fee": "100"})
    assert response.status_code == 200
    assert "year" in response.context["form"].errors
    assert Membership.objects.count() == 1


def test_a_negative_fee_is_an_error_on_the_fee(staff_client):
    organisation = OrganisationFactory()
    url = reverse("members:membership_create", kwargs={"slug": organisation.slug})
    response = staff_client.post(url, {"year": THIS_YEAR, "fee": "-5"})
    assert response.status_code == 200
    assert "fee" in response.context["form"].errors
    assert not Membership.objects.exists()


def test_no_rate_in_the_schedule_is_an_error_on_the_fee(staff_client):
    organisation = OrganisationFactory(dues_category=DuesCategory.LARGE_GROUP)
    url = reverse("members:membership_create", kwargs={"slug": organisation.slug})
    response = staff_client.post(url, {"year": THIS_YEAR, "fee": ""})
    assert response.status_code == 200
    assert "fee" in response.context["form"].errors
    assert not Membership.objects.exists()


@pytest.mark.parametrize("year", ["1999", "abc", ""])
def test_a_bad_year_is_an_error_on_the_year(staff_client, year):
    organisation = OrganisationFactory()
    url = reverse("members:membership_create", kwargs={"slug": organisation.slug})
    response = staff_client.post(url, {"year": year, "fee": "100"})
    assert response.status_code == 200
    assert "year" in response.context["form"].errors


def test_create_for_a_missing_organisation_is_404(staff_client):
    url = reverse("members:membership_create", kwargs={"slug": "nope"})
    assert staff_client.get(url).status_code == 404


# Renewing a year


def test_renewal_asks_for_confirmation_with_the_count(staff_client):
    FeeRateFactory(amount=Decimal("900"))
    for _ in range(3):
        MembershipFactory(year=2020)
    MembershipFactory(year=2020, status=MembershipStatus.LAPSED)
    renewed = MembershipFactory(year=2020)
    MembershipFactory(year=2021, organisation=renewed.organisation)
    url = reverse("members:membership_renew")
    response = staff_client.get(url, {"annee": 2020})
    assert response.status_code == 200
    assert response.context["count"] == 3
    assert "3 organisations active in 2020 will get a pending membership for 2021" in (
        response.content.decode()
    )
    assert Membership.objects.filter(year=2021).count() == 1

    response = staff_client.post(url, {"annee": 2020}, follow=True)
    assert response.redirect_chain[-1][0] == f"{reverse('members:membership_list')}?annee=2021"
    assert "3 pending memberships created for 2021" in response.content.decode()
    assert Membership.objects.filter(year=2021, status=MembershipStatus.PENDING).count() == 3


def test_renewal_without_a_rate_writes_nothing(staff_client):
    MembershipFactory(year=2020, organisation__dues_category=DuesCategory.ACADEMIC)
    response = staff_client.post(reverse("members:membership_renew"), {"annee": 2020})
    assert response.status_code == 200
    assert "no rate" in response.content.decode()
    assert not Membership.objects.filter(year=2021).exists()


def test_renewal_with_nothing_to_do(staff_client):
    response = staff_client.get(reverse("members:membership_renew"), {"annee": 2015})
    assert response.context["count"] == 0
    assert 'name="annee"' not in response.content.decode()


def test_renewal_with_a_bad_year(staff_client):
    response = staff_client.post(reverse("members:membership_renew"), {"annee": "x"})
    assert response.status_code == 200
    assert not Membership.objects.exists()


# The fee schedule


def test_fee_schedule_lists_the_rates(staff_client, django_assert_max_num_queries):
    FeeRateFactory(valid_from=2020, amount=Decimal("900"))
    FeeRateFactory(valid_from=2020, dues_category=DuesCategory.ETI, amount=Decimal("2500"))
    for year in range(2005, 2015):
        FeeRateFactory(valid_from=year)
    with django_assert_max_num_queries(6):
        response = staff_client.get(reverse("members:fee_schedule"))
    html = response.content.decode()
    assert "From 2020" in html or "2020" in html
    assert len(response.context["page_obj"]) == 12


def test_add_a_rate(staff_client):
    response = staff_client.post(
        reverse("members:fee_schedule"),
        {
            "valid_from": 2026,
            "dues_category": DuesCategory.PME,
            "headcount_band": HeadcountBand.B21,
            "amount": "1500",
        },
    )
    assert response.status_code == 302
    rate = FeeRate.objects.get()
    assert (rate.valid_from, rate.headcount_band, rate.amount) == (2026, "21", Decimal("1500"))


def test_change_a_rate_replaces_its_amount(staff_client):
    rate = FeeRateFactory(valid_from=2026, amount=Decimal("900"))
    response = staff_client.get(reverse("members:fee_schedule"), {"modifier": rate.pk})
    assert response.context["form"].initial["amount"] == Decimal("900")
    staff_client.post(
        reverse("members:fee_schedule"),
        {"valid_from": 2026, "dues_category": "pme", "headcount_band": "", "amount": "950"},
    )
    rate.refresh_from_db()
    assert rate.amount == Decimal("950")
    assert FeeRate.objects.count() == 1


def test_a_negative_amount_is_an_error_on_the_amount(staff_client):
    response = staff_client.post(
        reverse("members:fee_schedule"),
        {"valid_from": 2026, "dues_category": "pme", "headcount_band": "", "amount": "-1"},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["amount"]
    assert not FeeRate.objects.exists()


def test_a_bad_category_is_an_error_on_the_category(staff_client):
    response = staff_client.post(
        reverse("members:fee_schedule"),
        {"valid_from": 2026, "dues_category": "king", "headcount_band": "", "amount": "1"},
    )
    assert response.status_code == 200
    assert "dues_category" in response.context["form"].errors


def test_delete_a_rate_after_confirmation(staff_client):
    rate = FeeRateFactory()
    url = reverse("members:fee_rate_delete", kwargs={"pk": rate.pk})
    response = staff_client.get(url)
    assert response.status_code == 200
    assert "Delete the rate" in response.content.decode()
    assert FeeRate.objects.exists()
    response = staff_client.post(url)
    assert response.status_code == 302
    assert not FeeRate.objects.exists()
    assert ActivityLog.objects.filter(action="members.fee_rate.deleted").exists()
