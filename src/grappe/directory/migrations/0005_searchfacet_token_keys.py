from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0004_searchfacet_stamp'),
    ]

    operations = [
        migrations.AlterField(
            model_name='searchfacet',
            name='key',
            field=models.CharField(max_length=64, primary_key=True, serialize=False),
        ),
        migrations.AddIndex(
            model_name='searchfacet',
            index=models.Index(fields=['key', 'stamp'], name='directory_searchfacet_stamps'),
        ),
    ]
