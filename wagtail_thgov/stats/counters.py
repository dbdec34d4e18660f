"""Read side of the counts: the site counter and a page's own views (one query each)."""

import datetime as dt

from django.db.models import Q, Sum
from django.utils import timezone

from .models import PageViewDay, SiteVisitDay


def site_counter(site, today=None) -> dict:
    """Views today, yesterday, this month, this (calendar) year and in total, in one query."""
    today = today or timezone.localdate()
    yesterday = today - dt.timedelta(days=1)
    month_start, year_start = today.replace(day=1), today.replace(month=1, day=1)
    totals = SiteVisitDay.objects.filter(site=site).aggregate(
        today=Sum("views", filter=Q(date=today)),
        yesterday=Sum("views", filter=Q(date=yesterday)),
        month=Sum("views", filter=Q(date__gte=month_start, date__lte=today)),
        year=Sum("views", filter=Q(date__gte=year_start, date__lte=today)),
        total=Sum("views"),
        uniques_today=Sum("uniques", filter=Q(date=today)),
    )
    return {key: value or 0 for key, value in totals.items()} | {"date": today}


def page_views(page) -> int:
    return PageViewDay.objects.filter(page_id=page.pk).aggregate(total=Sum("views"))["total"] or 0
