"""The dashboard panel: how many pages of the request's site expire soon, are past review or out of
date, each linking to the currency report filtered to that status.

The counts are kept per site generation (``cache.sitedata.per_site``), per user (they count the pages the
user may edit) and per hour (expiring "soon" and "past review" move with the clock): any page published,
changed or unpublished, and any file's text read, gives new counts at once; the report itself is always
computed afresh. Six queries on every visit to the dashboard become none on a repeat visit.
"""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..cache.sitedata import per_site
from .currency import EXPIRING_SOON_DAYS, Status
from .views import currency_report_for_request, page_policy


def currency_summary(request) -> dict | None:
    """``{"fiscal_year": ..., "counts": {status: count}}`` of the request's site for the user, or ``None``."""

    def compute():
        report = currency_report_for_request(request)
        return None if report is None else {"fiscal_year": report.fiscal_year, "counts": report.counts}

    hour = timezone.localtime().strftime("%Y%m%d%H")
    return per_site(request, f"currency_panel:{request.user.pk}:{hour}", compute)


class CurrencyPanel(Component):
    name = "thgov_currency"
    template_name = "wagtail_thgov/publishing/currency_panel.html"
    order = 230

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        summary = currency_summary(self.request)
        url = reverse("thgov_publishing:currency_report")
        counts = summary["counts"] if summary else {}
        return {
            "summary": summary,
            "days": EXPIRING_SOON_DAYS,
            "items": [
                {"label": label, "count": counts.get(status, 0), "url": f"{url}?status={status}"}
                for status, label in Status.choices()
            ],
            "report_url": url,
        }


def add_currency_panel(request, panels):
    """For the ``construct_homepage_panels`` hook: shown to users who may edit some page."""

    if page_policy.user_has_permission(request.user, "change"):
        panels.append(CurrencyPanel(request))
