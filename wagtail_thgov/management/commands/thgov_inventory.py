"""``manage.py thgov_inventory --format json``: the published-information inventory for scripts.

``--verify`` also reads every certified file from storage and says whether it still holds the bytes the
certification covered (``"stored_file_matches"``: true, false, or null when the file is gone).
"""

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from wagtail_thgov.metadata.certified_files import stored_file_matches
from wagtail_thgov.metadata.inventory import build_inventory, live_thgov_pages


class Command(BaseCommand):
    help = "Print every live thgov page with category, type, URL, completeness, missing fields and files."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--site", help="Only this site (hostname, or hostname:port).")
        parser.add_argument(
            "--verify",
            action="store_true",
            help="Hash every certified file in storage and say whether it still matches its certification.",
        )

    def handle(self, *args, site=None, verify=False, **options):
        rows = build_inventory(live_thgov_pages(self._site(site) if site else None))
        data = [row.as_json() for row in rows]
        if verify:
            for row, item in zip(rows, data, strict=True):
                for record, facts in zip(row.certified_files, item["certified_files"], strict=True):
                    facts["stored_file_matches"] = stored_file_matches(record)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

    def _site(self, name):
        hostname, _, port = name.partition(":")
        sites = Site.objects.filter(hostname=hostname)
        if port:
            sites = sites.filter(port=int(port))
        site = sites.first()
        if site is None:
            raise CommandError(f"No site with hostname {name!r}.")
        return site
