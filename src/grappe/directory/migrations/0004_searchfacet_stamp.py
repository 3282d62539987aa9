from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0003_search_facets'),
    ]

    operations = [
        migrations.AddField(
            model_name='searchfacet',
            name='stamp',
            field=models.BigIntegerField(default=0),
        ),
    ]
