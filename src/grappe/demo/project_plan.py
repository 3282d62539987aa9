"""The demo's R&D projects since 2005, planned in plain Python from a fixed seed.

Exactly LABELLED_PROJECTS projects hold the pôle's label, the key figure of the pôle: a
few more each year (this year's so far included), on the calls of the time. Around them,
projects the committee did not label, some it deferred, a few labelled twice (re-labelled
for another call after a first round without funding). What became of a labelled project
follows from its dates: funded or not five months after the label, then in progress, then
completed with its results or, rarely, abandoned.
"""

import datetime
import random
from dataclasses import dataclass, field, replace
from decimal import Decimal

from grappe.demo.funding_calls import CallPlan
from grappe.demo.names import rng
from grappe.demo.organisations import OrganisationPlan
from grappe.demo.projects import (
    AID_RATES,
    BUDGETS,
    CO_LABELS,
    CONSORTIUM_SIZES,
    FUNDER_WEIGHTS,
    LEAD_WEIGHTS,
    RESERVATIONS,
    RESERVATIONS_ANSWERS,
    THEMES,
    Theme,
)
from grappe.demo.trades import PROCESSES, join_en, join_fr
from grappe.labelling.choices import Confidentiality, Funder, PartnerRole, ResultKind, Status
from grappe.members.choices import OrganisationKind

LABELLED_PROJECTS = 320
# The share of the decided rounds the committee does not label, and of the labelled
# projects that get no funding.
NOT_LABELLED_SHARE = 0.2
NOT_FUNDED_SHARE = 0.25
# Funding is decided about five months after the label; a funded project starts a month
# later.
FUNDING_DELAY = datetime.timedelta(days=150)
START_DELAY = datetime.timedelta(days=180)


@dataclass(frozen=True)
class PartnerPlan:
    slug: str
    role: str
    budget: Decimal
    requested_aid: Decimal


@dataclass(frozen=True)
class ReviewPlan:
    expert: str  # username
    declared_on: datetime.date | None = None
    scores: tuple[tuple[str, int], ...] = ()
    comments: str = ""
    submitted_on: datetime.date | None = None


@dataclass(frozen=True)
class RoundPlan:
    call: CallPlan
    status: str
    submitted_on: datetime.date | None
    decided_on: datetime.date | None = None
    reservations: str = ""
    reservations_answer: str = ""
    funding: tuple[tuple[str, str, Decimal], ...] = ()  # (slug, funder, amount)
    results: tuple[tuple[str, int, str], ...] = ()  # (kind, quantity, description)
    letter: tuple[int, int, datetime.date, str] | None = None  # year, sequence, date, signed by
    reviews: tuple[ReviewPlan, ...] = ()


@dataclass(frozen=True)
class ProjectPlan:
    acronym: str
    title: str
    title_en: str
    market: str
    markets: tuple[str, ...]
    processes: tuple[str, ...]
    lead: str  # slug
    partners: tuple[PartnerPlan, ...]
    total_budget: Decimal
    trl_start: int
    trl_target: int
    duration_months: int
    confidentiality: str
    co_labelled_with: tuple[str, ...]
    summary_fr: str
    summary_en: str
    public_summary_fr: str
    public_summary_en: str
    rounds: tuple[RoundPlan, ...]
    created_by: str = ""  # username; the staff otherwise

    @property
    def key(self) -> tuple[str, str]:
        return (self.acronym, self.lead)

    @property
    def holds_label(self) -> bool:
        return any(round_.status in LABEL_STATUSES_VALUES for round_ in self.rounds)


LABEL_STATUSES_VALUES = frozenset(
    {Status.LABELLED, Status.LABELLED_WITH_RESERVATIONS, Status.FUNDED, Status.NOT_FUNDED,
     Status.IN_PROGRESS, Status.COMPLETED, Status.ABANDONED}
)  # fmt: skip


def family(call: CallPlan) -> str:
    """The funder as the plan weighs it: the FUI and Europe's programmes apart."""
    if call.name.startswith("FUI"):
        return "FUI"
    if call.funder == Funder.HORIZON_EUROPE or call.addressee.startswith("Commission"):
        return "europe"
    return call.funder


def at_noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12))


