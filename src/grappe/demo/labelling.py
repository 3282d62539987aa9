"""The demo's project labelling: 320 labelled projects since 2005 and this year's pipeline.

Run after the logins are made (demo.accounts): the scoring grid, the calls, the experts
(persons, logins and pool; `expert1` is printed with the other logins), the projects with
all their rounds and the coming committee, written by the staff login through
grappe.labelling.services.

The projects go in through one bulk import (services.bulk.import_projects), as a pôle
bringing its files into Grappe would: past rounds with their funding, results and label
letters (already sent: no PDF is drawn, no e-mail goes out), this year's applications with
their experts and reviews. Found by their natural keys (call name and deadline, criterion
code, expert login, project acronym and lead), the records are written once: a second run
writes nothing.
"""

import datetime

from django.utils import timezone

from grappe.core.models import Term, User
from grappe.core.services import create_user
from grappe.demo.accounts import LOGINS, PASSWORD
from grappe.demo.context import DemoContext
from grappe.demo.funding_calls import CallPlan
from grappe.demo.labelling_plan import (
    CRITERIA,
    EXPERTS,
    MEMBER_LOGIN,
    LabellingPlan,
    plan_labelling,
)
from grappe.demo.organisations import plan_organisations
from grappe.demo.project_plan import ProjectPlan, RoundPlan
from grappe.directory.models import Capability
from grappe.labelling import queries, services
from grappe.labelling.choices import Status
from grappe.labelling.figures import labelled_projects_count
from grappe.labelling.models import Application, Criterion, Expert, FundingCall, Project
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
from grappe.members import services as members_services
from grappe.members.choices import ContactRole
from grappe.members.models import Organisation, Person

STAFF_LOGIN = next(login.username for login in LOGINS if login.is_staff)


