"""Currency monitoring: expiring, stale and out-of-date pages of a site, computed by one function and
shown alike in the daily digest, the dashboard panel and the admin report; the one-step actions."""

import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Page, PageLogEntry, Site

from tests.factories import PASSWORD, make_user
from tests.test_publishing_expiry import (
    bangkok,
    live_child,
    make_agency_index,
    make_info,
    make_municipality_site,
    make_news,
    make_news_index,
    make_plan,
)
from wagtail_thgov.cache import store
from wagtail_thgov.core.thai import current_fiscal_year, thai_date
from wagtail_thgov.installation import run_setup
from wagtail_thgov.pages.agency import AgencyIndexPage
from wagtail_thgov.pages.news import NewsIndexPage
from wagtail_thgov.publishing.currency import Status, currency_report, fiscal_years_covered
from wagtail_thgov.publishing.digest import send_currency_digest, send_daily_digests
from wagtail_thgov.publishing.models import PublishingSettings
from wagtail_thgov.publishing.review import EXTEND_EXPIRY_ACTION, MARK_REVIEWED_ACTION
from wagtail_thgov.publishing.webmasters import webmaster_users
from wagtail_thgov.workflows.roles import Role
from wagtail_thgov.workflows.setup import role_group

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def site():
    return make_municipality_site()


@pytest.fixture
def news_index(site):
    return make_news_index(site)


@pytest.fixture
def agency_index(site):
    return make_agency_index(site)


def grant_digest(site):
    """What the lead's workflow setup will do: webmasters receive the digest."""
    permission = Permission.objects.get(
        content_type__app_label="wagtail_thgov", codename="receive_currency_digest"
    )
    role_group(site, Role.WEBMASTER).permissions.add(permission)


@pytest.fixture
def webmaster(site):
    grant_digest(site)
    return make_user("webmaster", Role.WEBMASTER, site)


