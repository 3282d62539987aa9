"""The demo's project labelling: 320 labelled projects since 2005 computed on the home page,
realistic rounds, funding and results, this year's pipeline, and a second run that writes
nothing."""

import datetime
import io
from collections import Counter
from decimal import Decimal

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from grappe.core.models import ActivityLog, User
from grappe.demo import labelling as demo_labelling
from grappe.demo.context import DemoContext
from grappe.demo.labelling_plan import EXPERTS, plan_labelling
from grappe.demo.organisations import plan_organisations
from grappe.labelling import figures, queries, services
from grappe.labelling.choices import LABEL_STATUSES, Funder, PartnerRole, Status
from grappe.labelling.letters import format_letter_number
from grappe.labelling.models import (
    AgendaItem,
    Application,
    CommitteeMeeting,
    Criterion,
    Expert,
    FundingCall,
    FundingLine,
    LabelLetter,
    Partner,
    Project,
    Result,
    Review,
    ReviewAssignment,
    Score,
)
from grappe.labelling.services.bulk import letter_number
from grappe.labelling.workflow import FUNDED_STATUSES, REPORTING, RESUBMITTABLE
from grappe.members.choices import OrganisationKind

pytestmark = pytest.mark.django_db

LIVE = (Status.DRAFT, Status.SUBMITTED, Status.UNDER_REVIEW, Status.COMMITTEE)
MODELS = (Project, Partner, Application, FundingCall, FundingLine, Result, LabelLetter,
          ReviewAssignment, Review, Score, CommitteeMeeting, AgendaItem, Criterion,
          Expert)  # fmt: skip


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_pole_holds_320_labels_since_2005(demo):
    assert figures.labelled_projects_count() == 320
    years = {row.year: row.count for row in figures.labelled_per_year()}
    this_year = timezone.localdate().year
    assert min(years) == 2005
    assert set(range(2005, this_year + 1)) <= set(years)
    assert all(8 <= count <= 25 for count in years.values()), years
    # A few more each year: the last five years label more than the first five.
    assert sum(years[y] for y in range(this_year - 5, this_year)) > sum(
        years[y] for y in range(2005, 2010)
    )


