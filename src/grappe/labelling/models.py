"""Project labelling: projects, their labelling rounds (applications), reviews, committees,
label letters and the funding follow-up."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from grappe.core.i18n import localised
from grappe.core.models import Term
from grappe.labelling.choices import (
    DECISIONS,
    Confidentiality,
    Funder,
    PartnerRole,
    ResultKind,
    Status,
)
from grappe.members.models import Organisation

MONEY = {"max_digits": 14, "decimal_places": 2}
TRL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(9)]


class FundingCall(models.Model):
    """A call for projects (appel à projets) that a labelled project may answer."""

    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(_("funder"), max_length=20, choices=Funder.choices)
    addressee = models.CharField(
        _("addressee of the label letter"),
        max_length=300,
        help_text=_("For example: Bpifrance, Direction de l'innovation."),
    )
    address = models.TextField(_("postal address of the addressee"), blank=True)
    deadline = models.DateField(_("deadline"))
    url = models.URLField(_("web page"), blank=True)

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = ["-deadline", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(funder__in=Funder.values), name="labelling_call_funder_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.deadline:%d/%m/%Y})"


class Project(models.Model):
    """A collaborative R&D project, which may go through several labelling rounds."""

    acronym = models.CharField(_("acronym"), max_length=30)
    title = models.CharField(_("title"), max_length=300)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    public_summary_fr = models.TextField(
        _("public summary (French)"),
        blank=True,
        help_text=_("Shown to everyone once the project is labelled, unless restricted."),
    )
    public_summary_en = models.TextField(_("public summary (English)"), blank=True)
    markets = models.ManyToManyField(
        Term,
        verbose_name=_("markets"),
        blank=True,
        related_name="market_projects",
        limit_choices_to={"facet": "market"},
    )
    processes = models.ManyToManyField(
        Term,
        verbose_name=_("processes"),
        blank=True,
        related_name="process_projects",
        limit_choices_to={"facet": "process"},
    )
    trl_start = models.PositiveSmallIntegerField(_("TRL at start"), validators=TRL_VALIDATORS)
    trl_target = models.PositiveSmallIntegerField(_("target TRL"), validators=TRL_VALIDATORS)
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    lead = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="led_projects",
    )
    total_budget = models.DecimalField(
        _("total budget (EUR)"), validators=[MinValueValidator(0)], **MONEY
    )
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.STANDARD,
    )
    co_labelled_with = models.ManyToManyField(
        Organisation,
        verbose_name=_("co-labelled with"),
        blank=True,
        related_name="co_labelled_projects",
        help_text=_("Other pôles that label the project too."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(trl_target__gte=models.F("trl_start")),
                name="labelling_project_trl_ordered",
                violation_error_message=_("The target TRL cannot be below the starting TRL."),
            ),
            models.CheckConstraint(
                condition=models.Q(trl_start__gte=1, trl_start__lte=9, trl_target__lte=9),
                name="labelling_project_trl_range",
            ),
            models.CheckConstraint(
                condition=models.Q(total_budget__gte=0),
                name="labelling_project_budget_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(confidentiality__in=Confidentiality.values),
                name="labelling_project_confidentiality_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.acronym} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("labelling:project_detail", kwargs={"pk": self.pk})

    @property
    def summary(self) -> str:
        return localised(self.summary_fr, self.summary_en)

    @property
    def public_summary(self) -> str:
        return localised(self.public_summary_fr, self.public_summary_en)


class Partner(models.Model):
    """An organisation of the consortium, with its share of the budget and the aid it asks."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="partners"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="project_partnerships",
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)
    budget = models.DecimalField(_("budget (EUR)"), validators=[MinValueValidator(0)], **MONEY)
    requested_aid = models.DecimalField(
        _("requested aid (EUR)"), validators=[MinValueValidator(0)], **MONEY
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="labelling_partner_once"
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(role="lead"),
                name="labelling_partner_one_lead",
                violation_error_message=_("A project has one lead partner."),
            ),
            models.CheckConstraint(
                condition=models.Q(budget__gte=0, requested_aid__gte=0),
                name="labelling_partner_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(requested_aid__lte=models.F("budget")),
                name="labelling_partner_aid_within_budget",
                violation_error_message=_("The requested aid cannot exceed the partner's budget."),
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=PartnerRole.values),
                name="labelling_partner_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Application(models.Model):
    """A labelling round: the project submitted to one funding call. A project resubmitted
    to another call gets a new round; the earlier rounds stay as its history."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="applications"
    )
    call = models.ForeignKey(
        FundingCall,
        verbose_name=_("funding call"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    round_number = models.PositiveSmallIntegerField(_("round"), default=1)
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True)
    decided_at = models.DateTimeField(_("labelling decided on"), null=True, blank=True)
    reservations = models.TextField(_("committee's reservations"), blank=True)
    reservations_answer = models.TextField(_("answer to the reservations"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "round_number"], name="labelling_application_round_unique"
            ),
            models.UniqueConstraint(
                fields=["project", "call"],
                name="labelling_application_call_once",
                violation_error_message=_("This project was already submitted to this call."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values),
                name="labelling_application_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.project.acronym} · {self.call.name} (#{self.round_number})"

    def get_absolute_url(self) -> str:
        return reverse("labelling:application_detail", kwargs={"pk": self.pk})


class Document(models.Model):
    """A PDF attached to an application (the dossier, annexes, letters of support)."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="labelling/%Y/")
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded on"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    """A line of the scoring grid, weighted; staff edit the grid."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    label_fr = models.CharField(_("French label"), max_length=200)
    label_en = models.CharField(_("English label"), max_length=200)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0.01)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("scoring grid")
        ordering = ["position", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gt=0), name="labelling_criterion_weight_positive"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localised(self.label_fr, self.label_en)


