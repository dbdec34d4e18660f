"""Permission matrix over every admin view and export the plugin registers.

The URLs are found by walking the URL resolver, not listed by hand: every pattern whose view is the
plugin's code or serves one of its models, plus the edit view of each of its site settings. A URL missing
from ``EXPECTED`` fails the test, so every new view needs a decision about who may open it.

Outcomes: ``LOGIN`` redirect to the admin log-in, ``DENIED`` (403; Wagtail's redirect to the dashboard
with "Sorry, you do not have permission"; or 404 where a site-scoped view hides the object), ``OK`` (200;
for the POST-only actions, the redirect back after acting). Choosers are open to every admin user: anyone
who may edit a page must be able to pick the people and sources it shows (Wagtail's design).
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import URLResolver, get_resolver, reverse
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.eservice_support import a_pdf, make_request, make_service
from tests.factories import PASSWORD, built_once, make_user, role_users
from tests.security_support import security_site
from thgov_demo.files import pdf_bytes, png_bytes
from wagtail_thgov.compliance.models import ChecklistItem, ManualEvidence
from wagtail_thgov.documents.jobs import extract_document
from wagtail_thgov.documents.models import DocumentText
from wagtail_thgov.eservice.models import RequestAttachment
from wagtail_thgov.metadata.models import InformationSource
from wagtail_thgov.pages.news import NewsPage
from wagtail_thgov.people.models import Person
from wagtail_thgov.publishing.models import ExpiryDefault
from wagtail_thgov.sitefiles.libraries import site_collection
from wagtail_thgov.stats.models import QuestionKind, SurveyAnswer, SurveyQuestion, SurveyResponse
from wagtail_thgov.stats.pages import SatisfactionSurveyPage

pytestmark = pytest.mark.django_db

LOGIN, DENIED, OK = "login", "denied", "ok"
# Views that only accept POST: they are checked with a POST of a valid form.
POST_ACTIONS = {
    "thgov_publishing:currency_extend": {"days": "30"},
    "thgov_publishing:currency_mark_reviewed": {},
    "thgov_stats:survey_moderate": {"decision": "accept"},
}
# The namespaces of the plugin's own admin URLs (each capability's admin_urls, isolation's included).
PLUGIN_NAMESPACES = {
    "thgov_metadata",
    "thgov_workflows",
    "thgov_publishing",
    "thgov_compliance",
    "thgov_stats",
    "thgov_eservice",
    "thgov_isolation",
    "thgov_documents",
}
ROLES = ("anonymous", "uploader", "webmaster", "approver", "superuser")


def plugin_admin_urls():
    """``{url name: route}`` of every admin URL of the plugin, found in the URL resolver."""
    found = {}

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
                continue
            view = pattern.callback
            view_class = getattr(view, "view_class", None) or view
            model = (getattr(view, "view_initkwargs", None) or {}).get("model")
            ours = view_class.__module__.startswith("wagtail_thgov") or (
                model is not None and not isinstance(model, str) and model._meta.app_label == "wagtail_thgov"
            )
            route = prefix + str(pattern.pattern)
            if ours and route.startswith("admin/"):
                found[f"{namespace}:{pattern.name}" if namespace else pattern.name] = route

    walk(get_resolver().url_patterns, "", None)
    for model in settings_registry:
        if model._meta.app_label == "wagtail_thgov":
            found[f"wagtailsettings:edit:{model._meta.model_name}"] = "admin/settings/<app>/<model>/<site>/"
    return found


def _row(anonymous, uploader, webmaster, approver, superuser):
    return dict(zip(ROLES, (anonymous, uploader, webmaster, approver, superuser), strict=True))


WEBMASTER_ONLY = _row(LOGIN, DENIED, OK, DENIED, OK)
REGISTER = _row(LOGIN, DENIED, OK, OK, OK)
EDITORS = _row(LOGIN, OK, OK, OK, OK)
SUPERUSER_ONLY = _row(LOGIN, DENIED, DENIED, DENIED, OK)
SOURCES_READ = _row(LOGIN, OK, OK, DENIED, OK)
SOURCES_WRITE = _row(LOGIN, DENIED, OK, DENIED, OK)
# The text of documents: whoever may change documents of a site (uploaders and webmasters; approvers only
# choose files).
FILE_EDITORS = _row(LOGIN, OK, OK, DENIED, OK)
# Extending an expiry or marking a page reviewed is an edit of the page: whoever may edit it may do it.
PAGE_EDIT_ACTION = _row(LOGIN, OK, OK, OK, OK)


def _snippet(model_name, read, write, chooser):
    prefix = f"wagtailsnippets_wagtail_thgov_{model_name}"
    chooser_prefix = f"wagtailsnippetchoosers_wagtail_thgov_{model_name}"
    rows = {f"{prefix}:{name}": read for name in ("list", "list_results")}
    # History and usage of a snippet are shown to those who may change it (Wagtail's rule).
    rows |= {f"{prefix}:{name}": write for name in ("add", "edit", "delete", "copy", "usage", "history")}
    rows[f"{prefix}:history_results"] = write
    rows |= {f"{chooser_prefix}:{name}": chooser for name in ("choose", "choose_results", "chosen")}
    rows[f"{chooser_prefix}:chosen_multiple"] = chooser
    rows[f"{chooser_prefix}:create"] = write
    return rows


def _viewset(namespace, row):
    names = ("index", "index_results", "add", "edit", "delete", "history", "history_results", "usage")
    return {f"{namespace}:{name}": row for name in names}


FILE_KINDS = ("documents", "images")
API_FIND = _row(LOGIN, "HTTP 302", "HTTP 302", "HTTP 302", "HTTP 302")

EXPECTED = {
    "thgov_metadata:inventory": EDITORS,
    "thgov_metadata:inventory_results": EDITORS,
    "thgov_workflows:publication_register": REGISTER,
    "thgov_workflows:publication_register_results": REGISTER,
    "thgov_workflows:publication_request_form": REGISTER,
    "thgov_publishing:currency_report": EDITORS,
    "thgov_publishing:currency_report_results": EDITORS,
    "thgov_publishing:currency_extend": PAGE_EDIT_ACTION,
    "thgov_publishing:currency_mark_reviewed": PAGE_EDIT_ACTION,
    "thgov_compliance:report": WEBMASTER_ONLY,
    "thgov_documents:report": FILE_EDITORS,
    "thgov_documents:report_results": FILE_EDITORS,
    "thgov_compliance:report_results": WEBMASTER_ONLY,
    "thgov_compliance:export": WEBMASTER_ONLY,
    "thgov_compliance:load_edition": WEBMASTER_ONLY,
    **_snippet("informationsource", SOURCES_READ, SOURCES_WRITE, EDITORS),
    **_snippet("person", SUPERUSER_ONLY, SUPERUSER_ONLY, EDITORS),
    **_viewset("thgov_expiry_defaults", WEBMASTER_ONLY),
    **_viewset("thgov_manual_evidence", WEBMASTER_ONLY),
    **_viewset("thgov_local_items", WEBMASTER_ONLY),
    "wagtailsettings:edit:municipalitysettings": WEBMASTER_ONLY,
    "wagtailsettings:edit:compliancesettings": WEBMASTER_ONLY,
    "wagtailsettings:edit:publishingsettings": WEBMASTER_ONLY,
    # e-Service: requests are handled by the site's webmasters; nobody adds, copies or deletes one.
    **{
        f"thgov_eservice_requests:{name}": WEBMASTER_ONLY
        for name in ("index", "index_results", "edit", "history", "history_results", "usage")
    },
    "thgov_eservice:attachment": WEBMASTER_ONLY,
    "thgov_eservice:statistics": WEBMASTER_ONLY,
    "thgov_eservice:statistics_results": WEBMASTER_ONLY,
    "wagtailsettings:edit:eservicesettings": WEBMASTER_ONLY,
    "wagtailsettings:edit:opendatasettings": WEBMASTER_ONLY,  # open data catalogue defaults (issue 22)
    # The admin API's files (issue 15): every role of the site may choose its files; "find" redirects to
    # the file's detail URL. Another site's files are "not found" (tests/test_files_isolation.py).
    **{f"wagtailadmin_api:{kind}:{view}": EDITORS for kind in FILE_KINDS for view in ("listing", "detail")},
    **{f"wagtailadmin_api:{kind}:find": API_FIND for kind in FILE_KINDS},
    # Wagtail's page reports and page chooser, scoped per municipality (wagtail_thgov.isolation): Wagtail's
    # own rules on who may open them (any page editor; locked pages: those who may unlock).
    **{
        f"thgov_isolation:wagtailadmin_reports_{name}": EDITORS
        for name in (
            "page_types_usage",
            "page_types_usage_results",
            "site_history",
            "site_history_results",
            "workflow",
            "workflow_results",
            "workflow_tasks",
            "workflow_tasks_results",
        )
    },
    "thgov_isolation:wagtailadmin_reports_locked_pages": WEBMASTER_ONLY,
    "thgov_isolation:wagtailadmin_reports_locked_pages_results": WEBMASTER_ONLY,
    "thgov_isolation:wagtailadmin_choose_page_chosen_multiple": EDITORS,
    # Moderation of open survey answers: the site's webmasters.
    "thgov_stats:survey_moderation": WEBMASTER_ONLY,
    "thgov_stats:survey_moderation_results": WEBMASTER_ONLY,
    "thgov_stats:survey_moderate": WEBMASTER_ONLY,
    # Satisfaction survey results: the site's webmasters.
    "thgov_stats:satisfaction_report": WEBMASTER_ONLY,
    "thgov_stats:satisfaction_report_results": WEBMASTER_ONLY,
    "thgov_stats:satisfaction_export": WEBMASTER_ONLY,
}


class World:
    """Two municipalities, each with its role users and one object of every kind the views need."""

    def __init__(self):
        self.site = security_site()
        self.other_site = security_site(hostname="other.example.test", title="เทศบาลอื่น", is_default=False)
        self.users = {
            "anonymous": None,
            **role_users(self.site),
            "superuser": make_user("root", superuser=True),
        }
        self.other_webmaster = role_users(self.other_site)["webmaster"]
        self.objects = {site.pk: self._objects_of(site) for site in (self.site, self.other_site)}

    def _objects_of(self, site):
        home = site.root_page
        page = home.add_child(
            instance=NewsPage(title=f"ข่าวของ {site.hostname}", slug=f"news-{site.pk}", review_by=None)
        )
        page.save_revision(user=self.users["uploader"]).publish()
        workflow_state = page.get_workflow().start(page, self.users["uploader"])
        service = make_service(site, slug=f"complaints-{site.pk}", title=f"ร้องเรียน {site.hostname}")
        survey = SatisfactionSurveyPage(title=f"แบบสำรวจ {site.hostname}", slug=f"survey-{site.pk}")
        survey.questions.add(SurveyQuestion(kind=QuestionKind.RATING, text="ความพึงพอใจโดยรวม", sort_order=0))
        home.add_child(instance=survey)
        survey.save_revision().publish()
        response = SurveyResponse.objects.create(
            site=site,
            page=survey,
            date=datetime.date(2026, 12, 1),
            fiscal_year=2570,
            visitor_hash=f"v{site.pk}",
        )
        open_answer = SurveyAnswer.objects.create(
            response=response, question_text="ข้อเสนอแนะ", kind=QuestionKind.TEXT, text=f"ความเห็น {site.pk}"
        )
        service_request = make_request(service)
        attachment = RequestAttachment.objects.create(
            request=service_request,
            file=ContentFile(a_pdf().read(), name="evidence.pdf"),
            original_name="evidence.pdf",
            size=100,
            content_type="application/pdf",
        )
        return {
            "page": page,
            "title": page.title,
            "thgov_eservice_requests": service_request,
            "thgov_eservice:attachment": attachment,
            "service": service,
            "survey": survey,
            "open_answer": open_answer,
            "workflow_state": workflow_state,
            "informationsource": InformationSource.objects.create(site=site, name=f"กองคลัง {site.pk}"),
            "person": Person.objects.create(site=site, name=f"นายทดสอบ {site.pk}", position="นายก"),
            "thgov_expiry_defaults": ExpiryDefault.objects.create(
                site=site, page_type=ContentType.objects.get_for_model(NewsPage), days=30
            ),
            "thgov_manual_evidence": ManualEvidence.objects.create(
                site=site, item=ChecklistItem.objects.filter(site__isnull=True).first(), title="หลักฐาน"
            ),
            "wagtailadmin_api:documents": site_file(get_document_model(), site),
            "wagtailadmin_api:images": site_file(get_image_model(), site),
            "thgov_local_items": ChecklistItem.objects.create(
                site=site,
                standard=ChecklistItem.objects.first().standard,
                code=f"L{site.pk}",
                name_th="ข้อท้องถิ่น",
            ),
        }

    def url(self, name, site):
        """The URL of ``name`` for the objects of ``site``."""
        objects = self.objects[site.pk]
        if name.startswith("wagtailsettings:edit:"):
            return reverse("wagtailsettings:edit", args=["wagtail_thgov", name.rsplit(":", 1)[1], site.pk])
        if name == "thgov_workflows:publication_request_form":
            return reverse(name, args=[objects["workflow_state"].pk])
        if name == "thgov_eservice:attachment":
            return reverse(name, args=[objects[name].pk])
        if name.startswith("thgov_stats:satisfaction_"):
            return reverse(name) + f"?survey={objects['survey'].pk}"
        if name == "thgov_stats:survey_moderate":
            return reverse(name, args=[objects["open_answer"].pk])
        if name in ("thgov_publishing:currency_extend", "thgov_publishing:currency_mark_reviewed"):
            return reverse(name, args=[objects["page"].pk])
        namespace, _, view = name.rpartition(":")
        if namespace in PLUGIN_NAMESPACES:  # reports and their exports: no object in the address
            return reverse(name)
        if namespace.startswith("wagtailadmin_api:"):
            pk = objects[namespace].pk
            if view == "listing":
                return reverse(name)
            return reverse(name, args=[pk]) if view == "detail" else f"{reverse(name)}?id={pk}"
        if view in (
            "list",
            "list_results",
            "index",
            "index_results",
            "add",
            "choose",
            "choose_results",
            "create",
        ):
            return reverse(name) if "compliance" not in name else reverse(name)
        if view == "chosen_multiple":
            return reverse(name) + f"?id={objects[namespace.rsplit('_', 1)[-1]].pk}"
        key = namespace.removeprefix("wagtailsnippets_wagtail_thgov_").removeprefix(
            "wagtailsnippetchoosers_wagtail_thgov_"
        )
        if namespace:
            return reverse(name, args=[objects[key].pk])
        return reverse(name)


def site_file(model, site):
    """A document or an image in ``site``'s own collection."""
    if model is get_image_model():
        content = ImageFile(ContentFile(png_bytes((20, 20))), name="photo.png")
    else:
        content = ContentFile(pdf_bytes("file", ["file"]), name="file.pdf")
    return model.objects.create(
        title=f"ไฟล์ของ {site.hostname}", collection=site_collection(site), file=content
    )


