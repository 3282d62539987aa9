"""Explicit change announcements between apps, for derived data kept downstream.

Dependencies point one way (core ← members ← directory), so a members service cannot call
the directory to refresh its search index. Instead the service announces, inside its own
transaction, which objects changed; an app downstream registers a handler once at start-up
(in its AppConfig.ready). Unlike Django signals, an announcement is a visible call in the
service, and a handler runs in the same transaction: the derived data commits or rolls back
with the change.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

Handler = Callable[[list[int]], None]

_handlers: dict[str, list[Handler]] = defaultdict(list)

ORGANISATIONS_CHANGED = "members.organisations.changed"


def on_change(topic: str, handler: Handler) -> None:
    if handler not in _handlers[topic]:
        _handlers[topic].append(handler)


def announce(topic: str, ids: Iterable[int]) -> None:
    """Tell the registered handlers that the objects with these ids changed."""
    id_list = sorted({int(pk) for pk in ids})
    if id_list:
        for handler in _handlers[topic]:
            handler(id_list)


TERMS_CHANGED = "core.terms.changed"
