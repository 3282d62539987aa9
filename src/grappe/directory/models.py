"""The capability directory: what each organisation knows how to do, and the search index."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from grappe.core.i18n import localised
from grappe.core.models import Term
from grappe.members.models import Organisation


class Capability(models.Model):
    """An organisation masters a vocabulary term: process, material, market or certification."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="capabilities",
    )
    term = models.ForeignKey(
        Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="capabilities"
    )

    class Meta:
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")
        ordering = ["term__facet", "term__label_fr"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "term"], name="directory_capability_unique"
            )
        ]
        indexes = [models.Index(fields=["term", "organisation"])]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.term}"


class CapabilityProfile(models.Model):
    """The organisation's own words about its know-how, in French and in English."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="capability_profile",
    )
    text_fr = models.TextField(_("capabilities (French)"), blank=True)
    text_en = models.TextField(_("capabilities (English)"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("capability profile")
        verbose_name_plural = _("capability profiles")

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def text(self) -> str:
        return localised(self.text_fr, self.text_en)


class Equipment(models.Model):
    """A machine the organisation runs, e.g. 6 Tornos Swiss-type lathes, Ø 0.5–32 mm."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="equipment",
    )
    machine = models.CharField(_("machine"), max_length=200)
    quantity = models.PositiveIntegerField(
        _("quantity"), default=1, validators=[MinValueValidator(1)]
    )
    envelope = models.CharField(
        _("working envelope"),
        max_length=200,
        blank=True,
        help_text=_("For example: Ø 0.5–32 mm, length 300 mm; or 800 × 600 × 500 mm."),
    )

    class Meta:
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")
        ordering = ["machine", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="directory_equipment_quantity_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.machine}"


class Tolerance(models.Model):
    """A tolerance the organisation holds in production, e.g. ±2 µm on a diameter."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="tolerances",
    )
    feature = models.CharField(
        _("feature"), max_length=200, help_text=_("For example: diameter, flatness, position.")
    )
    plus_minus_um = models.DecimalField(
        _("tolerance (± µm)"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    process = models.ForeignKey(
        Term,
        verbose_name=_("process"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"facet": "process"},
    )

    class Meta:
        verbose_name = _("tolerance")
        verbose_name_plural = _("tolerances")
        ordering = ["plus_minus_um", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plus_minus_um__gt=0),
                name="directory_tolerance_positive",
            )
        ]

    def __str__(self) -> str:
        return f"{self.feature} ±{self.plus_minus_um.normalize()} µm"


class SearchDocument(models.Model):
    """What the search engine knows of an organisation: its texts analysed by
    `grappe.directory.search.analysis` (lower case, no accents, words with their French and
    English stems), one column per weight, rebuilt by `search.index` after every change.

    These columns feed the backend's full-text index: an FTS5 table kept in step by
    triggers on SQLite, a generated, weighted tsvector column on PostgreSQL (both created by
    migration 0002). `terms` also holds one code token per vocabulary term the organisation
    carries, which the ranking reads back.
    """

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    name = models.TextField(blank=True)
    terms = models.TextField(blank=True)
    capability = models.TextField(blank=True)
    description = models.TextField(blank=True)
    place = models.TextField(blank=True)
    facets = models.TextField(blank=True)  # the keys of its facet bitmaps (SearchFacet)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return str(self.organisation_id)


class SearchToken(models.Model):
    """A word form present in the index: the dictionary against which typos are corrected.

    Grown by every reindex, pruned by a full `grappe reindex`; a stale token costs nothing
    but a correction towards a word no longer found.
    """

    token = models.CharField(max_length=60, primary_key=True)

    class Meta:
        verbose_name = _("search token")
        verbose_name_plural = _("search tokens")

    def __str__(self) -> str:
        return self.token


class SearchFacet(models.Model):
    """The organisations having one facet value, as a bitmap: bit n is organisation n.

    Maintained with the search documents (see `grappe.directory.search.bitmaps`); it makes
    facet counts and filters over many matches cost a few bit operations. The tokens found
    in many documents have one too, so that broad queries are matched the same way.
    """

    key = models.CharField(max_length=64, primary_key=True)  # a token is up to 60 letters
    bits = models.BinaryField()
    # A new random number at every write of the bits: a process that keeps the bitmap in
    # memory compares stamps (a small query) instead of reading the bits again.
    stamp = models.BigIntegerField(default=0)

    class Meta:
        # A search reads every key and stamp: from this index alone, not from rows whose
        # bits (12.5 kB for 100 000 organisations) come before the stamp.
        indexes = [models.Index(fields=["key", "stamp"], name="directory_searchfacet_stamps")]
        verbose_name = _("search facet")
        verbose_name_plural = _("search facets")

    def __str__(self) -> str:
        return self.key
