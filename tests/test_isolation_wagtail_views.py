"""Wagtail's own admin views keep municipalities apart (issue 15, items 4 and 5).

Two demo municipalities are built once for the module; B's (m002) staff edit, lock, submit and log
things whose titles and names carry ``LEAK-m002``. Then A's (m001) uploader, webmaster and approver
open Wagtail's page chooser, its search, the page reports, the explorer's filters and the snippet
choosers, and forge requests for B's objects: ``LEAK-m002`` never appears; a superuser sees both.
"""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from thgov_demo.sites import build_demo_sites
from wagtail_thgov.isolation.checks import check_scoped_admin_urls
from wagtail_thgov.metadata.models import InformationSource
from wagtail_thgov.pages.news import NewsIndexPage, NewsPage
from wagtail_thgov.people.models import Person
from wagtail_thgov.workflows.roles import Role

from .factories import PASSWORD, built_once, make_user, seed_page_tree

pytestmark = pytest.mark.django_db

ROLES = [Role.UPLOADER, Role.WEBMASTER, Role.APPROVER]
SOURCE_CHOOSER = "wagtailsnippetchoosers_wagtail_thgov_informationsource"
PERSON_CHOOSER = "wagtailsnippetchoosers_wagtail_thgov_person"


def tag(code):
    return f"LEAK-{code}"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Municipalities A (m001) and B (m002) with their staff's traces, rolled back after the module."""
    with built_once(django_db_blocker):
        yield _build_world()


def _build_world():
    seed_page_tree()
    world = {"superuser": make_user("leak-superuser", superuser=True)}
    for number, site in enumerate(build_demo_sites(2, users=False)["sites"], start=1):
        code = f"m{number:03d}"
        marker = tag(code)
        users = {}
        for role in ROLES:
            user = make_user(f"{code}-{role.value}", role, site)
            user.first_name, user.last_name = f"{role.value}", marker
            user.save()
            users[role] = user
        home = site.root_page.specific
        news_index = NewsIndexPage.objects.child_of(home).get()
        source = InformationSource.objects.create(site=site, name=f"กองทดสอบ {marker}")
        draft = NewsPage(
            title=f"ร่างข่าว {marker}", slug=f"draft-{code}", body="[]", owner=users[Role.UPLOADER], live=False
        )
        news_index.add_child(instance=draft)
        draft.save_revision(user=users[Role.UPLOADER], log_action=True)
        draft.locked, draft.locked_by, draft.locked_at = True, users[Role.WEBMASTER], timezone.now()
        draft.save(update_fields=["locked", "locked_by", "locked_at"])
        waiting = NewsPage(
            title=f"รออนุมัติ {marker}",
            slug=f"waiting-{code}",
            body="[]",
            owner=users[Role.UPLOADER],
            live=False,
        )
        news_index.add_child(instance=waiting)
        waiting.save_revision(user=users[Role.UPLOADER], log_action=True)
        waiting.get_workflow().start(waiting, users[Role.UPLOADER])
        live = NewsPage(
            title=f"ข่าวเผยแพร่ {marker}",
            slug=f"live-{code}",
            body="[]",
            source_text="สำนักปลัด",
            responsible_department=source,
        )
        news_index.add_child(instance=live)
        live.save_revision().publish()
        log(source, "wagtail.edit", user=users[Role.WEBMASTER])
        workflow = WorkflowPage.objects.get(page=home).workflow
        world[code] = {
            "site": site,
            "home": home,
            "news_index": news_index,
            "users": users,
            "source": source,
            "person": Person.objects.create(site=site, name=f"บุคคล {marker}", position="ปลัดเทศบาล"),
            "draft": draft,
            "waiting": waiting,
            "live": live,
            "workflow": workflow,
            "tasks": [task.name for task in workflow.tasks.all()],
        }
    return world


def login(world, user):
    client = Client(HTTP_HOST=world["m001"]["site"].hostname)
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture(params=ROLES, ids=[role.value for role in ROLES])
def staff_of_a(request, world):
    """A's uploader, webmaster or approver, logged in."""
    return login(world, world["m001"]["users"][request.param])


