"""The activity log's one write function, called by every service inside its transaction."""

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone

from grappe.core.bulk import insert_rows
from grappe.core.models import ActivityLog, User


def log_activity(
    *,
    actor: User | None,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> ActivityLog:
    """Record `action` by `actor` on `target`; must run inside the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("log_activity must be called inside the service's transaction.")
    entry = ActivityLog(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        data=data or {},
    )
    if target is not None:
        entry.content_type = ContentType.objects.get_for_model(target)
        entry.object_id = str(target.pk)
        entry.object_repr = str(target)[:255]
    entry.save()
    return entry


def field_values(instance: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """A snapshot of some fields, to compare with `changes_since` after an edit."""
    return {name: getattr(instance, name) for name in names}


def changes_since(before: dict[str, Any], instance: models.Model) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields of the snapshot whose value has changed."""
    return {
        name: [_jsonable(old), _jsonable(getattr(instance, name))]
        for name, old in before.items()
        if getattr(instance, name) != old
    }


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, models.Model):
        return value.pk
    return str(value)


def log_activities(
    *,
    actor: User | None,
    action: str,
    entries: Iterable[tuple[models.Model, dict[str, Any] | None]],
) -> int:
    """`log_activity` for many targets at once (a bulk import): one entry per (target, data),
    written in a few queries; must run inside the caller's transaction. Returns the count."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("log_activities must be called inside the service's transaction.")
    actor = actor if actor is not None and actor.is_authenticated else None
    # Rows rather than model instances: an import logs one entry per row of its file.
    data_field = ActivityLog._meta.get_field("data")
    created_at = ActivityLog._meta.get_field("created_at").get_db_prep_save(
        timezone.now(), connection
    )
    rows = [
        (
            actor.pk if actor else None,
            action,
            ContentType.objects.get_for_model(target).pk,  # cached by Django
            str(target.pk),
            str(target)[:255],
            data_field.get_db_prep_save(data or {}, connection),
            created_at,
        )
        for target, data in entries
    ]
    insert_rows(ActivityLog._meta.db_table, LOG_COLUMNS, rows)
    return len(rows)


LOG_COLUMNS = (
    "actor_id",
    "action",
    "content_type_id",
    "object_id",
    "object_repr",
    "data",
    "created_at",
)
