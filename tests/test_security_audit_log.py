"""Admin actions on the plugin's models leave an entry in Wagtail's audit log (Reports > Site history)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from tests.factories import PASSWORD, role_users
from tests.security_support import security_site
from wagtail_thgov.compliance.models import ChecklistItem, ManualEvidence
from wagtail_thgov.metadata.models import InformationSource
from wagtail_thgov.pages.news import NewsPage
from wagtail_thgov.publishing.models import ExpiryDefault

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return security_site()


@pytest.fixture
def webmaster(client, site):
    users = role_users(site)
    client.login(username=users["webmaster"].username, password=PASSWORD)
    return users["webmaster"]


def entries(model, action):
    return ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), action=action)


def test_municipality_settings_change_is_logged(client, site, webmaster):
    url = reverse("wagtailsettings:edit", args=["wagtail_thgov", "municipalitysettings", site.pk])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name != "logo"}
    data.update(
        {"name_th": "เทศบาลตำบลใหม่", "social_links-TOTAL_FORMS": "0", "social_links-INITIAL_FORMS": "0"}
    )
    data.update({"social_links-MIN_NUM_FORMS": "0", "social_links-MAX_NUM_FORMS": "1000"})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    from wagtail_thgov.site_settings.models import MunicipalitySettings

    entry = entries(MunicipalitySettings, "wagtail.edit").get()
    assert entry.user == webmaster


def test_viewset_create_edit_delete_are_logged(client, site, webmaster):
    news = ContentType.objects.get_for_model(NewsPage)
    response = client.post(
        reverse("thgov_expiry_defaults:add"),
        {"site": site.pk, "page_type": news.pk, "days": "45", "counted_from": "publication"},
    )
    assert response.status_code == 302, response.context["form"].errors
    default = ExpiryDefault.objects.get(site=site, page_type=news)
    assert entries(ExpiryDefault, "wagtail.create").get().object_id == str(default.pk)

    item = ChecklistItem.objects.filter(site__isnull=True).first()
    evidence = ManualEvidence.objects.create(site=site, item=item, title="รายงาน")
    client.post(reverse("thgov_manual_evidence:delete", args=[evidence.pk]))
    assert not ManualEvidence.objects.exists()
    assert entries(ManualEvidence, "wagtail.delete").get().user == webmaster


def test_snippet_create_is_logged(client, site, webmaster):
    response = client.post(
        reverse("wagtailsnippets_wagtail_thgov_informationsource:add"),
        {"name": "กองช่าง", "kind": "department", "site": site.pk},
    )
    assert response.status_code == 302, response.context["form"].errors
    assert entries(InformationSource, "wagtail.create").get().user == webmaster


def test_publication_request_decisions_are_logged(site):
    users = role_users(site)
    source = InformationSource.objects.create(site=site, name="กองช่าง")
    page = site.root_page.add_child(
        instance=NewsPage(title="ข่าว", slug="news", summary="ข่าว", source_organisation=source)
    )
    page.save_revision(user=users["uploader"])
    state = page.get_workflow().start(page, users["uploader"])
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, users["webmaster"], "approve")
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, users["approver"], "approve")
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions, actions
