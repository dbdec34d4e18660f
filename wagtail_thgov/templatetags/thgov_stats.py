"""Statistics widgets, rendered on the server: ``{% load thgov_stats %}`` then

* ``{% thgov_site_counter %}``: views today, yesterday, this month, this year (B.E.) and in total;
* ``{% thgov_page_views page %}``: the page's own number of views (for the metadata box);
* ``{% thgov_satisfaction page %}`` (ratings of this page) or ``{% thgov_satisfaction %}`` (of the site).

Counts written by the last flush are shown; views of the last few seconds still in the buffers are not.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.formats import number_format
from wagtail.models import Site

from ..cache.middleware import mark_counters
from ..core.thai.dates import thai_date
from ..stats import charts, counters, satisfaction
from ..stats.models import COMMENT_MAX_LENGTH

register = template.Library()


def _site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


def _shows_counters(context):
    """Tell the page cache this page shows counters: it is then kept no longer than a flush interval."""
    request = context.get("request")
    if request is not None:
        mark_counters(request)


@register.simple_tag(takes_context=True)
def thgov_site_counter(context):
    _shows_counters(context)
    site = _site(context)
    if site is None:
        return ""
    return render_to_string(
        "wagtail_thgov/stats/site_counter.html",
        {"counts": counters.site_counter(site)},
        context.get("request"),
    )


@register.simple_tag(takes_context=True)
def thgov_page_views(context, page):
    _shows_counters(context)
    return (
        number_format(counters.page_views(page), force_grouping=True) if page is not None and page.pk else ""
    )


@register.simple_tag(takes_context=True)
def thgov_satisfaction(context, page=None):
    request = context.get("request")
    _shows_counters(context)
    site = _site(context)
    if site is None:
        return ""
    outcome = request.GET.get(satisfaction.RESULT_PARAMETER, "") if request is not None else ""
    return render_to_string(
        "wagtail_thgov/stats/satisfaction_widget.html",
        {
            "summary": satisfaction.summary(site, page),
            "scope": "page" if page is not None else "site",
            "choices": satisfaction.RATING_CHOICES,
            "message": satisfaction.MESSAGES.get(outcome),
            "message_ok": outcome == "thanks",
            "form_marker": satisfaction.FORM_MARKER,
            "honeypot": satisfaction.HONEYPOT,
            "comment_max_length": COMMENT_MAX_LENGTH,
            "action": request.path if request is not None else "",
        },
        request,
    )


@register.inclusion_tag("wagtail_thgov/stats/visits_report.html", takes_context=True)
def thgov_visits_report(context, days=30):
    """Visits of the last ``days`` days (chart and table) and the most viewed pages."""
    from django.utils.translation import gettext

    site = _site(context)
    if site is None:
        return {"site": None}
    daily = charts.daily_visits(site, days)
    # Under the bars, as text that stays legible on a phone: day and month ("4 ธ.ค.") every seventh day
    # back from today; the years are in the caption.
    day_month = [thai_date(day, "short").rsplit(" ", 1)[0] for day, _views, _uniques in daily]
    return {
        "site": site,
        "days": days,
        "daily": daily,
        "first_day": daily[0][0] if daily else None,
        "last_day": daily[-1][0] if daily else None,
        "chart": charts.bar_chart_svg(
            [(thai_date(day, "short"), views) for day, views, _uniques in daily],
            gettext("Page views per day"),
        ),
        "axis": charts.every_nth_from_last(day_month, 7),
        "top_pages": charts.top_pages(site, days),
    }


@register.filter
def grouped(value):
    """A count with thousands separators whatever ``USE_THOUSAND_SEPARATOR`` says: ``12,480``."""
    return number_format(value, force_grouping=True) if value is not None else ""
