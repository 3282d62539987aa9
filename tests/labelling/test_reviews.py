"""Experts: conflicts of interest, assignment, declaration, scoring, averages and spread."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from grappe.core.models import ActivityLog
from grappe.labelling import queries, services
from grappe.labelling.choices import Status
from grappe.labelling.conflicts import ConflictKind, conflicts_of
from grappe.labelling.models import ReviewAssignment, Score
from grappe.labelling.services import WrongState
from tests.factories import (
    AffiliationFactory,
    CapabilityFactory,
    CriterionFactory,
    ExpertFactory,
    OrganisationFactory,
    PersonFactory,
    StaffUserFactory,
    UserFactory,
)
from tests.labelling.conftest import move, reviewed

pytestmark = pytest.mark.django_db


def contact_of(organisation, user=None):
    user = user or ExpertFactory().user
    AffiliationFactory(person=PersonFactory(user=user), organisation=organisation)
    return user


def competitor(process, market, **kwargs):
    organisation = OrganisationFactory(**kwargs)
    CapabilityFactory(organisation=organisation, term=process)
    CapabilityFactory(organisation=organisation, term=market)
    return organisation


@pytest.fixture
def submitted(application):
    return move(application, Status.SUBMITTED)


# Conflicts -------------------------------------------------------------------------------


def test_a_contact_of_a_partner_is_conflicted(project, partner_org, lead):
    for organisation in (partner_org, lead):
        expert = contact_of(organisation)
        [conflict] = conflicts_of(expert, project)
        assert conflict.kind == ConflictKind.PARTNER
        assert conflict.organisation == organisation


def test_a_contact_of_a_competitor_is_conflicted(project, process, market):
    rival = competitor(process, market, name="Rival SA")
    expert = contact_of(rival)
    [conflict] = conflicts_of(expert, project)
    assert conflict.kind == ConflictKind.COMPETITOR
    assert "Rival SA" in conflict.message


def test_sharing_only_the_process_or_only_the_market_is_no_conflict(project, process, market):
    same_process = OrganisationFactory()
    CapabilityFactory(organisation=same_process, term=process)
    same_market = OrganisationFactory()
    CapabilityFactory(organisation=same_market, term=market)
    assert conflicts_of(contact_of(same_process), project) == []
    assert conflicts_of(contact_of(same_market), project) == []


def test_a_partner_that_also_works_on_the_same_terms_is_a_partner_not_a_rival(
    project, partner_org, process, market
):
    CapabilityFactory(organisation=partner_org, term=process)
    CapabilityFactory(organisation=partner_org, term=market)
    [conflict] = conflicts_of(contact_of(partner_org), project)
    assert conflict.kind == ConflictKind.PARTNER


def test_an_expert_without_organisation_has_no_conflict(project):
    assert conflicts_of(ExpertFactory().user, project) == []


# Assignment ------------------------------------------------------------------------------


def test_staff_assign_experts_and_the_expert_is_told(
    submitted, staff, experts, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assignment = services.assign_expert(actor=staff, application=submitted, expert=experts[0])
    assert assignment.assigned_by == staff
    assert [m.to for m in mailoutbox] == [[experts[0].email]]
    assert "MICROVALVE" in mailoutbox[0].subject
    assert "Implantable micro-valve" not in mailoutbox[0].body  # nothing of the dossier
    assert ActivityLog.objects.filter(action="labelling.expert.assigned").count() == 1


def test_a_conflicted_expert_is_never_assigned(submitted, staff, partner_org, process, market):
    for expert in (contact_of(partner_org), contact_of(competitor(process, market))):
        with pytest.raises(ValidationError) as caught:
            services.assign_expert(actor=staff, application=submitted, expert=expert)
        assert "conflict of interest" in caught.value.message_dict["expert"][0]
    assert not ReviewAssignment.objects.exists()


def test_only_experts_of_the_pool_or_staff_are_assigned(submitted, staff):
    with pytest.raises(ValidationError) as caught:
        services.assign_expert(actor=staff, application=submitted, expert=UserFactory())
    assert "expert" in caught.value.message_dict
    retired = ExpertFactory(is_active=False).user
    with pytest.raises(ValidationError):
        services.assign_expert(actor=staff, application=submitted, expert=retired)
    services.assign_expert(actor=staff, application=submitted, expert=StaffUserFactory())


def test_an_expert_is_assigned_once(submitted, staff, experts):
    services.assign_expert(actor=staff, application=submitted, expert=experts[0])
    with pytest.raises(ValidationError):
        services.assign_expert(actor=staff, application=submitted, expert=experts[0])


def test_only_staff_assign(submitted, contact, experts):
    with pytest.raises(PermissionDenied):
        services.assign_expert(actor=contact, application=submitted, expert=experts[0])


def test_experts_are_not_assigned_to_a_draft_nor_a_decided_application(application, staff, experts):
    for status in (Status.DRAFT, Status.COMMITTEE, Status.LABELLED):
        move(application, status)
        with pytest.raises(WrongState):
            services.assign_expert(actor=staff, application=application, expert=experts[0])


def test_an_assignment_without_review_can_be_withdrawn(submitted, staff, experts):
    assignment = services.assign_expert(actor=staff, application=submitted, expert=experts[0])
    services.unassign_expert(actor=staff, assignment=assignment)
    assert not ReviewAssignment.objects.exists()


def test_the_candidates_show_their_conflicts(submitted, partner_org):
    free = ExpertFactory().user
    conflicted = contact_of(partner_org)
    candidates = dict(queries.expert_candidates(submitted))
    assert candidates[free] == []
    assert candidates[conflicted]


def test_the_pool_is_managed_by_staff(staff):
    user = UserFactory()
    expert = services.register_expert(actor=staff, user=user, expertise="Optics")
    services.retire_expert(actor=staff, expert=expert)
    expert.refresh_from_db()
    assert not expert.is_active
    assert services.register_expert(actor=staff, user=user).is_active


# Declaration and review ------------------------------------------------------------------


def test_the_expert_declares_no_conflict(submitted, staff, experts):
    assignment = services.assign_expert(actor=staff, application=submitted, expert=experts[0])
    with pytest.raises(PermissionDenied):
        services.declare_no_conflict(actor=experts[1], assignment=assignment)
    services.declare_no_conflict(actor=experts[0], assignment=assignment)
    assert assignment.no_conflict_declared_at is not None


def test_an_expert_who_became_conflicted_cannot_declare(submitted, staff, experts, partner_org):
    assignment = services.assign_expert(actor=staff, application=submitted, expert=experts[0])
    contact_of(partner_org, user=experts[0])
    with pytest.raises(PermissionDenied):
        services.declare_no_conflict(actor=experts[0], assignment=assignment)


def test_a_review_scores_every_criterion(submitted, staff, experts, criteria):
    [first, _second] = reviewed(submitted, staff, experts, criteria)
    review = first.review
    assert review.submitted_at is not None
    assert {s.criterion.code: s.value for s in review.scores.all()} == {
        "innovation": 4,
        "market": 4,
        "consortium": 4,
    }


def test_a_review_needs_the_declaration_first(submitted, staff, experts, criteria):
    assignment = services.assign_expert(actor=staff, application=submitted, expert=experts[0])
    move(submitted, Status.UNDER_REVIEW)
    with pytest.raises(WrongState):
        services.submit_review(
            actor=experts[0], assignment=assignment, scores={c.code: 3 for c in criteria}
        )


def test_missing_or_out_of_range_scores_are_errors_by_criterion(
    submitted, staff, experts, criteria
):
    assignment = services.assign_expert(actor=staff, application=submitted, expert=experts[0])
    services.declare_no_conflict(actor=experts[0], assignment=assignment)
    move(submitted, Status.UNDER_REVIEW)
    with pytest.raises(ValidationError) as caught:
        services.submit_review(
            actor=experts[0],
            assignment=assignment,
            scores={"innovation": 6, "market": "x", "unknown": 1},
        )
    assert set(caught.value.message_dict) == {"innovation", "market", "consortium", "unknown"}
    assert not Score.objects.exists()


def test_only_the_assigned_expert_reviews(submitted, staff, experts, criteria):
    assignment = services.assign_expert(actor=staff, application=submitted, expert=experts[0])
    move(submitted, Status.UNDER_REVIEW)
    with pytest.raises(PermissionDenied):
        services.submit_review(actor=staff, assignment=assignment, scores={})


def test_a_review_is_only_given_under_review(submitted, staff, experts, criteria):
    assignment = services.assign_expert(actor=staff, application=submitted, expert=experts[0])
    services.declare_no_conflict(actor=experts[0], assignment=assignment)
    with pytest.raises(WrongState):
        services.submit_review(
            actor=experts[0], assignment=assignment, scores={c.code: 3 for c in criteria}
        )


# Scores ----------------------------------------------------------------------------------


def test_weighted_averages_mean_and_spread(submitted, staff, experts, criteria):
    # Weights 3, 2, 1. First: (3*5 + 2*4 + 1*0) / 6 = 23/6 = 3.83; second: all 2 → 2.
    reviewed(
        submitted,
        staff,
        experts,
        criteria,
        scores=[
            {"innovation": 5, "market": 4, "consortium": 0},
            {"innovation": 2, "market": 2, "consortium": 2},
        ],
    )
    summary = queries.score_summary(submitted)
    assert summary.count == 2
    assert [r.weighted_average for r in summary.reviewers] == [Decimal("3.83"), Decimal("2.00")]
    assert summary.mean == Decimal("2.92")  # (23/6 + 2) / 2 = 2.9166…
    assert summary.spread == Decimal("1.83")
    assert summary.standard_deviation == Decimal("0.92")  # half the spread for two values
    assert summary.criterion_means == {
        "innovation": Decimal("3.50"),
        "market": Decimal("3.00"),
        "consortium": Decimal("1.00"),
    }


def test_no_review_gives_no_figures(submitted):
    summary = queries.score_summary(submitted)
    assert (summary.count, summary.mean, summary.spread) == (0, None, None)


def test_staff_edit_the_scoring_grid(staff, contact):
    criterion = services.create_criterion(
        actor=staff, data={"code": "impact", "label_fr": "Impact régional", "weight": 2}
    )
    assert criterion.label_en == "Impact régional"
    services.update_criterion(actor=staff, criterion=criterion, data={"weight": Decimal("1.5")})
    criterion.refresh_from_db()
    assert criterion.weight == Decimal("1.5")
    with pytest.raises(ValidationError):
        services.update_criterion(actor=staff, criterion=criterion, data={"weight": 0})
    with pytest.raises(ValidationError):
        services.update_criterion(actor=staff, criterion=criterion, data={"code": "other"})
    with pytest.raises(PermissionDenied):
        services.create_criterion(actor=contact, data={"code": "x", "label_fr": "X", "weight": 1})


def test_an_inactive_criterion_is_not_scored(submitted, staff, experts, criteria):
    CriterionFactory(code="retired", is_active=False)
    reviewed(submitted, staff, experts, criteria)
    assert not Score.objects.filter(criterion__code="retired").exists()