class ReviewAssignment(models.Model):
    """An expert (rapporteur) assigned to an application by the staff."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        related_name="review_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned on"), auto_now_add=True)
    no_conflict_declared_at = models.DateTimeField(
        _("no conflict declared on"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["assigned_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "expert"], name="labelling_assignment_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.expert} → {self.application}"


class Review(models.Model):
    """An expert's scores and comments on an application."""

    assignment = models.OneToOneField(
        ReviewAssignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="review",
    )
    comments = models.TextField(_("comments"), blank=True)
    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return str(self.assignment)


class Score(models.Model):
    SCALE_MAX = 5

    review = models.ForeignKey(
        Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(SCALE_MAX)]
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="labelling_score_once"),
            models.CheckConstraint(
                condition=models.Q(value__gte=0, value__lte=5), name="labelling_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class CommitteeMeeting(models.Model):
    """A meeting of the labelling committee, with its members and its agenda."""

    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    location = models.CharField(_("place"), max_length=200, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="committee_meetings",
    )

    class Meta:
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("labelling:committee_detail", kwargs={"pk": self.pk})


class AgendaItem(models.Model):
    """An application on a committee's agenda, and the committee's decision on it."""

    meeting = models.ForeignKey(
        CommitteeMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="agenda",
    )
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    decision = models.CharField(
        _("decision"),
        max_length=30,
        blank=True,
        choices=[(value, Status(value).label) for value in DECISIONS],
    )
    reservations = models.TextField(_("reservations"), blank=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "application"], name="labelling_agenda_item_once"
            ),
            models.CheckConstraint(
                condition=models.Q(decision="") | models.Q(decision__in=DECISIONS),
                name="labelling_agenda_decision_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.application}"


class Abstention(models.Model):
    """A committee member who does not take part in a decision (a conflict of interest)."""

    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="abstentions",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        verbose_name = _("abstention")
        verbose_name_plural = _("abstentions")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "member"], name="labelling_abstention_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} ({self.reason})"


class LabelLetter(models.Model):
    """The numbered letter by which the pôle labels an application, signed by its president."""

    application = models.OneToOneField(
        Application,
        verbose_name=_("application"),
        on_delete=models.PROTECT,
        related_name="label_letter",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("number in the year"))
    number = models.CharField(_("number"), max_length=30, unique=True)
    issued_on = models.DateField(_("issued on"))
    signatory = models.CharField(_("signed by"), max_length=200)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)

    class Meta:
        verbose_name = _("label letter")
        verbose_name_plural = _("label letters")
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "sequence"], name="labelling_letter_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.number


class FundingLine(models.Model):
    """Aid obtained by one partner from one funder, once the funding is decided."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="funding_lines",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="funding_lines"
    )
    funder = models.CharField(_("funder"), max_length=20, choices=Funder.choices)
    amount = models.DecimalField(_("amount (EUR)"), validators=[MinValueValidator(0)], **MONEY)

    class Meta:
        verbose_name = _("funding line")
        verbose_name_plural = _("funding")
        ordering = ["partner__organisation__name", "funder"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "partner", "funder"], name="labelling_funding_line_once"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="labelling_funding_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.amount} € ({self.get_funder_display()})"


class Result(models.Model):
    """What a completed project produced: patents, products, jobs, follow-on projects."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ResultKind.choices)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ResultKind.values),
                name="labelling_result_kind_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} × {self.quantity}"


class Expert(models.Model):
    """A reviewer of the pôle's pool: an external expert's login, or a staff member's.

    The staff assign experts of the pool to applications; a staff member may also review
    without being in the pool.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="labelling_expert",
    )
    expertise = models.CharField(_("expertise"), max_length=300, blank=True)
    is_active = models.BooleanField(_("available"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["user__last_name", "user__first_name", "user__username"]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()
