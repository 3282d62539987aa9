"""The `grappe` command: Django's manage.py with Grappe's settings preset.

The meeting scheduler's commands (`schedule-meetings`, `check-schedule`, `convert-jair`) run
the plain Python package `grappe.scheduling` without starting Django.
"""

import os
import sys

SCHEDULER_COMMANDS = ("schedule-meetings", "check-schedule", "convert-jair")


def main() -> None:
    argv = list(sys.argv)
    if len(argv) > 1 and argv[1] in SCHEDULER_COMMANDS:
        from grappe.scheduling.cli import main as scheduler_main

        sys.exit(scheduler_main(argv[1:]))

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "grappe.settings")
    from django.core.management import execute_from_command_line

    # A command module cannot have a hyphen in its name: `grappe import-organisations`
    # runs the `import_organisations` command.
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
