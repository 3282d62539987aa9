from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from grappe.core.services import DEFAULT_VOCABULARY, load_vocabulary, read_vocabulary_csv


class Command(BaseCommand):
    help = (
        "Load or update the capability vocabulary from a CSV file (code, facet, labels, synonyms)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_VOCABULARY))

    def handle(self, *args, path, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No such file: {source}")
        try:
            summary = load_vocabulary(rows=read_vocabulary_csv(source), actor=None)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"{summary['created']} created, {summary['updated']} updated")
