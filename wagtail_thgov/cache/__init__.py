"""The page cache: anonymous GET/HEAD requests of public Wagtail pages served from Django's cache.

``middleware.PageCacheUpdateMiddleware`` (first in ``MIDDLEWARE``) stores cacheable responses;
``middleware.PageCacheFetchMiddleware`` (last) answers from the cache. ``invalidation`` makes cached
pages stale by bumping generation numbers kept in the same cache. See docs/caching.md.
"""
