"""``manage.py thgov_setup``: everything a new municipality site needs. Safe to run again."""

from django.core.management.base import BaseCommand

from wagtail_thgov.installation import run_setup


class Command(BaseCommand):
    help = "Create the groups, workflow, schedules and standards a wagtail-thgov site needs (idempotent)."

    def handle(self, *args, **options):
        changed = run_setup(self.stdout.write)
        if changed:
            self.stdout.write(self.style.SUCCESS(f"thgov_setup: {changed} rows created or updated."))
        else:
            self.stdout.write(self.style.SUCCESS("thgov_setup: already up to date; nothing changed."))
