"""The integrator's path: the settings and URL helpers, the system checks of a broken install,
``thgov_municipality``, and the workflow and role permissions that follow a site's root."""

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from django.urls import include, path, resolve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.models import GroupPagePermission, Page, Site, WorkflowPage

from tests.factories import PASSWORD, make_site, make_user
from wagtail_thgov.core.categories import CATEGORIES
from wagtail_thgov.install import settings as thgov_settings
from wagtail_thgov.install.checks import app_problems, middleware_problems
from wagtail_thgov.install.municipality import SECTIONS
from wagtail_thgov.install.urls import add_thgov_urls
from wagtail_thgov.pages.home import MunicipalityHomePage
from wagtail_thgov.search.views import search
from wagtail_thgov.workflows.models import CertificationTask, RoleGroup
from wagtail_thgov.workflows.roles import Role
from wagtail_thgov.workflows.setup import role_group

# What `wagtail start` (Wagtail 8.0) writes into settings/base.py.
STARTER_APPS = [
    "home",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
STARTER_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]


def ids(messages):
    return sorted(message.id for message in messages)


# --- settings helpers ---------------------------------------------------------------------------------


def test_installed_apps_puts_the_plugin_first_and_adds_only_what_is_missing():
    result = thgov_settings.installed_apps(STARTER_APPS)
    assert result[:2] == ["wagtail_thgov", "wagtail_thgov.thai_admin"]
    assert len(result) == len(set(result)), "no app twice (Django refuses duplicate labels)"
    assert set(thgov_settings.REQUIRED_APPS) <= set(result)
    assert [app for app in result if app in STARTER_APPS] == STARTER_APPS, "the project's order is kept"
    assert thgov_settings.installed_apps(result) == result
    assert app_problems(result) == []


def test_middleware_puts_the_page_cache_around_everything_and_security_headers_after_django_security():
    result = thgov_settings.middleware(STARTER_MIDDLEWARE)
    assert result[0] == thgov_settings.CACHE_UPDATE_MIDDLEWARE
    assert result[-1] == thgov_settings.CACHE_FETCH_MIDDLEWARE
    assert result.index(thgov_settings.SECURITY_HEADERS_MIDDLEWARE) == (
        result.index(thgov_settings.SECURITY_MIDDLEWARE) + 1
    )
    for stats in thgov_settings.STATS_MIDDLEWARE:
        assert result.index(stats) > result.index("django.middleware.csrf.CsrfViewMiddleware")
    assert [name for name in result if name in STARTER_MIDDLEWARE] == STARTER_MIDDLEWARE
    assert thgov_settings.middleware(result) == result
    assert thgov_settings.middleware(list(reversed(result))) != list(reversed(result))
    assert middleware_problems(result) == ([], [])


def test_middleware_adds_django_security_middleware_when_the_project_has_none():
    result = thgov_settings.middleware(STARTER_MIDDLEWARE[1:])
    assert result[1:3] == [thgov_settings.SECURITY_MIDDLEWARE, thgov_settings.SECURITY_HEADERS_MIDDLEWARE]


def test_add_thgov_urls_places_scoped_admin_before_wagtail_admin_and_public_urls_before_the_catch_all():
    starter = [
        path("admin/", include(wagtailadmin_urls)),
        path("documents/", include("wagtail.documents.urls")),
        path("", include(wagtail_urls)),
    ]
    result = add_thgov_urls(starter)
    names = [getattr(getattr(p, "urlconf_module", None), "__name__", None) for p in result]
    assert names == [
        "wagtail_thgov.isolation.admin_urls",
        "wagtail.admin.urls",
        "wagtail.documents.urls",
        "wagtail_thgov.urls",
        "wagtail.urls",
    ]
    assert str(result[0].pattern) == "admin/"
    assert add_thgov_urls(result) == result, "safe to call again"


# --- system checks -------------------------------------------------------------------------------------


