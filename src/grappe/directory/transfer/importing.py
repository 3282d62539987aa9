"""The import of an organisation file: check every row, then write all of it or nothing.

The command `grappe import-organisations` and the staff's import page both call
`preview_import` (checks, writes nothing) and `import_organisations_file` (checks again, in
the transaction that writes). Writing takes a few queries per kind of change whatever the
number of rows, and the search index is rebuilt once, for every organisation touched.
"""

from django.db import transaction
from django.utils.translation import ngettext

from grappe.core.activity import log_activities, log_activity
from grappe.core.bulk import cyclic_gc_paused, insert_rows
from grappe.core.hooks import ORGANISATIONS_CHANGED, announce, held_announcements
from grappe.core.models import User
from grappe.directory.models import Capability
from grappe.directory.transfer.reading import read_table
from grappe.directory.transfer.rows import ImportPlan, RowError, plan_import
from grappe.members.services import (
    MembershipRecord,
    import_memberships,
    save_checked_organisations,
    set_cluster_memberships,
)

BATCH = 1000


class ImportRejected(Exception):
    """The file has errors; nothing was written."""

    def __init__(self, plan: ImportPlan) -> None:
        count = len(plan.errors)
        super().__init__(
            ngettext("The file has %(count)s error.", "The file has %(count)s errors.", count)
            % {"count": count}
        )
        self.plan = plan

    @property
    def errors(self) -> list[RowError]:
        return self.plan.errors


def preview_import(*, content: bytes, filename: str = "") -> ImportPlan:
    """What importing the file would do, row by row, or every error in it. Writes nothing.

    Raises `FileRejected` when the bytes are not a table (see `reading`).
    """
    return plan_import(read_table(content, filename=filename))


@transaction.atomic
def import_organisations_file(
    *, actor: User | None, content: bytes, filename: str = ""
) -> ImportPlan:
    """Import the file: every row, or nothing at all when any row has an error.

    Raises `FileRejected` for a file that is not a table, `ImportRejected` (with every
    error) for a table with errors; in both cases nothing is written.
    """
    with cyclic_gc_paused():
        return _import(actor=actor, content=content, filename=filename)


def _import(*, actor: User | None, content: bytes, filename: str) -> ImportPlan:
    plan = preview_import(content=content, filename=filename)
    if plan.errors:
        raise ImportRejected(plan)
    # The services below each announce the organisations they change; held, the search
    # index is rebuilt once for all of them, still inside this transaction.
    with held_announcements():
        save_checked_organisations(actor=actor, checked=[row.checked for row in plan.rows])
        _write_capabilities(actor=actor, plan=plan)
        set_cluster_memberships(
            actor=actor,
            clusters_of=[
                (row.organisation, row.clusters) for row in plan.rows if row.joined or row.left
            ],
        )
        import_memberships(
            actor=actor,
            records=[
                MembershipRecord(organisation=row.organisation, year=year)
                for row in plan.rows
                for year in row.member_years
            ],
        )
    log_activity(
        actor=actor,
        action="directory.organisations.imported",
        data={
            "file": filename[:200],
            "rows": len(plan.rows),
            "created": plan.created,
            "updated": plan.updated,
        },
    )
    return plan


def _write_capabilities(*, actor: User | None, plan: ImportPlan) -> None:
    """Give each organisation of the plan the terms its row names, in a few queries.

    The capabilities of an organisation the import creates are part of its creation, which
    the log already records; a change of an existing organisation's terms is logged.
    """
    added, removed, entries = [], [], []
    for row in plan.rows:
        if not (row.added_terms or row.removed_terms):
            continue
        organisation = row.organisation
        added += [(organisation.pk, term.pk) for term in row.added_terms]
        current = plan.capabilities.get(organisation.pk, {})
        removed += [current[term.pk] for term in row.removed_terms]
        changes = {
            "added": sorted(term.code for term in row.added_terms),
            "removed": sorted(term.code for term in row.removed_terms),
        }
        entries.append((organisation, changes, row.is_new))
    for start in range(0, len(removed), BATCH):
        Capability.objects.filter(pk__in=removed[start : start + BATCH]).delete()
    _insert_capabilities(added)
    log_activities(
        actor=actor,
        action="directory.capabilities.changed",
        entries=[(organisation, changes) for organisation, changes, new in entries if not new],
    )
    announce(ORGANISATIONS_CHANGED, [organisation.pk for organisation, _c, _n in entries])


def _insert_capabilities(pairs: list[tuple[int, int]]) -> None:
    """Insert (organisation id, term id) pairs as rows: a capability is two ids, and
    building a model instance for each of hundreds of thousands of them takes most of an
    import's time. The table's unique constraint still guards against repeats."""
    insert_rows(
        Capability._meta.db_table,
        [Capability._meta.get_field(name).column for name in ("organisation", "term")],
        pairs,
    )