@pytest.fixture
def webmaster_of_a(world):
    return login(world, world["m001"]["users"][Role.WEBMASTER])


@pytest.fixture
def superuser(world):
    return login(world, world["superuser"])


def text_of(response):
    """The HTML of a page, or of a chooser's modal (JSON with an ``html`` fragment)."""
    body = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        data = json.loads(body)
        return data.get("html") or data.get("htmlFragment") or json.dumps(data, ensure_ascii=False)
    return body


def names_of_b(world):
    """Every string that would betray B: its tag and its staff's user names."""
    return [tag("m002")] + [user.username for user in world["m002"]["users"].values()]


def assert_nothing_of_b(world, text, where):
    for secret in names_of_b(world):
        assert secret not in text, f"{where}: shows {secret!r} to a user of A"


# --- Page chooser --------------------------------------------------------------------------------------


def test_page_chooser_at_the_root_lists_only_the_users_own_home(world, staff_of_a):
    text = text_of(staff_of_a.get(reverse("wagtailadmin_choose_page")))
    assert world["m001"]["home"].title in text
    assert world["m002"]["home"].title not in text


def test_page_chooser_lists_the_users_own_drafts(world, staff_of_a):
    url = reverse("wagtailadmin_choose_page_child", args=[world["m001"]["news_index"].pk])
    text = text_of(staff_of_a.get(url))
    assert world["m001"]["draft"].title in text and world["m001"]["waiting"].title in text


@pytest.mark.parametrize("place", ["home", "news_index", "draft"])
def test_page_chooser_refuses_to_open_another_sites_pages(world, staff_of_a, place):
    url = reverse("wagtailadmin_choose_page_child", args=[world["m002"][place].pk])
    response = staff_of_a.get(url)
    assert response.status_code == 404
    assert_nothing_of_b(world, response.content.decode(), place)


def test_page_chooser_search_finds_only_the_users_own_pages(world, staff_of_a):
    response = staff_of_a.get(reverse("wagtailadmin_choose_page_search"), {"q": "LEAK"})
    assert response.status_code == 200
    text = text_of(response)
    assert world["m001"]["draft"].title in text and world["m001"]["waiting"].title in text
    assert_nothing_of_b(world, text, "page chooser search")


def test_page_chooser_chosen_multiple_leaves_out_another_sites_pages(world, staff_of_a):
    url = reverse("wagtailadmin_choose_page_chosen_multiple")
    response = staff_of_a.get(url, {"id": [world["m001"]["live"].pk, world["m002"]["draft"].pk]})
    assert response.status_code == 200
    text = response.content.decode()
    assert str(world["m001"]["live"].pk) in json.dumps(json.loads(text)["result"])
    assert_nothing_of_b(world, json.loads(text)["result"].__repr__(), "chosen multiple")
    assert world["m002"]["draft"].title not in json.dumps(json.loads(text), ensure_ascii=False)


def test_superuser_chooses_pages_of_every_site(world, superuser):
    text = text_of(superuser.get(reverse("wagtailadmin_choose_page_search"), {"q": "LEAK"}))
    assert world["m001"]["draft"].title in text and world["m002"]["draft"].title in text
    url = reverse("wagtailadmin_choose_page_child", args=[world["m002"]["news_index"].pk])
    assert world["m002"]["waiting"].title in text_of(superuser.get(url))


# --- Reports ------------------------------------------------------------------------------------------

# (label, URL name, roles that may open it): every one of them, to every role of A, shows nothing of B.
REPORTS = [
    ("page types usage", "wagtailadmin_reports:page_types_usage", ROLES),
    ("page types usage results", "wagtailadmin_reports:page_types_usage_results", ROLES),
    ("locked pages", "wagtailadmin_reports:locked_pages", [Role.WEBMASTER]),
    ("aging pages", "wagtailadmin_reports:aging_pages", ROLES),
    ("site history", "wagtailadmin_reports:site_history", ROLES),
    ("site history results", "wagtailadmin_reports:site_history_results", ROLES),
    ("site history export", "wagtailadmin_reports:site_history", ROLES),
    ("workflows", "wagtailadmin_reports:workflow", ROLES),
    ("workflow tasks", "wagtailadmin_reports:workflow_tasks", ROLES),
]


