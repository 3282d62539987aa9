"""The workflow table, move by move: every legal move by each role allowed, every other move
refused, the wrong roles refused, and what a move writes."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from grappe.core.models import ActivityLog
from grappe.labelling import services
from grappe.labelling.choices import Status
from grappe.labelling.models import AgendaItem, FundingLine, Review
from grappe.labelling.services import IllegalTransition
from grappe.labelling.workflow import TRANSITIONS, Role
from tests.factories import (
    ApplicationFactory,
    CommitteeMeetingFactory,
    ReviewAssignmentFactory,
    UserFactory,
)
from tests.labelling.conftest import move

pytestmark = pytest.mark.django_db

LEGAL = [
    (current, target, role)
    for current, row in TRANSITIONS.items()
    for target, roles in row.items()
    for role in sorted(roles)
]
ILLEGAL = [
    (current, target)
    for current, row in TRANSITIONS.items()
    for target in Status
    if target not in row
]
WRONG_ROLE = [
    (current, target, role)
    for current, row in TRANSITIONS.items()
    for target, roles in row.items()
    for role in ("outsider", *sorted({Role.CONSORTIUM, Role.STAFF} - roles))
]


def prepare(application, target):
    """Meet the conditions of the move to `target`; the committee's item when it decides."""
    current = application.status
    if target == Status.UNDER_REVIEW:
        ReviewAssignmentFactory.create_batch(2, application=application)
    elif target == Status.COMMITTEE:
        for assignment in ReviewAssignmentFactory.create_batch(2, application=application):
            Review.objects.create(assignment=assignment, submitted_at=timezone.now())
    elif target == Status.FUNDED:
        partner = application.project.partners.first()
        FundingLine.objects.create(
            application=application, partner=partner, funder="anr", amount=100
        )
    if current == Status.COMMITTEE:
        return AgendaItem.objects.create(
            meeting=CommitteeMeetingFactory(),
            application=application,
            decision=target,
            decided_at=timezone.now(),
        )
    return None


@pytest.fixture
def actors(contact, staff):
    return {Role.CONSORTIUM: contact, Role.STAFF: staff, "outsider": UserFactory()}


@pytest.mark.parametrize(("current", "target", "role"), LEGAL)
def test_every_legal_move_is_made_by_each_role_allowed(
    application, actors, staff, current, target, role
):
    move(application, current)
    item = prepare(application, target)
    actor = staff if role == Role.COMMITTEE else actors[role]
    services.transition(
        actor=actor, application=application, to=target, reason="why", committee_item=item
    )
    application.refresh_from_db()
    assert application.status == target
    entry = ActivityLog.objects.get(action="labelling.application.status_changed")
    assert entry.actor == actor
    assert entry.data == {"from": current.value, "to": target.value, "reason": "why"}


@pytest.mark.parametrize(("current", "target"), ILLEGAL)
def test_every_move_outside_the_table_is_refused_to_anybody(staff, current, target):
    application = ApplicationFactory(status=current)
    with pytest.raises(IllegalTransition) as caught:
        services.transition(actor=staff, application=application, to=target)
    assert caught.value.messages == [
        f"An application cannot go from “{current.label}” to “{target.label}”."
    ]
    application.refresh_from_db()
    assert application.status == current
    assert not ActivityLog.objects.filter(action="labelling.application.status_changed").exists()


@pytest.mark.parametrize(("current", "target", "role"), WRONG_ROLE)
def test_a_move_by_the_wrong_role_is_refused(application, actors, current, target, role):
    move(application, current)
    prepare(application, target)
    with pytest.raises(IllegalTransition) as caught:
        services.transition(actor=actors[role], application=application, to=target)
    assert caught.value.messages[0].startswith("Only ")
    application.refresh_from_db()
    assert application.status == current


def test_the_message_names_who_may_move(application, contact):
    move(application, Status.SUBMITTED)
    prepare(application, Status.UNDER_REVIEW)
    with pytest.raises(IllegalTransition) as caught:
        services.transition(actor=contact, application=application, to=Status.UNDER_REVIEW)
    assert caught.value.messages == [
        "Only the staff can move an application from “Submitted” to “Under review”."
    ]


def test_only_the_committee_gives_the_label_not_the_staff_by_hand(application, staff):
    move(application, Status.COMMITTEE)
    with pytest.raises(IllegalTransition) as caught:
        services.transition(actor=staff, application=application, to=Status.LABELLED)
    assert "Only the committee can" in caught.value.messages[0]


def test_an_agenda_item_of_another_decision_does_not_count(application, staff):
    move(application, Status.COMMITTEE)
    item = prepare(application, Status.NOT_LABELLED)
    with pytest.raises(IllegalTransition):
        services.transition(
            actor=staff, application=application, to=Status.LABELLED, committee_item=item
        )


def test_an_unknown_status_is_refused(application, staff):
    with pytest.raises(IllegalTransition):
        services.transition(actor=staff, application=application, to="approved")


def test_an_illegal_transition_is_a_validation_error_for_the_forms(application, staff):
    with pytest.raises(ValidationError):
        services.transition(actor=staff, application=application, to=Status.COMPLETED)


def test_submitting_dates_the_submission(application, contact):
    services.transition(actor=contact, application=application, to=Status.SUBMITTED)
    application.refresh_from_db()
    assert application.submitted_at is not None


def test_a_decision_dates_the_decision(application, staff):
    move(application, Status.COMMITTEE)
    item = prepare(application, Status.DEFERRED)
    services.transition(
        actor=staff, application=application, to=Status.DEFERRED, committee_item=item
    )
    application.refresh_from_db()
    assert application.decided_at == item.decided_at


def test_the_review_needs_two_experts(application, staff):
    move(application, Status.SUBMITTED)
    ReviewAssignmentFactory(application=application)
    with pytest.raises(IllegalTransition, match="at least 2 experts"):
        services.transition(actor=staff, application=application, to=Status.UNDER_REVIEW)


def test_the_committee_needs_two_submitted_reviews(application, staff):
    move(application, Status.UNDER_REVIEW)
    first, second = ReviewAssignmentFactory.create_batch(2, application=application)
    Review.objects.create(assignment=first, submitted_at=timezone.now())
    Review.objects.create(assignment=second)  # a draft does not count
    with pytest.raises(IllegalTransition, match="at least 2 submitted reviews; there are 1"):
        services.transition(actor=staff, application=application, to=Status.COMMITTEE)


def test_funded_needs_funding_lines(application, staff):
    move(application, Status.LABELLED)
    with pytest.raises(IllegalTransition, match="Record the funding"):
        services.transition(actor=staff, application=application, to=Status.FUNDED)


def test_not_funded_refuses_an_application_with_funding(application, staff):
    move(application, Status.LABELLED)
    prepare(application, Status.FUNDED)
    with pytest.raises(IllegalTransition):
        services.transition(actor=staff, application=application, to=Status.NOT_FUNDED)
