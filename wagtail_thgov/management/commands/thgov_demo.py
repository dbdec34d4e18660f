"""``manage.py thgov_demo``: demo content for a fictional municipality. Safe to run again."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from wagtail_thgov.demo.content import build_demo

DEMO_PASSWORD = "thgov-demo"


class Command(BaseCommand):
    help = "Create the demo municipality (fictional) with its pages; add --users for demo log-ins."

    def add_arguments(self, parser):
        parser.add_argument("--users", action="store_true", help="Also create the demo admin user.")

    def handle(self, *args, users=False, **options):
        created = build_demo(self.stdout.write)
        if users:
            created += self.ensure_admin()
        self.stdout.write(self.style.SUCCESS(f"thgov_demo: {created} objects created."))

    def ensure_admin(self):
        """A superuser ``admin`` with the demo password, created once and never reset."""
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write(f"Admin login: admin / {DEMO_PASSWORD} (unless you changed it)")
            return 0
        User.objects.create_superuser("admin", "admin@bansuandokmai.example", DEMO_PASSWORD)
        self.stdout.write(f"Admin login: admin / {DEMO_PASSWORD}")
        return 1
