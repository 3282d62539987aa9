"""A stamp that changes with every change of a membership, kept by the database itself.

The search keeps this year's members as a bitmap in each process (for the "members only"
filter) and reads it again only when the stamp has changed: the row "m" of SearchFacet
(no bits) gets a new random stamp from a trigger on every insert, update or delete of a
membership, whichever code writes it.
"""

import secrets

from django.db import migrations

KEY = "m"
TABLE = "members_membership"
BUMP = f"UPDATE directory_searchfacet SET stamp = {{}} WHERE key = '{KEY}'"

SQLITE_FORWARDS = [
    f"""CREATE TRIGGER directory_membership_stamp_{event.lower()} AFTER {event} ON {TABLE}
        BEGIN {BUMP.format("random()")}; END"""
    for event in ("INSERT", "UPDATE", "DELETE")
]
SQLITE_BACKWARDS = [
    f"DROP TRIGGER IF EXISTS directory_membership_stamp_{event}"
    for event in ("insert", "update", "delete")
]
POSTGRES_FORWARDS = [
    f"""CREATE FUNCTION directory_membership_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN {BUMP.format("(random() * 4e18)::bigint")}; RETURN NULL; END $$""",
    f"""CREATE TRIGGER directory_membership_stamp AFTER INSERT OR UPDATE OR DELETE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION directory_membership_stamp()""",
]
POSTGRES_BACKWARDS = [
    f"DROP TRIGGER IF EXISTS directory_membership_stamp ON {TABLE}",
    "DROP FUNCTION IF EXISTS directory_membership_stamp()",
]


def forwards(apps, schema_editor):
    SearchFacet = apps.get_model("directory", "SearchFacet")
    SearchFacet.objects.update_or_create(
        key=KEY, defaults={"bits": b"", "stamp": secrets.randbits(62)}
    )
    statements = {"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRES_FORWARDS}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRES_BACKWARDS}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)
    apps.get_model("directory", "SearchFacet").objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_searchfacet_token_keys"),
        ("members", "0002_organisation_email_phone"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