def test_e301_names_missing_apps_wagtail_contrib_settings_among_them():
    starter_with_plugin = ["wagtail_thgov", "wagtail_thgov.thai_admin", *STARTER_APPS]
    (error,) = app_problems(starter_with_plugin)
    assert error.id == "wagtail_thgov.E301"
    assert "wagtail.contrib.settings" in error.msg and "django_q" in error.msg
    assert "INSTALLED_APPS" in error.hint and "เพิ่ม" in error.hint, "the hint is in Thai and English"


def test_w302_when_the_plugin_comes_after_wagtail():
    late = [*thgov_settings.REQUIRED_APPS, "wagtail_thgov", "wagtail_thgov.thai_admin"]
    assert ids(app_problems(late)) == ["wagtail_thgov.W302"]


def test_the_test_project_passes_the_settings_checks():
    assert not [m for m in run_checks() if m.id.startswith("wagtail_thgov.") and m.id[-3] == "3"]


@override_settings(MIDDLEWARE=STARTER_MIDDLEWARE)
def test_w303_names_missing_middleware():
    (warning,) = [m for m in run_checks() if m.id == "wagtail_thgov.W303"]
    assert "PageCacheUpdateMiddleware" in warning.msg and "PageViewCounterMiddleware" in warning.msg
    assert "middleware(MIDDLEWARE)" in warning.hint and "มิดเดิลแวร์" in warning.hint


def test_w303_names_middleware_in_the_wrong_place():
    right = thgov_settings.middleware(STARTER_MIDDLEWARE)
    wrong = [*right[1:], right[0]]  # the cache's update middleware last instead of first
    wrong.remove(thgov_settings.SECURITY_HEADERS_MIDDLEWARE)
    wrong.insert(0, thgov_settings.SECURITY_HEADERS_MIDDLEWARE)  # before Django's SecurityMiddleware
    with override_settings(MIDDLEWARE=wrong):
        (warning,) = [m for m in run_checks() if m.id == "wagtail_thgov.W303"]
    assert "wrong place" in warning.msg
    assert thgov_settings.CACHE_UPDATE_MIDDLEWARE in warning.msg
    assert thgov_settings.SECURITY_HEADERS_MIDDLEWARE in warning.msg
    assert thgov_settings.CACHE_FETCH_MIDDLEWARE in warning.msg


@pytest.mark.parametrize("value", [None, "", "http://example.com"])
def test_w304_when_the_admin_base_url_is_unset_or_the_starter_placeholder(value):
    with override_settings(WAGTAILADMIN_BASE_URL=value):
        (warning,) = [m for m in run_checks() if m.id == "wagtail_thgov.W304"]
    assert "WAGTAILADMIN_BASE_URL" in warning.hint


def test_no_w304_with_the_site_address():
    with override_settings(WAGTAILADMIN_BASE_URL="https://www.example.go.th"):
        assert "wagtail_thgov.W304" not in ids(run_checks())


@override_settings(ROOT_URLCONF="tests.urls_starter_search")
def test_e305_when_the_starter_search_page_shadows_the_plugin_search():
    (error,) = [m for m in run_checks(tags=["urls"]) if m.id == "wagtail_thgov.E305"]
    assert "tests.urls_starter_search.search" in error.msg
    assert "?query=" in error.hint and "ค้นหา" in error.hint


def test_no_e305_when_the_plugin_answers_search():
    assert resolve("/search/").func is search
    assert "wagtail_thgov.E305" not in ids(run_checks(tags=["urls"]))


def database_checks():
    return [
        m
        for m in run_checks(tags=["database"], databases=["default"])
        if m.id in {"wagtail_thgov.W306", "wagtail_thgov.W307"}
    ]


@pytest.mark.django_db
def test_database_checks_do_not_run_without_a_database():
    starter_site()
    assert not [m for m in run_checks(tags=["database"]) if m.id.startswith("wagtail_thgov.W30")]


