from django.db import migrations

import grappe.events.models.fields

BATCH = 2000


def fill_search_text(apps, schema_editor):
    """The folded names of the registrations already there, as saving each would write them."""
    Registration = apps.get_model("events", "Registration")
    field = Registration._meta.get_field("search_text")
    rows = Registration.objects.only("pk", *field.sources).order_by("pk")
    last = 0
    while batch := list(rows.filter(pk__gt=last)[:BATCH]):
        for registration in batch:
            field.pre_save(registration, add=False)
        Registration.objects.bulk_update(batch, ["search_text"])
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="search_text",
            field=grappe.events.models.fields.FoldedTextField(
                blank=True,
                default="",
                sources=["first_name", "last_name", "email", "organisation_name"],
            ),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
