"""The "members only" filter keeps this year's members in memory, behind a stamp that the
database changes with every membership (migration 0006): whatever writes a membership —
a service, a factory, a raw update, a delete — the next search sees it."""

import pytest

from grappe.directory.models import SearchFacet
from grappe.directory.search import bitmaps
from grappe.directory.search.index import reindex_all
from grappe.directory.search.service import search
from grappe.directory.search.types import SearchQuery
from grappe.members.choices import MembershipStatus
from grappe.members.models import Membership
from tests.directory.search_data import load_project_vocabulary, supplier
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

MEMBERS = SearchQuery(text="décolletage", members_only=True)


@pytest.fixture
def turners():
    load_project_vocabulary()
    return [supplier(f"Tourneur {n}", terms=("decolletage",)) for n in range(3)]


def member_ids() -> list[int]:
    return [hit.organisation_id for hit in search(MEMBERS).hits]


def test_every_change_of_a_membership_is_seen(turners):
    first, second, _third = turners
    MembershipFactory(organisation=first)
    assert member_ids() == [first.pk]

    membership = MembershipFactory(organisation=second)
    assert sorted(member_ids()) == sorted([first.pk, second.pk])

    Membership.objects.filter(pk=membership.pk).update(status=MembershipStatus.LAPSED)
    assert member_ids() == [first.pk]

    Membership.objects.filter(organisation=first).delete()
    assert member_ids() == []
    assert search(SearchQuery(text="décolletage")).count == 3


def test_the_stamp_changes_with_memberships(turners):
    before = SearchFacet.objects.get(key=bitmaps.MEMBERSHIPS).stamp
    MembershipFactory(organisation=turners[0])
    assert SearchFacet.objects.get(key=bitmaps.MEMBERSHIPS).stamp != before


def test_a_full_reindex_keeps_the_stamp(turners):
    for _done in reindex_all():
        pass
    assert SearchFacet.objects.filter(key=bitmaps.MEMBERSHIPS).exists()
    MembershipFactory(organisation=turners[2])
    assert member_ids() == [turners[2].pk]
