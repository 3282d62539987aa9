"""Who may do what with B2B meetings: profiles, requests, agendas, slot plans, scheduling."""

import rules

from grappe.members.rules import is_pole_staff

can_manage_meetings = is_pole_staff

rules.add_perm("events.manage_meetings", can_manage_meetings)
