"""Applications over the API: who opens a dossier (404 for the others, no existence leak),
every move with its refused users (403), illegal moves (409), incomplete applications (422
naming the fields, nothing written), funding, results, reservations, re-labelling."""

import pytest

from grappe.core.models import ActivityLog
from grappe.labelling.choices import Status
from grappe.labelling.models import Application, FundingLine, Result
from tests.api.conftest import error_fields
from tests.api.labelling_world import (
    assigned,
    before_committee,
    build_world,
    delete,
    draft,
    funded,
    labelled,
    on_agenda,
    submitted,
    under_review,
)
from tests.factories import FundingCallFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def world():
    return build_world()


def path(world, suffix: str = "") -> str:
    return f"/applications/{world.application.pk}{suffix}"


def status_of(world) -> str:
    return Application.objects.get(pk=world.application.pk).status


# Reading ------------------------------------------------------------------------------------


def test_the_staff_and_the_consortium_open_the_dossier(world, api_as):
    for user in (world.staff, world.contact, world.lab_contact):
        response = api_as(user).get(path(world))
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["status"] == "draft"
        assert body["project"]["acronym"] == "MICROVALVE"
        assert body["project"]["summary_fr"] == "Une micro-valve en titane."
        assert body["call"]["name"] == "PSPC-Régions, relève 9"
    assert api_as(world.contact).get(path(world)).json()["moves"] == ["submitted"]
    assert api_as(world.staff).get(path(world)).json()["moves"] == ["submitted"]


def test_a_confidential_dossier_is_a_404_for_everybody_else(world, api_as, anonymous_api):
    assignments = assigned(world)
    for api in (
        anonymous_api,
        api_as(world.outsider),
        api_as(UserFactory()),
        api_as(world.conflicted),
        api_as(assignments[0].expert),  # not declared yet
    ):
        response = api.get(path(world))
        assert response.status_code == 404
        assert api.get("/applications/999999").status_code == 404
        assert response.json() == api.get("/applications/999999").json()


def test_a_cleared_expert_opens_it_and_each_look_is_logged(world, api_as):
    assignment = assigned(world)[0]
    api = api_as(assignment.expert)
    assert api.post(f"/assignments/{assignment.pk}/declare-no-conflict").status_code == 200
    assert api.get(path(world)).status_code == 200
    assert api.get(path(world)).status_code == 200
    looks = ActivityLog.objects.filter(action="labelling.application.viewed_by_expert")
    assert looks.filter(actor=assignment.expert).count() == 2
    api_as(world.contact).get(path(world))
    assert looks.count() == 2


def test_the_list_shows_each_user_their_applications(world, api_as, anonymous_api):
    other = FundingCallFactory()
    assert anonymous_api.get("/applications").status_code == 401
    for user, expected in (
        (world.staff, 1),
        (world.contact, 1),
        (world.lab_contact, 1),
        (world.outsider, 0),
        (world.experts[0], 0),
    ):
        assert api_as(user).get("/applications").json()["count"] == expected
    staff = api_as(world.staff)
    assert staff.get("/applications", {"status": "draft"}).json()["count"] == 1
    assert staff.get("/applications", {"status": "labelled"}).json()["count"] == 0
    assert staff.get("/applications", {"call": other.pk}).json()["count"] == 0
    assert staff.get("/applications", {"status": "won"}).status_code == 422


def test_listing_applications_takes_a_fixed_number_of_queries(
    world, api_as, django_assert_max_num_queries
):
    api = api_as(world.contact)

    def more(count: int, start: int) -> None:
        for number in range(start, start + count):
            draft(
                actor=world.contact,
                lead=world.lead,
                partner=world.lab,
                call=world.call,
                market=world.market,
                process=world.process,
                acronym=f"P{number}",
            )

    more(2, 0)
    with django_assert_max_num_queries(8):
        assert api.get("/applications").json()["count"] == 3
    more(10, 2)
    with django_assert_max_num_queries(8):
        assert api.get("/applications").json()["count"] == 13


# Moves --------------------------------------------------------------------------------------


