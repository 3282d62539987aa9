"""Who sees an application: staff, the consortium, experts cleared of conflict; 404 for others."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from grappe.core.models import ActivityLog
from grappe.labelling import queries, services
from grappe.labelling.choices import Confidentiality, Status
from tests.factories import (
    AffiliationFactory,
    CapabilityFactory,
    ExpertFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    member_contact,
)
from tests.labelling.conftest import move

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(application, staff, experts):
    move(application, Status.SUBMITTED)
    return services.assign_expert(actor=staff, application=application, expert=experts[0])


def sees(user, application) -> bool:
    try:
        queries.application_for(user, application.pk)
    except Http404:
        return False
    return True


def test_the_staff_and_the_consortium_see_the_application(application, staff, contact, partner_org):
    partner_contact = member_contact(organisation=partner_org)
    for user in (staff, contact, partner_contact):
        assert sees(user, application)


def test_another_member_gets_a_404_not_a_403(application):
    other = member_contact()
    with pytest.raises(Http404):
        queries.application_for(other, application.pk)
    with pytest.raises(Http404):
        queries.application_for(AnonymousUser(), application.pk)


def test_a_missing_application_is_the_same_404(staff):
    with pytest.raises(Http404):
        queries.application_for(staff, 999_999)


def test_the_expert_sees_the_dossier_only_after_declaring_no_conflict(application, assignment):
    expert = assignment.expert
    assert not sees(expert, application)
    services.declare_no_conflict(actor=expert, assignment=assignment)
    assert sees(expert, application)


def test_an_expert_who_became_conflicted_no_longer_sees_it(
    application, assignment, process, market
):
    expert = assignment.expert
    services.declare_no_conflict(actor=expert, assignment=assignment)
    # The expert joins a competitor (a partner's contact would see it as the consortium).
    rival = OrganisationFactory()
    CapabilityFactory(organisation=rival, term=process)
    CapabilityFactory(organisation=rival, term=market)
    AffiliationFactory(person=PersonFactory(user=expert), organisation=rival)
    assert not sees(expert, application)
    assert not expert.has_perm("labelling.review", application)


def test_an_expert_of_another_application_does_not_see_it(application):
    assert not sees(ExpertFactory().user, application)


def test_every_access_by_an_expert_is_logged(application, assignment, contact, staff):
    expert = assignment.expert
    services.declare_no_conflict(actor=expert, assignment=assignment)
    assert services.record_expert_access(actor=expert, application=application)
    assert services.record_expert_access(actor=expert, application=application)
    assert not services.record_expert_access(actor=contact, application=application)
    entries = ActivityLog.objects.filter(action="labelling.application.viewed_by_expert")
    assert entries.count() == 2
    assert {entry.actor for entry in entries} == {expert}


def test_the_list_of_visible_applications(application, assignment, staff, contact):
    other = member_contact()
    assert list(queries.applications_visible_to(staff)) == [application]
    assert list(queries.applications_visible_to(contact)) == [application]
    assert list(queries.applications_visible_to(other)) == []
    assert list(queries.applications_visible_to(assignment.expert)) == []
    services.declare_no_conflict(actor=assignment.expert, assignment=assignment)
    assert list(queries.applications_visible_to(assignment.expert)) == [application]


def test_the_public_summary_of_a_labelled_standard_project_is_public(project, application):
    anonymous = AnonymousUser()
    assert not anonymous.has_perm("labelling.view_public_summary", project)
    move(application, Status.LABELLED)
    assert anonymous.has_perm("labelling.view_public_summary", project)
    assert list(queries.public_projects()) == [project]
    project.confidentiality = Confidentiality.RESTRICTED
    project.save()
    assert not anonymous.has_perm("labelling.view_public_summary", project)
    with pytest.raises(Http404):
        queries.public_project(project.pk)


def test_project_pages_are_for_the_staff_and_the_consortium(project, staff, contact):
    assert queries.project_for(contact, project.pk) == project
    assert queries.project_for(staff, project.pk) == project
    with pytest.raises(Http404):
        queries.project_for(member_contact(), project.pk)


@pytest.mark.parametrize(
    ("perm", "status", "allowed"),
    [
        ("labelling.submit", Status.DRAFT, {"staff", "contact"}),
        ("labelling.submit", Status.SUBMITTED, set()),
        ("labelling.answer_reservations", Status.LABELLED_WITH_RESERVATIONS, {"staff", "contact"}),
        ("labelling.answer_reservations", Status.LABELLED, set()),
        ("labelling.report_progress", Status.IN_PROGRESS, {"staff", "contact"}),
        ("labelling.report_progress", Status.COMPLETED, {"staff", "contact"}),
        ("labelling.report_progress", Status.ABANDONED, set()),
        ("labelling.view_reviews", Status.UNDER_REVIEW, {"staff"}),
        ("labelling.manage", Status.DRAFT, {"staff"}),
        ("labelling.decide", Status.COMMITTEE, {"staff"}),
    ],
)
def test_permissions_on_an_application(application, staff, contact, perm, status, allowed):
    move(application, status)
    users = {"staff": staff, "contact": contact, "other": member_contact(), "anonymous": None}
    for name, user in users.items():
        user = user or AnonymousUser()
        assert user.has_perm(perm, application) is (name in allowed), (perm, name)


def test_editing_and_adding_projects(project, application, staff, contact):
    other = member_contact()
    assert contact.has_perm("labelling.edit_project", project)
    assert staff.has_perm("labelling.edit_project", project)
    assert not other.has_perm("labelling.edit_project", project)
    move(application, Status.SUBMITTED)
    assert not contact.has_perm("labelling.edit_project", project)
    assert contact.has_perm("labelling.add_project")
    assert staff.has_perm("labelling.add_project")
    assert not UserFactory().has_perm("labelling.add_project")