@dataclass
class Planner:
    """Draws consortia, budgets, titles and acronyms; one generator for the whole plan."""

    organisations: list[OrganisationPlan]
    today: datetime.date
    random_: random.Random = field(default_factory=lambda: rng("labelling"))
    acronyms: set[str] = field(default_factory=set)
    titles: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    members: dict[int, list[OrganisationPlan]] = field(default_factory=dict)
    groups: dict[str, list[OrganisationPlan]] = field(default_factory=dict)

    # Who takes part --------------------------------------------------------------------

    def companies(self, year: int) -> list[OrganisationPlan]:
        """The member companies of `year`."""
        if year not in self.members:
            self.members[year] = [
                o
                for o in self.organisations
                if o.kind == OrganisationKind.COMPANY.value
                and o.joined is not None
                and o.joined <= year
                and (o.left is None or o.left > year)
            ]
        return self.members[year]

    def academics(self) -> list[OrganisationPlan]:
        """The laboratories and schools."""
        if "academics" not in self.groups:
            kinds = {OrganisationKind.LAB.value, OrganisationKind.SCHOOL.value}
            self.groups["academics"] = [o for o in self.organisations if o.kind in kinds]
        return self.groups["academics"]

    def partner_companies(self, year: int) -> list[OrganisationPlan]:
        """The companies that may join a consortium in `year`: members then or soon after."""
        key = f"companies-{year}"
        if key not in self.groups:
            self.groups[key] = [
                o
                for o in self.organisations
                if o.kind == OrganisationKind.COMPANY.value
                and o.joined is not None
                and o.joined <= year + 2
            ]
        return self.groups[key]

    def theme(self, year: int) -> Theme:
        themes = [t for t in THEMES if t.since <= year]
        weights = [
            t.weight * (1.5 if t.market == "automobile" and year < 2012 else 1) for t in themes
        ]
        return self.random_.choices(themes, weights=weights)[0]

    def call(self, calls: list[CallPlan]) -> CallPlan:
        counts: dict[str, int] = {}
        for call in calls:
            counts[family(call)] = counts.get(family(call), 0) + 1
        weights = [FUNDER_WEIGHTS[family(call)] / counts[family(call)] for call in calls]
        return self.random_.choices(calls, weights=weights)[0]

    def lead(self, theme: Theme, year: int, fixed: str = "") -> OrganisationPlan:
        if fixed:
            return next(o for o in self.organisations if o.slug == fixed)
        companies = self.companies(year)
        fitting = [o for o in companies if theme.market in o.markets] or companies
        weights = [LEAD_WEIGHTS.get(o.dues_category, 1) for o in fitting]
        return self.random_.choices(fitting, weights=weights)[0]

    def consortium(
        self, theme: Theme, call: CallPlan, lead: OrganisationPlan, year: int
    ) -> list[tuple[OrganisationPlan, str]]:
        """The partners besides the lead, each with its role."""
        kind = family(call)
        low, high = CONSORTIUM_SIZES[kind]
        size = self.random_.randint(low, high)
        chosen: list[tuple[OrganisationPlan, str]] = []
        academics = self.academics()
        with_lab = kind == Funder.ANR or self.random_.random() < (
            0.9 if kind == Funder.BPI_INOV else 0.65
        )
        if with_lab:
            fitting = [o for o in academics if theme.market in o.markets] or academics
            lab = self.random_.choice(fitting)
            chosen.append(
                (lab, PartnerRole.SUBCONTRACTOR if kind == Funder.BPI_INOV else PartnerRole.PARTNER)
            )
        companies = [o for o in self.partner_companies(year) if o.slug != lead.slug]
        weights = [3 if theme.market in o.markets else 1 for o in companies]
        while len(chosen) < size:
            company = self.random_.choices(companies, weights=weights)[0]
            if any(company.slug == o.slug for o, _role in chosen):
                continue
            subcontractor = kind == Funder.BPI_INOV or self.random_.random() < 0.1
            chosen.append(
                (company, PartnerRole.SUBCONTRACTOR if subcontractor else PartnerRole.PARTNER)
            )
        return chosen

    # Money -----------------------------------------------------------------------------

    def budgets(
        self, call: CallPlan, lead: OrganisationPlan, others: list[tuple[OrganisationPlan, str]]
    ) -> tuple[Decimal, tuple[PartnerPlan, ...]]:
        low, high = BUDGETS[family(call)]
        total = self.random_.randint(low // 10, high // 10) * 10  # thousands of euros
        lead_share = (
            self.random_.uniform(0.85, 0.92)
            if family(call) == Funder.BPI_INOV
            else self.random_.uniform(0.35, 0.55)
        )
        weights = [
            self.random_.uniform(0.5, 1.5) * (0.4 if role == PartnerRole.SUBCONTRACTOR else 1)
            for _o, role in others
        ]
        rest = total - round(total * lead_share)
        amounts = [max(20, round(rest * w / sum(weights))) for w in weights]
        lead_amount = total - sum(amounts)
        partners = [self._partner(lead, PartnerRole.LEAD, lead_amount)]
        partners += [
            self._partner(o, role, amount)
            for (o, role), amount in zip(others, amounts, strict=True)
        ]
        return Decimal(total * 1000), tuple(partners)

    def _partner(self, organisation: OrganisationPlan, role: str, thousands: int) -> PartnerPlan:
        rate = (
            0
            if role == PartnerRole.SUBCONTRACTOR
            else AID_RATES.get(organisation.dues_category, 0.45)
        )
        return PartnerPlan(
            slug=organisation.slug,
            role=role,
            budget=Decimal(thousands * 1000),
            requested_aid=Decimal(int(thousands * rate) * 1000),
        )

    def funding(self, call: CallPlan, partners: tuple[PartnerPlan, ...]) -> tuple:
        """The aid obtained, per partner and funder: a little less than asked."""
        lines = []
        kind = family(call)
        academics = {o.slug for o in self.academics()}
        for partner in partners:
            if partner.requested_aid <= 0:
                continue
            obtained = int(partner.requested_aid * Decimal(self.random_.uniform(0.7, 1.0)) / 1000)
            if kind == "FUI" and partner.slug not in academics:
                split = [(Funder.OTHER, 0.6), (Funder.REGION_BFC, 0.4)]
            elif kind == Funder.PSPC_REGIONS:
                split = [(Funder.PSPC_REGIONS, 0.5), (Funder.REGION_BFC, 0.5)]
            else:
                split = [(call.funder, 1.0)]
            for funder, share in split:
                amount = int(obtained * share)
                if amount > 0:
                    lines.append((partner.slug, funder, Decimal(amount * 1000)))
        return tuple(lines)

    # Words -----------------------------------------------------------------------------

    def acronym(self, theme: Theme) -> str:
        for _attempt in range(500):
            acronym = self.random_.choice(theme.stems) + self.random_.choice(theme.endings)
            if self.random_.random() < 0.15:
                acronym += self.random_.choice(("-BFC", "+", "2", "-FC", "-X"))
            if acronym not in self.acronyms:
                self.acronyms.add(acronym)
                return acronym
        raise RuntimeError("The acronyms ran out.")  # pragma: no cover

    def title(self, theme: Theme) -> tuple[str, str]:
        pool = self.titles.get(theme.market)
        if not pool:
            pool = [(o, a) for o in range(len(theme.objects)) for a in range(len(theme.approaches))]
            self.random_.shuffle(pool)
            self.titles[theme.market] = pool
        o, a = pool.pop()
        return (
            f"{theme.objects[o][0]} {theme.approaches[a][0]}",
            f"{theme.objects[o][1]} {theme.approaches[a][1]}",
        )

    # A project -------------------------------------------------------------------------

    def project(
        self,
        call: CallPlan,
        year: int,
        rounds: list[RoundPlan],
        *,
        lead: str = "",
        theme: Theme | None = None,
    ) -> ProjectPlan:
        theme = theme or self.theme(year)
        lead_plan = self.lead(theme, year, lead)
        others = self.consortium(theme, call, lead_plan, year)
        total, partners = self.budgets(call, lead_plan, others)
        processes = [p for o in (lead_plan, *[o for o, _r in others]) for p in o.processes]
        processes = list(dict.fromkeys(processes))[: self.random_.randint(1, 3)] or [
            "micro_usinage"
        ]
        markets = [theme.market]
        extra = [m for m in lead_plan.markets if m != theme.market]
        if extra and self.random_.random() < 0.25:
            markets.append(extra[0])
        inov = family(call) == Funder.BPI_INOV
        trl_start = self.random_.randint(5, 6) if inov else self.random_.randint(2, 5)
        trl_target = min(9, trl_start + self.random_.randint(2, 4))
        duration = self.random_.choice((18, 24, 30) if inov else (24, 30, 36, 36, 42, 48))
        restricted = self.random_.random() < (0.6 if theme.market == "defense" else 0.08)
        co_labels = tuple(
            slug
            for market, since, slug, odds in CO_LABELS
            if market in ("", theme.market) and year >= since and self.random_.random() < odds
        )
        acronym = self.acronym(theme)
        title_fr, title_en = self.title(theme)
        names = {o.slug: o.name for o in (lead_plan, *[o for o, _r in others])}
        partner_names = [names[p.slug] for p in partners[1:]]
        processes_fr = join_fr([PROCESSES[p][0] for p in processes])
        processes_en = join_en([PROCESSES[p][1] for p in processes])
        return ProjectPlan(
            acronym=acronym,
            title=title_fr,
            title_en=title_en,
            market=theme.market,
            markets=tuple(markets),
            processes=tuple(processes),
            lead=lead_plan.slug,
            partners=partners,
            total_budget=total,
            trl_start=trl_start,
            trl_target=trl_target,
            duration_months=duration,
            confidentiality=Confidentiality.RESTRICTED if restricted else Confidentiality.STANDARD,
            co_labelled_with=co_labels,
            summary_fr=(
                f"{acronym} — {title_fr}. Porté par {lead_plan.name} avec "
                f"{join_fr(partner_names)}, le projet mobilise {processes_fr} pour passer d'un "
                f"TRL {trl_start} à {trl_target} en {duration} mois. Objectif : {theme.outcome_fr}"
            ),
            summary_en=(
                f"{acronym} — {title_en}. Led by {lead_plan.name} with {join_en(partner_names)}, "
                f"the project brings together {processes_en} to go from TRL {trl_start} to "
                f"{trl_target} in {duration} months. Goal: {theme.outcome_en}"
            ),
            public_summary_fr=(
                f"{title_fr}. Projet collaboratif de R&D porté par {lead_plan.name} "
                f"({len(partners)} partenaires)."
            ),
            public_summary_en=(
                f"{title_en}. A collaborative R&D project led by {lead_plan.name} "
                f"({len(partners)} partners)."
            ),
            rounds=tuple(rounds),
        )

    # What became of a round ------------------------------------------------------------

    def decided(
        self, call: CallPlan, status: str, *, submitted_days: tuple[int, int] = (30, 60)
    ) -> RoundPlan:
        submitted = call.decided_on - datetime.timedelta(days=self.random_.randint(*submitted_days))
        return RoundPlan(
            call=call, status=status, submitted_on=submitted, decided_on=call.decided_on
        )

    def labelled(self, call: CallPlan) -> RoundPlan:
        if self.random_.random() < 0.15:
            round_ = self.decided(call, Status.LABELLED_WITH_RESERVATIONS)
            return replace(round_, reservations=self.random_.choice(RESERVATIONS))
        return self.decided(call, Status.LABELLED)

    def fate(
        self, round_: RoundPlan, project: ProjectPlan, *, funded: bool | None = None
    ) -> RoundPlan:
        """The round once its funding is decided, and then the project's progress."""
        decided = round_.decided_on
        answer = self.random_.choice(RESERVATIONS_ANSWERS) if round_.reservations else ""
        if decided + FUNDING_DELAY > self.today:
            keep = self.random_.random() < 0.5
            return replace(round_, reservations_answer=answer if keep else "")
        if funded is None:
            funded = self.random_.random() >= NOT_FUNDED_SHARE
        if not funded:
            return replace(round_, status=Status.NOT_FUNDED, reservations_answer=answer)
        start = decided + START_DELAY
        end = start + datetime.timedelta(days=30 * project.duration_months)
        if end <= self.today:
            status = Status.COMPLETED if self.random_.random() < 0.94 else Status.ABANDONED
        elif start <= self.today:
            status = Status.IN_PROGRESS if self.random_.random() < 0.97 else Status.ABANDONED
        else:
            status = Status.FUNDED
        return replace(
            round_,
            status=status,
            reservations_answer=answer,
            funding=self.funding(round_.call, project.partners),
            results=self.results(project, status, start),
        )

    def results(self, project: ProjectPlan, status: str, start: datetime.date) -> tuple:
        draw = self.random_
        academics = {o.slug for o in self.academics()}
        labs = sum(1 for p in project.partners if p.slug in academics)
        found = []
        if status == Status.COMPLETED:
            if (patents := draw.choice((0, 1, 1, 2, 3))) > 0:
                found.append(
                    (
                        ResultKind.PATENT,
                        patents,
                        f"Brevets déposés par le consortium {project.acronym}.",
                    )
                )
            if draw.random() < 0.7:
                found.append((ResultKind.PRODUCT, 1, f"{project.title} : mise sur le marché."))
            if draw.random() < 0.8:
                found.append(
                    (
                        ResultKind.JOBS,
                        draw.randint(1, 8),
                        "Emplois créés chez les partenaires industriels.",
                    )
                )
            if draw.random() < 0.25:
                found.append((ResultKind.FOLLOW_ON, 1, "Projet de suite labellisé par le pôle."))
            if labs:
                found.append(
                    (
                        ResultKind.PUBLICATION,
                        draw.randint(1, 5),
                        "Articles et communications en conférence.",
                    )
                )
        elif (
            status == Status.IN_PROGRESS
            and start + datetime.timedelta(days=365) < self.today
            and draw.random() < 0.3
        ):
            found.append((ResultKind.PATENT, 1, "Premier brevet déposé en cours de projet."))
        return tuple(found)
