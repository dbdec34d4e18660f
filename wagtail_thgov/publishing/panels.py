"""The dashboard panel: how many pages of the request's site expire soon, are past review or out of
date, each linking to the currency report filtered to that status."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .currency import EXPIRING_SOON_DAYS, Status
from .views import currency_report_for_request, page_policy


class CurrencyPanel(Component):
    name = "thgov_currency"
    template_name = "wagtail_thgov/publishing/currency_panel.html"
    order = 230

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        report = currency_report_for_request(self.request)
        url = reverse("thgov_publishing:currency_report")
        counts = report.counts if report else {}
        return {
            "report": report,
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
