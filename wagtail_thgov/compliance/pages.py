"""The public ITA/OIT index page: every o-item of the chosen year with links to its evidence, always current.

Municipalities keep this page by hand today; here it is computed from the checklist on every request,
with the same evaluation as the admin report (a fixed number of queries, whatever the site's size).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from ..pages.base import ThgovPage
from .evaluator import MET
from .models import Layout, Standard
from .panels import latest_editions


class ItaIndexPage(ThgovPage):
    """ITA/OIT evidence index (การเปิดเผยข้อมูลสาธารณะ OIT): each o-item and the links that show it."""

    standard = models.ForeignKey(
        Standard,
        verbose_name=_("ITA/OIT year"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"layout": Layout.OIT},
        help_text=_("Leave empty to always show the newest ITA/OIT list."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = ThgovPage.content_panels + [FieldPanel("standard"), FieldPanel("intro")]
    search_fields = ThgovPage.search_fields + [index.SearchField("intro")]

    thgov_category = "1.5"
    thgov_required_metadata = ("responsible_department",)
    thgov_schema_type = "CollectionPage"
    parent_page_types = ["wagtail_thgov.MunicipalityHomePage"]
    subpage_types: list[str] = []
    template = "wagtail_thgov/pages/ita_index_page.html"
    page_description = _(
        "Every ITA/OIT item of one year with links to its evidence, kept up to date automatically."
    )

    class Meta:
        verbose_name = _("ITA/OIT evidence index")
        verbose_name_plural = _("ITA/OIT evidence indexes")

    def shown_standard(self):
        """The chosen edition, or the newest ITA/OIT edition installed."""
        if self.standard_id:
            return self.standard
        editions = latest_editions(Standard.objects.filter(layout=Layout.OIT))
        return editions[0] if editions else None

    def get_context(self, request, *args, **kwargs):
        from .results import standard_result

        context = super().get_context(request, *args, **kwargs)
        standard = self.shown_standard()
        site = self.get_site()
        rows = []
        if standard is not None and site is not None:
            result = standard_result(site, standard)
            for status in result.statuses:
                links = [
                    finding.evidence
                    for finding in status.findings
                    if finding.status == MET and finding.evidence.url
                ]
                rows.append({"item": status.item, "links": links, "met": status.met})
        context.update({"ita_standard": standard, "ita_rows": rows, "ita_checked_at": timezone.now()})
        return context
