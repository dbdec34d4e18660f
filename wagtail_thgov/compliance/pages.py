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
from .models import Layout, Standard
from .results import edition_label, newest_oit_standard, standard_result


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
        return newest_oit_standard(self.get_site())

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        standard = self.shown_standard()
        site = self.get_site()
        rows = []
        warning = ""
        if standard is not None and site is not None:
            result = standard_result(site, standard)
            warning = result.edition_warning
            for status in result.statuses:
                links = [finding.evidence for finding in status.met_findings if finding.evidence.url]
                rows.append(
                    {
                        "item": status.item,
                        "links": links,
                        "met": status.met,
                        "status": status.status,
                        "parts": status.parts,
                    }
                )
        context.update(
            {
                "ita_standard": standard,
                "ita_edition": edition_label(standard) if standard else "",
                "ita_warning": warning,
                "ita_rows": rows,
                "ita_checked_at": timezone.now(),
            }
        )
        return context
