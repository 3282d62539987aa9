"""A comment per criterion in an expert's review: the service, the scoring form and the
staff's summary on the application page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from grappe.labelling import queries, services
from grappe.labelling.choices import Status
from grappe.labelling.models import Score
from grappe.labelling.services.reviews import COMMENT_MAX_LENGTH
from tests.labelling.conftest import move

pytestmark = pytest.mark.django_db

SCORES = {"innovation": 5, "market": 3, "consortium": 4}


@pytest.fixture
def assignment(application, staff, experts, criteria):
    move(application, Status.SUBMITTED)
    assignment = services.assign_expert(actor=staff, application=application, expert=experts[0])
    services.declare_no_conflict(actor=experts[0], assignment=assignment)
    move(application, Status.UNDER_REVIEW)
    return assignment


def comments_of(assignment) -> dict[str, str]:
    return dict(
        Score.objects.filter(review__assignment=assignment).values_list(
            "criterion__code", "comment"
        )
    )


def submit(assignment, **kwargs):
    return services.submit_review(
        actor=assignment.expert, assignment=assignment, scores=SCORES, **kwargs
    )


# The service ------------------------------------------------------------------------------


def test_a_comment_per_criterion_is_kept_with_its_score(assignment):
    submit(assignment, comments_by_criterion={"innovation": "  A real step. ", "market": ""})
    assert comments_of(assignment) == {"innovation": "A real step.", "market": "", "consortium": ""}


def test_without_comments_by_criterion_the_earlier_ones_stay(assignment):
    submit(assignment, comments_by_criterion={"market": "Few buyers."})
    submit(assignment, comments="Changed my mind on the scores only.")
    assert comments_of(assignment)["market"] == "Few buyers."
    # Given again, the comments replace the earlier ones; a criterion left out is cleared.
    submit(assignment, comments_by_criterion={"innovation": "New."})
    assert comments_of(assignment) == {"innovation": "New.", "market": "", "consortium": ""}


def test_bad_comments_are_errors_by_criterion_and_nothing_is_written(assignment):
    with pytest.raises(ValidationError) as caught:
        submit(
            assignment,
            comments_by_criterion={
                "innovation": "x" * (COMMENT_MAX_LENGTH + 1),
                "unknown": "Where?",
            },
        )
    assert set(caught.value.message_dict) == {"comment-innovation", "comment-unknown"}
    assert not Score.objects.exists()


def test_the_summary_carries_each_experts_comments(assignment, application):
    submit(assignment, comments="Overall good.", comments_by_criterion={"market": "Few buyers."})
    [reviewer] = queries.score_summary(application).reviewers
    assert reviewer.comments == "Overall good."
    assert [(n.code, n.value, n.comment) for n in reviewer.notes] == [
        ("innovation", 5, ""),
        ("market", 3, "Few buyers."),
        ("consortium", 4, ""),
    ]
    assert reviewer.has_comments


# The pages --------------------------------------------------------------------------------


def review_url(assignment) -> str:
    return reverse("labelling:review", kwargs={"pk": assignment.pk})


def test_the_expert_comments_each_criterion_and_the_staff_read_them(
    client, assignment, application, staff
):
    client.force_login(assignment.expert)
    form = client.get(review_url(assignment)).context["form"]
    assert [(score.name, comment.name) for score, comment in form.criterion_fields()] == [
        ("score-innovation", "comment-innovation"),
        ("score-market", "comment-market"),
        ("score-consortium", "comment-consortium"),
    ]
    response = client.post(
        review_url(assignment),
        {
            "score-innovation": "5",
            "comment-innovation": "A titanium valve is new.",
            "score-market": "3",
            "comment-market": "Few buyers <b>yet</b>.",
            "score-consortium": "4",
            "comment-consortium": "",
            "comments": "Overall good.",
        },
    )
    assert response.status_code == 302
    assert comments_of(assignment) == {
        "innovation": "A titanium valve is new.",
        "market": "Few buyers <b>yet</b>.",
        "consortium": "",
    }
    # The form shows them again to the expert.
    form = client.get(review_url(assignment)).context["form"]
    assert form["comment-innovation"].initial == "A titanium valve is new."
    # The staff read them in the review summary of the application page.
    client.force_login(staff)
    html = client.get(application.get_absolute_url()).content.decode()
    summary = html.split('id="review-comments"')[1].split("</section>")[0]
    assert "A titanium valve is new." in summary
    assert "Few buyers &lt;b&gt;yet&lt;/b&gt;." in summary
    assert "Overall good." in summary
    # The consortium does not.
    client.force_login(application.project.created_by)
    assert (
        "A titanium valve is new."
        not in client.get(application.get_absolute_url()).content.decode()
    )


def test_a_comment_too_long_is_an_error_on_its_field(client, assignment):
    client.force_login(assignment.expert)
    response = client.post(
        review_url(assignment),
        {
            "score-innovation": "5",
            "comment-innovation": "x" * (COMMENT_MAX_LENGTH + 1),
            "score-market": "3",
            "score-consortium": "4",
        },
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["comment-innovation"]
    assert not Score.objects.exists()


def test_once_the_review_is_closed_the_expert_reads_their_comments(client, assignment, application):
    submit(assignment, comments_by_criterion={"market": "Few buyers."})
    move(application, Status.COMMITTEE)
    client.force_login(assignment.expert)
    response = client.get(review_url(assignment))
    assert response.context["form"] is None
    assert "Few buyers." in response.content.decode()
