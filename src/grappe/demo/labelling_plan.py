"""The demo's labelling, planned in plain Python: the history since 2005, this year's live
applications with their experts, the scoring grid, the coming committee and the letters.

The same plan for the same day: one seeded generator, drawn in a fixed order.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from grappe.demo.funding_calls import FIRST_YEAR, CallPlan, open_calls, plan_calls
from grappe.demo.organisations import OrganisationPlan
from grappe.demo.pole import PRESIDENT, PRESIDENT_SINCE
from grappe.demo.project_plan import (
    FUNDING_DELAY,
    LABEL_STATUSES_VALUES,
    LABELLED_PROJECTS,
    NOT_LABELLED_SHARE,
    Planner,
    ProjectPlan,
    ReviewPlan,
    RoundPlan,
)
from grappe.demo.projects import REVIEW_COMMENTS
from grappe.labelling.choices import Status

# A little dip in the labels of the crisis years.
DIPS = {2009: 0.9, 2020: 0.8, 2021: 0.95}
# The live applications of this year, by status.
LIVE = ((Status.DRAFT, 4), (Status.SUBMITTED, 4), (Status.UNDER_REVIEW, 5), (Status.COMMITTEE, 4))
# The member login's organisation leads a draft and an application before the committee.
MEMBER_ORGANISATION = "decolletage-vuillemin"
MEMBER_LOGIN = "membre"
# The letters of the latest committee are not written yet when it met less than this ago.
LETTER_DELAY = datetime.timedelta(days=21)
PAST_PRESIDENTS = (
    (datetime.date(2005, 1, 1), "Jean-Paul Cuenot"),
    (datetime.date(2012, 7, 1), "Bernard Rognon"),
    (PRESIDENT_SINCE, f"{PRESIDENT.first_name} {PRESIDENT.last_name}"),
)


@dataclass(frozen=True)
class CriterionPlan:
    code: str
    label_fr: str
    label_en: str
    weight: Decimal
    position: int


CRITERIA = (
    CriterionPlan("innovation", "Caractère innovant", "Innovation", Decimal(3), 1),
    CriterionPlan("market", "Marché et débouchés", "Market and outlets", Decimal(2), 2),
    CriterionPlan(
        "consortium", "Qualité du consortium", "Quality of the consortium", Decimal(2), 3
    ),
    CriterionPlan(
        "regional-impact",
        "Retombées économiques pour la région",
        "Economic impact for the region",
        Decimal(2),
        4,
    ),
    CriterionPlan(
        "feasibility",
        "Faisabilité technique et financière",
        "Technical and financial feasibility",
        Decimal(1),
        5,
    ),
)


@dataclass(frozen=True)
class ExpertPlan:
    username: str
    first_name: str
    last_name: str
    email: str
    job_title: str
    expertise: str
    markets: tuple[str, ...]  # the markets they review first
    organisation: str  # the slug of the school or laboratory they belong to


EXPERTS = (
    ExpertPlan(
        "expert1", "Agnès", "Marchal", "agnes.marchal@biomedical-dijon.example",
        "Enseignante-chercheuse en affaires réglementaires",
        "Dispositifs médicaux, affaires réglementaires et microtechniques",
        ("sante", "objets_connectes"), "ecole-dingenieurs-en-biomedical-de-dijon",
    ),
    ExpertPlan(
        "expert2", "Jean-Marc", "Roussel", "jean-marc.roussel@genie-mecanique-nfc.example",
        "Professeur associé, ancien directeur industriel",
        "Aéronautique, spatial et défense ; industrialisation",
        ("aeronautique", "spatial", "defense"),
        "institut-universitaire-de-genie-mecanique-du-nord-franche-comte",
    ),
    ExpertPlan(
        "expert3", "Nathalie", "Béjot", "nathalie.bejot@tribologie-jura.example",
        "Maîtresse de conférences", "Horlogerie, matériaux et traitements de surface",
        ("luxe", "sante"), "laboratoire-de-tribologie-du-jura",
    ),
    ExpertPlan(
        "expert4", "Thierry", "Lambert", "thierry.lambert@mecatronique-belfort.example",
        "Enseignant-chercheur en systèmes embarqués",
        "Électronique embarquée, objets connectés et automobile",
        ("objets_connectes", "automobile", "defense"),
        "institut-dingenierie-mecatronique-de-belfort",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class MeetingPlan:
    held_on: datetime.date
    title: str
    location: str
    members: tuple[str, ...]  # usernames


@dataclass(frozen=True)
class LabellingPlan:
    calls: list[CallPlan]
    projects: list[ProjectPlan]
    meeting: MeetingPlan

    @property
    def labelled(self) -> list[ProjectPlan]:
        return [project for project in self.projects if project.holds_label]


def label_targets(today: datetime.date, calls: list[CallPlan]) -> dict[int, int]:
    """How many projects the pôle labelled each year: a few more every year, this year's
    committees so far included; LABELLED_PROJECTS in all."""
    decided = defaultdict(int)
    held = defaultdict(int)
    for call in calls:
        held[call.decided_on.year] += 1
        if call.decided_on < today:
            decided[call.decided_on.year] += 1
    span = max(1, today.year - 1 - FIRST_YEAR)
    weights = {}
    for year in range(FIRST_YEAR, today.year + 1):
        weight = (10 + 8 * min(1, (year - FIRST_YEAR) / span)) * DIPS.get(year, 1)
        weights[year] = weight * decided[year] / held[year] if held[year] else 0
    scale = LABELLED_PROJECTS / sum(weights.values())
    counts = {year: int(weight * scale) for year, weight in weights.items()}
    by_remainder = sorted(weights, key=lambda y: (-(weights[y] * scale - counts[y]), y))
    for year in by_remainder[: LABELLED_PROJECTS - sum(counts.values())]:
        counts[year] += 1
    return counts


# The history -------------------------------------------------------------------------------


def _labelled_project(planner: Planner, call: CallPlan, decided: list[CallPlan]) -> ProjectPlan:
    """A project labelled on `call`, sometimes after a first round that failed, sometimes
    labelled again on a later call after a round without funding."""
    project = planner.project(call, call.decided_on.year, [])
    draw = planner.random_.random()
    label = planner.labelled(call)
    day = datetime.timedelta(days=1)
    earlier = [c for c in decided if 40 * day <= call.decided_on - c.decided_on <= 400 * day]
    later = [c for c in decided if c.decided_on - call.decided_on >= 150 * day]
    if draw < 0.05 and earlier:
        first = planner.decided(planner.random_.choice(earlier), Status.DEFERRED)
        rounds = [first, planner.fate(label, project)]
    elif draw < 0.09 and earlier:
        first = planner.decided(planner.random_.choice(earlier), Status.NOT_LABELLED)
        rounds = [first, planner.fate(label, project)]
    elif draw < 0.14 and later and call.decided_on + FUNDING_DELAY <= planner.today:
        second = planner.labelled(planner.random_.choice(later[:6]))
        rounds = [planner.fate(label, project, funded=False), planner.fate(second, project)]
    else:
        rounds = [planner.fate(label, project)]
    return replace(project, rounds=tuple(rounds))


def plan_history(planner: Planner, calls: list[CallPlan]) -> list[ProjectPlan]:
    decided = [call for call in calls if call.decided_on < planner.today]
    by_year = defaultdict(list)
    for call in decided:
        by_year[call.decided_on.year].append(call)
    projects = []
    for year, count in label_targets(planner.today, calls).items():
        for _number in range(count):
            projects.append(_labelled_project(planner, planner.call(by_year[year]), decided))
        refused = round(count * NOT_LABELLED_SHARE)
        for number in range(refused + (planner.random_.random() < 0.35)):
            call = planner.call(by_year[year])
            status = Status.NOT_LABELLED if number < refused else Status.DEFERRED
            projects.append(planner.project(call, year, [planner.decided(call, status)]))
    return projects


# This year's live applications -----------------------------------------------------------------


def _conflicted(
    expert: ExpertPlan, project: ProjectPlan, capabilities: dict[str, set[str]]
) -> bool:
    """As grappe.labelling.conflicts decides: a partner, or a competitor on the project's
    processes and markets."""
    if expert.organisation in {p.slug for p in project.partners} | {project.lead}:
        return True
    terms = capabilities.get(expert.organisation, set())
    return bool(terms & set(project.processes)) and bool(terms & set(project.markets))


def _reviews(
    planner: Planner,
    project: ProjectPlan,
    status: str,
    submitted: datetime.date,
    number: int,
    capabilities: dict[str, set[str]],
) -> tuple[ReviewPlan, ...]:
    draw = planner.random_
    free = [e for e in EXPERTS if not _conflicted(e, project, capabilities)]
    # The experts of the project's market first.
    free.sort(key=lambda e: (project.market not in e.markets, draw.random()))
    if status == Status.SUBMITTED:
        experts, reviewed, declared = (free[:1] if number % 2 else []), 0, number % 4 == 1
    elif status == Status.UNDER_REVIEW:
        experts = free[: 3 if number == 3 else 2]
        reviewed, declared = (2, 1, 0, 2, 0)[number % 5], number % 5 != 4
    else:
        experts, reviewed, declared = free[: 2 + number % 2], 3, True
    quality = draw.uniform(2.3, 4.6)
    latest = planner.today - datetime.timedelta(days=1)
    reviews = []
    for index, expert in enumerate(experts):
        declared_on = min(latest, submitted + datetime.timedelta(days=draw.randint(3, 6)))
        if index >= reviewed:
            reviews.append(ReviewPlan(expert.username, declared_on if declared else None))
            continue
        scores = tuple(
            (c.code, max(0, min(5, round(quality + draw.gauss(0, 0.8))))) for c in CRITERIA
        )
        reviews.append(
            ReviewPlan(
                expert=expert.username,
                declared_on=declared_on,
                scores=scores,
                comments=draw.choice(REVIEW_COMMENTS),
                submitted_on=min(latest, declared_on + datetime.timedelta(days=draw.randint(3, 9))),
            )
        )
    return tuple(reviews)


SUBMITTED_DAYS_AGO = {
    Status.SUBMITTED: (2, 20),
    Status.UNDER_REVIEW: (25, 45),
    Status.COMMITTEE: (35, 60),
}


def plan_pipeline(
    planner: Planner, calls: list[CallPlan], capabilities: dict[str, set[str]]
) -> list[ProjectPlan]:
    """This year's applications not yet decided, to the calls still open."""
    available = open_calls(calls, planner.today)
    projects = []
    for status, count in LIVE:
        for number in range(count):
            call = planner.call(available)
            member = number == 0 and status in (Status.DRAFT, Status.COMMITTEE)
            project = planner.project(
                call, planner.today.year, [], lead=MEMBER_ORGANISATION if member else ""
            )
            if status == Status.DRAFT:
                round_ = RoundPlan(call=call, status=status, submitted_on=None)
                if member:
                    project = replace(project, created_by=MEMBER_LOGIN)
            else:
                low, high = SUBMITTED_DAYS_AGO[status]
                days = planner.random_.randint(low, high)
                submitted = planner.today - datetime.timedelta(days=days)
                reviews = _reviews(planner, project, status, submitted, number, capabilities)
                round_ = RoundPlan(
                    call=call, status=status, submitted_on=submitted, reviews=reviews
                )
            projects.append(replace(project, rounds=(round_,)))
    return projects


