"""Expert pages over HTTP: the declaration before the dossier, conflicts, the scoring grid."""

import pytest
from django.urls import reverse

from grappe.core.models import ActivityLog
from grappe.labelling import services
from grappe.labelling.choices import Status
from grappe.labelling.models import Review, Score
from tests.factories import (
    AffiliationFactory,
    CapabilityFactory,
    ExpertFactory,
    OrganisationFactory,
    PersonFactory,
)
from tests.labelling.conftest import move

pytestmark = pytest.mark.django_db

SUMMARY = "Une micro-valve en titane."


@pytest.fixture
def assignment(application, staff, experts):
    move(application, Status.SUBMITTED)
    return services.assign_expert(actor=staff, application=application, expert=experts[0])


def review_url(assignment) -> str:
    return reverse("labelling:review", kwargs={"pk": assignment.pk})


def declare_url(assignment) -> str:
    return reverse("labelling:declare", kwargs={"pk": assignment.pk})


def expert_views(assignment) -> int:
    return ActivityLog.objects.filter(action="labelling.application.viewed_by_expert").count()


def test_my_reviews_lists_the_assignments(client, assignment):
    client.force_login(assignment.expert)
    response = client.get(reverse("labelling:my_reviews"))
    assert response.status_code == 200
    assert "MICROVALVE" in response.content.decode()
    assert f'data-assignment="{assignment.pk}"' in response.content.decode()


def test_before_declaring_the_expert_sees_only_the_title(client, assignment, application):
    client.force_login(assignment.expert)
    response = client.get(review_url(assignment))
    html = response.content.decode()
    assert response.status_code == 200
    assert "MICROVALVE" in html
    assert "Implantable micro-valve" in html
    assert SUMMARY not in html
    assert "FEMTO-ST" not in html  # not even the partners
    assert client.get(application.get_absolute_url()).status_code == 404
    assert expert_views(assignment) == 0


def test_the_declaration_must_be_ticked(client, assignment):
    client.force_login(assignment.expert)
    response = client.post(declare_url(assignment), {})
    assert response.status_code == 200
    assert "no_conflict" in response.context["form"].errors
    assignment.refresh_from_db()
    assert assignment.no_conflict_declared_at is None


def test_after_declaring_the_dossier_opens_and_each_look_is_logged(client, assignment, application):
    client.force_login(assignment.expert)
    response = client.post(declare_url(assignment), {"no_conflict": "on"})
    assert response.status_code == 302
    assert response.url == review_url(assignment)
    page = client.get(review_url(assignment)).content.decode()
    assert SUMMARY in page
    assert "FEMTO-ST" in page
    detail = client.get(application.get_absolute_url()).content.decode()
    assert application.project.get_absolute_url() not in detail  # the project page is not theirs
    assert expert_views(assignment) == 2


def test_a_conflicted_expert_gets_404_everywhere(client, assignment, application, market, process):
    services.declare_no_conflict(actor=assignment.expert, assignment=assignment)
    # The expert then joins a competitor: same processes and markets as the project.
    rival = OrganisationFactory()
    CapabilityFactory(organisation=rival, term=process)
    CapabilityFactory(organisation=rival, term=market)
    AffiliationFactory(person=PersonFactory(user=assignment.expert), organisation=rival)
    client.force_login(assignment.expert)
    assert client.get(review_url(assignment)).status_code == 404
    assert client.post(declare_url(assignment), {"no_conflict": "on"}).status_code == 404
    assert client.get(application.get_absolute_url()).status_code == 404


def test_another_expert_gets_404_on_the_assignment(client, assignment):
    client.force_login(ExpertFactory().user)
    assert client.get(review_url(assignment)).status_code == 404
    assert client.post(declare_url(assignment), {"no_conflict": "on"}).status_code == 404


def test_the_expert_scores_the_grid(client, assignment, application, staff, experts, criteria):
    services.assign_expert(actor=staff, application=application, expert=experts[1])
    services.transition(actor=staff, application=application, to=Status.UNDER_REVIEW)
    services.declare_no_conflict(actor=assignment.expert, assignment=assignment)
    client.force_login(assignment.expert)
    form = client.get(review_url(assignment)).context["form"]
    assert [field.name for field in form.score_fields()] == [
        "score-innovation",
        "score-market",
        "score-consortium",
    ]
    response = client.post(
        review_url(assignment),
        {
            "score-innovation": "5",
            "score-market": "3",
            "score-consortium": "4",
            "comments": "Solid.",
        },
    )
    assert response.status_code == 302
    review = Review.objects.get(assignment=assignment)
    assert review.submitted_at is not None
    assert review.comments == "Solid."
    assert {s.criterion.code: s.value for s in review.scores.select_related("criterion")} == {
        "innovation": 5,
        "market": 3,
        "consortium": 4,
    }
    # The staff see the average and the spread on the application page.
    client.force_login(staff)
    html = client.get(application.get_absolute_url()).content.decode()
    assert 'data-score="mean"' in html


def test_a_missing_score_is_an_error_on_its_field(
    client, assignment, application, staff, experts, criteria
):
    services.assign_expert(actor=staff, application=application, expert=experts[1])
    services.transition(actor=staff, application=application, to=Status.UNDER_REVIEW)
    services.declare_no_conflict(actor=assignment.expert, assignment=assignment)
    client.force_login(assignment.expert)
    response = client.post(
        review_url(assignment),
        {"score-innovation": "5", "score-market": "9", "score-consortium": ""},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "score-market" in errors
    assert "score-consortium" in errors
    assert not Score.objects.exists()


def test_no_review_before_the_review_starts(client, assignment, criteria):
    services.declare_no_conflict(actor=assignment.expert, assignment=assignment)
    client.force_login(assignment.expert)
    page = client.get(review_url(assignment))
    assert page.context["form"] is None
    response = client.post(
        review_url(assignment),
        {"score-innovation": "5", "score-market": "3", "score-consortium": "4"},
        follow=True,
    )
    assert any("not under review" in str(m) for m in response.context["messages"])
    assert not Review.objects.exists()


def test_the_anonymous_are_asked_to_log_in(client, assignment):
    response = client.get(review_url(assignment))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
