"""`grappe search "QUERY" [--limit N] [--json] [--process CODE ...]`: the directory search
from the command line, through the same service and the same JSON as the API."""

import json
import shutil
from dataclasses import replace

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from grappe.directory.search.serialise import hit_to_dict
from grappe.directory.search.service import search
from grappe.directory.search.types import FILTERS, MAX_LIMIT, Hit, SearchQuery


def positive_number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise CommandError(
            _("--limit must be a positive whole number, not %(value)s.") % {"value": value}
        )
    return number


def all_hits(query: SearchQuery, limit: int | None) -> list[Hit]:
    """Every hit up to `limit` (all of them without), page after page of the service."""
    hits: list[Hit] = []
    while limit is None or len(hits) < limit:
        size = MAX_LIMIT if limit is None else min(MAX_LIMIT, limit - len(hits))
        page = search(replace(query, limit=size, offset=len(hits))).hits
        hits += page
        if len(page) < size:
            break
    return hits


def matched_text(hit: Hit) -> str:
    return "; ".join(f"{key}: {', '.join(values)}" for key, values in hit.matched.items())


class Command(BaseCommand):
    help = _(
        "Search the capability directory. Prints a table, or with --json the same list of "
        "results as the API. Without --limit, every match is listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="?", default="", help=_("the words to look for"))
        parser.add_argument(
            "--limit", type=str, default=None, help=_("at most this many results (positive)")
        )
        parser.add_argument("--json", action="store_true", dest="as_json", help=_("print JSON"))
        parser.add_argument(
            "--members-only", action="store_true", help=_("only this year's members")
        )
        for name in FILTERS:
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                dest=name,
                action="append",
                default=[],
                metavar="VALUE",
                help=_("filter on this %(facet)s (repeatable)") % {"facet": name},
            )

    def handle(self, *args, query: str, limit: str | None, as_json: bool, **options):
        maximum = positive_number(limit) if limit is not None else None
        filters = {name: tuple(options[name]) for name in FILTERS}
        search_query = SearchQuery(text=query, members_only=options["members_only"], **filters)
        hits = all_hits(search_query, maximum)
        if as_json:
            self.print_json(hits)
        else:
            self.print_table(hits)

    def print_json(self, hits: list[Hit]) -> None:
        data = [hit_to_dict(hit) for hit in hits]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

    def print_table(self, hits: list[Hit]) -> None:
        if not hits:
            self.stdout.write(_("No organisation found."))
            return
        width = max(80, shutil.get_terminal_size((120, 20)).columns)
        name_width = min(40, max(len(hit.name) for hit in hits))
        header = f"{'#':>4}  {_('score'):>6}  {_('name'):<{name_width}}  {_('SIRET'):<14}  "
        self.stdout.write((header + _("matched"))[:width])
        for number, hit in enumerate(hits, start=1):
            name = hit.name if len(hit.name) <= name_width else hit.name[: name_width - 1] + "…"
            line = f"{number:>4}  {hit.score:>6.3f}  {name:<{name_width}}  {hit.siret:<14}  "
            self.stdout.write((line + matched_text(hit))[:width])
