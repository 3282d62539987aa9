"""Who may do what with events and registrations. The B2B meetings' rules are in
`b2b_rules`, imported here so that `rules` finds them when it loads this module.

- the public sees the public events and registers through the form (e-mail confirmation);
- members' contacts also see the members-only events and register in one click;
- a participant sees, cancels and downloads the ticket of their own registrations only;
- the staff manage events, see every registration and check participants in.
"""

import rules

from grappe.events import b2b_rules  # noqa: F401  (registers the B2B permissions)
from grappe.events.models import Event, Registration
from grappe.members.rules import is_member_contact, is_pole_staff


@rules.predicate
def is_public_event(user, event: Event | None) -> bool:
    return bool(event is not None and not event.is_members_only)


@rules.predicate
def is_own_registration(user, registration: Registration | None) -> bool:
    """The registration is the user's own: made with their person."""
    return bool(
        registration is not None
        and user
        and user.is_authenticated
        and registration.person_id is not None
        and registration.person.user_id == user.pk
    )


can_manage_events = is_pole_staff

rules.add_perm("events.manage_event", can_manage_events)
rules.add_perm("events.view_event", is_public_event | is_member_contact | is_pole_staff)
rules.add_perm("events.register_as_member", is_member_contact)
rules.add_perm("events.view_registration", is_own_registration | is_pole_staff)
rules.add_perm("events.cancel_registration", is_own_registration | is_pole_staff)
rules.add_perm("events.check_in", is_pole_staff)
