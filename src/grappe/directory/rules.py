"""Who may do what in the capability directory, as named predicates.

Everybody may search the directory (public fields only); the staff and the contacts of an
organisation edit its capabilities; the staff keep the vocabulary.
"""

import rules

from grappe.members.rules import is_contact_of, is_member_contact, is_pole_staff

rules.add_perm("directory.edit_capabilities", is_pole_staff | is_contact_of)
rules.add_perm("directory.manage_vocabulary", is_pole_staff)

# Import and export of organisations ----------------------------------------------------
# Importing writes many organisations at once: the staff only. The export is the directory
# as its readers see it on the search page with more fields: the staff and members' contacts.
rules.add_perm("directory.import_organisations", is_pole_staff)
rules.add_perm("directory.export_organisations", is_pole_staff | is_member_contact)
