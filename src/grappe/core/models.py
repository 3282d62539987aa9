"""What every domain app may use: the user, the activity log, API tokens, the vocabulary."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from grappe.core.action_labels import action_label
from grappe.core.i18n import localised


class User(AbstractUser):
    """A login. `is_staff` marks the pôle's staff; members' contacts link to a Person."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="core_user_email_unique_ci",
            ),
        ]


class ActivityLog(models.Model):
    """Who did what, when, on which object. Written in the transaction of the change."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    @property
    def label(self) -> str:
        return action_label(self.action)

    @property
    def details(self) -> list[str]:
        """What the entry's data says, one short line each, for the staff's activity list.

        Field changes read "field: old → new"; lists of codes added or removed read "+code" and
        "−code"; other values "key: value". Long values are cut so the list stays readable.
        """
        lines: list[str] = []
        for key, value in (self.data or {}).items():
            if key == "changes" and isinstance(value, dict):
                lines += [f"{name}: {_short(pair)}" for name, pair in value.items()]
            elif key == "changes" and isinstance(value, list):
                lines += [str(name) for name in value]
            elif key in ("added", "removed") and isinstance(value, list):
                sign = "+" if key == "added" else "−"
                lines += [f"{sign}{code}" for code in value]
            elif value not in (None, "", [], {}):
                lines.append(f"{key}: {_short(value)}")
        return lines


def _short(value, limit: int = 60) -> str:
    if isinstance(value, list) and len(value) == 2:
        text = f"{_short(value[0], limit // 2)} → {_short(value[1], limit // 2)}"
    else:
        text = "—" if value in (None, "") else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ApiToken(models.Model):
    """A bearer token for the API. Only its SHA-256 digest is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Facet(models.TextChoices):
    PROCESS = "process", _("Process")
    MATERIAL = "material", _("Material")
    MARKET = "market", _("Market")
    CERTIFICATION = "certification", _("Certification")


class Term(models.Model):
    """A vocabulary term: a process, a material, a market or a certification."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    facet = models.CharField(_("facet"), max_length=20, choices=Facet.choices)
    label_fr = models.CharField(_("French label"), max_length=200)
    label_en = models.CharField(_("English label"), max_length=200)
    synonyms_fr = models.JSONField(_("French synonyms"), default=list, blank=True)
    synonyms_en = models.JSONField(_("English synonyms"), default=list, blank=True)

    class Meta:
        verbose_name = _("vocabulary term")
        verbose_name_plural = _("vocabulary")
        ordering = ["facet", "label_fr"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(facet__in=Facet.values), name="core_term_facet_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localised(self.label_fr, self.label_en)
