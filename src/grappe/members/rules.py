"""Who may do what in the members domain, as named predicates.

Three kinds of users: the pôle's staff (everything), members' contacts (a user whose person
is affiliated to an organisation; they read the member directory and edit their own
organisation and its people) and the public (public fields only).
"""

import rules
from django.utils import timezone

from grappe.members.choices import MembershipStatus
from grappe.members.models import Affiliation, Organisation, Person


@rules.predicate
def is_pole_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


@rules.predicate
def is_member_contact(user) -> bool:
    """A contact of an organisation whose membership is active this year."""
    if not (user and user.is_authenticated):
        return False
    return Affiliation.objects.filter(
        person__user=user,
        organisation__memberships__year=timezone.localdate().year,
        organisation__memberships__status=MembershipStatus.ACTIVE,
    ).exists()


@rules.predicate
def is_contact_of(user, organisation: Organisation | None) -> bool:
    if organisation is None or not (user and user.is_authenticated):
        return False
    return Affiliation.objects.filter(person__user=user, organisation=organisation).exists()


@rules.predicate
def is_self(user, person: Person | None) -> bool:
    return bool(person and user and user.is_authenticated and person.user_id == user.pk)


@rules.predicate
def is_colleague_of(user, person: Person | None) -> bool:
    """The person belongs to an organisation the user is a contact of."""
    if person is None or not (user and user.is_authenticated):
        return False
    return Affiliation.objects.filter(
        person=person, organisation__affiliations__person__user=user
    ).exists()


@rules.predicate
def has_consented(user, person: Person | None) -> bool:
    return bool(person and person.directory_consent)


can_manage = is_pole_staff
can_see_person = is_pole_staff | is_self | is_colleague_of | has_consented

rules.add_perm("members.view_directory", is_pole_staff | is_member_contact)
rules.add_perm(
    "members.view_organisation_details", is_pole_staff | is_member_contact | is_contact_of
)
rules.add_perm("members.add_organisation", can_manage)
rules.add_perm("members.edit_organisation", is_pole_staff | is_contact_of)
rules.add_perm("members.edit_organisation_admin_fields", can_manage)
rules.add_perm("members.add_person_to", is_pole_staff | is_contact_of)
rules.add_perm("members.view_person", can_see_person)
rules.add_perm("members.edit_person", is_pole_staff | is_self | is_colleague_of)
rules.add_perm("members.view_memberships_of", is_pole_staff | is_contact_of)
rules.add_perm("members.manage_memberships", can_manage)
rules.add_perm("members.manage_clusters", can_manage)
rules.add_perm("members.manage_governance", can_manage)
rules.add_perm("core.view_activity", can_manage)
