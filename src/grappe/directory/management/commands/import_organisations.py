"""`grappe import-organisations FILE [--dry-run]`: import a CSV or XLSX organisation file.

Exit status 0 when the file was imported (or, with --dry-run, would be), 1 when it was
rejected: every error is printed, one per line, and nothing is written.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from grappe.directory.transfer.importing import (
    ImportRejected,
    import_organisations_file,
    preview_import,
)
from grappe.directory.transfer.reading import FileRejected
from grappe.directory.transfer.rows import UNCHANGED, ImportPlan


class Command(BaseCommand):
    help = (
        "Import organisations from a CSV or XLSX file (format: docs/data-formats.md). "
        "Rows with a known SIRET update that organisation, the others are created; "
        "any error rejects the whole file."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV or XLSX file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and report, write nothing"
        )

    def handle(self, *args, file: str, dry_run: bool, **options):
        path = Path(file)
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}
            ) from error
        try:
            with _cyclic_gc_paused():
                if dry_run:
                    plan = preview_import(content=content, filename=path.name)
                else:
                    plan = import_organisations_file(
                        actor=None, content=content, filename=path.name
                    )
        except FileRejected as error:
            raise CommandError(error.message) from error
        except ImportRejected as error:
            plan = error.plan
        if plan.errors:
            for row_error in plan.errors:
                self.stderr.write(str(row_error))
            raise CommandError(
                ngettext(
                    "%(count)s error: nothing was imported.",
                    "%(count)s errors: nothing was imported.",
                    len(plan.errors),
                )
                % {"count": len(plan.errors)}
            )
        if dry_run or options["verbosity"] > 1:
            self._report_rows(plan)
        self.stdout.write(self._summary(plan, dry_run=dry_run))

    def _report_rows(self, plan: ImportPlan) -> None:
        for row in plan.rows:
            if row.action == UNCHANGED:
                continue
            changes = [
                *row.changed_columns,
                *(f"+{term.code}" for term in row.added_terms),
                *(f"-{term.code}" for term in row.removed_terms),
                *(f"+{cluster.slug}" for cluster in row.joined),
                *(f"-{cluster.slug}" for cluster in row.left),
                *(str(year) for year in row.member_years),
            ]
            line = (
                _("row %(row)s: create “%(name)s”")
                if row.action == "create"
                else _("row %(row)s: update “%(name)s” (%(changes)s)")
            )
            self.stdout.write(
                line
                % {"row": row.row, "name": row.organisation.name, "changes": ", ".join(changes)}
            )

    def _summary(self, plan: ImportPlan, *, dry_run: bool) -> str:
        counts = {"created": plan.created, "updated": plan.updated, "unchanged": plan.unchanged}
        if dry_run:
            return (
                _(
                    "Dry run, nothing written: %(created)s to create, %(updated)s to update, "
                    "%(unchanged)s unchanged."
                )
                % counts
            )
        return _("Imported: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.") % (
            counts
        )


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during a large import.

    An import of 100 000 rows builds millions of objects that live until it ends, and the
    collector would walk them again and again (a third of the import's time). Reference
    counting still frees what is dropped; the collector resumes afterwards. A command is a
    process of its own, so nothing else is affected.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
