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


def every_nth_from_last(labels, n):
    """``labels`` with all but every ``n``-th one blanked, counting back from the last (the newest day)."""
    last = len(labels) - 1
    return [label if (last - index) % n == 0 else "" for index, label in enumerate(labels)]


# --- satisfaction: distributions of 1–5 ratings, and the dashboard's 30-day sparkline ------------------

DIST_WIDTH, DIST_ROW, DIST_LABEL = 480, 28, 150
# Presentation attributes (not styles: allowed under a strict Content-Security-Policy), so that charts have
# their colours where the theme's CSS is not loaded (the admin); the theme's CSS may override them.
BAR_FILL = "#095e66"
LEVEL_FILLS = {5: "#1e6b3a", 4: "#3f8f4f", 3: "#b7791f", 2: "#c05621", 1: "#a4161a"}


def distribution_chart_svg(distribution, title, description, chart_id):
    """Horizontal bars of ``[(value, label, count, percent)]`` (5 down to 1) as accessible inline SVG.

    ``role="img"`` with a ``<title>`` and a ``<desc>`` (the numbers in words) that screen readers read;
    the page shows the same numbers as a table next to it. Everything interpolated is escaped.
    """
    peak = max((count for _value, _label, count, _percent in distribution), default=0) or 1
    room = DIST_WIDTH - DIST_LABEL - 100
    rows = format_html_join(
        "",
        '<g class="thgov-chart__row" transform="translate(0 {})">'
        '<text class="thgov-chart__label" x="0" y="18" font-size="14">{} {}</text>'
        '<rect class="thgov-chart__bar thgov-chart__bar--{}" fill="{}" x="{}" y="4" width="{}" height="{}"></rect>'
        '<text class="thgov-chart__value" x="{}" y="18" font-size="14">{} ({}%)</text></g>',
        (
            (
                index * DIST_ROW,
                value,
                label,
                value,
                LEVEL_FILLS.get(value, BAR_FILL),
                DIST_LABEL,
                f"{room * count / peak:.1f}",
                DIST_ROW - 8,
                f"{DIST_LABEL + room * count / peak + 6:.1f}",
                count,
                percent,
            )
            for index, (value, label, count, percent) in enumerate(distribution)
        ),
    )
    return format_html(
        '<svg class="thgov-chart thgov-chart--distribution" viewBox="0 0 {} {}" width="{}" height="{}" '
        'role="img" aria-labelledby="{}-title {}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        DIST_WIDTH,
        DIST_ROW * len(distribution),
        DIST_WIDTH * 3 // 4,
        DIST_ROW * len(distribution) * 3 // 4,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        rows,
    )


def distribution_description(distribution) -> str:
    """The numbers of a distribution in words, for the chart's ``<desc>``: "5 Highest: 3 (60%); …"."""
    return "; ".join(
        f"{value} {label}: {count} ({percent}%)" for value, label, count, percent in distribution
    )


def add_question_charts(results, prefix="thgov-survey-chart"):
    """Give each rating question of ``survey.SurveyResults`` the SVG of its distribution; return ``results``."""
    for index, result in enumerate(results.questions):
        if result.is_rating:
            result.chart = distribution_chart_svg(
                result.ratings.distribution,
                result.text,
                distribution_description(result.ratings.distribution),
                f"{prefix}-{index}",
            )
    return results


SPARK_WIDTH, SPARK_HEIGHT = 300, 60


def sparkline_svg(values, title, description, chart_id):
    """Small bars of ``[(label, value)]`` (e.g. views per day) for the admin dashboard."""
    peak = max((value for _label, value in values), default=0) or 1
    width = SPARK_WIDTH / max(len(values), 1)
    bars = format_html_join(
        "",
        '<rect class="thgov-spark__bar" fill="#2e6fac" x="{}" y="{}" width="{}" height="{}">'
        "<title>{}: {}</title></rect>",
        (
            (
                f"{index * width:.1f}",
                f"{SPARK_HEIGHT - SPARK_HEIGHT * value / peak:.1f}",
                f"{max(width - 1, 1):.1f}",
                f"{SPARK_HEIGHT * value / peak:.1f}",
                label,
                value,
            )
            for index, (label, value) in enumerate(values)
        ),
    )
    return format_html(
        '<svg class="thgov-spark" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
        'aria-labelledby="{}-title {}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        SPARK_WIDTH,
        SPARK_HEIGHT,
        SPARK_WIDTH,
        SPARK_HEIGHT,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        bars,
    )
