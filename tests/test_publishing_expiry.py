"""Expiry: default publication periods filled in by the page form, bad schedule input refused on its
field, scheduled expiry that keeps every revision and logs it, Bangkok time, and editing an expired
page without fighting its past expiry (wagtail#13896)."""

import datetime as dt

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_supported_language_variant
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, PageLogEntry, Revision, Site
from wagtail.signals import page_unpublished
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import PASSWORD, make_site, make_user
from thgov_demo.files import pdf_bytes
from wagtail_thgov.core.categories import CATEGORIES
from wagtail_thgov.core.thai import thai_datetime
from wagtail_thgov.core.thai.dates import BANGKOK
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage, PlanDocumentPage
from wagtail_thgov.pages.news import AnnouncementIndexPage, JobAnnouncementPage, NewsIndexPage, NewsPage
from wagtail_thgov.publishing.expiry import (
    INSTALLATION_DEFAULTS,
    default_expiry,
    end_of_day,
    ensure_expiry_defaults,
    expiry_default_for,
    kind_choices,
    period_end_field,
)
from wagtail_thgov.publishing.forms import (
    EXPIRY_BEFORE_GO_LIVE,
    EXPIRY_IN_PAST,
    REVIEW_BEFORE_PUBLICATION,
)
from wagtail_thgov.publishing.jobs import run_publish_scheduled
from wagtail_thgov.publishing.models import CountedFrom, ExpiryDefault
from wagtail_thgov.publishing.unpublish import expire_due_pages
from wagtail_thgov.workflows.roles import Role

pytestmark = pytest.mark.django_db


# Real objects, built through the ORM (shared with the other tests/test_publishing_*.py) -----------


def make_tree():
    """What Wagtail's migrations create (``--nomigrations`` skips them): the locale, root page and collection."""
    Locale.objects.get_or_create(language_code=get_supported_language_variant(settings.LANGUAGE_CODE))
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")


def make_municipality_site():
    make_tree()
    return make_site()


def live_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_news_index(site):
    return live_child(site.root_page, NewsIndexPage(title="ข่าวสาร", slug="news"))


def make_agency_index(site):
    return live_child(site.root_page, AgencyIndexPage(title="ข้อมูลหน่วยงาน", slug="agency"))


@pytest.fixture
def site():
    return make_municipality_site()


@pytest.fixture
def news_index(site):
    return make_news_index(site)


@pytest.fixture
def announcement_index(site):
    return live_child(site.root_page, AnnouncementIndexPage(title="ประกาศ", slug="announcements"))


@pytest.fixture
def agency_index(site):
    return make_agency_index(site)


def make_news(parent, slug, **fields):
    fields.setdefault("title", f"ข่าว {slug}")
    fields.setdefault("source_text", "งานประชาสัมพันธ์")
    return live_child(parent, NewsPage(slug=slug, body=[], **fields))


def make_info(parent, slug, **fields):
    fields.setdefault("title", f"ข้อมูล {slug}")
    fields.setdefault("kind", "history")
    fields.setdefault("source_text", "สำนักปลัดเทศบาล")
    return live_child(parent, AgencyInfoPage(slug=slug, **fields))


def make_document(title):
    document = get_document_model()(title=title)
    document.file.save(f"{title}.pdf", ContentFile(pdf_bytes(title, [title])), save=False)
    document.save()
    return document


def make_plan(parent, slug, kind, fiscal_year, **fields):
    fields.setdefault("title", f"แผน {slug}")
    fields.setdefault("source_text", "กองวิชาการและแผนงาน")
    fields.setdefault("document", make_document(slug))
    return live_child(parent, PlanDocumentPage(slug=slug, kind=kind, fiscal_year=fiscal_year, **fields))


def bangkok(*args):
    return dt.datetime(*args, tzinfo=BANGKOK)


# Admin helpers ----------------------------------------------------------------------------------


def admin_add(client, parent, model, **fields):
    data = {
        "title": "ทดสอบ",
        "slug": "test",
        "source_text": "สำนักปลัดเทศบาล",
        "keywords": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
        "body": streamfield([]),
    }
    data.update(fields)
    url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))
    return client.post(url, nested_form_data(data))


