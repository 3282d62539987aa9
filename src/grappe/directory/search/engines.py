"""The full-text backend of the database in use: SQLite's FTS5 (`sqlite`) or PostgreSQL's
full text search (`postgres`). Both modules offer the same functions."""

from types import ModuleType

from django.db import connection

from grappe.directory.search import postgres, sqlite


def backend() -> ModuleType:
    return postgres if connection.vendor == "postgresql" else sqlite
