"""Explicit change announcements between apps, for derived data kept downstream.

Dependencies point one way (core ← members ← directory), so a members service cannot call
the directory to refresh its search index. Instead the service announces, inside its own
transaction, which objects changed; an app downstream registers a handler once at start-up
(in its AppConfig.ready). Unlike Django signals, an announcement is a visible call in the
service, and a handler runs in the same transaction: the derived data commits or rolls back
with the change.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Handler = Callable[[list[int]], None]

_handlers: dict[str, list[Handler]] = defaultdict(list)

ORGANISATIONS_CHANGED = "members.organisations.changed"


def on_change(topic: str, handler: Handler) -> None:
    if handler not in _handlers[topic]:
        _handlers[topic].append(handler)


def announce(topic: str, ids: Iterable[int]) -> None:
    """Tell the registered handlers that the objects with these ids changed."""
    id_list = sorted({int(pk) for pk in ids})
    if (held := _held.get()) is not None:
        held[topic].update(id_list)
        return
    if id_list:
        for handler in _handlers[topic]:
            handler(id_list)


TERMS_CHANGED = "core.terms.changed"


_held: ContextVar[dict[str, set[int]] | None] = ContextVar("held_announcements", default=None)


@contextmanager
def held_announcements() -> Iterator[None]:
    """Hold the announcements made inside the block; deliver them once, merged, at its end.

    A bulk change (an import) goes through several services that each announce the same
    organisations; the handlers then run once over all of them. Use it inside the
    transaction, so that the handlers still run in it. Nothing is delivered if the block
    raises (the transaction rolls back anyway); a nested block leaves delivery to the outer.
    """
    if _held.get() is not None:
        yield
        return
    held: dict[str, set[int]] = defaultdict(set)
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
    for topic, ids in held.items():
        announce(topic, ids)
