"""The reads of the labelling pages: right rows, and a number of queries that does not grow."""

import pytest

from grappe.labelling import queries, services
from grappe.labelling.choices import Status
from tests.factories import (
    AffiliationFactory,
    ApplicationFactory,
    ExpertFactory,
    OrganisationFactory,
    PartnerFactory,
    PersonFactory,
    ReviewAssignmentFactory,
)
from tests.labelling.conftest import move

pytestmark = pytest.mark.django_db


def many_applications(lead, count):
    return [ApplicationFactory(project__lead=lead, status=Status.SUBMITTED) for _ in range(count)]


def test_my_projects_are_those_of_my_organisations_as_lead_or_partner(project, contact, lead):
    led = ApplicationFactory(project__lead=lead).project
    partnered = PartnerFactory(organisation=lead).project
    ApplicationFactory()  # somebody else's
    assert set(queries.projects_of(contact)) == {project, led, partnered}


@pytest.mark.parametrize("count", [1, 6])
def test_my_projects_take_a_fixed_number_of_queries(
    contact, lead, count, django_assert_max_num_queries
):
    many_applications(lead, count)
    with django_assert_max_num_queries(2):
        for project in queries.projects_of(contact):
            str(project.lead)
            [str(a.call) for a in project.applications.all()]


@pytest.mark.parametrize("count", [1, 6])
def test_the_pipeline_takes_a_fixed_number_of_queries(lead, count, django_assert_max_num_queries):
    for application in many_applications(lead, count):
        ReviewAssignmentFactory(application=application)
    with django_assert_max_num_queries(1):
        rows = list(queries.applications_in(Status.SUBMITTED))
        for row in rows:
            str(row.project.lead), str(row.call), row.expert_count, row.review_count
    assert rows[0].expert_count == 1
    assert rows[0].review_count == 0
    assert queries.pipeline_counts()[Status.SUBMITTED] == count


@pytest.mark.parametrize("count", [1, 6])
def test_my_reviews_take_a_fixed_number_of_queries(count, django_assert_max_num_queries):
    expert = ExpertFactory().user
    for _ in range(count):
        ReviewAssignmentFactory(expert=expert)
    with django_assert_max_num_queries(1):
        for assignment in queries.assignments_of(expert):
            str(assignment.application.project), str(assignment.application.call)


def test_expert_candidates_take_a_fixed_number_of_queries(
    application, staff, partner_org, django_assert_max_num_queries
):
    for _ in range(5):
        user = ExpertFactory().user
        AffiliationFactory(person=PersonFactory(user=user), organisation=OrganisationFactory())
    conflicted = ExpertFactory().user
    AffiliationFactory(person=PersonFactory(user=conflicted), organisation=partner_org)
    with django_assert_max_num_queries(8):
        candidates = dict(queries.expert_candidates(application))
    assert len(candidates) == 7  # six experts and the staff member
    assert candidates[conflicted]
    assert candidates[staff] == []


def test_ready_for_committee_and_open_calls(application, call, staff):
    move(application, Status.COMMITTEE)
    assert list(queries.ready_for_committee()) == [application]
    assert list(queries.open_calls()) == [call]
    meeting = services.create_meeting(actor=staff, held_on=call.deadline, title="Comité")
    services.add_to_agenda(actor=staff, meeting=meeting, application=application)
    assert list(queries.ready_for_committee()) == []
    assert queries.latest_application(application.project) == application
