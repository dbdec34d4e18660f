# Page cache generations shared through the database; per-address daily limits of ratings and survey
# responses (issue 20).

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_thgov", "0006_compliance_evidence"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PageCacheGeneration",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=64, unique=True, verbose_name="key")),
                ("token", models.CharField(max_length=32, verbose_name="token")),
            ],
            options={
                "verbose_name": "page cache generation",
                "verbose_name_plural": "page cache generations",
            },
        ),
        migrations.AddField(
            model_name="satisfactionrating",
            name="address_hash",
            field=models.CharField(blank=True, default="", max_length=32, verbose_name="address hash"),
        ),
        migrations.AddField(
            model_name="surveyresponse",
            name="address_hash",
            field=models.CharField(blank=True, default="", max_length=32, verbose_name="address hash"),
        ),
        migrations.AddIndex(
            model_name="satisfactionrating",
            index=models.Index(fields=["site", "date", "address_hash"], name="thgov_rating_address_day"),
        ),
        migrations.AddIndex(
            model_name="surveyresponse",
            index=models.Index(fields=["page", "date", "address_hash"], name="thgov_surveyresponse_address"),
        ),
    ]
