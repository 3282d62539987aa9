"""Who may do what with events and registrations. The B2B meetings' rules are in
`b2b_rules`, imported here so that `rules` finds them when it loads this module."""

import rules

from grappe.events import b2b_rules  # noqa: F401  (registers the B2B permissions)
from grappe.members.rules import is_pole_staff

can_manage_events = is_pole_staff

rules.add_perm("events.manage_event", can_manage_events)
