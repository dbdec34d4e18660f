"""The demo's clock (thgov_demo.calendar) and what it makes of the demo: current items, nothing
expired live, and modest real work in the currency report. Expectations are computed from the same
calendar, so the tests hold whatever day they run."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Page, Site

from thgov_demo.calendar import REVIEW_OVERDUE, DemoCalendar, demo_calendar, thai_month, thai_period
from wagtail_thgov.core.thai import be_year
from wagtail_thgov.pages.home import MunicipalityHomePage
from wagtail_thgov.publishing.currency import currency_report
from wagtail_thgov.publishing.expiry import default_expiry


@pytest.mark.parametrize(
    ("today", "fiscal_year", "bounds"),
    [
        (dt.date(2026, 12, 4), 2570, (dt.date(2026, 10, 1), dt.date(2027, 9, 30))),
        (dt.date(2026, 9, 30), 2569, (dt.date(2025, 10, 1), dt.date(2026, 9, 30))),
        (dt.date(2026, 10, 1), 2570, (dt.date(2026, 10, 1), dt.date(2027, 9, 30))),
    ],
)
def test_fiscal_year_of_the_demo_starts_on_first_of_october(today, fiscal_year, bounds):
    calendar = DemoCalendar(today)
    assert calendar.fiscal_year == fiscal_year
    assert calendar.fiscal_year_bounds() == bounds
    assert calendar.fiscal_year_bounds(-1)[1] == bounds[0] - dt.timedelta(days=1)


def test_months_ago_crosses_the_new_year():
    calendar = DemoCalendar(dt.date(2027, 1, 15))
    assert calendar.months_ago(0) == dt.date(2027, 1, 1)
    assert calendar.months_ago(1) == dt.date(2026, 12, 1)
    assert calendar.months_ago(13) == dt.date(2025, 12, 1)
    assert thai_month(calendar.months_ago(1)) == "ธันวาคม 2569"


def test_thai_period_within_a_month_and_across_months_and_years():
    assert thai_period(dt.date(2025, 9, 10), dt.date(2025, 9, 14)) == "10–14 กันยายน 2568"
    assert thai_period(dt.date(2025, 9, 30), dt.date(2025, 10, 3)) == "30 กันยายน – 3 ตุลาคม 2568"
    assert thai_period(dt.date(2025, 12, 30), dt.date(2026, 1, 2)) == "30 ธันวาคม 2568 – 2 มกราคม 2569"


def test_review_dates_are_ahead_except_the_few_overdue_pages():
    calendar = DemoCalendar(dt.date(2026, 12, 4))
    for slug, days in REVIEW_OVERDUE.items():
        assert calendar.review_by(slug) == calendar.ago(days)
    for slug in ("contact", "directory", "history", "news", "budget-2570"):
        assert calendar.today + dt.timedelta(days=60) <= calendar.review_by(slug) < calendar.ahead(360)
    assert calendar.review_by("history") == calendar.review_by("history")  # stable between runs


@pytest.mark.django_db
def test_demo_shows_current_items_and_nothing_expired_is_live(demo_db):
    calendar = demo_calendar()
    now = timezone.now()
    home = MunicipalityHomePage.objects.get()
    site = Site.objects.get(is_default_site=True)

    # Nothing live has passed its expiry, and every live page a default period applies to has its expiry.
    assert not Page.objects.live().filter(expire_at__lte=now).exists()
    for page in Page.objects.live().descendant_of(home).specific():
        _expiry, default = default_expiry(site, type(page), {"kind": getattr(page, "kind", "")}, now=now)
        if default is not None and default.days is not None:
            assert page.expire_at is not None, page.slug

    # The home page's latest items are of the last two months.
    news = home.latest_news()
    assert news and all(item.news_date >= calendar.ago(60) for item in news)
    announcements = home.latest_announcements()
    assert announcements and all(item.announcement_date >= calendar.ago(60) for item in announcements)

    # The currency report: the alert expires within the week, two pages are past their review date.
    report = currency_report(site)
    alerted_on = calendar.ago(2)
    assert [page.slug for page in report.expiring] == [f"flood-alert-{be_year(alerted_on)}-{alerted_on:%m%d}"]
    assert sorted(page.slug for page in report.stale) == sorted(REVIEW_OVERDUE)
    assert report.out_of_date == []