def login(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def pages(site, news_index, agency_index):
    """One page in each state, and one current page that no list may show."""
    now = timezone.now()
    return {
        "expiring": make_news(news_index, "expiring", expire_at=now + dt.timedelta(days=3)),
        "later": make_news(news_index, "later", expire_at=now + dt.timedelta(days=30)),
        "stale": make_info(agency_index, "stale", review_by=TODAY - dt.timedelta(days=1)),
        "reviewed": make_info(agency_index, "reviewed", review_by=TODAY + dt.timedelta(days=100)),
        "out_of_date": make_plan(agency_index, "budget-old", "budget", current_fiscal_year() - 1),
    }


def listed_titles(report):
    return {row.title for row in report.rows}


# The rules -----------------------------------------------------------------------------------------


def test_fiscal_years_covered_by_a_year_and_a_data_period():
    assert fiscal_years_covered(2569) == {2569}
    assert fiscal_years_covered(None, dt.date(2024, 10, 1), dt.date(2027, 9, 30)) == {2568, 2569, 2570}
    assert fiscal_years_covered(None) == set()


def test_expiring_stale_and_out_of_date_are_listed(site, pages):
    report = currency_report(site)
    assert [page.pk for page in report.expiring] == [pages["expiring"].pk]
    assert [page.pk for page in report.stale] == [pages["stale"].pk]
    assert report.counts == {
        Status.EXPIRING: 1,
        Status.STALE: 1,
        Status.OUT_OF_DATE: 1,
        "unreadable_files": 0,
    }


def test_plan_of_fiscal_year_2569_is_current_on_30_september_and_out_of_date_on_1_october(site, agency_index):
    plan = make_plan(agency_index, "action-2569", "action_plan", 2569)
    last_minute = currency_report(site, now=bangkok(2026, 9, 30, 23, 59, 59))
    assert last_minute.fiscal_year == 2569
    assert last_minute.out_of_date == []
    new_year = currency_report(site, now=bangkok(2026, 10, 1, 0, 0))
    assert new_year.fiscal_year == 2570
    [item] = new_year.out_of_date
    assert (item.page.pk, item.requirement.kind, item.latest_fiscal_year) == (plan.pk, "action_plan", 2569)


def test_new_years_plan_makes_the_item_current_again(site, agency_index):
    make_plan(agency_index, "proc-2569", "procurement_plan", 2569)
    make_plan(agency_index, "proc-2570", "procurement_plan", 2570)
    assert currency_report(site, now=bangkok(2026, 10, 1, 0, 0)).out_of_date == []


def test_data_period_covering_the_year_counts_as_current(site, agency_index):
    make_plan(
        agency_index,
        "budget",
        "budget",
        2569,
        data_period_start=dt.date(2025, 10, 1),
        data_period_end=dt.date(2027, 9, 30),
    )
    assert currency_report(site, now=bangkok(2026, 10, 1, 0, 0)).out_of_date == []


def test_plans_not_on_the_yearly_list_are_never_out_of_date(site, agency_index):
    make_plan(agency_index, "annual-report", "annual_report", 2560)
    assert currency_report(site, now=bangkok(2026, 10, 1)).out_of_date == []


def test_review_date_is_compared_with_the_bangkok_date(site, agency_index):
    make_info(agency_index, "due-today", review_by=dt.date(2026, 11, 25))
    # 24 Nov 17:30 UTC is already 25 Nov 00:30 in Bangkok: due today, not yet past.
    assert currency_report(site, now=dt.datetime(2026, 11, 24, 17, 30, tzinfo=dt.UTC)).stale == []
    assert len(currency_report(site, now=bangkok(2026, 11, 26, 0, 1)).stale) == 1


def test_unpublished_pages_are_not_listed(site, pages):
    pages["stale"].unpublish()
    assert currency_report(site).stale == []


def test_each_site_lists_only_its_own_pages(site, pages):
    other_home = Page.get_first_root_node().add_child(
        instance=type(site.root_page.specific)(title="อบต. อื่น", slug="other")
    )
    other = Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    other_news = live_child(other_home, NewsIndexPage(title="ข่าว", slug="news"))
    make_news(other_news, "other-expiring", expire_at=timezone.now() + dt.timedelta(days=1))
    assert listed_titles(currency_report(other)) == {"ข่าว other-expiring"}
    assert "ข่าว other-expiring" not in listed_titles(currency_report(site))


# The digest ----------------------------------------------------------------------------------------


def test_digest_goes_to_the_sites_webmasters_in_thai(site, pages, webmaster):
    assert send_daily_digests() == 1
    [message] = mail.outbox
    assert message.to == [webmaster.email]
    body = message.body
    for page in (pages["expiring"], pages["stale"], pages["out_of_date"]):
        assert page.title in body
    assert thai_date(pages["stale"].review_by) in body  # Buddhist-Era dates with Thai month names
    assert reverse("thgov_publishing:currency_report") in body
    html = message.alternatives[0][0]
    assert 'lang="th"' in html


def test_no_digest_when_everything_is_current(site, agency_index, webmaster):
    make_info(agency_index, "fine", review_by=TODAY + dt.timedelta(days=30))
    assert send_daily_digests() == 0
    assert mail.outbox == []


def test_webmasters_are_found_by_permission_and_site_not_by_group_name(site, webmaster):
    group = role_group(site, Role.WEBMASTER)
    group.name = "ทีมเว็บไซต์"
    group.save()
    uploader = make_user("uploader", Role.UPLOADER, site)
    admin = make_user("admin", superuser=True)
    assert list(webmaster_users(site)) == [webmaster]
    assert uploader not in webmaster_users(site) and admin not in webmaster_users(site)
    other_home = Page.get_first_root_node().add_child(instance=Page(title="อื่น", slug="other"))
    other = Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    assert list(webmaster_users(other)) == []


def test_inactive_webmaster_or_one_without_email_gets_nothing(site, pages, webmaster):
    webmaster.email = ""
    webmaster.save()
    assert send_currency_digest(site) == 0


# The digest, the panel and the report agree -------------------------------------------------------


def titles_in(html, titles):
    return {title for title in titles if title in html}


def test_digest_panel_and_report_list_the_same_pages(site, pages, webmaster):
    all_titles = {page.title for page in pages.values()}
    send_currency_digest(site)
    digest_titles = titles_in(mail.outbox[0].body, all_titles)

    client = login(webmaster)
    report_html = client.get(reverse("thgov_publishing:currency_report")).content.decode()
    report_titles = titles_in(report_html, all_titles)

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = dashboard[dashboard.index('id="thgov-currency-section"') :]
    counts = [int(n) for n in re.findall(r"<strong>(\d+)</strong>", panel)[:3]]

    listed = currency_report(site)
    expected = {row.title for row in listed.rows}
    assert (
        digest_titles
        == report_titles
        == expected
        == {
            pages["expiring"].title,
            pages["stale"].title,
            pages["out_of_date"].title,
        }
    )
    assert counts == [len(listed.expiring), len(listed.stale), len(listed.out_of_date)]


def test_panel_counts_are_kept_per_site_generation_and_follow_a_publication_at_once(
    site, pages, agency_index, webmaster, settings, django_capture_on_commit_callbacks
):
    """As in production: the panel's counts are kept per site generation (no report computed on a repeat
    visit), and a page published meanwhile is counted on the next visit."""
    settings.THGOV_SITE_DATA_CACHE = True
    store.DATABASE.forget()
    client = login(webmaster)

    def panel_counts():
        with CaptureQueriesContext(connection) as queries:
            dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        panel = dashboard[dashboard.index('id="thgov-currency-section"') :]
        return [int(n) for n in re.findall(r"<strong>(\d+)</strong>", panel)[:3]], len(queries)

    counts, first_visit = panel_counts()
    assert counts == [1, 1, 1]
    counts, repeat_visit = panel_counts()
    assert counts == [1, 1, 1] and repeat_visit <= first_visit - 5  # the report's queries are not repeated
    with django_capture_on_commit_callbacks(execute=True):
        make_info(agency_index, "stale-too", review_by=TODAY - dt.timedelta(days=2))
    assert panel_counts()[0] == [1, 2, 1]


def test_panel_links_to_the_report_filtered_by_status(site, pages, webmaster):
    client = login(webmaster)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"{reverse('thgov_publishing:currency_report')}?status=stale" in dashboard
    filtered = client.get(reverse("thgov_publishing:currency_report"), {"status": "stale"}).content.decode()
    assert pages["stale"].title in filtered
    assert pages["expiring"].title not in filtered


def test_report_shows_only_pages_the_user_may_edit(site, pages):
    other_home = Page.get_first_root_node().add_child(instance=Page(title="อบต. อื่น", slug="other"))
    other = Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    other_index = live_child(other_home, AgencyIndexPage(title="ข้อมูล", slug="agency"))
    grant_digest(site)
    make_info(other_index, "foreign", review_by=TODAY - dt.timedelta(days=3))
    run_setup()
    outsider = make_user("outsider", Role.WEBMASTER, other)
    # The outsider's request is for the default site, whose pages they may not edit.
    html = login(outsider).get(reverse("thgov_publishing:currency_report")).content.decode()
    assert pages["stale"].title not in html


def test_report_filters_refresh_through_the_results_view(site, pages, webmaster):
    response = login(webmaster).get(
        reverse("thgov_publishing:currency_report_results"), {"status": "expiring"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert pages["expiring"].title in html and pages["stale"].title not in html


def test_users_who_edit_no_page_see_no_panel_and_no_report(site, pages):
    group = Group.objects.create(name="อ่านอย่างเดียว")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    reader = make_user("reader")
    reader.groups.add(group)
    client = login(reader)
    assert 'id="thgov-currency-section"' not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("thgov_publishing:currency_report")).status_code in (302, 403)


def test_report_exports_a_spreadsheet(site, pages, webmaster):
    response = login(webmaster).get(reverse("thgov_publishing:currency_report"), {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    rows = list(workbook.active.values)
    assert len(rows) == 1 + 3
    assert {row[0] for row in rows[1:]} == {
        pages["expiring"].title,
        pages["stale"].title,
        pages["out_of_date"].title,
    }


def test_report_queries_do_not_grow_with_pages(
    site, news_index, agency_index, webmaster, django_assert_max_num_queries
):
    def add(count, start):
        for n in range(start, start + count):
            make_news(news_index, f"n{n}", expire_at=timezone.now() + dt.timedelta(days=2))
            make_info(agency_index, f"i{n}", review_by=TODAY - dt.timedelta(days=2))

    client = login(webmaster)
    url = reverse("thgov_publishing:currency_report")
    add(3, 0)
    client.get(url)
    reset_queries()
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    bound = len(few)  # read now: the next request resets the connection's query log
    add(27, 3)
    client.get(url)
    with django_assert_max_num_queries(bound):
        assert client.get(url).status_code == 200


# One-step actions ------------------------------------------------------------------------------


def test_extend_expiry_in_one_step(site, pages, webmaster):
    page = pages["expiring"]
    revisions = page.revisions.count()
    old = page.expire_at
    response = login(webmaster).post(
        reverse("thgov_publishing:currency_extend", args=[page.pk]), {"days": "30"}
    )
    assert response.status_code == 302
    page = Page.objects.get(pk=page.pk).specific
    assert page.live
    assert page.expire_at == old + dt.timedelta(days=30)
    assert page.revisions.count() == revisions
    assert page.latest_revision.content["expire_at"].startswith(
        page.expire_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M")
    )
    entry = PageLogEntry.objects.get(page=page, action=EXTEND_EXPIRY_ACTION)
    assert entry.user == webmaster and entry.data["days"] == 30
    assert page not in currency_report(site).expiring


def test_mark_reviewed_moves_review_date_without_publishing_the_draft(site, pages, webmaster):
    settings = PublishingSettings.for_site(site)
    settings.review_interval_days = 180
    settings.save()
    page = pages["stale"]
    page.title = "ร่างที่ยังไม่ได้ตรวจ"
    draft = page.save_revision()
    response = login(webmaster).post(reverse("thgov_publishing:currency_mark_reviewed", args=[page.pk]))
    assert response.status_code == 302
    live = Page.objects.get(pk=page.pk).specific
    assert live.review_by == TODAY + dt.timedelta(days=180)
    assert live.title == "ข้อมูล stale"  # the draft's title is not published
    assert live.has_unpublished_changes
    draft.refresh_from_db()
    assert draft.content["title"] == "ร่างที่ยังไม่ได้ตรวจ"
    assert draft.content["review_by"] == live.review_by.isoformat()  # publishing the draft keeps the new date
    assert PageLogEntry.objects.filter(page=page, action=MARK_REVIEWED_ACTION, user=webmaster).count() == 1
    assert live not in currency_report(site).stale


def test_actions_need_post_and_csrf(site, pages, webmaster):
    url = reverse("thgov_publishing:currency_mark_reviewed", args=[pages["stale"].pk])
    assert login(webmaster).get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.login(username=webmaster.username, password=PASSWORD)
    assert strict.post(url).status_code == 403
    page = Page.objects.get(pk=pages["stale"].pk).specific
    assert page.review_by < TODAY


def test_actions_need_edit_permission_on_the_page(site, pages):
    other_home = Page.get_first_root_node().add_child(instance=Page(title="อื่น", slug="other"))
    other = Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    run_setup()
    outsider = make_user("outsider", Role.WEBMASTER, other)
    response = login(outsider).post(
        reverse("thgov_publishing:currency_extend", args=[pages["expiring"].pk]), {"days": "30"}
    )
    assert response.status_code in (302, 403)
    assert Page.objects.get(pk=pages["expiring"].pk).expire_at == pages["expiring"].expire_at
    assert not PageLogEntry.objects.filter(action=EXTEND_EXPIRY_ACTION).exists()


def test_extend_by_an_unoffered_number_of_days_is_refused(site, pages, webmaster):
    response = login(webmaster).post(
        reverse("thgov_publishing:currency_extend", args=[pages["expiring"].pk]), {"days": "10000"}
    )
    assert response.status_code == 400


def test_filtering_an_empty_report_by_a_status_lists_nothing(webmaster):
    """No page listed: the report has no status flags to filter on, and says so instead of failing."""
    client = login(webmaster)
    for status in ("expiring", "stale", "out_of_date", "unreadable_files"):
        response = client.get(reverse("thgov_publishing:currency_report"), {"status": status})
        assert response.status_code == 200, status
