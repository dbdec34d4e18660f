"""Idempotent helpers to build demo pages: a page that already exists is left exactly as it is.

A new page is dated by the demo's calendar: it gets a review-by date, the expiry the plugin's own
default publication period gives it (counted from the day it was published, as the editor's form
counts it), and that day as its first publication.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from wagtail_thgov.core.thai.dates import BANGKOK
from wagtail_thgov.metadata.models import GovMetadataMixin
from wagtail_thgov.publishing.expiry import default_expiry

from .calendar import demo_calendar

# Demo pages "went live" at nine in the morning, Bangkok time, of their publication day.
PUBLISHED_AT = dt.time(9, 0)


def published_at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, PUBLISHED_AT, tzinfo=BANGKOK)


class DemoBuilder:
    """Creates demo objects once and counts what it created, so a second run can report zero."""

    def __init__(self, write=lambda message: None, today=None):
        self.write = write
        self.created = 0
        self.collection = None  # the collection of the site being built: where its demo files go
        self.calendar = demo_calendar(today)

    def page(self, parent, model, slug, published_on=None, **fields):
        """The live child of ``parent`` with ``slug``, created and published if missing.

        ``published_on`` (default today) is the day it went live; unless ``fields`` say otherwise, a
        metadata page gets a review-by date and the expiry of the default publication period that
        applies to it. A page whose default period has already ended is not built: nothing expired is
        live.
        """
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        published_on = published_on or self.calendar.today
        if issubclass(model, GovMetadataMixin):
            fields.setdefault("review_by", self.calendar.review_by(slug))
        if "expire_at" not in fields:
            fields["expire_at"] = self.default_expiry(parent, model, fields, published_on)
        page = model(slug=slug, **fields)
        with transaction.atomic():
            parent.add_child(instance=page)
            page.save_revision().publish()
            if published_on != self.calendar.today:
                Page.objects.filter(pk=page.pk).update(first_published_at=published_at(published_on))
        self.created += 1
        self.write(f"  + {model._meta.verbose_name}: {page.title}")
        return page

    def default_expiry(self, parent, model, fields, published_on):
        """The expiry the site's default publication period gives a page published on ``published_on``."""
        values = {**fields, "go_live_at": published_at(published_on)}
        now = timezone.now()
        expire_at, default = default_expiry(parent.get_site(), model, values, now=now)
        if expire_at is None and default is not None and default.days is not None:
            raise ValueError(
                f"demo page of {model.__name__} published {published_on} would already have expired"
            )
        return expire_at

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
