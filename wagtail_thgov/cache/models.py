"""Where every process finds the page cache's generations when the cache itself is private to a process."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageCacheGeneration(models.Model):
    """The current token of one generation (``global`` or ``site:<id>``), shared through the database.

    Used when the page cache lives in each process's local memory (see ``store``): a bump made by the
    django-q2 worker, a management command or another app server reaches every web process.
    """

    key = models.CharField(_("key"), max_length=64, unique=True)
    token = models.CharField(_("token"), max_length=32)

    # Written by the invalidation itself; a bump must not bump again.
    thgov_page_cache_ignore = True

    class Meta:
        verbose_name = _("page cache generation")
        verbose_name_plural = _("page cache generations")

    def __str__(self):
        return f"{self.key}={self.token}"
