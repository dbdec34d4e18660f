"""``manage.py thgov_demo``: demo content for a fictional municipality. Safe to run again."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.models import Site

from wagtail_thgov.demo.content import build_demo
from wagtail_thgov.workflows.roles import Role
from wagtail_thgov.workflows.setup import role_group

DEMO_PASSWORD = "thgov-demo"

# Fictional people, one per role of the guideline.
DEMO_USERS = [
    ("uploader", "สมศรี", "ใจดี (ตัวอย่าง)", Role.UPLOADER),
    ("webmaster", "ประเสริฐ", "ตรวจถ้วน (ตัวอย่าง)", Role.WEBMASTER),
    ("approver", "วิไลวรรณ", "รับรองดี (ตัวอย่าง)", Role.APPROVER),
]


class Command(BaseCommand):
    help = "Create the demo municipality (fictional) with its pages; add --users for demo log-ins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--users", action="store_true", help="Also create the demo users (admin and one per role)."
        )

    def handle(self, *args, users=False, **options):
        created = build_demo(self.stdout.write)
        if users:
            created += self.ensure_users()
        self.stdout.write(self.style.SUCCESS(f"thgov_demo: {created} objects created."))

    def ensure_users(self):
        """A superuser ``admin`` and one user per role, created once and never reset."""
        User = get_user_model()
        created = 0
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@bansuandokmai.example", DEMO_PASSWORD)
            created += 1
        site = Site.objects.get(is_default_site=True)
        for username, first_name, last_name, role in DEMO_USERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username,
                f"{username}@bansuandokmai.example",
                DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.add(role_group(site, role))
            created += 1
        self.stdout.write(f"Demo log-ins (password {DEMO_PASSWORD}): admin, uploader, webmaster, approver")
        return created
