"""The permission predicates, each with the user who must be refused."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from grappe.core.services import create_api_token
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    member_contact,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganisationFactory()


def test_staff_may_do_everything(staff_user, org):
    person = PersonFactory()
    for perm, obj in [
        ("members.edit_organisation", org),
        ("members.edit_organisation_admin_fields", org),
        ("members.add_organisation", None),
        ("members.edit_person", person),
        ("members.view_person", person),
        ("members.manage_memberships", None),
        ("members.view_directory", None),
        ("core.view_activity", None),
    ]:
        assert staff_user.has_perm(perm, obj), perm


def test_contact_edits_its_own_organisation_only(org):
    user = member_contact(organisation=org)
    other = OrganisationFactory()
    assert user.has_perm("members.edit_organisation", org)
    assert not user.has_perm("members.edit_organisation", other)
    assert not user.has_perm("members.edit_organisation_admin_fields", org)
    assert not user.has_perm("members.add_organisation")
    assert not user.has_perm("members.manage_memberships")
    assert user.has_perm("members.view_memberships_of", org)
    assert not user.has_perm("members.view_memberships_of", other)


def test_contact_edits_its_own_people_only(org):
    user = member_contact(organisation=org)
    colleague = AffiliationFactory(organisation=org).person
    stranger = AffiliationFactory().person
    assert user.has_perm("members.edit_person", colleague)
    assert user.has_perm("members.edit_person", user.person)
    assert not user.has_perm("members.edit_person", stranger)


def test_directory_needs_an_active_membership_this_year(org):
    assert member_contact(organisation=org).has_perm("members.view_directory")
    lapsed = OrganisationFactory()
    MembershipFactory(organisation=lapsed, year=datetime.date.today().year, status="lapsed")
    assert not member_contact(organisation=lapsed).has_perm("members.view_directory")
    assert not UserFactory().has_perm("members.view_directory")
    assert not AnonymousUser().has_perm("members.view_directory")


def test_people_who_did_not_consent_are_hidden_from_the_public_and_other_members(org):
    hidden = AffiliationFactory(organisation=org, person__directory_consent=False).person
    shown = PersonFactory(
        directory_consent=True, directory_consent_at=datetime.datetime.now(datetime.UTC)
    )
    outsider = member_contact()
    for user in (AnonymousUser(), UserFactory(), outsider):
        assert not user.has_perm("members.view_person", hidden)
        assert user.has_perm("members.view_person", shown)
    assert member_contact(organisation=org).has_perm("members.view_person", hidden)


def test_tokens_are_revoked_by_their_owner_only():
    owner, other = UserFactory(), UserFactory()
    token = create_api_token(user=owner, name="ci").token
    assert owner.has_perm("core.revoke_api_token", token)
    assert not other.has_perm("core.revoke_api_token", token)
