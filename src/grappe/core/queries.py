"""Reads shared by every app."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from grappe.core.models import ActivityLog, ApiToken, User


def activity_for(target: models.Model, *, limit: int = 50) -> QuerySet[ActivityLog]:
    """The latest activity-log entries about `target`, with their actors."""
    content_type = ContentType.objects.get_for_model(target)
    return ActivityLog.objects.filter(
        content_type=content_type, object_id=str(target.pk)
    ).select_related("actor")[:limit]


def tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def account_of(user: User) -> User:
    """The user with the person the members app links to it and that person's organisations.

    Core imports nothing from the apps above it: the relations are named, not imported.
    """
    return (
        User.objects.select_related("person")
        .prefetch_related("person__affiliations__organisation")
        .get(pk=user.pk)
    )
