"""Which Wagtail collection holds a site's files."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteCollection(models.Model):
    """The collection of one site's documents and images; made by ``thgov_setup``, found through this row
    (never by name), so a host may rename the collection in the admin."""

    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", verbose_name=_("collection"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("site file collection")
        verbose_name_plural = _("site file collections")

    def __str__(self):
        return f"{self.site}: {self.collection}"
