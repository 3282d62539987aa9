"""The labelling workflow as an explicit table: {status: {next status: who may make the move}}.

Three roles move an application:
- the consortium: a contact of the lead organisation or of a partner organisation;
- the staff of the pôle;
- the committee: the decision recorded on a committee's agenda item (services.committee).
  Nobody else can give or refuse the label, not even the staff by hand.

A move absent from the table is refused whoever asks. The function that makes the moves is
`grappe.labelling.services.workflow.transition`; the conditions some moves add (a complete
application to submit, two reviews before the committee, funding lines to be funded) are
checked there too.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from grappe.labelling.choices import LABEL_STATUSES, Status


class Role(StrEnum):
    CONSORTIUM = "consortium"
    STAFF = "staff"
    COMMITTEE = "committee"


ROLE_LABELS = {
    Role.CONSORTIUM: _("the consortium"),
    Role.STAFF: _("the staff"),
    Role.COMMITTEE: _("the committee"),
}

CONSORTIUM_OR_STAFF = frozenset({Role.CONSORTIUM, Role.STAFF})
STAFF = frozenset({Role.STAFF})
COMMITTEE = frozenset({Role.COMMITTEE})

TRANSITIONS: dict[Status, dict[Status, frozenset[Role]]] = {
    Status.DRAFT: {
        Status.SUBMITTED: CONSORTIUM_OR_STAFF,
    },
    Status.SUBMITTED: {
        # Sent back to the consortium to complete it.
        Status.DRAFT: STAFF,
        # Once two experts are assigned.
        Status.UNDER_REVIEW: STAFF,
    },
    Status.UNDER_REVIEW: {
        # Once two reviews are in.
        Status.COMMITTEE: STAFF,
    },
    Status.COMMITTEE: {
        Status.LABELLED: COMMITTEE,
        Status.LABELLED_WITH_RESERVATIONS: COMMITTEE,
        Status.NOT_LABELLED: COMMITTEE,
        Status.DEFERRED: COMMITTEE,
    },
    Status.DEFERRED: {
        # Back before a later committee, or back to the experts.
        Status.COMMITTEE: STAFF,
        Status.UNDER_REVIEW: STAFF,
    },
    Status.LABELLED_WITH_RESERVATIONS: {
        # The staff lift the reservations once the consortium has answered them.
        Status.LABELLED: STAFF,
        Status.FUNDED: STAFF,
        Status.NOT_FUNDED: STAFF,
    },
    Status.LABELLED: {
        Status.FUNDED: STAFF,
        Status.NOT_FUNDED: STAFF,
    },
    Status.FUNDED: {
        Status.IN_PROGRESS: CONSORTIUM_OR_STAFF,
        Status.ABANDONED: CONSORTIUM_OR_STAFF,
    },
    Status.IN_PROGRESS: {
        Status.COMPLETED: CONSORTIUM_OR_STAFF,
        Status.ABANDONED: CONSORTIUM_OR_STAFF,
    },
    Status.NOT_LABELLED: {},
    Status.NOT_FUNDED: {},
    Status.COMPLETED: {},
    Status.ABANDONED: {},
}

# A round that ended this way lets the project be submitted again to another call
# (re-labelling: a new round, the earlier ones kept as history).
RESUBMITTABLE = frozenset(
    {
        Status.LABELLED,
        Status.LABELLED_WITH_RESERVATIONS,
        Status.NOT_LABELLED,
        Status.NOT_FUNDED,
        Status.DEFERRED,
    }
)
# The project's data (summary, consortium, budgets) can change while its latest round is in
# one of these statuses: a draft, or the answer to the committee's reservations.
EDITABLE = frozenset({Status.DRAFT, Status.LABELLED_WITH_RESERVATIONS})
# The statuses of a funded project, and those in which its funding is decided.
FUNDED_STATUSES = frozenset({Status.FUNDED, Status.IN_PROGRESS, Status.COMPLETED, Status.ABANDONED})
FUNDING_DECIDED = FUNDED_STATUSES | {Status.NOT_FUNDED}
# The statuses in which the consortium reports the project's progress and results.
REPORTING = frozenset({Status.FUNDED, Status.IN_PROGRESS, Status.COMPLETED})
# The statuses in which the committee has given its final answer (deferred is not one).
DECIDED = LABEL_STATUSES | {Status.NOT_LABELLED}
# The statuses experts can be assigned in, and review in.
ASSIGNABLE = frozenset({Status.SUBMITTED, Status.UNDER_REVIEW, Status.DEFERRED})
REVIEWABLE = frozenset({Status.UNDER_REVIEW})
MIN_EXPERTS = 2
MIN_REVIEWS = 2


def next_statuses(status: str) -> dict[Status, frozenset[Role]]:
    """The moves allowed from `status`, with who may make each."""
    return TRANSITIONS[Status(status)]


def roles_for(current: str, target: str) -> frozenset[Role]:
    """Who may move an application from `current` to `target`; empty if nobody may."""
    return TRANSITIONS[Status(current)].get(Status(target), frozenset())
