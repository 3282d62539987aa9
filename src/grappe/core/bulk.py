"""Inserting many rows fast, for imports of tens of thousands of objects."""

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter
from typing import Any

from django.db import connection, models

BATCH = 5000
TEXT_FIELDS = (models.CharField, models.TextField)


def insert_many(model: type[models.Model], objects: Sequence[models.Model]) -> None:
    """INSERT the objects with one prepared statement (`executemany`), ids left unread.

    `bulk_create` builds SQL for every batch of a few dozen rows (SQLite allows 999
    parameters a statement) and goes through several layers for every value; for an import
    of 100 000 organisations this takes twice as long. Values are prepared by each field
    exactly as a save would (defaults, auto_now, JSON, dates); constraints are the
    database's. The caller reads back the ids it needs (by a unique field).
    """
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    # A text field's value that is already a string goes as it is: preparing each of the
    # millions of values of a large import costs seconds for nothing.
    text = [isinstance(field, TEXT_FIELDS) and not field.null for field in fields]
    insert_rows(
        model._meta.db_table,
        [field.column for field in fields],
        (_prepared(obj, fields, text) for obj in objects),
    )


def _prepared(obj: models.Model, fields: list[models.Field], text: list[bool]) -> list[Any]:
    row = []
    for field, is_text in zip(fields, text, strict=True):
        value = field.pre_save(obj, True)
        row.append(
            value if is_text and type(value) is str else field.get_db_prep_save(value, connection)
        )
    return row


def insert_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """INSERT rows of values, ready for the database, into these columns of the table.

    PostgreSQL receives them through COPY, several times faster than one INSERT per row
    even pipelined; SQLite runs one prepared statement over them (`executemany`)."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {quote(table)} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def read_ids(
    model: type[models.Model], objects: Sequence[models.Model], fields: Sequence[str]
) -> None:
    """Give objects just inserted by `insert_many` their ids, found by these fields (unique
    together), a query per 5 000 values of the first."""
    key = attrgetter(*fields)
    by_key = {key(obj): obj for obj in objects}
    values = sorted({getattr(obj, fields[0]) for obj in objects})
    for start in range(0, len(values), BATCH):
        rows = model.objects.filter(**{f"{fields[0]}__in": values[start : start + BATCH]})
        for *found, pk in rows.values_list(*fields, "pk"):
            obj = by_key.get(found[0] if len(fields) == 1 else tuple(found))
            if obj is not None:
                obj.pk = pk
                obj._state.adding, obj._state.db = False, "default"


def update_many(
    model: type[models.Model], objects: Sequence[models.Model], fields: Sequence[str]
) -> None:
    """UPDATE these fields of the objects, found by id, with one prepared statement.

    `bulk_update` writes a CASE expression over every object of a batch, which grows
    slowly with tens of thousands of objects; here each object is one execution of the
    same statement. Values are prepared by each field as a save would.
    """
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in columns)
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(objects), BATCH):
            cursor.executemany(
                sql,
                [
                    [
                        *(field.get_db_prep_save(getattr(obj, field.attname), connection)
                          for field in columns),
                        obj.pk,
                    ]
                    for obj in objects[start : start + BATCH]
                ],
            )  # fmt: skip


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during a bulk write.

    The hundreds of thousands of objects an import builds (rows, model instances, plans)
    live until its end, and every full collection walks all of them again: seconds for
    100 000 rows, for nothing to collect. Reference counting still frees what is dropped;
    the collector resumes afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
