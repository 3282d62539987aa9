"""Members: organisations, people, memberships and dues, clusters, governance, partnerships."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from grappe.core.i18n import localised
from grappe.members.choices import (
    ContactRole,
    DuesCategory,
    GovernanceRole,
    GoverningBody,
    HeadcountBand,
    MembershipStatus,
    OrganisationKind,
    PartnershipType,
)
from grappe.members.geography import place_of_postcode, region_name
from grappe.members.validators import (
    is_valid_siret,
    normalise_phone,
    validate_french_postcode,
    validate_naf,
    validate_phone,
    validate_siren,
    validate_siret,
)

FIRST_YEAR = 2005  # the pôle was created in 2005; no membership can be older
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]


class OrganisationQuerySet(models.QuerySet):
    def members(self, year: int) -> "OrganisationQuerySet":
        """Organisations with an active membership in `year`: the pôle's members."""
        return self.filter(
            memberships__year=year, memberships__status=MembershipStatus.ACTIVE
        ).distinct()


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.COMPANY
    )
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, validators=[validate_siren])
    siret = models.CharField(_("SIRET"), max_length=14, blank=True, validators=[validate_siret])
    naf_code = models.CharField(
        _("NAF rév. 2 code"), max_length=6, blank=True, validators=[validate_naf]
    )
    headcount_band = models.CharField(
        _("headcount band"), max_length=2, choices=HeadcountBand.choices, blank=True
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    departement = models.CharField(_("département"), max_length=3, blank=True, db_index=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, default="FR")
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("general e-mail"), blank=True)
    phone = models.CharField(
        _("switchboard phone"), max_length=20, blank=True, validators=[validate_phone]
    )
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    dues_category = models.CharField(
        _("dues category"), max_length=20, choices=DuesCategory.choices, default=DuesCategory.PME
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["siret"],
                condition=~models.Q(siret=""),
                name="members_organisation_siret_unique",
                violation_error_code="unique",
                violation_error_message=_("Another organisation already has this SIRET."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=OrganisationKind.values),
                name="members_organisation_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(dues_category__in=DuesCategory.values),
                name="members_organisation_dues_category_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(headcount_band="")
                | models.Q(headcount_band__in=HeadcountBand.values),
                name="members_organisation_headcount_band_valid",
            ),
        ]
        indexes = [models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:organisation_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        self.siret = self.siret.replace(" ", "")
        self.siren = self.siren.replace(" ", "")
        self.country = (self.country or "FR").upper()
        self.email = (self.email or "").strip().lower()
        errors = {}
        try:
            self.phone = normalise_phone(self.phone)
        except ValidationError as error:
            errors["phone"] = error
        if self.siret and is_valid_siret(self.siret):
            if not self.siren:
                self.siren = self.siret[:9]
            elif self.siret[:9] != self.siren:
                errors["siret"] = _("The SIRET must start with the organisation's SIREN.")
        if self.country == "FR" and self.postcode:
            try:
                validate_french_postcode(self.postcode)
            except ValidationError as error:
                errors["postcode"] = error
            else:
                self.fill_place()
        if errors:
            raise ValidationError(errors)

    def fill_place(self) -> None:
        """Derive the département and region from a French postcode."""
        place = place_of_postcode(self.postcode)
        if place is not None:
            self.departement = place.departement
            self.region = region_name(place.region)

    @property
    def description(self) -> str:
        return localised(self.description_fr, self.description_en)


class Person(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    organisations = models.ManyToManyField(
        Organisation,
        through="Affiliation",
        related_name="people",
        verbose_name=_("organisations"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    directory_consent = models.BooleanField(_("appears in the directory"), default=False)
    directory_consent_at = models.DateTimeField(
        _("directory consent given on"), null=True, blank=True
    )
    newsletter_opt_in = models.BooleanField(_("receives the newsletter"), default=False)
    newsletter_opt_in_at = models.DateTimeField(
        _("newsletter consent given on"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=~models.Q(email=""),
                name="members_person_email_unique",
                violation_error_code="unique",
                violation_error_message=_("Another person already has this e-mail address."),
            ),
            models.CheckConstraint(
                condition=models.Q(directory_consent=False)
                | models.Q(directory_consent_at__isnull=False),
                name="members_person_directory_consent_dated",
            ),
            models.CheckConstraint(
                condition=models.Q(newsletter_opt_in=False)
                | models.Q(newsletter_opt_in_at__isnull=False),
                name="members_person_newsletter_consent_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("members:person_detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        self.email = (self.email or "").strip().lower()
        try:
            self.phone = normalise_phone(self.phone)
        except ValidationError as error:
            raise ValidationError({"phone": error}) from error

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Affiliation(models.Model):
    """A person's role in an organisation; the person is one of its contacts."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="affiliations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    role = models.CharField(_("role"), max_length=20, choices=ContactRole.choices)
    is_main_contact = models.BooleanField(_("main contact"), default=False)

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["organisation__name", "person__last_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation"], name="members_affiliation_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=ContactRole.values),
                name="members_affiliation_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.organisation} ({self.get_role_display()})"


class FeeRate(models.Model):
    """One line of the dues schedule: from a year on, a category (and band) pays this amount."""

    valid_from = models.PositiveSmallIntegerField(_("valid from year"), validators=YEAR_VALIDATORS)
    dues_category = models.CharField(
        _("dues category"), max_length=20, choices=DuesCategory.choices
    )
    headcount_band = models.CharField(
        _("headcount band"),
        max_length=2,
        choices=HeadcountBand.choices,
        blank=True,
        help_text=_("Leave empty for every band of the category."),
    )
    amount = models.DecimalField(
        _("amount (EUR, excl. VAT)"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        verbose_name = _("fee rate")
        verbose_name_plural = _("fee schedule")
        ordering = ["-valid_from", "dues_category", "headcount_band"]
        constraints = [
            models.UniqueConstraint(
                fields=["valid_from", "dues_category", "headcount_band"],
                name="members_feerate_unique",
                violation_error_message=_("This schedule already has a rate for that line."),
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="members_feerate_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(dues_category__in=DuesCategory.values),
                name="members_feerate_dues_category_valid",
            ),
        ]

    def __str__(self) -> str:
        band = self.get_headcount_band_display() or _("every band")
        return f"{self.valid_from} · {self.get_dues_category_display()} · {band}: {self.amount} €"


class Membership(models.Model):
    """An organisation's membership (adhésion) for one calendar year."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    fee = models.DecimalField(
        _("fee (EUR, excl. VAT)"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    invoiced_on = models.DateField(_("invoiced on"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-year", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"],
                name="members_membership_one_per_year",
                violation_error_message=_("This organisation already has a membership that year."),
            ),
            models.CheckConstraint(
                condition=models.Q(fee__gte=0), name="members_membership_fee_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=MembershipStatus.values),
                name="members_membership_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(paid_on__isnull=True) | models.Q(invoiced_on__isnull=False),
                name="members_membership_paid_after_invoiced",
                violation_error_message=_("A membership must be invoiced before it is paid."),
            ),
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.year}"


class Cluster(models.Model):
    """A thematic cluster (filière) of the pôle, such as INNOV'HEALTH or AEROμTECH."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    animator = models.ForeignKey(
        Person,
        verbose_name=_("animator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="animated_clusters",
    )
    organisations = models.ManyToManyField(
        Organisation,
        through="ClusterMembership",
        related_name="clusters",
        verbose_name=_("organisations"),
    )

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:cluster_detail", kwargs={"slug": self.slug})

    @property
    def description(self) -> str:
        return localised(self.description_fr, self.description_en)


class ClusterMembership(models.Model):
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="cluster_memberships",
    )
    joined_on = models.DateField(_("joined on"), default=datetime.date.today)

    class Meta:
        verbose_name = _("cluster membership")
        verbose_name_plural = _("cluster memberships")
        ordering = ["cluster__name", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "organisation"], name="members_clustermembership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ∈ {self.cluster}"


class PositionQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> "PositionQuerySet":
        on = on or datetime.date.today()
        return self.filter(start_date__lte=on).filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=on)
        )


class Position(models.Model):
    """A seat in the pôle's governance: a staff job or a board mandate."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="positions"
    )
    body = models.CharField(_("body"), max_length=10, choices=GoverningBody.choices)
    role = models.CharField(_("role"), max_length=20, choices=GovernanceRole.choices)
    title = models.CharField(_("title"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("representing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="governance_positions",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("governance position")
        verbose_name_plural = _("governance")
        ordering = ["body", "role", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="members_position_dates_ordered",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["role"],
                condition=models.Q(role="president", end_date__isnull=True),
                name="members_position_one_president",
                violation_error_message=_("The pôle already has a president in office."),
            ),
            models.CheckConstraint(
                condition=models.Q(body__in=GoverningBody.values),
                name="members_position_body_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=GovernanceRole.values),
                name="members_position_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.title or self.get_role_display()}"


class Partnership(models.Model):
    """A partnership with another organisation (MEDICEN, other pôles, academic partners)."""

    partner = models.ForeignKey(
        Organisation,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    type = models.CharField(_("type"), max_length=20, choices=PartnershipType.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-start_date", "partner__name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="members_partnership_dates_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(type__in=PartnershipType.values),
                name="members_partnership_type_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} ({self.get_type_display()})"
