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