@pytest.mark.parametrize("label, name, roles", REPORTS, ids=[row[0] for row in REPORTS])
@pytest.mark.parametrize("role", ROLES, ids=[role.value for role in ROLES])
def test_wagtail_reports_show_nothing_of_another_site(world, label, name, roles, role):
    client = login(world, world["m001"]["users"][role])
    response = client.get(reverse(name), {"export": "csv"} if "export" in label else {})
    if role not in roles:  # Wagtail sends them back to the dashboard with "no permission"
        assert (response.status_code, response.get("Location")) == (302, reverse("wagtailadmin_home"))
        return
    assert response.status_code == 200, (label, response.status_code)
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert_nothing_of_b(world, text, label)
    b = world["m002"]
    for secret in [b["workflow"].name, *b["tasks"], b["site"].site_name]:
        assert secret not in text, f"{label}: names B's workflow, task or site ({secret})"


def test_page_types_usage_shows_the_users_own_last_edited_page(world, staff_of_a):
    text = staff_of_a.get(reverse("wagtailadmin_reports:page_types_usage")).content.decode()
    assert tag("m001") in text


def test_locked_pages_filter_offers_only_staff_of_the_users_site(world, webmaster_of_a):
    text = webmaster_of_a.get(reverse("wagtailadmin_reports:locked_pages")).content.decode()
    assert world["m001"]["draft"].title in text
    assert_nothing_of_b(world, text, "locked pages")
    other = world["m002"]["users"][Role.WEBMASTER]
    response = webmaster_of_a.get(
        reverse("wagtailadmin_reports:locked_pages_results"), {"locked_by": other.pk}
    )
    assert tag("m002") not in response.content.decode()


def test_site_history_lists_the_users_own_sources_only(world, webmaster_of_a):
    text = webmaster_of_a.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert world["m001"]["source"].name in text
    assert world["m002"]["source"].name not in text


def test_superuser_reports_show_every_site(world, superuser):
    for name in ("wagtailadmin_reports:site_history", "wagtailadmin_reports:workflow"):
        text = superuser.get(reverse(name)).content.decode()
        assert tag("m001") in text and tag("m002") in text, name
    text = superuser.get(reverse("wagtailadmin_reports:page_types_usage")).content.decode()
    assert tag("m002") in text  # B's pages were edited last


def test_reports_answer_at_wagtails_addresses_with_the_scoped_views():
    assert check_scoped_admin_urls(None) == []


def test_system_check_fails_when_wagtails_unscoped_reports_answer(settings):
    settings.ROOT_URLCONF = "tests.urls_without_isolation"
    errors = check_scoped_admin_urls(None)
    assert [error.id for error in errors] == ["wagtail_thgov.E201"]
    assert "wagtailadmin_reports:page_types_usage" in errors[0].msg


# (URL name, query, most queries as A's webmaster): scoping adds a few queries per view, never per row.
# Site history costs more than for a superuser (43) mostly in Wagtail's own per-row permission checks.
QUERY_BUDGET = [
    ("wagtailadmin_choose_page", {}, 20),
    ("wagtailadmin_choose_page_search", {"q": "LEAK"}, 22),
    ("wagtailadmin_reports:page_types_usage", {}, 30),
    ("wagtailadmin_reports:site_history", {}, 66),
    ("wagtailadmin_reports:workflow", {}, 28),
    ("wagtailadmin_reports:locked_pages", {}, 30),
]


@pytest.mark.parametrize("name, query, budget", QUERY_BUDGET, ids=[row[0] for row in QUERY_BUDGET])
def test_scoped_views_query_counts(world, webmaster_of_a, django_assert_max_num_queries, name, query, budget):
    webmaster_of_a.get(reverse(name), query)  # warm Wagtail's and Django's caches
    with django_assert_max_num_queries(budget):
        assert webmaster_of_a.get(reverse(name), query).status_code == 200


# --- Page explorer ------------------------------------------------------------------------------------


