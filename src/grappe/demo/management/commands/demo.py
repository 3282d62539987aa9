import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from grappe.core.hooks import held_announcements
from grappe.demo import accounts, core, directory, events, labelling, members
from grappe.demo.accounts import LOGINS, PASSWORD
from grappe.demo.context import DemoContext
from grappe.demo.labelling_plan import EXPERTS

# One module per domain app, in the order of their dependencies.
STEPS = (core.build, members.build, directory.build, accounts.build, labelling.build, events.build)
URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = (
        "Build the demo pôle (the Pôle des Microtechniques): the same data on every run, "
        "and running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="Print only the address and the logins."
        )

    def handle(self, *args, quiet: bool = False, **options):
        started = time.monotonic()
        context = DemoContext(today=timezone.localdate())
        # The search index is rebuilt once, for every organisation the steps changed, rather
        # than after each of the steps' many writes.
        with transaction.atomic(), held_announcements():
            lines = [line for step in STEPS for line in step(context)]
        if not quiet:
            for line in lines:
                self.stdout.write(f"  {line}")
            self.stdout.write(f"Demo built in {time.monotonic() - started:.1f} s.")
        self.stdout.write(self.style.SUCCESS(f"Grappe: {URL}"))
        printed = [(login.description, login.username) for login in LOGINS]
        printed.append(("expert (reviewer)", EXPERTS[0].username))
        for description, username in printed:
            self.stdout.write(f"  {description:<20} username {username:<8} password {PASSWORD}")
