"""Every write of the members domain: one transaction, one activity-log entry per object.

Views, API endpoints, commands and tasks call these functions; nothing else saves members' models.
"""

from grappe.members.services.common import (
    CONSENT_FIELDS,
    ORGANISATION_FIELDS,
    ORGANISATION_FIELDS_FOR_CONTACTS,
    PERSON_FIELDS,
)
from grappe.members.services.governance import (
    appoint,
    create_cluster,
    create_partnership,
    end_position,
    join_cluster,
    leave_cluster,
    set_cluster_memberships,
    update_cluster,
)
from grappe.members.services.memberships import (
    MEMBERSHIP_TRANSITIONS,
    MembershipRecord,
    create_membership,
    delete_fee_rate,
    import_memberships,
    record_invoice,
    record_payment,
    renew_memberships,
    set_fee_rate,
    set_membership_status,
)
from grappe.members.services.organisations import (
    CheckedOrganisation,
    check_organisation,
    create_organisation,
    import_organisations,
    save_checked_organisations,
    update_organisation,
)
from grappe.members.services.people import (
    ContactRecord,
    affiliate_person,
    create_person,
    import_people,
    link_user_account,
    remove_affiliation,
    update_person,
)

__all__ = [
    "CONSENT_FIELDS",
    "MEMBERSHIP_TRANSITIONS",
    "ORGANISATION_FIELDS",
    "ORGANISATION_FIELDS_FOR_CONTACTS",
    "PERSON_FIELDS",
    "CheckedOrganisation",
    "ContactRecord",
    "MembershipRecord",
    "affiliate_person",
    "appoint",
    "check_organisation",
    "create_cluster",
    "create_membership",
    "create_organisation",
    "create_partnership",
    "create_person",
    "delete_fee_rate",
    "end_position",
    "import_memberships",
    "import_organisations",
    "import_people",
    "join_cluster",
    "leave_cluster",
    "link_user_account",
    "record_invoice",
    "record_payment",
    "remove_affiliation",
    "renew_memberships",
    "save_checked_organisations",
    "set_cluster_memberships",
    "set_fee_rate",
    "set_membership_status",
    "update_cluster",
    "update_organisation",
    "update_person",
]
