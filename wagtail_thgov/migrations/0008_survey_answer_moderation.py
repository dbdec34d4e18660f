# Open answers of satisfaction surveys are public only once a webmaster accepts them (issue 20). Answers
# stored before this migration wait for review like new ones: nothing unreviewed is shown.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_thgov", "0007_reliability"),
    ]

    operations = [
        migrations.AddField(
            model_name="surveyanswer",
            name="moderation",
            field=models.CharField(
                choices=[
                    ("pending", "Waiting for review"),
                    ("accepted", "Accepted"),
                    ("rejected", "Rejected"),
                ],
                db_index=True,
                default="pending",
                max_length=16,
                verbose_name="moderation",
            ),
        ),
    ]
