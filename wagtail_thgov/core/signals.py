"""Signals that cross layers: sent by one capability, heard by another that must not import it."""

from django.dispatch import Signal

# Sent by the scheduled expiry (``publishing.unpublish``) inside each batch's transaction, before the pages
# are unpublished, with ``url_paths``: the page cache (``cache.invalidation``) forgets those addresses.
pages_expiring = Signal()
