"""Readable names of the activity-log actions; each app registers its own when it loads."""

from collections.abc import Mapping

from django.utils.functional import Promise

_LABELS: dict[str, str | Promise] = {}


def register_action_labels(labels: Mapping[str, str | Promise]) -> None:
    _LABELS.update(labels)


def action_label(action: str) -> str:
    """The action in the reader's language; an unregistered action shows its code."""
    return str(_LABELS.get(action, action))


def registered_actions() -> frozenset[str]:
    return frozenset(_LABELS)
