"""Who may do what in the capability directory, as named predicates.

Everybody may search the directory (public fields only); the staff and the contacts of an
organisation edit its capabilities; the staff keep the vocabulary.
"""

import rules

from grappe.members.rules import is_contact_of, is_pole_staff

rules.add_perm("directory.edit_capabilities", is_pole_staff | is_contact_of)
rules.add_perm("directory.manage_vocabulary", is_pole_staff)

# Import and export of organisations ----------------------------------------------------
# (the permissions of the import and export pages go here)
