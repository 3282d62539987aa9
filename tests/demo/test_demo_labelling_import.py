"""The bulk import the demo builds its labelling with (services.bulk): what it writes, what
it refuses, and that a refusal writes nothing."""

import datetime
from dataclasses import replace
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from grappe.core.models import ActivityLog, Facet
from grappe.labelling.choices import Funder, PartnerRole, Status
from grappe.labelling.models import (
    Application,
    FundingCall,
    FundingLine,
    LabelLetter,
    Project,
    Review,
    Score,
)
from grappe.labelling.services import PartnerLine
from grappe.labelling.services.bulk import (
    FundingRecord,
    LetterRecord,
    ProjectRecord,
    ResultRecord,
    ReviewRecord,
    RoundRecord,
    import_calls,
    import_projects,
)
from tests.factories import (
    AffiliationFactory,
    CriterionFactory,
    ExpertFactory,
    FundingCallFactory,
    OrganisationFactory,
    PersonFactory,
    StaffUserFactory,
    TermFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff():
    return StaffUserFactory()


@pytest.fixture
def lead():
    return OrganisationFactory(name="Décolletage Comtois")


@pytest.fixture
def lab():
    return OrganisationFactory(name="Laboratoire FEMTO")


@pytest.fixture
def call():
    return FundingCallFactory(deadline=datetime.date(2019, 3, 14), funder=Funder.OTHER)


def noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def record(lead, lab, rounds, **data) -> ProjectRecord:
    return ProjectRecord(
        data={
            "acronym": "MICROVIS",
            "title": "Vis d'ostéosynthèse en titane",
            "trl_start": 3,
            "trl_target": 6,
            "duration_months": 36,
            "lead": lead,
            "total_budget": Decimal("1000000"),
            **data,
        },
        partners=[
            PartnerLine(lead, Decimal("600000"), Decimal("270000")),
            PartnerLine(lab, Decimal("400000"), Decimal("320000")),
        ],
        rounds=rounds,
        markets=[TermFactory(code="sante", facet=Facet.MARKET)],
        processes=[TermFactory(code="decolletage", facet=Facet.PROCESS)],
    )


def completed(call, lead, lab) -> RoundRecord:
    return RoundRecord(
        call=call,
        status=Status.COMPLETED,
        submitted_at=noon(datetime.date(2019, 1, 10)),
        decided_at=noon(datetime.date(2019, 2, 21)),
        funding=[
            FundingRecord(lead, Funder.OTHER, Decimal("150000")),
            FundingRecord(lead, Funder.REGION_BFC, Decimal("100000")),
            FundingRecord(lab, Funder.OTHER, Decimal("300000")),
        ],
        results=[ResultRecord("patent", 2, "Deux brevets")],
        letter=LetterRecord(
            2019, 4, datetime.date(2019, 2, 24), "Bernard Rognon", noon(datetime.date(2019, 2, 25))
        ),
    )


def test_a_past_project_is_written_with_its_round_funding_results_and_letter(
    staff, lead, lab, call
):
    (project,) = import_projects(
        actor=staff, records=[record(lead, lab, [completed(call, lead, lab)])]
    )
    application = Application.objects.get(project=project)
    assert application.status == Status.COMPLETED
    assert application.round_number == 1
    assert project.partners.get(organisation=lead).role == PartnerRole.LEAD
    assert FundingLine.objects.filter(application=application).count() == 3
    assert application.results.get().quantity == 2
    letter = LabelLetter.objects.get(application=application)
    assert letter.number == "PMT-2019-004"
    assert letter.sent_at is not None
    assert set(project.markets.values_list("code", flat=True)) == {"sante"}
    actions = set(ActivityLog.objects.values_list("action", flat=True))
    assert actions == {
        "labelling.project.created",
        "labelling.application.imported",
        "labelling.letter.issued",
    }


def test_a_live_round_with_its_experts_and_reviews(staff, lead, lab, call):
    criteria = [CriterionFactory(code="innovation"), CriterionFactory(code="market")]
    expert, other = ExpertFactory().user, ExpertFactory().user
    open_call = FundingCallFactory()
    submitted = timezone.now() - datetime.timedelta(days=20)
    live = RoundRecord(
        call=open_call,
        status=Status.UNDER_REVIEW,
        submitted_at=submitted,
        reviews=[
            ReviewRecord(
                expert, submitted, {"innovation": 4, "market": 3}, "Bon projet", submitted
            ),
            ReviewRecord(other),
        ],
    )
    (project,) = import_projects(actor=staff, records=[record(lead, lab, [live])])
    application = project.applications.get()
    assert application.assignments.count() == 2
    review = Review.objects.get()
    assert review.assignment.expert == expert
    assert {s.criterion.code: s.value for s in Score.objects.all()} == {
        "innovation": 4,
        "market": 3,
    }
    assert len(criteria) == 2
    assert expert.has_perm("labelling.view_application", application)
    assert not other.has_perm("labelling.view_application", application)


def test_a_project_relabelled_after_a_round_without_funding(staff, lead, lab, call):
    later = FundingCallFactory(deadline=datetime.date(2020, 3, 14))
    first = RoundRecord(
        call=call,
        status=Status.NOT_FUNDED,
        submitted_at=noon(datetime.date(2019, 1, 10)),
        decided_at=noon(datetime.date(2019, 2, 21)),
    )
    second = RoundRecord(
        call=later,
        status=Status.LABELLED,
        submitted_at=noon(datetime.date(2020, 1, 10)),
        decided_at=noon(datetime.date(2020, 2, 21)),
    )
    (project,) = import_projects(actor=staff, records=[record(lead, lab, [first, second])])
    assert list(project.applications.order_by("round_number").values_list("status", flat=True)) == [
        Status.NOT_FUNDED,
        Status.LABELLED,
    ]


def test_only_the_staff_import(lead, lab, call):
    with pytest.raises(PermissionDenied):
        import_projects(
            actor=UserFactory(), records=[record(lead, lab, [completed(call, lead, lab)])]
        )
    with pytest.raises(PermissionDenied):
        import_projects(actor=None, records=[])


def with_data(good: ProjectRecord, **data) -> ProjectRecord:
    return replace(good, data={**good.data, **data})


def with_round(good: ProjectRecord, **fields) -> ProjectRecord:
    return replace(good, rounds=[replace(good.rounds[0], **fields)])


BAD = {
    "budgets": (lambda r: with_data(r, total_budget=Decimal("900000")), "projects-0-total_budget"),
    "trl": (lambda r: with_data(r, trl_target=2), "projects-0-trl_target"),
    "status": (lambda r: with_round(r, status="won"), "projects-0-rounds-0-status"),
    "funded without funding": (
        lambda r: with_round(r, funding=[]),
        "projects-0-rounds-0-funding",
    ),
    "future decision": (
        lambda r: with_round(r, decided_at=timezone.now() + datetime.timedelta(days=3)),
        "projects-0-rounds-0-decided_at",
    ),
    "letter of a refusal": (
        lambda r: with_round(r, status=Status.NOT_LABELLED, funding=[], results=[]),
        "projects-0-rounds-0-letter",
    ),
    "aid above the budget": (
        lambda r: with_round(
            r, funding=[FundingRecord(r.partners[0].organisation, Funder.OTHER, Decimal("700000"))]
        ),
        "projects-0-rounds-0-funding",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_records_are_refused_with_their_place_and_nothing_is_written(
    case, staff, lead, lab, call
):
    change, field = BAD[case]
    good = record(lead, lab, [completed(call, lead, lab)])
    with pytest.raises(ValidationError) as error:
        import_projects(actor=staff, records=[change(good)])
    assert field in error.value.message_dict, error.value.message_dict
    assert not Project.objects.exists()
    assert not ActivityLog.objects.exists()


def test_the_same_project_twice_is_refused(staff, lead, lab, call):
    import_projects(actor=staff, records=[record(lead, lab, [completed(call, lead, lab)])])
    again = record(lead, lab, [completed(call, lead, lab)])
    with pytest.raises(ValidationError) as error:
        import_projects(actor=staff, records=[again])
    assert "projects-0-acronym" in error.value.message_dict
    assert Project.objects.count() == 1


def test_a_conflicted_expert_is_refused_and_nothing_is_written(staff, lead, lab, call):
    expert = ExpertFactory().user
    AffiliationFactory(person=PersonFactory(user=expert), organisation=lab)
    live = RoundRecord(
        call=FundingCallFactory(),
        status=Status.SUBMITTED,
        submitted_at=timezone.now(),
        reviews=[ReviewRecord(expert)],
    )
    with pytest.raises(ValidationError) as error:
        import_projects(actor=staff, records=[record(lead, lab, [live])])
    assert "conflict of interest" in str(error.value)
    assert not Project.objects.exists()


def test_calls_are_imported_past_deadlines_included(staff):
    calls = import_calls(
        actor=staff,
        calls=[
            {
                "name": "FUI — appel à projets n° 1",
                "funder": Funder.OTHER,
                "addressee": "DGE",
                "deadline": datetime.date(2005, 3, 14),
            },
            {
                "name": "ANR 2006",
                "funder": Funder.ANR,
                "addressee": "ANR",
                "deadline": datetime.date(2006, 3, 28),
            },
        ],
    )
    assert [c.pk for c in calls] == list(
        FundingCall.objects.order_by("deadline").values_list("pk", flat=True)
    )
    assert ActivityLog.objects.filter(action="labelling.call.created").count() == 2
    with pytest.raises(ValidationError) as error:
        import_calls(
            actor=staff,
            calls=[
                {"name": "", "funder": "x", "addressee": "A", "deadline": datetime.date(2007, 1, 1)}
            ],
        )
    assert {"calls-0-name", "calls-0-funder"} <= set(error.value.message_dict)
    assert FundingCall.objects.count() == 2