def outcome(response):
    if response.status_code == 302 and "/login/" in response["Location"]:
        return LOGIN
    if response.status_code in (403, 404):
        return DENIED
    if response.status_code == 302 and response["Location"].rstrip("/").endswith("/admin"):
        return DENIED
    if response.status_code == 200:
        return OK
    if response.status_code == 302 and "/reports/" in response["Location"]:
        return OK  # a POST action done, back to its report
    return f"HTTP {response.status_code}"


def request(client, name, url):
    if name in POST_ACTIONS:
        return client.post(url, POST_ACTIONS[name])
    return client.get(url)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    # Built once for the module's tests (each test's own changes, e.g. POST actions, are rolled back).
    with built_once(django_db_blocker):
        yield World()


def test_every_plugin_admin_url_has_a_declared_expectation():
    found = set(plugin_admin_urls())
    assert found, "the resolver walk found no plugin admin URL"
    missing = sorted(found - set(EXPECTED))
    assert not missing, f"admin URLs without an entry in EXPECTED (decide who may open them): {missing}"
    stale = sorted(set(EXPECTED) - found)
    assert not stale, f"EXPECTED lists URLs that no longer exist: {stale}"


def test_permission_matrix(client, world):
    failures, table = [], []
    for name in sorted(plugin_admin_urls()):
        url = world.url(name, world.site)
        row = []
        for role in ROLES:
            client.logout()
            if world.users[role] is not None:
                client.login(username=world.users[role].username, password=PASSWORD)
            got = outcome(request(client, name, url))
            row.append(got)
            if got != EXPECTED[name][role]:
                failures.append(f"{name} as {role}: expected {EXPECTED[name][role]}, got {got} ({url})")
        table.append(f"{name:70} " + " ".join(f"{cell:9}" for cell in row))
    print("\n" + f"{'URL name':70} " + " ".join(f"{role:9}" for role in ROLES))
    print("\n".join(table))
    assert not failures, "\n".join(failures)


