"""Experts over the API: the pool and the candidates (staff), assignment with the conflict of
interest refused, the expert's declaration and scores, the score summary."""

import pytest

from grappe.core.models import ActivityLog
from grappe.labelling.models import Review, ReviewAssignment
from tests.api.conftest import error_fields
from tests.api.labelling_world import assigned, build_world, delete, submitted, under_review
from tests.factories import AffiliationFactory, ExpertFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def world():
    return build_world()


def app_path(world, suffix: str = "") -> str:
    return f"/applications/{world.application.pk}{suffix}"


def test_the_staff_see_the_pool_and_the_candidates_with_their_conflicts(world, api_as):
    submitted(world)
    staff = api_as(world.staff)
    pool = staff.get("/experts").json()
    assert {item["user"]["username"] for item in pool["items"]} == {
        "expert1", "expert2", "conflicted"
    }  # fmt: skip
    candidates = {
        item["user"]["username"]: item["conflicts"]
        for item in staff.get(app_path(world, "/expert-candidates")).json()
    }
    assert candidates["expert1"] == []
    assert "Décolletage Rival" in candidates["conflicted"][0]
    for user in (world.contact, world.outsider, world.experts[0]):
        assert api_as(user).get("/experts").status_code == 403
    assert api_as(world.contact).get(app_path(world, "/expert-candidates")).status_code == 403


def test_listing_the_pool_takes_a_fixed_number_of_queries(
    world, api_as, django_assert_max_num_queries
):
    staff = api_as(world.staff)
    with django_assert_max_num_queries(6):
        assert staff.get("/experts").json()["count"] == 3
    ExpertFactory.create_batch(10)
    with django_assert_max_num_queries(6):
        assert staff.get("/experts").json()["count"] == 13


def test_a_conflicted_expert_is_refused_with_the_reason(world, api_as):
    submitted(world)
    response = api_as(world.staff).post(
        app_path(world, "/assignments"), {"expert": world.conflicted.pk}
    )
    assert error_fields(response) == ["expert"]
    assert "conflict of interest" in response.json()["detail"][0]["msg"]
    assert "Décolletage Rival" in response.json()["detail"][0]["msg"]
    assert not ReviewAssignment.objects.exists()


def test_assigning_is_for_the_staff_at_the_right_time(world, api_as):
    body = {"expert": world.experts[0].pk}
    assert api_as(world.contact).post(app_path(world, "/assignments"), body).status_code == 403
    assert api_as(world.outsider).post(app_path(world, "/assignments"), body).status_code == 403
    response = api_as(world.staff).post(app_path(world, "/assignments"), body)
    assert response.status_code == 409  # a draft
    submitted(world)
    unknown = api_as(world.staff).post(app_path(world, "/assignments"), {"expert": 999999})
    assert error_fields(unknown) == ["expert"]
    response = api_as(world.staff).post(app_path(world, "/assignments"), body)
    assert response.status_code == 201, response.content
    assert response.json()["expert"]["username"] == "expert1"
    again = api_as(world.staff).post(app_path(world, "/assignments"), body)
    assert error_fields(again) == ["expert"]


def test_the_expert_declares_then_scores(world, api_as):
    assignment = under_review(world)
    (first, _second) = ReviewAssignment.objects.filter(application=assignment).order_by("id")
    api = api_as(first.expert)
    mine = api.get("/assignments").json()
    assert [item["id"] for item in mine["items"]] == [first.pk]
    scores = {"scores": {"innovation": 5, "market": 3}, "comments": "Solide."}
    response = api.post(f"/assignments/{first.pk}/review", scores)
    assert response.status_code == 409  # no declaration yet
    assert "conflict of interest first" in response.json()["detail"]
    response = api.post(f"/assignments/{first.pk}/declare-no-conflict")
    assert response.json()["no_conflict_declared_at"]
    response = api.post(f"/assignments/{first.pk}/review", scores)
    assert response.status_code == 200, response.content
    assert response.json()["review"]["scores"] == {"innovation": 5, "market": 3}
    assert ActivityLog.objects.filter(action="labelling.review.submitted").count() == 1


@pytest.mark.parametrize(
    ("scores", "fields"),
    [
        ({"innovation": 6, "market": 3}, ["scores.innovation"]),
        ({"innovation": 4}, ["scores.market"]),
        ({"innovation": 4, "market": 3, "beauty": 5}, ["scores.beauty"]),
        ({"innovation": "x", "market": 3}, ["scores.innovation"]),
    ],
)
def test_bad_scores_are_422_naming_the_criterion_and_nothing_is_written(
    world, api_as, scores, fields
):
    under_review(world)
    first = ReviewAssignment.objects.order_by("id").first()
    api = api_as(first.expert)
    api.post(f"/assignments/{first.pk}/declare-no-conflict")
    response = api.post(f"/assignments/{first.pk}/review", {"scores": scores})
    assert error_fields(response) == fields
    assert not Review.objects.exists()


def test_another_expert_and_a_conflicted_one_get_a_404(world, api_as):
    first, second = assigned(world)
    other = api_as(second.expert)
    assert other.get(f"/assignments/{first.pk}").status_code == 404
    assert other.post(f"/assignments/{first.pk}/declare-no-conflict").status_code == 404
    # An expert who becomes a contact of the lead after the assignment is conflicted.
    AffiliationFactory(person=PersonFactory(user=first.expert), organisation=world.lead)
    api = api_as(first.expert)
    assert api.get(f"/assignments/{first.pk}").status_code == 404
    assert api.post(f"/assignments/{first.pk}/declare-no-conflict").status_code == 404
    assert ReviewAssignment.objects.get(pk=first.pk).no_conflict_declared_at is None


def test_the_staff_read_the_reviews_and_the_score_summary(world, api_as):
    under_review(world, reviews=2)
    staff = api_as(world.staff)
    summary = staff.get(app_path(world, "/scores")).json()
    assert summary["count"] == 2
    assert summary["mean"] == "3.75"  # (4 × 3 + 3 × 1) / 4
    assert summary["spread"] == "0.00"
    assert summary["criterion_means"] == {"innovation": "4.00", "market": "3.00"}
    assignments = staff.get(app_path(world, "/assignments")).json()
    assert [a["review"]["scores"] for a in assignments] == [{"innovation": 4, "market": 3}] * 2
    for user in (world.contact, world.experts[0]):
        assert api_as(user).get(app_path(world, "/scores")).status_code in (403, 404)
    assert api_as(world.contact).get(app_path(world, "/assignments")).status_code == 403


def test_the_staff_withdraw_an_assignment_without_review(world, api_as):
    first, _second = assigned(world)
    assert delete(api_as(world.contact), f"/assignments/{first.pk}").status_code == 403
    assert delete(api_as(world.staff), f"/assignments/{first.pk}").status_code == 204
    assert delete(api_as(world.staff), f"/assignments/{first.pk}").status_code == 404
    assert ReviewAssignment.objects.count() == 1


def test_a_withdrawal_after_the_review_is_a_409(world, api_as):
    under_review(world, reviews=1)
    first = ReviewAssignment.objects.order_by("id").first()
    assert delete(api_as(world.staff), f"/assignments/{first.pk}").status_code == 409
