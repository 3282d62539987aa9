from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    TRADE_SHOW = "trade_show", _("trade show")
    BUSINESS_CONVENTION = "business_convention", _("business convention")
    WORKSHOP = "workshop", _("workshop")
    TRAINING = "training", _("training")
    CONFERENCE = "conference", _("conference")
    WEBINAR = "webinar", _("webinar")


class Audience(models.TextChoices):
    PUBLIC = "public", _("open to everyone")
    MEMBERS = "members", _("members only")


class RegistrationStatus(models.TextChoices):
    # A non-member has filled in the public form but not yet clicked the e-mailed link.
    PENDING = "pending", _("awaiting e-mail confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("awaiting an answer")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Priority(models.IntegerChoices):
    # The value is the meeting's weight for the scheduler.
    LOW = 1, _("low")
    NORMAL = 2, _("normal")
    HIGH = 3, _("high")


class RunStatus(models.TextChoices):
    OPTIMAL = "optimal", _("optimal (proven)")
    FEASIBLE = "feasible", _("feasible (not proven optimal)")
    INFEASIBLE = "infeasible", _("infeasible")
    UNKNOWN = "unknown", _("no schedule found in the time allowed")