# Every URL that names one object, and the reports and exports that take a site, opened by the webmaster
# of the first municipality with the second municipality's objects.
CROSS_SITE = sorted(
    name
    for name, row in EXPECTED.items()
    if row["webmaster"] == OK
    and not name.endswith((":index", ":index_results", ":add", ":list", ":list_results"))
    and "chooser" not in name
)


def test_a_webmaster_gets_nothing_of_another_municipality(client, world):
    client.login(username=world.users["webmaster"].username, password=PASSWORD)
    other = world.other_site
    other_document = world.objects[other.pk]["wagtailadmin_api:documents"]
    extract_document(other_document.pk)
    leaks = []
    for name in CROSS_SITE:
        url = world.url(name, other)
        if name in (
            "thgov_metadata:inventory",
            "thgov_metadata:inventory_results",
            "thgov_publishing:currency_report",
            "thgov_publishing:currency_report_results",
            "thgov_compliance:report",
            "thgov_compliance:report_results",
            "thgov_compliance:export",
            "thgov_compliance:load_edition",
            "thgov_workflows:publication_register",
            "thgov_workflows:publication_register_results",
        ):
            url += f"?site={other.pk}"
        response = request(client, name, url)
        got = outcome(response)
        if got == OK:
            body = (
                response.content.decode("utf-8", "replace")
                if response.get("Content-Type", "").startswith("text")
                else ""
            )
            if (
                name.startswith(
                    (
                        "thgov_metadata:inventory",
                        "thgov_publishing:currency_report",
                        "thgov_workflows:publication_register",
                        "thgov_isolation:",
                    )
                )
                and name != "thgov_workflows:publication_request_form"
            ):
                # Listings answer with the webmaster's own site; the other site's rows must not appear.
                if world.objects[other.pk]["title"] in body:
                    leaks.append(f"{name}: lists the other site's page")
                continue
            if name.startswith(("thgov_eservice:statistics", "thgov_stats:satisfaction_report")):
                # Answered with the webmaster's own site, whatever the query asked for.
                other_objects = world.objects[other.pk]
                if other_objects["service"].title in body or other_objects["survey"].title in body:
                    leaks.append(f"{name}: shows the other site's service or survey")
                continue
            if name.startswith("wagtailadmin_api:") and name.endswith(":listing"):
                # The admin API lists the webmaster's own files; the other site's must not appear.
                listed = [item["title"] for item in response.json()["items"]]
                if world.objects[other.pk][name.rsplit(":", 1)[0]].title in listed:
                    leaks.append(f"{name}: lists the other site's file")
                continue
            if name.startswith("thgov_stats:survey_moderation"):
                # The webmaster's own sites' answers only; the other site's answer must not appear.
                if world.objects[other.pk]["open_answer"].text in body:
                    leaks.append(f"{name}: lists the other site's open answer")
                continue
            if name.startswith("thgov_documents:report"):
                # The text of the webmaster's own site's documents only (the other site's file has been read).
                assert DocumentText.objects.filter(document=other_document).exists()
                if other_document.title in body:
                    leaks.append(f"{name}: lists the other site's document")
                continue
            if name == "thgov_compliance:load_edition":
                # The form offers the webmaster's own sites only.
                if other.hostname in body or (other.site_name and other.site_name in body):
                    leaks.append(f"{name}: offers the other site")
                continue
            if name == "thgov_compliance:export" or name.startswith("thgov_compliance:report"):
                if other.hostname in body or "other.example.test" in response.get("Content-Disposition", ""):
                    leaks.append(f"{name}: reports on the other site")
                continue
            leaks.append(f"{name}: opened {url}")
    assert not leaks, "\n".join(leaks)


def test_an_uploader_cannot_reach_any_export(client, world):
    client.login(username=world.users["uploader"].username, password=PASSWORD)
    assert outcome(client.get(reverse("thgov_compliance:export"))) == DENIED
    for name in ("thgov_expiry_defaults:index", "thgov_manual_evidence:index", "thgov_local_items:index"):
        response = client.get(reverse(name) + "?export=xlsx")
        assert outcome(response) == DENIED, name
    response = client.get(reverse("thgov_workflows:publication_register") + "?export=xlsx")
    assert outcome(response) == DENIED