def aware(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def ensure_people() -> None:
    """The experts' persons, contacts of their school or laboratory."""
    emails = [expert.email for expert in EXPERTS]
    existing = set(Person.objects.filter(email__in=emails).values_list("email", flat=True))
    slugs = [expert.organisation for expert in EXPERTS]
    organisations = Organisation.objects.in_bulk(slugs, field_name="slug")
    for expert in EXPERTS:
        if expert.email in existing:
            continue
        members_services.create_person(
            actor=None,
            data={
                "first_name": expert.first_name,
                "last_name": expert.last_name,
                "email": expert.email,
                "job_title": expert.job_title,
            },
            organisation=organisations[expert.organisation],
            role=ContactRole.RD,
        )


# The grid, the calls and the experts ------------------------------------------------------


def ensure_criteria(staff: User) -> None:
    existing = set(Criterion.objects.values_list("code", flat=True))
    for criterion in CRITERIA:
        if criterion.code not in existing:
            services.create_criterion(
                actor=staff,
                data={
                    "code": criterion.code,
                    "label_fr": criterion.label_fr,
                    "label_en": criterion.label_en,
                    "weight": criterion.weight,
                    "position": criterion.position,
                },
            )


def ensure_calls(staff: User, plans: list[CallPlan]) -> dict[tuple, FundingCall]:
    calls = {(c.name, c.deadline): c for c in FundingCall.objects.all()}
    missing = [plan.data() for plan in plans if plan.key not in calls]
    if missing:
        calls |= {(c.name, c.deadline): c for c in import_calls(actor=staff, calls=missing)}
    return calls


def ensure_experts(staff: User) -> dict[str, User]:
    """The experts' logins, linked to their persons and put in the experts' pool."""
    users = User.objects.in_bulk([e.username for e in EXPERTS], field_name="username")
    persons = {p.email: p for p in Person.objects.filter(email__in=[e.email for e in EXPERTS])}
    in_pool = set(Expert.objects.values_list("user__username", flat=True))
    for expert in EXPERTS:
        user = users.get(expert.username)
        if user is None:
            user = create_user(
                actor=None, username=expert.username, password=PASSWORD, email=expert.email
            )
            users[expert.username] = user
        person = persons[expert.email]
        if person.user_id != user.pk:
            members_services.link_user_account(actor=None, person=person, user=user)
        if expert.username not in in_pool:
            services.register_expert(actor=staff, user=user, expertise=expert.expertise)
    return users


# The projects -------------------------------------------------------------------------------


class Records:
    """Turns the plan's slugs, codes and logins into the objects the import takes."""

    def __init__(self, staff: User, calls: dict, users: dict[str, User]):
        self.staff = staff
        self.calls = calls
        self.users = users
        self.organisations = Organisation.objects.in_bulk(field_name="slug")
        self.terms = Term.objects.in_bulk(field_name="code")

    def project(self, plan: ProjectPlan) -> ProjectRecord:
        organisations = self.organisations
        return ProjectRecord(
            data={
                "acronym": plan.acronym,
                "title": plan.title,
                "summary_fr": plan.summary_fr,
                "summary_en": plan.summary_en,
                "public_summary_fr": plan.public_summary_fr,
                "public_summary_en": plan.public_summary_en,
                "trl_start": plan.trl_start,
                "trl_target": plan.trl_target,
                "duration_months": plan.duration_months,
                "lead": organisations[plan.lead],
                "total_budget": plan.total_budget,
                "confidentiality": plan.confidentiality,
            },
            partners=[
                services.PartnerLine(organisations[p.slug], p.budget, p.requested_aid, p.role)
                for p in plan.partners
            ],
            rounds=[self.round(round_) for round_ in plan.rounds],
            markets=[self.terms[code] for code in plan.markets],
            processes=[self.terms[code] for code in plan.processes],
            co_labelled_with=[organisations[slug] for slug in plan.co_labelled_with],
            created_by=self.users.get(plan.created_by) or self.staff,
        )

    def round(self, plan: RoundPlan) -> RoundRecord:
        letter = None
        if plan.letter is not None:
            year, sequence, issued_on, signatory = plan.letter
            letter = LetterRecord(year, sequence, issued_on, signatory, aware(issued_on, 11))
        return RoundRecord(
            call=self.calls[plan.call.key],
            status=plan.status,
            submitted_at=aware(plan.submitted_on, 10) if plan.submitted_on else None,
            decided_at=aware(plan.decided_on, 12) if plan.decided_on else None,
            reservations=plan.reservations,
            reservations_answer=plan.reservations_answer,
            funding=[
                FundingRecord(self.organisations[slug], funder, amount)
                for slug, funder, amount in plan.funding
            ],
            results=[ResultRecord(kind, quantity, text) for kind, quantity, text in plan.results],
            letter=letter,
            reviews=[
                ReviewRecord(
                    expert=self.users[review.expert],
                    declared_at=aware(review.declared_on, 9) if review.declared_on else None,
                    scores=dict(review.scores),
                    comments=review.comments,
                    submitted_at=aware(review.submitted_on, 17) if review.submitted_on else None,
                )
                for review in plan.reviews
            ],
        )


def ensure_projects(plan: LabellingPlan, records: Records) -> tuple[int, str]:
    """Import the planned projects into an empty labelling; leave an earlier one as it is.

    A run on another day plans other live applications: it adds nothing, so that the
    pôle keeps its 320 labelled projects."""
    existing = set(Project.objects.values_list("acronym", "lead__slug"))
    missing = [project for project in plan.projects if project.key not in existing]
    if not missing:
        return 0, ""
    if len(missing) < len(plan.projects):
        return 0, "labelling kept as an earlier run built it"
    import_projects(actor=records.staff, records=[records.project(p) for p in missing])
    return len(missing), ""


def ensure_meeting(staff: User, plan: LabellingPlan, users: dict[str, User]) -> None:
    """The coming committee, with the applications that wait for it on its agenda."""
    waiting = list(queries.ready_for_committee())
    if not waiting or queries.upcoming_meetings().exists():
        return
    meeting = services.create_meeting(
        actor=staff,
        held_on=plan.meeting.held_on,
        title=plan.meeting.title,
        location=plan.meeting.location,
        members=[users[username] for username in plan.meeting.members],
    )
    for application in waiting:
        services.add_to_agenda(actor=staff, meeting=meeting, application=application)


def build(context: DemoContext) -> list[str]:
    staff = User.objects.get(username=STAFF_LOGIN)
    ensure_people()
    ensure_criteria(staff)
    experts = ensure_experts(staff)
    labs = [expert.organisation for expert in EXPERTS]
    capabilities: dict[str, set[str]] = {slug: set() for slug in labs}
    for slug, code in Capability.objects.filter(organisation__slug__in=labs).values_list(
        "organisation__slug", "term__code"
    ):
        capabilities[slug].add(code)
    plan = plan_labelling(plan_organisations(context.year), context.today, capabilities)
    calls = ensure_calls(staff, plan.calls)
    member = User.objects.in_bulk([MEMBER_LOGIN], field_name="username")
    users = {**experts, **member, STAFF_LOGIN: staff}
    created, note = ensure_projects(plan, Records(staff, calls, users))
    ensure_meeting(staff, plan, users)
    live = Application.objects.filter(
        status__in=[Status.DRAFT, Status.SUBMITTED, Status.UNDER_REVIEW, Status.COMMITTEE]
    ).count()
    first = EXPERTS[0]
    return [
        f"login {first.username} / {PASSWORD}: expert (reviewer), "
        f"{first.first_name} {first.last_name}",
        f"{labelled_projects_count()} labelled projects since 2005 "
        f"({Project.objects.count()} projects, {created} written{', ' + note if note else ''}), "
        f"{FundingCall.objects.count()} calls, {live} applications in progress, "
        f"{Expert.objects.count()} experts",
    ]