@pytest.mark.django_db
def test_w306_and_w307_for_a_starter_site_then_none_after_thgov_municipality():
    site = starter_site()
    assert ids(database_checks()) == ["wagtail_thgov.W306", "wagtail_thgov.W307"]
    assert site.hostname in database_checks()[0].msg
    call_command("thgov_municipality", stdout=StringSink())
    assert database_checks() == []


@pytest.mark.django_db
def test_w307_when_the_root_changes_without_the_signal_and_its_hint_says_run_thgov_setup():
    site = make_site()
    other = Page.get_first_root_node().add_child(instance=MunicipalityHomePage(title="ใหม่", slug="new-home"))
    Site.objects.filter(pk=site.pk).update(root_page=other)  # a bulk update sends no signal
    (warning,) = database_checks()
    assert warning.id == "wagtail_thgov.W307" and "thgov_setup" in warning.hint
    call_command("thgov_setup", stdout=StringSink())
    assert database_checks() == []


# --- thgov_municipality ----------------------------------------------------------------------------------


class StringSink:
    """A stdout for call_command that keeps what was written."""

    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def starter_site():
    """A site as `wagtail start` leaves it: a plain home page with one page of the project below it."""
    top = Page.get_first_root_node()
    for site in Site.objects.all():
        site.delete()
    home = top.add_child(instance=Page(title="Home", slug="starter-home"))
    home.save_revision().publish()
    about = home.add_child(instance=Page(title="About us", slug="about"))
    about.save_revision().publish()
    return Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Old"
    )


def command(*args):
    out = StringSink()
    call_command("thgov_municipality", *args, stdout=out)
    return out.text


@pytest.mark.django_db
def test_thgov_municipality_makes_a_starter_site_a_municipality_and_says_what_became_of_the_old_root():
    site = starter_site()
    old_root = site.root_page
    output = command("--name", "เทศบาลตำบลทดลอง")
    site.refresh_from_db()
    home = site.root_page.specific
    assert isinstance(home, MunicipalityHomePage) and home.title == "เทศบาลตำบลทดลอง" and home.live
    sections = home.get_children().specific()
    assert [type(page) for page in sections] == [section.model for section in SECTIONS]
    assert all(page.show_in_menus and page.live for page in sections)
    assert {section.category for section in SECTIONS} == {f"1.{n}" for n in range(1, 11)}
    # The workflow and the roles are on the new root.
    assert CertificationTask.objects.filter(workflow_tasks__workflow=home.get_workflow()).exists()
    for role in (Role.UPLOADER, Role.WEBMASTER):
        assert GroupPagePermission.objects.filter(group=role_group(site, role), page=home).exists()
    # It says what happened to the old root and its page, in Thai and in English.
    assert "Home" in output and f"id {old_root.pk}" in output
    assert "--move-children" in output and "no longer served" in output and "ไม่" in output
    assert Page.objects.filter(pk=old_root.pk).exists(), "the old root stays in the tree"
    assert Page.objects.get(slug="about").get_parent().pk == old_root.pk


@pytest.mark.django_db
def test_thgov_municipality_is_safe_to_run_again():
    starter_site()
    command()
    pages = Page.objects.count()
    output = command()
    assert Page.objects.count() == pages
    assert output.strip().endswith("0 changes.")


@pytest.mark.django_db
def test_thgov_municipality_moves_the_old_roots_pages_under_the_new_home_on_request():
    site = starter_site()
    command("--move-children")
    site.refresh_from_db()
    about = Page.objects.get(slug="about")
    assert about.get_parent().pk == site.root_page_id
    assert Client().get("/about/").status_code == 200
    assert Client().get("/").status_code == 200


@pytest.mark.django_db
def test_thgov_municipality_adopts_a_root_that_is_a_municipality_home_page_already():
    site = make_site()
    home_pk = site.root_page_id
    command()
    site.refresh_from_db()
    assert site.root_page_id == home_pk
    assert site.root_page.get_children().count() == len(SECTIONS)


