"""A page past its ``expire_at`` is not served, even before the worker has taken it offline.

The every-minute job (``jobs.run_publish_scheduled``) unpublishes due pages; until it runs, Wagtail would
still serve a page whose expiry has passed (``serve`` looks only at ``live``). Registered as Wagtail's
``before_serve_page`` hook, this answers 404 for such a page at once, on every app server; the page cache
keeps each entry no longer than its page's expiry (``cache.middleware``).
"""

from django.http import Http404
from django.utils import timezone


def refuse_expired_page(page, request, serve_args, serve_kwargs):
    """``before_serve_page``: 404 for a page whose expiry has passed (the worker will unpublish it)."""
    if page.expire_at is not None and page.expire_at <= timezone.now():
        raise Http404
