"""Keeping the search index in step with the data.

`reindex_organisations` is called inside the transaction of every write that changes what
the search sees (the directory's own services, and the members' and vocabulary's changes
through `grappe.core.hooks`).
"""

from collections.abc import Iterable


def reindex_organisations(organisation_ids: Iterable[int]) -> None:
    """Rebuild the search documents of these organisations (deleted ones are dropped)."""
    # The index builder replaces this body; until then the index is rebuilt by nobody.
    return None


def reindex_terms(term_ids: Iterable[int]) -> None:
    """Rebuild the search documents of every organisation that carries one of these terms."""
    return None
