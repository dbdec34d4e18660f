"""Dashboard panel: visits of the last 30 days on the user's site (small SVG chart and totals)."""

import datetime as dt

from django.db.models import Avg, Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from ..core.thai import thai_date
from .charts import daily_visits, sparkline_svg
from .models import SatisfactionRating
from .permissions import request_site, stats_sites

DAYS = 30


class VisitsPanel(Component):
    """For webmasters (of their site) and superusers (of the request's site): a constant number of queries."""

    name = "thgov_visits"
    order = 140
    template_name = "wagtail_thgov/stats/dashboard_panel.html"

    def __init__(self, request, sites):
        self.request = request
        self.sites = sites

    def get_context_data(self, parent_context=None):
        site = request_site(self.request, self.sites)
        today = timezone.localdate()
        daily = daily_visits(site, DAYS, today)
        ratings = SatisfactionRating.objects.filter(
            site=site, date__gt=today - dt.timedelta(days=DAYS), date__lte=today
        ).aggregate(count=Count("pk"), average=Avg("rating"))
        views = sum(views for _day, views, _uniques in daily)
        visitors = sum(uniques for _day, _views, uniques in daily)
        title = _("Page views per day, last %(days)s days") % {"days": DAYS}
        description = _("%(views)s page views from %(start)s to %(end)s") % {
            "views": views,
            "start": thai_date(daily[0][0]),
            "end": thai_date(daily[-1][0]),
        }
        return {
            "site": site,
            "days": DAYS,
            "daily": daily,
            "views": views,
            "visitors": visitors,
            "ratings_count": ratings["count"],
            "ratings_average": ratings["average"],
            "chart": sparkline_svg(
                [(thai_date(day, "short"), views) for day, views, _uniques in daily],
                title,
                description,
                "thgov-visits-spark",
            ),
            "report_url": reverse("thgov_stats:satisfaction_report"),
        }


def add_visits_panel(request, panels):
    """For the ``construct_homepage_panels`` hook."""
    sites = list(stats_sites(request.user))
    if sites:
        panels.append(VisitsPanel(request, sites))
