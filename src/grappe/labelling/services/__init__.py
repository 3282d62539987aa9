"""Every write of project labelling: one transaction, one activity-log entry per object.

Pages, API endpoints, commands and tasks call these functions; nothing else saves labelling
models. Bad input raises ValidationError naming the field; an action the object's state
does not allow raises WrongState (IllegalTransition for a workflow move), which the API
answers with HTTP 409; an actor without the right raises PermissionDenied.
"""

from grappe.labelling.services.calls import CALL_FIELDS, create_call, update_call
from grappe.labelling.services.committee import (
    add_to_agenda,
    create_meeting,
    record_decision,
    remove_from_agenda,
    set_meeting_members,
)
from grappe.labelling.services.common import WrongState
from grappe.labelling.services.documents import (
    PDF_MAGIC,
    add_document,
    document_errors,
    remove_document,
)
from grappe.labelling.services.funding import (
    FundingEntry,
    add_result,
    record_funding,
    remove_result,
)
from grappe.labelling.services.history import import_past_round
from grappe.labelling.services.projects import (
    PROJECT_FIELDS,
    PartnerLine,
    answer_reservations,
    create_project,
    resubmit,
    set_partners,
    start_application,
    update_project,
)
from grappe.labelling.services.reviews import (
    CRITERION_FIELDS,
    assign_expert,
    create_criterion,
    declare_no_conflict,
    invite_expert,
    record_expert_access,
    register_expert,
    retire_expert,
    submit_review,
    unassign_expert,
    update_criterion,
)
from grappe.labelling.services.workflow import (
    IllegalTransition,
    completeness_errors,
    roles_of,
    transition,
)

__all__ = [
    "CALL_FIELDS",
    "CRITERION_FIELDS",
    "PDF_MAGIC",
    "PROJECT_FIELDS",
    "FundingEntry",
    "IllegalTransition",
    "PartnerLine",
    "WrongState",
    "add_document",
    "add_result",
    "add_to_agenda",
    "answer_reservations",
    "assign_expert",
    "completeness_errors",
    "create_call",
    "create_criterion",
    "create_meeting",
    "create_project",
    "declare_no_conflict",
    "document_errors",
    "import_past_round",
    "invite_expert",
    "record_decision",
    "record_expert_access",
    "record_funding",
    "register_expert",
    "remove_document",
    "remove_from_agenda",
    "remove_result",
    "resubmit",
    "retire_expert",
    "roles_of",
    "set_meeting_members",
    "set_partners",
    "start_application",
    "submit_review",
    "transition",
    "unassign_expert",
    "update_call",
    "update_criterion",
    "update_project",
]
