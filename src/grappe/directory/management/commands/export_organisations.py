"""`grappe export-organisations --format csv|xlsx [--out FILE]`: the whole directory in the
import's columns (docs/data-formats.md); to standard output without --out."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from grappe.directory.transfer.exporting import (
    FORMATS,
    organisation_file,
    organisations_to_export,
)
from grappe.members.models import Organisation


class Command(BaseCommand):
    help = "Export every organisation as CSV or XLSX, in the columns the import reads."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="csv", dest="file_format")
        parser.add_argument("--out", help="the file to write (default: standard output)")

    def handle(self, *args, file_format: str, out: str | None, **options):
        content = organisation_file(
            organisations_to_export(Organisation.objects.all()), file_format=file_format
        )
        if not out:
            self.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
            return
        try:
            Path(out).write_bytes(content)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(file)s: %(error)s") % {"file": out, "error": error.strerror}
            ) from error
        self.stdout.write(_("%(file)s written.") % {"file": out})
