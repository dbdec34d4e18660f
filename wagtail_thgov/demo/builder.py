"""Idempotent helpers to build demo pages: a page that already exists is left exactly as it is."""

from django.db import transaction
from wagtail.models import Page, Site


class DemoBuilder:
    """Creates demo objects once and counts what it created, so a second run can report zero."""

    def __init__(self, write=lambda message: None):
        self.write = write
        self.created = 0
        self.collection = None  # the collection of the site being built: where its demo files go

    def page(self, parent, model, slug, **fields):
        """The live child of ``parent`` with ``slug``, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = model(slug=slug, **fields)
        with transaction.atomic():
            parent.add_child(instance=page)
            page.save_revision().publish()
        self.created += 1
        self.write(f"  + {model._meta.verbose_name}: {page.title}")
        return page

    def row(self, model, lookup, defaults=None):
        """``get_or_create`` that counts creations."""
        obj, created = model.objects.get_or_create(**lookup, defaults=defaults or {})
        self.created += created
        return obj

    def site_for(self, root_page, hostname, port, site_name, is_default):
        """Point a site (the default site, or one found by hostname and port) at ``root_page``."""
        site = Site.objects.filter(is_default_site=True).first() if is_default else None
        if site is None:
            site = Site.objects.filter(hostname=hostname, port=port).first()
        if site is None:
            site = Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=root_page,
                site_name=site_name,
                is_default_site=is_default,
            )
            self.created += 1
            return site
        if site.root_page_id != root_page.pk or site.site_name != site_name:
            old_root = site.root_page
            site.root_page = root_page
            site.site_name = site_name
            site.save()
            self.created += 1
            remove_wagtail_welcome_page(old_root, self.write)
        return site


def remove_wagtail_welcome_page(page, write):
    """Delete Wagtail's initial "Welcome" placeholder once no site uses it; never any other page."""
    if page is None or type(page.specific) is not Page or page.depth != 2 or page.get_children().exists():
        return
    if Site.objects.filter(root_page=page).exists():
        return
    write(f"  - removed the placeholder page: {page.title}")
    page.delete()
