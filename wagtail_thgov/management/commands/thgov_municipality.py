"""``manage.py thgov_municipality``: make a site of an installed project a municipality's site."""

from django.core.management.base import BaseCommand, CommandError

from wagtail_thgov.install.municipality import HOME_SLUG, MunicipalityError, build_municipality, find_site


class Command(BaseCommand):
    help = (
        "Create or adopt the municipality home page with its category sections, make it the site's root "
        "and run the setup (safe to run again)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site", help="id, hostname or hostname:port of the site (default: the default site)"
        )
        parser.add_argument("--name", help="title of a new home page (default: the site's name)")
        parser.add_argument(
            "--slug", default=HOME_SLUG, help=f"address of a new home page (default: {HOME_SLUG})"
        )
        parser.add_argument(
            "--move-children",
            action="store_true",
            help="move the pages below the old root page under the new home page",
        )

    def handle(self, *args, site=None, name=None, slug=HOME_SLUG, move_children=False, **options):
        try:
            outcome = build_municipality(find_site(site), name=name, slug=slug, move_children=move_children)
        except MunicipalityError as error:
            raise CommandError(str(error)) from error
        for message in outcome.messages:
            self.stdout.write(message)
        summary = f"thgov_municipality: {outcome.site.hostname}: {outcome.changed} changes."
        self.stdout.write(self.style.SUCCESS(summary))