def relabel_one(planner: Planner, history: list[ProjectPlan], calls: list[CallPlan]) -> None:
    """A recent project labelled without funding tries again on an open call: submitted."""
    available = open_calls(calls, planner.today)
    for index, project in enumerate(history):
        last = project.rounds[-1]
        if (
            len(project.rounds) == 1
            and last.status == Status.NOT_FUNDED
            and last.decided_on.year >= planner.today.year - 2
        ):
            call = planner.call([c for c in available if c != last.call])
            submitted = planner.today - datetime.timedelta(days=planner.random_.randint(2, 20))
            again = RoundPlan(call=call, status=Status.SUBMITTED, submitted_on=submitted)
            history[index] = replace(project, rounds=(last, again))
            return


# Letters and the committee --------------------------------------------------------------------


def signatory_on(day: datetime.date) -> str:
    return [name for since, name in PAST_PRESIDENTS if since <= day][-1]


def number_letters(projects: list[ProjectPlan], today: datetime.date) -> list[ProjectPlan]:
    """A letter for every labelled round, numbered in each year's order; the latest
    committee's letters are still to be written when it met less than three weeks ago."""
    rounds = [
        (round_.decided_on, project.acronym, p, r)
        for p, project in enumerate(projects)
        for r, round_ in enumerate(project.rounds)
        if round_.status in LABEL_STATUSES_VALUES and round_.decided_on + LETTER_DELAY <= today
    ]
    sequences: dict[int, int] = defaultdict(int)
    numbered = [list(project.rounds) for project in projects]
    for decided, _acronym, p, r in sorted(rounds):
        issued = decided + datetime.timedelta(days=3)
        sequences[issued.year] += 1
        letter = (issued.year, sequences[issued.year], issued, signatory_on(issued))
        numbered[p][r] = replace(numbered[p][r], letter=letter)
    return [
        replace(project, rounds=tuple(rounds))
        for project, rounds in zip(projects, numbered, strict=True)
    ]


def plan_meeting(today: datetime.date) -> MeetingPlan:
    held_on = today + datetime.timedelta(days=21)
    return MeetingPlan(
        held_on=held_on,
        title=f"Comité de labellisation du {held_on:%d/%m/%Y}",
        location="Besançon, TEMIS Innovation — salle du conseil",
        members=("staff", MEMBER_LOGIN, "expert2"),
    )


def plan_labelling(
    organisations: list[OrganisationPlan],
    today: datetime.date,
    capabilities: dict[str, set[str]],
) -> LabellingPlan:
    """Everything the demo's labelling writes, for the day `today`."""
    calls = plan_calls(today)
    planner = Planner(organisations=organisations, today=today)
    history = plan_history(planner, calls)
    relabel_one(planner, history, calls)
    pipeline = plan_pipeline(planner, calls, capabilities)
    return LabellingPlan(
        calls=calls,
        projects=number_letters(history + pipeline, today),
        meeting=plan_meeting(today),
    )