def test_the_consortium_submits_and_the_staff_take_it_through_the_review(world, api_as):
    contact, staff = api_as(world.contact), api_as(world.staff)
    response = contact.post(path(world, "/submit"), {"reason": "Prêt"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "submitted"
    for expert in world.experts:
        assert staff.post(path(world, "/assignments"), {"expert": expert.pk}).status_code == 201
    assert staff.post(path(world, "/start-review")).json()["status"] == "under_review"
    moves = ActivityLog.objects.filter(action="labelling.application.status_changed")
    assert [(m.actor, m.data["to"], m.data["reason"]) for m in moves.order_by("id")] == [
        (world.contact, "submitted", "Prêt"),
        (world.staff, "under_review", ""),
    ]


@pytest.mark.parametrize(
    ("setup", "who", "endpoint"),
    [
        (None, "outsider", "/submit"),
        (submitted, "contact", "/start-review"),
        (submitted, "contact", "/send-back"),
        (under_review, "lab_contact", "/to-committee"),
        (funded, "outsider", "/start"),
    ],
)
def test_a_move_by_the_wrong_user_is_refused_and_writes_nothing(
    world, api_as, setup, who, endpoint
):
    if setup:
        setup(world)
    before = status_of(world)
    response = api_as(getattr(world, who)).post(path(world, endpoint))
    # Those who cannot open the dossier get 404; the consortium gets 403 on a staff move.
    assert response.status_code == (404 if who == "outsider" else 403), response.content
    assert status_of(world) == before


def test_the_anonymous_are_asked_for_a_token(world, anonymous_api):
    assert anonymous_api.post(path(world, "/submit")).status_code == 401


def test_an_expert_who_sees_the_dossier_cannot_move_it(world, api_as):
    assignment = assigned(world)[0]
    api = api_as(assignment.expert)
    api.post(f"/assignments/{assignment.pk}/declare-no-conflict")
    response = api.post(path(world, "/send-back"))
    assert response.status_code == 403
    assert "staff" in response.json()["detail"]


@pytest.mark.parametrize(
    ("setup", "endpoint", "words"),
    [
        (submitted, "/submit", "cannot go from"),
        (None, "/start", "cannot go from"),
        (submitted, "/start-review", "Assign at least 2 experts"),
        (under_review, "/to-committee", "at least 2 submitted reviews"),
        (labelled, "/complete", "cannot go from"),
        (funded, "/lift-reservations", "cannot go from"),
    ],
)
def test_an_illegal_move_is_a_409_with_a_clear_message(world, api_as, setup, endpoint, words):
    if setup:
        setup(world)
    before = status_of(world)
    response = api_as(world.staff).post(path(world, endpoint))
    assert response.status_code == 409, response.content
    assert words in response.json()["detail"]
    assert status_of(world) == before


def test_the_generic_transition_endpoint(world, api_as):
    staff = api_as(world.staff)
    response = staff.post(path(world, "/transition"), {"to": "submitted", "reason": "Relu"})
    assert response.status_code == 200
    move = ActivityLog.objects.filter(action="labelling.application.status_changed").get()
    assert move.data["reason"] == "Relu"
    # The committee's decisions do not go through it.
    response = staff.post(path(world, "/transition"), {"to": "labelled"})
    assert response.status_code == 409
    assert staff.post(path(world, "/transition"), {"to": "won"}).status_code == 422
    assert staff.post(path(world, "/transition"), {}).status_code == 422


def test_an_incomplete_application_is_a_422_naming_what_it_lacks(world, api_as):
    api = api_as(world.contact)
    api.patch(f"/projects/{world.project.pk}", {"summary_fr": "", "markets": []})
    response = api.post(path(world, "/submit"))
    assert set(error_fields(response)) == {"summary_fr", "markets"}
    assert status_of(world) == Status.DRAFT


def test_a_decision_needs_the_application_on_an_agenda_and_the_staff(world, api_as):
    before_committee(world)
    response = api_as(world.staff).post(path(world, "/decision"), {"decision": "labelled"})
    assert response.status_code == 409
    assert "agenda" in response.json()["detail"]
    contact = api_as(world.contact)
    assert contact.post(path(world, "/decision"), {"decision": "labelled"}).status_code == 403
    assert status_of(world) == Status.COMMITTEE


def test_deciding_records_the_label(world, api_as):
    on_agenda(world)
    staff = api_as(world.staff)
    response = staff.post(path(world, "/decision"), {"decision": "labelled_with_reservations"})
    assert error_fields(response) == ["reservations"]
    response = staff.post(
        path(world, "/decision"),
        {"decision": "labelled_with_reservations", "reservations": "Préciser le marché."},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "labelled_with_reservations"
    assert body["reservations"] == "Préciser le marché."
    assert staff.post(path(world, "/decision"), {"decision": "won"}).status_code == 422
    # The consortium answers, the staff lift the reservations.
    answer = api_as(world.contact).post(path(world, "/reservations-answer"), {"answer": "Fait."})
    assert answer.json()["reservations_answer"] == "Fait."
    assert staff.post(path(world, "/lift-reservations")).json()["status"] == "labelled"


# Funding and results --------------------------------------------------------------------------


def test_the_staff_record_the_funding_per_partner_and_funder(world, api_as):
    labelled(world)
    staff = api_as(world.staff)
    lines = [
        {"organisation": "decolletage-comtois", "funder": "pspc_regions", "amount": "100000"},
        {"organisation": "decolletage-comtois", "funder": "region_bfc", "amount": "80000"},
        {"organisation": "femto-lab", "funder": "pspc_regions", "amount": "120000"},
    ]
    assert api_as(world.contact).post(path(world, "/funding"), {"lines": lines}).status_code == 403
    response = staff.post(path(world, "/funding"), {"lines": lines})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "funded"
    assert {(f["organisation"]["slug"], f["funder"]) for f in body["funding"]} == {
        ("decolletage-comtois", "pspc_regions"),
        ("decolletage-comtois", "region_bfc"),
        ("femto-lab", "pspc_regions"),
    }
    contact = api_as(world.contact)
    assert contact.post(path(world, "/start")).json()["status"] == "in_progress"
    result = contact.post(path(world, "/results"), {"kind": "patent", "quantity": 2})
    assert result.status_code == 201, result.content
    assert contact.post(path(world, "/complete")).json()["results"][0]["kind"] == "patent"
    assert delete(contact, path(world, f"/results/{result.json()['id']}")).status_code == 204
    assert not Result.objects.exists()


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        ([{"organisation": "nobody", "funder": "anr", "amount": "10"}], "lines.0.organisation"),
        ([{"organisation": "femto-lab", "funder": "nasa", "amount": "10"}], "lines.0.funder"),
        ([{"organisation": "femto-lab", "funder": "anr", "amount": "0"}], "lines.0.amount"),
        ([{"organisation": "femto-lab", "funder": "anr", "amount": "900000"}], "lines"),
    ],
)
def test_bad_funding_is_a_422_and_writes_nothing(world, api_as, lines, field):
    labelled(world)
    response = api_as(world.staff).post(path(world, "/funding"), {"lines": lines})
    assert field in error_fields(response)
    assert not FundingLine.objects.exists()
    assert status_of(world) == Status.LABELLED


def test_no_funding_lines_means_not_funded_and_the_project_tries_another_call(world, api_as):
    labelled(world)
    staff = api_as(world.staff)
    assert staff.post(path(world, "/funding"), {"lines": []}).json()["status"] == "not_funded"
    other = FundingCallFactory(name="Concours i-Nov, vague 21")
    response = api_as(world.contact).post(path(world, "/resubmit"), {"call": other.pk})
    assert response.status_code == 201, response.content
    assert response.json()["round_number"] == 2
    assert response.json()["call"]["id"] == other.pk


def test_resubmitting_a_round_in_progress_is_a_409(world, api_as):
    submitted(world)
    other = FundingCallFactory()
    response = api_as(world.contact).post(path(world, "/resubmit"), {"call": other.pk})
    assert response.status_code == 409
    assert api_as(world.contact).post(path(world, "/resubmit"), {"call": 999999}).status_code in (
        409,
        422,
    )


def test_results_before_funding_are_a_409_and_bad_ones_a_422(world, api_as):
    contact = api_as(world.contact)
    assert contact.post(path(world, "/results"), {"kind": "patent"}).status_code == 409
    funded(world)
    assert "kind" in error_fields(contact.post(path(world, "/results"), {"kind": "gold"}))
    assert "quantity" in error_fields(
        contact.post(path(world, "/results"), {"kind": "jobs", "quantity": 0})
    )
