"""The site-scoped viewset base (core/viewsets.py, core.sites.SiteScope) on the screens that use it:
default publication periods, information sources and people (snippets), local checklist items and
evidence kept elsewhere. Municipality A and B, each with its rows; a shared row (no site)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.permissions import policy_registry

from wagtail_thgov.compliance.models import ChecklistItem, ManualEvidence, Standard
from wagtail_thgov.compliance.permissions import REPORT_SCOPE
from wagtail_thgov.compliance.views import ManualEvidenceViewSet
from wagtail_thgov.core.sites import EDITED_SITES_AND_SHARED, SiteScope
from wagtail_thgov.core.viewsets import SCOPED_VIEWS, SiteScopedPermissionPolicy
from wagtail_thgov.eservice.models import ServiceRequest
from wagtail_thgov.metadata.models import InformationSource
from wagtail_thgov.pages.news import NewsPage
from wagtail_thgov.people.models import Person
from wagtail_thgov.publishing.models import ExpiryDefault
from wagtail_thgov.publishing.views import ExpiryDefaultIndexView, ExpiryDefaultViewSet
from wagtail_thgov.workflows.roles import Role

from .factories import PASSWORD, built_once, make_site, make_user, seed_page_tree

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        seed_page_tree()
        sites = {
            "a": make_site("a.example.test", "เทศบาลตำบลเอ"),
            "b": make_site("b.example.test", "เทศบาลตำบลบี", is_default=False),
        }
        news = ContentType.objects.get_for_model(NewsPage)
        standard = Standard.objects.filter(site__isnull=True).order_by("pk").first()
        item = ChecklistItem.objects.filter(standard=standard, site__isnull=True).order_by("pk").first()
        world = {
            "sites": sites,
            "superuser": make_user("scope-admin", superuser=True),
            "shared_source": InformationSource.objects.create(site=None, name="ราชกิจจานุเบกษา"),
        }
        for code, site in sites.items():
            world[code] = {
                "webmaster": make_user(f"scope-webmaster-{code}", Role.WEBMASTER, site),
                "uploader": make_user(f"scope-uploader-{code}", Role.UPLOADER, site),
                "expiry": ExpiryDefault.objects.create(site=site, page_type=news, kind="pr", days=30),
                "source": InformationSource.objects.create(site=site, name=f"กองคลัง {code}"),
                "person": Person.objects.create(site=site, name=f"นายทดสอบ {code}", position="ปลัด"),
                "local_item": ChecklistItem.objects.create(
                    standard=standard, site=site, code=f"SCOPE-{code}", name_th=f"รายการท้องถิ่น {code}"
                ),
                "evidence": ManualEvidence.objects.create(
                    site=site, item=item, title=f"หลักฐาน {code}", url=f"https://{code}.example.test/x"
                ),
            }
        yield world


def fresh(user):
    """The user read again: the world's objects are shared by the module's tests, and a user object keeps
    the sites it was found to serve for the rest of its life (as Django keeps its permission cache)."""
    return get_user_model().objects.get(pk=user.pk)


def client_of(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


SOURCES = "wagtailsnippets_wagtail_thgov_informationsource"
PEOPLE = "wagtailsnippets_wagtail_thgov_person"

# (URL namespace, the key of A's row in the world, the views the viewset has for one row)
ROW_VIEWS = [
    ("thgov_expiry_defaults", "expiry", ["edit", "delete", "history", "usage"]),
    (SOURCES, "source", ["edit", "delete", "history", "usage", "copy"]),
    (PEOPLE, "person", ["edit", "delete", "history", "usage", "copy"]),
    ("thgov_local_items", "local_item", ["edit", "delete", "history", "usage"]),
    ("thgov_manual_evidence", "evidence", ["edit", "delete", "history", "usage"]),
]
# No role may change people (superusers do): a webmaster's own person would not open either, so people
# are left out of the forged addresses (the superuser test covers their viewset).
FORGED = [(namespace, key, view) for namespace, key, views in ROW_VIEWS if key != "person" for view in views]


# --- The scope, as rows ----------------------------------------------------------------------------


def test_scope_gives_each_user_the_rows_of_their_sites(world):
    rows = InformationSource.objects.filter(
        pk__in=[world["a"]["source"].pk, world["b"]["source"].pk, world["shared_source"].pk]
    )
    webmaster_b = fresh(world["b"]["webmaster"])
    scope = EDITED_SITES_AND_SHARED
    assert set(scope.visible(rows, webmaster_b)) == {world["b"]["source"], world["shared_source"]}
    assert set(scope.changeable(rows, webmaster_b)) == {world["b"]["source"]}
    assert not scope.allows(webmaster_b, world["a"]["source"], change=False)
    assert scope.allows(webmaster_b, world["shared_source"], change=False)
    assert not scope.allows(webmaster_b, world["shared_source"])
    assert set(scope.changeable(rows, world["superuser"])) == set(rows)
    # Without shared rows, a row without a site is outside the scope, even for a superuser.
    unshared = SiteScope(scope.permission)
    assert set(unshared.visible(rows, world["superuser"])) == {world["a"]["source"], world["b"]["source"]}
    assert not unshared.allows(world["superuser"], world["shared_source"], change=False)


def test_an_inactive_user_has_no_sites_rows(world):
    webmaster_b = fresh(world["b"]["webmaster"])
    webmaster_b.is_active = False
    rows = ManualEvidence.objects.all()
    assert not REPORT_SCOPE.changeable(rows, webmaster_b).exists()
    assert not EDITED_SITES_AND_SHARED.sites(webmaster_b).exists()


def test_a_role_without_the_permission_has_no_rows_of_a_permission_scope(world):
    # The uploader edits the pages of A, but does not see A's compliance report.
    uploader = fresh(world["a"]["uploader"])
    assert EDITED_SITES_AND_SHARED.sites(uploader).get() == world["sites"]["a"]
    assert not REPORT_SCOPE.visible(ManualEvidence.objects.all(), uploader).exists()


# --- Forged addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize("namespace, key, view", FORGED, ids=[f"{n}:{v}" for n, _k, v in FORGED])
def test_webmaster_of_b_forging_an_address_of_as_row_is_refused(world, namespace, key, view):
    row = world["a"][key]
    url = reverse(f"{namespace}:{view}", args=[row.pk])
    client = client_of(world["b"]["webmaster"])
    assert client.get(url).status_code == 404
    if view in ("edit", "delete"):
        assert (
            client.post(url, {"name": "hijacked", "days": "1", "site": world["sites"]["b"].pk}).status_code
            == 404
        )
        assert type(row).objects.filter(pk=row.pk).exists()
    # Their own row of the same kind opens.
    assert client.get(reverse(f"{namespace}:{view}", args=[world["b"][key].pk])).status_code == 200


def test_a_shared_row_is_read_only_for_a_webmaster(world):
    client = client_of(world["b"]["webmaster"])
    shared = world["shared_source"]
    listing = client.get(reverse(f"{SOURCES}:list"))
    assert shared in listing.context["object_list"]
    assert reverse(f"{SOURCES}:edit", args=[shared.pk]) not in listing.content.decode()
    for view in ("edit", "delete"):
        assert client.get(reverse(f"{SOURCES}:{view}", args=[shared.pk])).status_code == 404
    for view in ("history", "usage", "copy"):
        assert client.get(reverse(f"{SOURCES}:{view}", args=[shared.pk])).status_code == 200


def test_inspect_finds_only_visible_rows(world):
    viewset = ManualEvidenceViewSet()
    view = viewset.inspect_view_class(model=ManualEvidence, site_scope=viewset.site_scope)
    request = RequestFactory().get("/")
    request.user = fresh(world["b"]["webmaster"])
    view.request, view.kwargs = request, {}
    view.pk = str(world["a"]["evidence"].pk)
    with pytest.raises(Http404):
        view.get_object()
    view.pk = str(world["b"]["evidence"].pk)
    assert view.get_object() == world["b"]["evidence"]


def test_bulk_delete_of_another_sites_snippet_is_refused(world):
    source = world["a"]["source"]
    url = reverse("wagtail_bulk_action", args=("wagtail_thgov", "informationsource", "delete"))
    query = urlencode({"id": source.pk, "next": reverse(f"{SOURCES}:list")})
    client_of(world["b"]["webmaster"]).post(f"{url}?{query}")
    assert InformationSource.objects.filter(pk=source.pk).exists()


# --- Forms, lower roles, superusers ----------------------------------------------------------------


@pytest.mark.parametrize("namespace", ["thgov_expiry_defaults", SOURCES, "thgov_manual_evidence"])
def test_the_site_choice_offers_only_the_users_sites(world, namespace):
    response = client_of(world["b"]["webmaster"]).get(reverse(f"{namespace}:add"))
    field = response.context["form"].fields["site"]
    assert list(field.queryset) == [world["sites"]["b"]]
    assert field.required


def test_superuser_may_leave_a_shared_row_without_a_site(world):
    response = client_of(world["superuser"]).get(reverse("thgov_expiry_defaults:add"))
    field = response.context["form"].fields["site"]
    assert not field.required and set(field.queryset) == set(world["sites"].values())


def test_a_lower_role_sees_its_sites_rows_and_changes_none(world):
    client = client_of(world["a"]["uploader"])
    listing = client.get(reverse(f"{SOURCES}:list"))
    assert set(listing.context["object_list"]) == {world["a"]["source"], world["shared_source"]}
    edit = client.get(reverse(f"{SOURCES}:edit", args=[world["a"]["source"].pk]))
    assert edit.status_code in (302, 403)  # Wagtail's "no permission"
    assert client.get(reverse("thgov_expiry_defaults:index")).status_code in (302, 403)
    assert client.get(reverse("thgov_manual_evidence:index")).status_code in (302, 403)


@pytest.mark.parametrize(
    "namespace, key",
    [(namespace, key) for namespace, key, _views in ROW_VIEWS],
    ids=[r[0] for r in ROW_VIEWS],
)
def test_superuser_sees_and_edits_every_sites_rows(world, namespace, key):
    client = client_of(world["superuser"])
    index = "list" if namespace in (SOURCES, PEOPLE) else "index"
    listed = set(client.get(reverse(f"{namespace}:{index}")).context["object_list"])
    assert {world["a"][key], world["b"][key]} <= listed
    for code in ("a", "b"):
        assert client.get(reverse(f"{namespace}:edit", args=[world[code][key].pk])).status_code == 200


# --- The wiring -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model", [ExpiryDefault, InformationSource, Person, ChecklistItem, ManualEvidence, ServiceRequest]
)
def test_each_scoped_model_has_the_scoped_permission_policy(model):
    assert isinstance(policy_registry.get_by_type(model), SiteScopedPermissionPolicy)


def test_the_permission_policy_lists_the_rows_of_the_scope(world):
    policy = policy_registry.get_by_type(InformationSource)
    webmaster_b, uploader_b = fresh(world["b"]["webmaster"]), fresh(world["b"]["uploader"])
    seen = set(policy.instances_user_has_permission_for(webmaster_b, "view"))
    assert seen == {world["b"]["source"], world["shared_source"]}
    assert set(policy.instances_user_has_permission_for(webmaster_b, "change")) == {world["b"]["source"]}
    assert not policy.instances_user_has_permission_for(uploader_b, "change").exists()  # no such permission
    assert not policy.user_has_permission_for_instance(webmaster_b, "delete", world["shared_source"])
    assert policy.user_has_permission_for_instance(webmaster_b, "view", world["shared_source"])


def test_the_viewset_scopes_its_own_view_classes():
    viewset = ExpiryDefaultViewSet()
    for attribute, mixin in SCOPED_VIEWS.items():
        assert issubclass(getattr(viewset, attribute), mixin), attribute
    # The capability's own index view (select_related) is kept under the scope.
    assert issubclass(viewset.index_view_class, ExpiryDefaultIndexView)