def job_fields(**extra):
    today = timezone.localdate()
    fields = {
        "title": "ประกาศรับสมัครพนักงานจ้าง",
        "slug": "job",
        "announcement_date": today.isoformat(),
        "positions": "พนักงานขับรถยนต์ 1 อัตรา",
        "application_start": today.isoformat(),
        "application_end": (today + dt.timedelta(days=14)).isoformat(),
        "documents": streamfield([]),
    }
    fields.update(extra)
    return fields


def field_errors(response, name):
    assert response.status_code == 200, "the admin accepted the page"
    return [str(message) for message in response.context["form"].errors.get(name, [])]


def admin_datetime(value):
    """How the admin's date-time widget shows (and posts back) a value: Bangkok time, to the minute."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


# Default publication periods ---------------------------------------------------------------------


def test_setup_creates_the_shipped_defaults_once(site):
    assert ExpiryDefault.objects.filter(site=None).count() == len(INSTALLATION_DEFAULTS)
    assert ensure_expiry_defaults(lambda message: None) == 0
    assert ExpiryDefault.objects.count() == len(INSTALLATION_DEFAULTS)


def test_setup_creates_exactly_the_rows_the_categories_declare(site):
    rows = {
        (row.page_type.model_class()._meta.label, row.kind, row.counted_from, row.days)
        for row in ExpiryDefault.objects.filter(site=None).select_related("page_type")
    }
    assert rows == {
        ("wagtail_thgov.JobAnnouncementPage", "", "period_end", 30),
        ("wagtail_thgov.ProcurementAnnouncementPage", "", "publication", 365),
        ("wagtail_thgov.ProcurementResultPage", "", "publication", 365),
        ("wagtail_thgov.NewsPage", "alert", "publication", 7),
    }


@pytest.mark.parametrize("category", CATEGORIES, ids=[category.code for category in CATEGORIES])
def test_each_default_period_is_one_of_its_categorys_page_types(category):
    for period in category.default_periods:
        model = apps.get_model(period.model)
        assert model.thgov_category == category.code, period
        assert period.counted_from in CountedFrom.values, period
        assert not period.kind or period.kind in dict(kind_choices(model)), period
        assert period.counted_from != CountedFrom.PERIOD_END or period_end_field(model), period


def test_site_default_overrides_installation_default_and_kind_overrides_type(site):
    news = ContentType.objects.get_for_model(NewsPage)
    ExpiryDefault.objects.create(page_type=news, kind="", days=60)
    site_alert = ExpiryDefault.objects.create(site=site, page_type=news, kind="alert", days=3)
    assert expiry_default_for(site, NewsPage, "alert") == site_alert
    assert expiry_default_for(site, NewsPage, "pr").days == 60
    assert expiry_default_for(None, NewsPage, "alert").days == 7  # the installation's alert default


def test_site_without_expiry_switches_the_installation_default_off(site):
    news = ContentType.objects.get_for_model(NewsPage)
    ExpiryDefault.objects.create(site=site, page_type=news, kind="alert", days=None)
    assert default_expiry(site, NewsPage, {"kind": "alert"}) == (
        None,
        expiry_default_for(site, NewsPage, "alert"),
    )


def test_agency_information_has_no_default(site):
    assert default_expiry(site, AgencyInfoPage, {"kind": "history"}) == (None, None)


def test_default_ends_at_2359_bangkok_on_its_last_day(site):
    now = bangkok(2026, 11, 25, 9, 30)
    expire_at, default = default_expiry(site, NewsPage, {"kind": "alert"}, now)
    assert default.days == 7
    assert expire_at == bangkok(2026, 12, 2, 23, 59)


def test_period_end_default_needs_a_page_type_with_a_period(site):
    row = ExpiryDefault(
        page_type=ContentType.objects.get_for_model(NewsPage), counted_from=CountedFrom.PERIOD_END, days=3
    )
    with pytest.raises(Exception) as error:
        row.full_clean()
    assert "counted_from" in error.value.message_dict


def test_default_kind_must_be_a_kind_of_the_page_type(site):
    row = ExpiryDefault(page_type=ContentType.objects.get_for_model(NewsPage), kind="budget", days=3)
    with pytest.raises(Exception) as error:
        row.full_clean()
    assert "kind" in error.value.message_dict


def test_job_announcement_expires_30_days_after_applications_close(admin_client, announcement_index):
    response = admin_add(admin_client, announcement_index, JobAnnouncementPage, **job_fields())
    assert response.status_code == 302, response.context["form"].errors
    page = JobAnnouncementPage.objects.get(slug="job")
    assert page.live
    assert page.expire_at == end_of_day(page.application_end + dt.timedelta(days=30))
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(thai_datetime(page.expire_at) in message for message in shown)  # the editor is told


def news_fields(title, slug, kind):
    return {
        "title": title,
        "slug": slug,
        "kind": kind,
        "news_date": timezone.localdate().isoformat(),
        "body": streamfield([("paragraph", rich_text("<p>รายละเอียด</p>"))]),
        "gallery": streamfield([]),
        "attachments": streamfield([]),
    }


def test_alert_gets_the_short_default_and_pr_news_none(admin_client, news_index):
    alert = admin_add(admin_client, news_index, NewsPage, **news_fields("แจ้งเตือนน้ำท่วม", "alert", "alert"))
    assert alert.status_code == 302, alert.context["form"].errors
    pr = admin_add(admin_client, news_index, NewsPage, **news_fields("ข่าวประชาสัมพันธ์", "pr", "pr"))
    assert pr.status_code == 302, pr.context["form"].errors
    expected = end_of_day(timezone.localdate() + dt.timedelta(days=7))
    assert NewsPage.objects.get(slug="alert").expire_at == expected
    assert NewsPage.objects.get(slug="pr").expire_at is None


def test_editor_keeps_an_expiry_they_chose(admin_client, announcement_index):
    chosen = timezone.now() + dt.timedelta(days=200)
    response = admin_add(
        admin_client, announcement_index, JobAnnouncementPage, **job_fields(expire_at=admin_datetime(chosen))
    )
    assert response.status_code == 302
    assert admin_datetime(JobAnnouncementPage.objects.get(slug="job").expire_at) == admin_datetime(chosen)


def test_add_form_tells_the_editor_the_default(admin_client, announcement_index):
    url = reverse(
        "wagtailadmin_pages:add", args=("wagtail_thgov", "jobannouncementpage", announcement_index.pk)
    )
    form = admin_client.get(url).context["form"]
    assert "30" in str(form.fields["expire_at"].help_text)


def test_add_form_tells_the_sites_own_default_when_it_has_one(admin_client, site, announcement_index):
    job = ContentType.objects.get_for_model(JobAnnouncementPage)
    ExpiryDefault.objects.create(site=site, page_type=job, counted_from=CountedFrom.PERIOD_END, days=12)
    url = reverse(
        "wagtailadmin_pages:add", args=("wagtail_thgov", "jobannouncementpage", announcement_index.pk)
    )
    help_text = str(admin_client.get(url).context["form"].fields["expire_at"].help_text)
    assert "12" in help_text and "30" not in help_text


def test_time_entered_in_the_admin_is_bangkok_time(admin_client, announcement_index):
    response = admin_add(
        admin_client, announcement_index, JobAnnouncementPage, **job_fields(expire_at="2027-09-30 23:59")
    )
    assert response.status_code == 302
    assert JobAnnouncementPage.objects.get(slug="job").expire_at == bangkok(2027, 9, 30, 23, 59)


# Bad input: a clear message on the field, nothing lost -------------------------------------------


def test_expiry_before_go_live_is_refused_on_the_expiry_field(admin_client, announcement_index):
    go_live = timezone.now() + dt.timedelta(days=10)
    response = admin_add(
        admin_client,
        announcement_index,
        JobAnnouncementPage,
        **job_fields(
            go_live_at=admin_datetime(go_live), expire_at=admin_datetime(go_live - dt.timedelta(days=1))
        ),
    )
    assert field_errors(response, "expire_at") == [str(EXPIRY_BEFORE_GO_LIVE)]
    assert field_errors(response, "go_live_at") == []
    assert response.context["form"].data["positions"] == "พนักงานขับรถยนต์ 1 อัตรา"
    assert not JobAnnouncementPage.objects.exists()


def test_expiry_in_the_past_on_a_new_page_is_refused_on_the_expiry_field(admin_client, announcement_index):
    response = admin_add(
        admin_client, announcement_index, JobAnnouncementPage, **job_fields(expire_at="2020-01-01 10:00")
    )
    assert field_errors(response, "expire_at") == [str(EXPIRY_IN_PAST)]
    assert response.context["form"].data["title"] == "ประกาศรับสมัครพนักงานจ้าง"


def test_review_by_before_publication_is_refused_on_the_review_field(admin_client, announcement_index):
    go_live = timezone.now() + dt.timedelta(days=10)
    review_by = timezone.localdate() + dt.timedelta(days=5)
    response = admin_add(
        admin_client,
        announcement_index,
        JobAnnouncementPage,
        **job_fields(go_live_at=admin_datetime(go_live), review_by=review_by.isoformat()),
    )
    [message] = field_errors(response, "review_by")
    assert message.startswith(str(REVIEW_BEFORE_PUBLICATION).split("(")[0])


def test_review_by_after_go_live_is_accepted(admin_client, announcement_index):
    review_by = timezone.localdate() + dt.timedelta(days=365)
    response = admin_add(
        admin_client, announcement_index, JobAnnouncementPage, **job_fields(review_by=review_by.isoformat())
    )
    assert response.status_code == 302
    assert JobAnnouncementPage.objects.get(slug="job").review_by == review_by


# Scheduled expiry -------------------------------------------------------------------------------


def test_expiry_unpublishes_keeps_revisions_and_logs(site, news_index):
    page = make_news(news_index, "flood", kind="alert", expire_at=timezone.now() + dt.timedelta(hours=1))
    page.title = "แก้ไขแล้ว"
    page.save_revision()  # a pending draft
    revisions = set(page.revisions.values_list("pk", flat=True))
    received = []

    def receiver(sender, instance, **kwargs):
        received.append(instance.pk)

    page_unpublished.connect(receiver)
    try:
        assert expire_due_pages(now=timezone.now() + dt.timedelta(hours=2)) == 1
    finally:
        page_unpublished.disconnect(receiver)
    page = Page.objects.get(pk=page.pk)
    assert (page.live, page.expired, page.has_unpublished_changes, page.live_revision_id) == (
        False,
        True,
        True,
        None,
    )
    assert set(page.revisions.values_list("pk", flat=True)) == revisions
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish.scheduled").count() == 1
    assert received == [page.pk]
    assert news_index.get_children().filter(pk=page.pk).exists()  # nothing deleted


def test_expiry_unpublishes_aliases_but_not_descendants(site, news_index, agency_index):
    page = make_info(agency_index, "history", expire_at=timezone.now() + dt.timedelta(minutes=5))
    alias = page.create_alias(parent=site.root_page, update_slug="history-alias")
    Page.objects.filter(pk=alias.pk).update(expire_at=None)  # follows its original, not its own expiry
    assert alias.live
    assert expire_due_pages(now=timezone.now() + dt.timedelta(minutes=10)) == 1
    assert not Page.objects.get(pk=alias.pk).live
    assert Page.objects.get(pk=agency_index.pk).live  # the parent is untouched


def test_batched_expiry_leaves_the_same_state_as_wagtail_publish_scheduled(site, news_index):
    soon = timezone.now() + dt.timedelta(seconds=1)
    ours = make_news(news_index, "ours", expire_at=soon)
    theirs = make_news(news_index, "theirs", expire_at=soon)
    Page.objects.filter(pk=theirs.pk).update(expire_at=timezone.now() - dt.timedelta(seconds=1))
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    Page.objects.filter(pk=ours.pk).update(expire_at=timezone.now() - dt.timedelta(seconds=1))
    assert expire_due_pages() == 1
    fields = ["live", "expired", "has_unpublished_changes", "live_revision_id"]
    ours_row = Page.objects.values(*fields).get(pk=ours.pk)
    theirs_row = Page.objects.values(*fields).get(pk=theirs.pk)
    assert ours_row == theirs_row
    for page in (ours, theirs):
        assert PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.unpublish.scheduled").count() == 1


def test_item_set_to_expire_at_2359_on_30_september_2569_expires_then(site, news_index):
    page = make_news(news_index, "fy-end", expire_at=timezone.now() + dt.timedelta(days=1))
    Page.objects.filter(pk=page.pk).update(expire_at=bangkok(2026, 9, 30, 23, 59))  # 30 ก.ย. 2569 23:59 น.
    assert expire_due_pages(now=bangkok(2026, 9, 30, 23, 58, 59)) == 0
    assert Page.objects.get(pk=page.pk).live
    assert expire_due_pages(now=bangkok(2026, 9, 30, 23, 59, 0, 1)) == 1
    assert not Page.objects.get(pk=page.pk).live


def test_publish_scheduled_job_expires_and_publishes(site, news_index):
    expiring = make_news(news_index, "expiring", expire_at=timezone.now() + dt.timedelta(seconds=1))
    Page.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - dt.timedelta(seconds=1))
    scheduled = news_index.add_child(
        instance=NewsPage(title="ข่าวล่วงหน้า", slug="scheduled", body=[], live=False)
    )
    revision = scheduled.save_revision()
    revision.approved_go_live_at = timezone.now() - dt.timedelta(seconds=1)
    revision.save()
    output = run_publish_scheduled()
    assert "expired pages: 1" in output
    assert not Page.objects.get(pk=expiring.pk).live
    assert Page.objects.get(pk=scheduled.pk).live


# Editing an expired page (wagtail#13896) --------------------------------------------------------


def test_expired_page_can_be_edited_and_republished(admin_client, site, agency_index):
    page = make_info(agency_index, "history", expire_at=timezone.now() + dt.timedelta(minutes=1))
    past = timezone.now() - dt.timedelta(minutes=1)
    Page.objects.filter(pk=page.pk).update(expire_at=past)
    Revision.objects.filter(pk=page.latest_revision_id).update(
        content={**page.latest_revision.content, "expire_at": past.isoformat()}
    )
    assert expire_due_pages() == 1
    revisions_before = page.revisions.count()

    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = admin_client.get(edit_url).context["form"]
    shown_expiry = form["expire_at"].value()
    assert shown_expiry  # Wagtail shows the past expiry ...
    data = nested_form_data(
        {
            "title": "ประวัติความเป็นมา (ปรับปรุง)",
            "slug": "history",
            "kind": "history",
            "body": streamfield([]),
            "source_text": "สำนักปลัดเทศบาล",
            "keywords": "",
            "expire_at": admin_datetime(past),  # ... and the editor submits it unchanged
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = AgencyInfoPage.objects.get(pk=page.pk)
    assert page.live and not page.expired
    assert page.expire_at is None
    assert page.title == "ประวัติความเป็นมา (ปรับปรุง)"
    assert page.revisions.count() == revisions_before + 1  # every earlier revision kept


def test_changing_the_expiry_of_an_expired_page_to_another_past_time_is_refused(
    admin_client, site, agency_index
):
    page = make_info(agency_index, "history", expire_at=timezone.now() + dt.timedelta(minutes=1))
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))
    expire_due_pages()
    data = nested_form_data(
        {
            "title": "ประวัติ",
            "slug": "history",
            "kind": "history",
            "body": streamfield([]),
            "source_text": "สำนักปลัดเทศบาล",
            "keywords": "",
            "expire_at": "2020-01-01 10:00",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert field_errors(response, "expire_at") == [str(EXPIRY_IN_PAST)]


# Default publication periods in the admin --------------------------------------------------------


def grant_defaults_permissions(user):
    codenames = ["add_expirydefault", "change_expirydefault", "delete_expirydefault", "view_expirydefault"]
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtail_thgov", codename__in=codenames)
    )


def other_site():
    home = Page.get_first_root_node().add_child(instance=Page(title="อบต. อื่น", slug="other"))
    return Site.objects.create(hostname="other.example", port=80, root_page=home)


def defaults_form(site, model=NewsPage, kind="alert", days="3"):
    return {
        "site": site.pk if site else "",
        "page_type": ContentType.objects.get_for_model(model).pk,
        "kind": kind,
        "counted_from": "publication",
        "days": days,
    }


def test_superuser_sets_an_installation_default_in_the_admin(admin_client, site):
    response = admin_client.post(
        reverse("thgov_expiry_defaults:add"), defaults_form(None, AgencyInfoPage, "history", "400")
    )
    assert response.status_code == 302
    assert ExpiryDefault.objects.get(site=None, kind="history").days == 400


def test_webmaster_sets_defaults_only_for_their_own_site(client, site):
    webmaster = make_user("webmaster", Role.WEBMASTER, site)
    grant_defaults_permissions(webmaster)
    client.login(username=webmaster.username, password=PASSWORD)
    elsewhere = other_site()
    foreign = ExpiryDefault.objects.create(
        site=elsewhere, page_type=ContentType.objects.get_for_model(NewsPage), days=9
    )

    listing = client.get(reverse("thgov_expiry_defaults:index"))
    assert listing.status_code == 200
    assert foreign not in listing.context["object_list"]
    assert client.get(reverse("thgov_expiry_defaults:edit", args=[foreign.pk])).status_code == 404
    # The installation's rows are shown read-only (see the next section); never editable by a webmaster.
    for row in listing.context["object_list"]:
        if row.site_id is None:
            assert client.get(reverse("thgov_expiry_defaults:edit", args=[row.pk])).status_code == 404

    refused = client.post(reverse("thgov_expiry_defaults:add"), defaults_form(None))
    assert refused.status_code == 200 and "site" in refused.context["form"].errors
    refused = client.post(reverse("thgov_expiry_defaults:add"), defaults_form(elsewhere))
    assert refused.status_code == 200 and "site" in refused.context["form"].errors

    created = client.post(reverse("thgov_expiry_defaults:add"), defaults_form(site))
    assert created.status_code == 302
    assert ExpiryDefault.objects.get(site=site, kind="alert").days == 3


def test_second_default_for_the_same_site_type_and_kind_is_refused_on_the_field(admin_client, site):
    assert admin_client.post(reverse("thgov_expiry_defaults:add"), defaults_form(site)).status_code == 302
    response = admin_client.post(reverse("thgov_expiry_defaults:add"), defaults_form(site, days="5"))
    assert response.status_code == 200
    assert "page_type" in response.context["form"].errors


# --- Who sees and changes which defaults ----------------------------------------------------------------


def test_webmaster_sees_the_defaults_in_force_for_their_site_and_changes_only_their_sites(client, site):
    """The installation's defaults apply to every site: the webmaster sees them (read-only) beside their
    site's own rows, never another municipality's, and cannot change a shared row by a forged request."""
    call_command("thgov_setup", verbosity=0)
    other = make_site(hostname="other.example.test", title="อบต.อื่น", is_default=False)
    news = ContentType.objects.get_for_model(NewsPage)
    own = ExpiryDefault.objects.create(site=site, page_type=news, kind="pr", days=40)
    theirs = ExpiryDefault.objects.create(site=other, page_type=news, kind="pr", days=50)
    shared = ExpiryDefault.objects.filter(site__isnull=True).order_by("pk")
    assert shared.count() == 4
    webmaster = make_user("webmaster-defaults", Role.WEBMASTER, site)
    client.login(username=webmaster.username, password=PASSWORD)

    response = client.get(reverse("thgov_expiry_defaults:index"))
    assert response.status_code == 200
    listed = {row.pk for row in response.context["object_list"]}
    assert listed == {own.pk, *shared.values_list("pk", flat=True)}
    assert theirs.pk not in listed
    body = response.content.decode()
    assert reverse("thgov_expiry_defaults:edit", args=[own.pk]) in body
    for row in shared:
        assert reverse("thgov_expiry_defaults:edit", args=[row.pk]) not in body

    first = shared.first()
    for name, method in (("edit", client.get), ("edit", client.post), ("delete", client.post)):
        response = method(reverse(f"thgov_expiry_defaults:{name}", args=[first.pk]), {"days": "1"})
        assert response.status_code == 404, (name, method)
    first.refresh_from_db()
    assert first.days != 1 and ExpiryDefault.objects.filter(pk=first.pk).exists()
    response = client.get(reverse("thgov_expiry_defaults:edit", args=[theirs.pk]))
    assert response.status_code == 404


def test_superuser_sees_and_edits_every_default(client, site):
    call_command("thgov_setup", verbosity=0)
    admin = make_user("admin-defaults", superuser=True)
    client.login(username=admin.username, password=PASSWORD)
    response = client.get(reverse("thgov_expiry_defaults:index"))
    assert {row.pk for row in response.context["object_list"]} == set(
        ExpiryDefault.objects.values_list("pk", flat=True)
    )
    shared = ExpiryDefault.objects.filter(site__isnull=True).first()
    assert reverse("thgov_expiry_defaults:edit", args=[shared.pk]) in response.content.decode()
