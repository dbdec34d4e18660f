"""Charts drawn on the server as SVG (no JavaScript, no CDN); every chart also has its data as a table."""

import datetime as dt

from django.db.models import Sum
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from .models import PageViewDay, SiteVisitDay

WIDTH, HEIGHT, GAP = 600, 200, 2


def daily_visits(site, days=30, today=None):
    """``[(date, views, uniques)]`` for the last ``days`` days, missing days as zero: one query."""
    today = today or timezone.localdate()
    start = today - dt.timedelta(days=days - 1)
    stored = {
        row["date"]: (row["views"], row["uniques"])
        for row in SiteVisitDay.objects.filter(site=site, date__gte=start, date__lte=today).values(
            "date", "views", "uniques"
        )
    }
    return [(day, *stored.get(day, (0, 0))) for day in (start + dt.timedelta(days=n) for n in range(days))]


def top_pages(site, days=30, limit=10, today=None):
    """The most viewed live pages of the last ``days`` days: ``[(page, views)]``, two queries."""
    from wagtail.models import Page

    today = today or timezone.localdate()
    rows = list(
        PageViewDay.objects.filter(site=site, date__gt=today - dt.timedelta(days=days), page__live=True)
        .values("page")
        .annotate(total=Sum("views"))
        .order_by("-total", "page")[:limit]
    )
    pages = Page.objects.in_bulk([row["page"] for row in rows])
    return [(pages[row["page"]], row["total"]) for row in rows if row["page"] in pages]


def bar_chart_svg(values, title):
    """A bar chart of ``[(label, value)]`` as inline SVG markup (escaped)."""
    peak = max((value for _label, value in values), default=0) or 1
    width = WIDTH / max(len(values), 1)
    bars = format_html_join(
        "",
        '<rect class="thgov-chart__bar" x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
        (
            (
                f"{index * width + GAP / 2:.1f}",
                f"{HEIGHT - HEIGHT * value / peak:.1f}",
                f"{max(width - GAP, 1):.1f}",
                f"{HEIGHT * value / peak:.1f}",
                label,
                value,
            )
            for index, (label, value) in enumerate(values)
        ),
    )
    return format_html(
        '<svg class="thgov-chart" viewBox="0 0 {} {}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">'
        "<title>{}</title>{}</svg>",
        WIDTH,
        HEIGHT,
        title,
        title,
        bars,
    )
