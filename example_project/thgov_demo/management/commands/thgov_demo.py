"""``manage.py thgov_demo``: demo content for a fictional municipality. Safe to run again."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.models import Site

from thgov_demo.content import build_demo
from thgov_demo.users import DEMO_ADMIN, DEMO_PASSWORD, role_people


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
        """A superuser ``admin`` and the default site's people able to log in; a set password is kept."""
        User = get_user_model()
        created = 0
        username, first_name, last_name = DEMO_ADMIN
        admin = User.objects.filter(username=username).first()
        if admin is None:
            User.objects.create_superuser(
                username,
                "admin@bansuandokmai.example",
                DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
            )
            created += 1
        elif not (admin.first_name and admin.last_name):
            # An admin made by an earlier demo had no name; its account settings could not be saved.
            admin.first_name = admin.first_name or first_name
            admin.last_name = admin.last_name or last_name
            admin.save(update_fields=["first_name", "last_name"])
            created += 1
        for user in role_people(Site.objects.get(is_default_site=True)).values():
            if not user.has_usable_password():
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                created += 1
        self.stdout.write(f"Demo log-ins (password {DEMO_PASSWORD}): admin, uploader, webmaster, approver")
        return created
