"""The `grappe` command: Django's manage.py with Grappe's settings preset."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "grappe.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    # A command module cannot have a hyphen in its name: `grappe import-organisations`
    # runs the `import_organisations` command.
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
