"""``manage.py thgov_demo_sites N``: N fictional municipalities as separate Wagtail sites. Safe to run again."""

import time

from django.core.management.base import BaseCommand, CommandError

from thgov_demo.sites import build_demo_sites
from thgov_demo.users import DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Create N demo municipalities (m001.localhost, m002.localhost, …), each a separate Wagtail site "
        "with its own settings, role groups, workflow, users and a light content set."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many municipalities (1–999).")
        parser.add_argument(
            "--domain",
            default="localhost",
            help="Parent domain of the hostnames: m001.DOMAIN, m002.DOMAIN, … (default: localhost).",
        )
        parser.add_argument("--port", type=int, default=80, help="Port of the sites (default: 80).")
        parser.add_argument(
            "--full",
            action="store_true",
            help="The complete demo content on every site (slow: ~15 s a site).",
        )
        parser.add_argument(
            "--no-users", action="store_true", help="Do not create the uploader/webmaster/approver users."
        )

    def handle(self, *args, count, domain, port, full, no_users, **options):
        if not 1 <= count <= 999:
            raise CommandError("count must be between 1 and 999.")
        started = time.monotonic()
        result = build_demo_sites(
            count,
            self.stdout.write if options["verbosity"] > 1 else (lambda message: None),
            domain=domain,
            port=port,
            full=full,
            users=not no_users,
            password=DEMO_PASSWORD,
        )
        sites = result["sites"]
        self.stdout.write(f"{sites[0].hostname} … {sites[-1].hostname}")
        if not no_users:
            self.stdout.write(
                f"Log-ins (password {DEMO_PASSWORD}): {sites[0].hostname.split('.')[0]}-uploader, "
                "-webmaster, -approver, and likewise for every site."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"thgov_demo_sites: {len(sites)} sites, {result['created']} objects created "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