def test_the_home_page_shows_the_320_labelled_projects(demo, client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('data-figure="labelled_projects"')
    assert '<div class="key-figure">320</div>' in html[start : start + 200]


def test_projects_span_the_markets_with_consortia_of_members_and_labs(demo):
    markets = Counter(
        Project.objects.values_list("markets__code", flat=True).exclude(markets__code=None)
    )
    for market in ("sante", "luxe", "aeronautique", "spatial", "defense", "automobile",
                   "objets_connectes"):  # fmt: skip
        assert markets[market] >= 10, markets
    sizes = Project.objects.annotate(n=Count("partners"))
    assert set(sizes.values_list("n", flat=True)) <= {2, 3, 4, 5, 6}
    with_lab = Project.objects.filter(
        partners__organisation__kind__in=[OrganisationKind.LAB, OrganisationKind.SCHOOL]
    ).distinct()
    assert with_lab.count() > Project.objects.count() / 2
    assert Partner.objects.filter(role=PartnerRole.LEAD).count() == Project.objects.count()
    assert Project.objects.filter(co_labelled_with__isnull=False).exists()
    assert len(set(Project.objects.values_list("acronym", flat=True))) == Project.objects.count()


def test_every_consortium_adds_up_and_no_aid_exceeds_a_budget(demo):
    totals = dict(Project.objects.values_list("pk", "total_budget"))
    sums = dict(
        Partner.objects.values("project").annotate(s=Sum("budget")).values_list("project", "s")
    )
    assert sums == totals
    assert not Partner.objects.filter(requested_aid__gt=F("budget")).exists()
    for partner_id, received in (
        FundingLine.objects.values("partner").annotate(s=Sum("amount")).values_list("partner", "s")
    ):
        assert received <= Partner.objects.get(pk=partner_id).budget


def test_calls_of_every_funder_with_their_deadlines(demo):
    funders = set(FundingCall.objects.values_list("funder", flat=True))
    assert funders == set(Funder.values)
    assert FundingCall.objects.filter(name__startswith="FUI", funder=Funder.OTHER).exists()
    assert not FundingCall.objects.filter(name__startswith="FUI", deadline__year__gt=2018).exists()
    assert queries.open_calls().exists()


def test_rounds_end_realistically(demo):
    statuses = Counter(Application.objects.values_list("status", flat=True))
    labelled = sum(statuses[s] for s in LABEL_STATUSES)
    assert statuses[Status.COMPLETED] > labelled / 3
    assert 0 < statuses[Status.ABANDONED] < labelled / 20
    assert statuses[Status.IN_PROGRESS] > 10
    assert statuses[Status.NOT_FUNDED] > 20
    assert statuses[Status.NOT_LABELLED] > 30
    assert statuses[Status.DEFERRED] > 3
    assert (
        statuses[Status.LABELLED_WITH_RESERVATIONS]
        + Application.objects.filter(status__in=LABEL_STATUSES).exclude(reservations="").count()
        > 0
    )
    # Funded rounds, and only they, have funding lines, per partner and funder.
    funded = Application.objects.filter(status__in=FUNDED_STATUSES)
    assert not funded.filter(funding_lines__isnull=True).exists()
    assert not FundingLine.objects.exclude(application__status__in=FUNDED_STATUSES).exists()
    pspc = FundingLine.objects.filter(application__call__funder=Funder.PSPC_REGIONS)
    assert set(pspc.values_list("funder", flat=True)) == {Funder.PSPC_REGIONS, Funder.REGION_BFC}
    # Completed projects report patents, products and jobs.
    assert set(Result.objects.values_list("kind", flat=True)) >= {"patent", "product", "jobs"}
    assert not Result.objects.exclude(application__status__in=FUNDED_STATUSES).exists()
    assert Result.objects.filter(application__status__in=REPORTING).count() > 100


def test_some_projects_were_labelled_again_or_after_a_first_refusal(demo):
    two = Project.objects.annotate(rounds=Count("applications")).filter(rounds__gte=2)
    assert two.count() >= 10
    relabelled = Project.objects.annotate(
        labels=Count("applications", filter=Q(applications__status__in=LABEL_STATUSES))
    ).filter(labels=2)
    assert relabelled.count() >= 3
    for project in two:
        rounds = list(project.applications.order_by("round_number"))
        assert [r.round_number for r in rounds] == list(range(1, len(rounds) + 1))
        assert all(r.status in RESUBMITTABLE for r in rounds[:-1])
        assert len({r.call_id for r in rounds}) == len(rounds)


def test_label_letters_are_numbered_per_year_and_already_sent(demo):
    labelled = Application.objects.filter(status__in=LABEL_STATUSES)
    letters = LabelLetter.objects.all()
    # The latest committee's letters are still to be written.
    assert labelled.count() - 20 <= letters.count() < labelled.count()
    assert not letters.filter(sent_at__isnull=True).exists()
    assert not letters.exclude(application__status__in=LABEL_STATUSES).exists()
    for letter in letters:
        assert letter.number == format_letter_number(year=letter.year, sequence=letter.sequence)
        assert letter.issued_on >= timezone.localdate(letter.application.decided_at)
    by_year = Counter(letters.values_list("year", flat=True))
    for year, count in by_year.items():
        sequences = sorted(letters.filter(year=year).values_list("sequence", flat=True))
        assert sequences == list(range(1, count + 1))
    signed = set(letters.values_list("signatory", flat=True))
    assert "Laurent Deschamps" in signed
    assert len(signed) >= 2


def test_the_bulk_import_numbers_letters_as_the_letters_do(settings):
    settings.GRAPPE_POLE_SHORT_NAME = "PX"
    assert letter_number(year=2031, sequence=7) == format_letter_number(year=2031, sequence=7)


def test_this_years_pipeline_has_every_live_status(demo):
    today = timezone.localdate()
    statuses = Counter(Application.objects.filter(status__in=LIVE).values_list("status", flat=True))
    assert all(statuses[status] >= 3 for status in LIVE), statuses
    live = Application.objects.filter(status__in=LIVE)
    assert not live.filter(call__deadline__lt=today).exists()
    assert not live.exclude(status=Status.DRAFT).filter(submitted_at__isnull=True).exists()
    # Under review: two experts or more, some reviews in; before the committee: all in.
    for application in live.filter(status__in=[Status.UNDER_REVIEW, Status.COMMITTEE]):
        assert application.assignments.count() >= 2
    reviews = Review.objects.filter(submitted_at__isnull=False)
    assert reviews.filter(assignment__application__status=Status.UNDER_REVIEW).exists()
    for application in live.filter(status=Status.COMMITTEE):
        assert reviews.filter(assignment__application=application).count() >= 2
        summary = queries.score_summary(application)
        assert summary.mean is not None
    grid = set(Criterion.objects.values_list("code", flat=True))
    for review in reviews:
        assert set(review.scores.values_list("criterion__code", flat=True)) == grid


def test_a_committee_meets_soon_with_its_members_and_agenda(demo):
    meeting = queries.upcoming_meetings().get()
    assert meeting.held_on > timezone.localdate()
    assert meeting.members.count() == 3
    agenda = queries.meeting_agenda(meeting)
    assert {item.application.status for item in agenda} == {Status.COMMITTEE}
    assert agenda.count() == Application.objects.filter(status=Status.COMMITTEE).count()
    # The member login's company leads one of them: she abstains on it.
    led = agenda.get(application__project__lead__slug="decolletage-vuillemin")
    assert led.abstentions.filter(member__username="membre").exists()


def test_the_experts_log_in_and_have_no_conflict_on_their_assignments(demo):
    weights = dict(Criterion.objects.values_list("code", "weight"))
    assert set(weights) == {"innovation", "market", "consortium", "regional-impact", "feasibility"}
    assert weights["innovation"] == Decimal(3)
    expert = authenticate(username="expert1", password="grappe-demo")
    assert expert is not None
    assert not expert.is_staff
    assert expert.person.full_name == "Agnès Marchal"
    assert Expert.objects.filter(is_active=True).count() == len(EXPERTS) >= 4
    assert queries.assignments_of(expert).exists()
    for assignment in ReviewAssignment.objects.select_related("application__project"):
        assert assignment.expert.has_perm("labelling.review", assignment.application)


def test_the_member_login_sees_its_draft(demo):
    member = authenticate(username="membre", password="grappe-demo")
    projects = queries.projects_of(member)
    drafts = [p for p in projects if p.applications.all()[0].status == Status.DRAFT]
    assert drafts
    assert drafts[0].created_by == member
    assert member.has_perm("labelling.edit_project", drafts[0])


def test_the_command_prints_the_labelling_and_the_expert_login(demo):
    assert "320 labelled projects since 2005" in demo.first_output
    assert "login expert1 / grappe-demo" in demo.first_output


def test_the_plan_is_the_same_for_the_same_day():
    today = datetime.date(2026, 11, 26)
    organisations = plan_organisations(today.year)
    first = plan_labelling(organisations, today, {})
    assert first == plan_labelling(organisations, today, {})
    assert len(first.labelled) == 320
    assert sum(len(p.rounds) for p in first.projects) > len(first.projects)


@pytest.mark.parametrize(
    "today", [datetime.date(2026, 1, 3), datetime.date(2027, 6, 30), datetime.date(2030, 12, 31)]
)
def test_any_day_plans_320_labelled_projects(today):
    plan = plan_labelling(plan_organisations(today.year), today, {})
    assert len(plan.labelled) == 320
    live = Counter(p.rounds[-1].status for p in plan.projects if p.rounds[-1].status in LIVE)
    assert set(live) == set(LIVE)


def test_a_second_run_writes_nothing(demo):
    labelling_actions = ActivityLog.objects.filter(
        id__gt=demo.last_log_id, action__startswith="labelling."
    )
    assert not labelling_actions.exists()
    before, last = counts(), ActivityLog.objects.order_by("-id").values_list("id", flat=True)[0]
    lines = demo_labelling.build(DemoContext(today=timezone.localdate()))
    assert counts() == before
    assert not ActivityLog.objects.filter(id__gt=last).exists()
    assert "0 written" in lines[-1]


def test_the_command_runs_again_after_the_staff_worked(demo):
    # The staff record the funding of a labelled project: the demo keeps their work.
    staff = User.objects.get(username="staff")
    labelled = Application.objects.filter(status=Status.LABELLED).first()
    lead = labelled.project.partners.get(role=PartnerRole.LEAD)
    services.record_funding(
        actor=staff,
        application=labelled,
        lines=[services.FundingEntry(lead, Funder.REGION_BFC, lead.requested_aid)],
    )
    call_command("demo", quiet=True, stdout=io.StringIO())
    labelled.refresh_from_db()
    assert labelled.status == Status.FUNDED
    assert figures.labelled_projects_count() == 320
