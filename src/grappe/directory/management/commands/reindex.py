"""`grappe reindex [--batch N]`: rebuild the search index of every organisation."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from grappe.directory.search.index import BATCH_SIZE, reindex_all


class Command(BaseCommand):
    help = _("Rebuild the search index of every organisation, one transaction per batch.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            type=int,
            default=BATCH_SIZE,
            help=_("organisations per transaction (default %(size)s)") % {"size": BATCH_SIZE},
        )

    def handle(self, *args, batch: int, **options):
        if batch < 1:
            raise CommandError(_("--batch must be a positive number."))
        started = time.perf_counter()
        done = 0
        for done in reindex_all(batch_size=batch):
            if options["verbosity"] > 1:
                self.stdout.write(_("%(count)s organisations indexed") % {"count": done})
        seconds = time.perf_counter() - started
        self.stdout.write(
            _("%(count)s organisations indexed in %(seconds).1f s")
            % {"count": done, "seconds": seconds}
        )