def test_explorer_filters_name_only_staff_and_site_of_the_users_site(world, staff_of_a):
    a = world["m001"]
    response = staff_of_a.get(reverse("wagtailadmin_explore", args=[a["news_index"].pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert a["users"][Role.UPLOADER].username in text or tag("m001") in text  # the owner filter
    assert_nothing_of_b(world, text, "explorer")
    assert world["m002"]["site"].site_name not in text


def test_explorer_refuses_another_sites_user_as_a_filter(world, webmaster_of_a):
    a, b = world["m001"], world["m002"]
    url = reverse("wagtailadmin_explore_results", args=[a["news_index"].pk])
    for name in ("owner", "edited_by"):
        response = webmaster_of_a.get(url, {name: b["users"][Role.UPLOADER].pk})
        assert tag("m002") not in response.content.decode(), name


def test_superuser_explorer_filters_name_every_sites_staff(world, superuser):
    text = superuser.get(
        reverse("wagtailadmin_explore", args=[world["m001"]["news_index"].pk])
    ).content.decode()
    assert tag("m002") in text


# --- Snippet choosers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("chooser, key", [(SOURCE_CHOOSER, "source"), (PERSON_CHOOSER, "person")])
def test_snippet_chosen_refuses_another_sites_rows(world, webmaster_of_a, chooser, key):
    response = webmaster_of_a.get(reverse(f"{chooser}:chosen", args=[world["m002"][key].pk]))
    assert response.status_code == 404
    assert tag("m002") not in response.content.decode()
    response = webmaster_of_a.get(reverse(f"{chooser}:chosen_multiple"), {"id": [world["m002"][key].pk]})
    assert tag("m002") not in response.content.decode()
    own = webmaster_of_a.get(reverse(f"{chooser}:chosen", args=[world["m001"][key].pk]))
    assert own.status_code == 200 and tag("m001") in own.content.decode()


def test_source_chosen_refuses_another_sites_row_to_every_role(world, staff_of_a):
    response = staff_of_a.get(reverse(f"{SOURCE_CHOOSER}:chosen", args=[world["m002"]["source"].pk]))
    assert response.status_code == 404


def test_superuser_chooses_every_sites_sources(world, superuser):
    response = superuser.get(reverse(f"{SOURCE_CHOOSER}:chosen", args=[world["m002"]["source"].pk]))
    assert response.status_code == 200 and tag("m002") in response.content.decode()


# --- The chooser's "create" form (it answered 500) -----------------------------------------------------


def create_source(client, data):
    return client.post(reverse(f"{SOURCE_CHOOSER}:create"), data)


def test_chooser_create_with_errors_answers_with_the_form_in_thai(world, webmaster_of_a, settings):
    settings.LANGUAGE_CODE = "th"
    response = create_source(webmaster_of_a, {"name": "", "kind": "department"})
    assert response.status_code == 200
    data = response.json()
    assert data["step"] == "reshow_creation_form"
    assert "error" in data["htmlFragment"]
    with override("th"):
        from django.forms import Field

        assert str(Field.default_error_messages["required"]) in data["htmlFragment"]


def test_chooser_create_refuses_another_sites_site(world, webmaster_of_a):
    response = create_source(
        webmaster_of_a, {"name": "กองใหม่จากตัวเลือก", "kind": "department", "site": world["m002"]["site"].pk}
    )
    assert response.json()["step"] == "reshow_creation_form"
    assert not InformationSource.objects.filter(name="กองใหม่จากตัวเลือก").exists()


def test_chooser_create_adds_a_source_of_the_users_site(world, webmaster_of_a):
    a = world["m001"]
    response = create_source(
        webmaster_of_a, {"name": "กองช่าง LEAK-new", "kind": "department", "site": a["site"].pk}
    )
    assert response.json()["step"] == "chosen"
    assert InformationSource.objects.get(name="กองช่าง LEAK-new").site == a["site"]


def test_chooser_create_is_offered_with_the_users_site_chosen(world, webmaster_of_a):
    text = text_of(webmaster_of_a.get(reverse(f"{SOURCE_CHOOSER}:choose")))
    assert 'name="site"' in text
    assert f'value="{world["m001"]["site"].pk}" selected' in text
    assert world["m002"]["site"].site_name not in text


def test_uploader_may_not_create_sources_from_the_chooser(world):
    client = login(world, world["m001"]["users"][Role.UPLOADER])
    url = reverse(f"{SOURCE_CHOOSER}:create")
    data = {"name": "กองของผู้นำข้อมูล", "kind": "department", "site": world["m001"]["site"].pk}
    response = client.post(url, data, HTTP_X_REQUESTED_WITH="XMLHttpRequest")  # as the chooser sends it
    assert response.status_code == 403
    assert not InformationSource.objects.filter(name="กองของผู้นำข้อมูล").exists()


def test_person_chooser_create_is_for_those_who_may_add_people(world, webmaster_of_a, superuser):
    url = reverse(f"{PERSON_CHOOSER}:create")
    response = webmaster_of_a.post(url, {"name": "x"}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 403
    response = superuser.post(url, {"name": "", "site": world["m001"]["site"].pk})
    assert response.status_code == 200 and response.json()["step"] == "reshow_creation_form"


# --- Page forms: another site's information source ------------------------------------------------------


def edit_news(client, page, **fields):
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": "pr",
        "news_date": timezone.localdate().isoformat(),
        "summary": "สรุป",
        "body": streamfield([]),
        "gallery": streamfield([]),
        "attachments": streamfield([]),
        "source_text": "สำนักปลัด",
        "keywords": "",
        "comments": inline_formset([]),
    }
    data.update(fields)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data(data))


def latest_revision(page):
    return Page.objects.get(pk=page.pk).get_latest_revision()


@pytest.mark.parametrize("field", ["responsible_department", "source_organisation"])
def test_page_form_refuses_another_sites_source_by_forged_post(world, settings, field):
    settings.LANGUAGE_CODE = "th"
    a, b = world["m001"], world["m002"]
    client = login(world, a["users"][Role.UPLOADER])
    page = a["live"]
    before = latest_revision(page).pk
    response = edit_news(client, page, **{field: b["source"].pk})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "เว็บไซต์ขององค์กรปกครองส่วนท้องถิ่นอื่น" in response.content.decode()
    assert latest_revision(page).pk == before


def test_page_form_accepts_the_sites_own_and_shared_sources(world):
    a = world["m001"]
    client = login(world, a["users"][Role.UPLOADER])
    shared = InformationSource.objects.create(site=None, name="ราชกิจจานุเบกษา LEAK-shared")
    response = edit_news(
        client, a["live"], responsible_department=a["source"].pk, source_organisation=shared.pk
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    revision = latest_revision(a["live"]).as_object()
    assert revision.responsible_department_id == a["source"].pk
    assert revision.source_organisation_id == shared.pk


def test_superuser_cannot_give_a_page_another_sites_source_either(world, superuser):
    response = edit_news(superuser, world["m001"]["live"], responsible_department=world["m002"]["source"].pk)
    assert response.status_code == 200
    assert "responsible_department" in response.context["form"].errors


def linking_body(page):
    html = f'<p>ดูเพิ่มเติม <a linktype="page" id="{page.pk}">ที่นี่</a></p>'
    return streamfield([("paragraph", rich_text(html))])


def test_page_form_refuses_a_link_to_another_sites_page_by_forged_post(world, settings):
    settings.LANGUAGE_CODE = "th"
    a, b = world["m001"], world["m002"]
    client = login(world, a["users"][Role.UPLOADER])
    before = latest_revision(a["live"]).pk
    response = edit_news(client, a["live"], body=linking_body(b["draft"]))
    assert response.status_code == 200
    (error,) = response.context["form"].errors.as_data()["body"]
    message = str(list(error.non_block_errors)[0])
    assert "เว็บไซต์ขององค์กรปกครองส่วนท้องถิ่นอื่น" in message
    # The StreamField's script shows it: its errors are in the page as JSON.
    assert json.dumps(message)[1:-1] in response.content.decode()
    assert latest_revision(a["live"]).pk == before
    # The same link to one of A's own pages is saved.
    response = edit_news(client, a["live"], body=linking_body(a["draft"]))
    assert response.status_code == 302
