"""``manage.py thgov_inventory --format json``: the published-information inventory for scripts."""

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from wagtail_thgov.metadata.inventory import build_inventory, live_thgov_pages


class Command(BaseCommand):
    help = "Print every live thgov page with category, type, URL, completeness, missing fields and files."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--site", help="Only this site (hostname, or hostname:port).")

    def handle(self, *args, site=None, **options):
        rows = build_inventory(live_thgov_pages(self._site(site) if site else None))
        self.stdout.write(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=2))

    def _site(self, name):
        hostname, _, port = name.partition(":")
        sites = Site.objects.filter(hostname=hostname)
        if port:
            sites = sites.filter(port=int(port))
        site = sites.first()
        if site is None:
            raise CommandError(f"No site with hostname {name!r}.")
        return site
