"""``thgov_demo_sites N``: N separate municipalities with their own settings, roles, workflow, users and pages."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, Locale, Page, Site, WorkflowPage

from wagtail_thgov.site_settings.models import MunicipalitySettings
from wagtail_thgov.sitefiles.libraries import site_collection
from wagtail_thgov.workflows.roles import Role
from wagtail_thgov.workflows.setup import role_group

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_installation(settings):
    settings.ALLOWED_HOSTS = [".localhost", "testserver"]
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")


def run(*args):
    out = io.StringIO()
    call_command("thgov_demo_sites", *args, stdout=out)
    return out.getvalue()


def test_creates_separate_sites_with_their_own_everything():
    output = run("3")
    assert "m001.localhost … m003.localhost" in output
    sites = list(Site.objects.filter(hostname__endswith=".localhost").order_by("hostname"))
    assert [site.hostname for site in sites] == ["m001.localhost", "m002.localhost", "m003.localhost"]
    assert len({site.root_page_id for site in sites}) == 3
    for number, site in enumerate(sites, start=1):
        code = f"m{number:03d}"
        assert f"{number:03d}" in MunicipalitySettings.for_site(site).name_th
        assert WorkflowPage.objects.filter(page=site.root_page).exists()
        for role in Role:
            group = role_group(site, role)
            assert group is not None
            assert list(group.user_set.values_list("username", flat=True)) == [f"{code}-{role.value}"]
        visitor = Client(HTTP_HOST=site.hostname)
        for path in ("/", "/news/", "/news/land-tax/", "/citizen-manuals/elderly-allowance/", "/site-map/"):
            assert visitor.get(path).status_code == 200, (site.hostname, path)
    client = Client(HTTP_HOST="m002.localhost")
    assert client.login(username="m002-webmaster", password="thgov-demo")
    assert client.get("/admin/").status_code == 200


def test_second_run_creates_nothing_and_more_sites_add_only_the_new_ones():
    run("2")
    assert "0 objects created" in run("2")
    run("3")
    assert Site.objects.filter(hostname__endswith=".localhost").count() == 3
    assert "0 objects created" in run("3")


def test_each_demo_site_keeps_its_files_in_its_own_collection():
    """``--full`` demo content carries documents and images: each site gets its own, in its collection."""
    call_command("thgov_setup", stdout=io.StringIO())  # the standards the full demo's evidence refers to
    run("2", "--full", "--no-users")
    sites = list(Site.objects.filter(hostname__endswith=".localhost").order_by("hostname"))
    collections = [site_collection(site) for site in sites]
    assert None not in collections and collections[0] != collections[1]
    for model in (get_document_model(), get_image_model()):
        in_sites = [
            set(model.objects.filter(collection=c).values_list("title", flat=True)) for c in collections
        ]
        assert in_sites[0] and in_sites[0] == in_sites[1], model  # the same demo files, one copy per site
        assert not model.objects.exclude(collection__in=collections).exists(), model
    for site, collection in zip(sites, collections, strict=True):
        for role in Role:
            grants = GroupCollectionPermission.objects.filter(group=role_group(site, role))
            assert set(grants.values_list("collection", flat=True)) == {collection.pk}


def test_count_out_of_range_is_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="between 1 and 999"):
        run("0")