@pytest.mark.django_db
def test_thgov_municipality_works_per_site():
    first = make_site()
    second_root = Page.get_first_root_node().add_child(instance=Page(title="Second", slug="second"))
    second = Site.objects.create(hostname="b.localhost", port=80, root_page=second_root)
    command("--site", "b.localhost", "--slug", "municipality-b", "--name", "เทศบาลบี")
    second.refresh_from_db()
    first.refresh_from_db()
    assert isinstance(second.root_page.specific, MunicipalityHomePage)
    assert second.root_page.title == "เทศบาลบี"
    assert first.root_page.get_children().count() == 0, "the other site is left alone"
    assert RoleGroup.objects.filter(site=second).count() == len(Role)


@pytest.mark.django_db
def test_thgov_municipality_refuses_an_unknown_site_in_thai_and_english():
    make_site()
    with pytest.raises(CommandError) as error:
        command("--site", "nowhere.example")
    assert "nowhere.example" in str(error.value) and "ไม่พบ" in str(error.value)


@pytest.mark.django_db
def test_thgov_municipality_refuses_a_slug_taken_by_another_page():
    starter_site()
    Page.get_first_root_node().add_child(instance=Page(title="Taken", slug="municipality"))
    with pytest.raises(CommandError) as error:
        command()
    assert "--slug" in str(error.value)


# --- the workflow and the roles follow the site root ------------------------------------------------------


def new_home(slug="new-home"):
    home = Page.get_first_root_node().add_child(instance=MunicipalityHomePage(title="หน้าแรกใหม่", slug=slug))
    home.save_revision().publish()
    return home


@pytest.mark.django_db
def test_changing_the_root_in_code_moves_the_workflow_and_the_role_permissions():
    site = make_site()
    old_root = site.root_page
    workflow = old_root.get_workflow()
    home = new_home()
    site.root_page = home
    site.save()
    assert WorkflowPage.objects.get(page=home).workflow == workflow, "the same workflow, not a copy"
    uploader = role_group(site, Role.UPLOADER)
    assert GroupPagePermission.objects.filter(group=uploader, page=home).exists()
    assert not GroupPagePermission.objects.filter(group=uploader, page=old_root).exists()
    assert database_checks() == []


@pytest.mark.django_db
def test_changing_the_root_in_the_sites_admin_moves_the_workflow_and_the_role_permissions():
    site = make_site()
    workflow = site.root_page.get_workflow()
    home = new_home()
    client = Client()
    make_user("admin", superuser=True)
    assert client.login(username="admin", password=PASSWORD)
    response = client.post(
        f"/admin/sites/edit/{site.pk}/",
        {
            "hostname": site.hostname,
            "port": site.port,
            "site_name": "",
            "root_page": home.pk,
            "is_default_site": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    site.refresh_from_db()
    assert site.root_page_id == home.pk
    assert home.get_workflow() == workflow
    approver_and_uploader = [role_group(site, Role.UPLOADER), role_group(site, Role.WEBMASTER)]
    for group in approver_and_uploader:
        assert GroupPagePermission.objects.filter(group=group, page=home).exists()
    # The uploader can now add a page below the new root.
    uploader = make_user("uploader", Role.UPLOADER, site)
    assert home.permissions_for_user(uploader).can_add_subpage()


@pytest.mark.django_db
def test_a_site_that_setup_never_saw_is_left_to_thgov_setup():
    site = starter_site()
    site.root_page = new_home()
    site.save()
    assert not WorkflowPage.objects.filter(page=site.root_page).exists()


def test_the_sections_made_are_the_category_table_s_index_pages():
    """thgov_municipality makes one section per index page of core.categories, in its order."""
    wanted = [(category.code, label) for category in CATEGORIES for label in category.index_pages]
    made = [(section.category, section.model._meta.label) for section in SECTIONS]
    assert made == wanted
