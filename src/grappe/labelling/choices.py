"""The fixed lists of project labelling."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Funder(models.TextChoices):
    PSPC_REGIONS = "pspc_regions", _("PSPC-Régions")
    ANR = "anr", _("ANR")
    BPI_INOV = "bpi_inov", _("Bpifrance i-Nov")
    REGION_BFC = "region_bfc", _("Région Bourgogne-Franche-Comté")
    HORIZON_EUROPE = "horizon_europe", _("Horizon Europe")
    OTHER = "other", _("Other")


class Confidentiality(models.TextChoices):
    """Who sees what of an application; every application's dossier is confidential."""

    STANDARD = "standard", _("Standard: public summary once labelled")
    RESTRICTED = "restricted", _("Restricted: nothing public, even once labelled")


class Status(models.TextChoices):
    """The states of an application (a labelling round of a project for one call)."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    COMMITTEE = "committee", _("Before the committee")
    LABELLED = "labelled", _("Labelled")
    LABELLED_WITH_RESERVATIONS = "labelled_with_reservations", _("Labelled with reservations")
    NOT_LABELLED = "not_labelled", _("Not labelled")
    DEFERRED = "deferred", _("Deferred")
    FUNDED = "funded", _("Funded")
    NOT_FUNDED = "not_funded", _("Not funded")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    ABANDONED = "abandoned", _("Abandoned")


# The statuses in which an application holds the pôle's label.
LABEL_STATUSES = frozenset(
    {
        Status.LABELLED,
        Status.LABELLED_WITH_RESERVATIONS,
        Status.FUNDED,
        Status.NOT_FUNDED,
        Status.IN_PROGRESS,
        Status.COMPLETED,
        Status.ABANDONED,
    }
)
# The committee's possible decisions.
DECISIONS = (
    Status.LABELLED,
    Status.LABELLED_WITH_RESERVATIONS,
    Status.NOT_LABELLED,
    Status.DEFERRED,
)


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    PARTNER = "partner", _("Partner")
    SUBCONTRACTOR = "subcontractor", _("Subcontractor")


class ResultKind(models.TextChoices):
    PATENT = "patent", _("Patent")
    PRODUCT = "product", _("Product or service")
    JOBS = "jobs", _("Jobs created")
    FOLLOW_ON = "follow_on", _("Follow-on project")
    PUBLICATION = "publication", _("Publication")
