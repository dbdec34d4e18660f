"""XSS: script and attribute-breaking payloads typed into free-text inputs come back escaped, on public
pages and in admin listings and reports. The raw payload must appear nowhere in the HTML."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, make_user
from tests.security_support import security_site
from wagtail_thgov.compliance.models import ChecklistItem, ManualEvidence
from wagtail_thgov.metadata.models import InformationSource
from wagtail_thgov.pages.news import NewsPage
from wagtail_thgov.people.models import Person
from wagtail_thgov.site_settings.models import MunicipalitySettings

pytestmark = pytest.mark.django_db

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


@pytest.fixture(params=PAYLOADS, ids=["script", "attribute"])
def filled(request, client):
    payload = request.param
    site = security_site()
    MunicipalitySettings.objects.update_or_create(
        site=site, defaults={"name_th": payload, "address": payload, "office_hours": payload}
    )
    source = InformationSource.objects.create(site=site, name=payload)
    page = site.root_page.add_child(
        instance=NewsPage(
            title=payload,
            slug="news",
            summary=payload,
            search_description=payload,
            source_organisation=source,
        )
    )
    page.save_revision().publish()
    Person.objects.create(site=site, name=payload, position=payload)
    item = ChecklistItem.objects.filter(site__isnull=True).first()
    ManualEvidence.objects.create(site=site, item=item, title=payload, note=payload)
    make_user("root", superuser=True)
    return payload, page


# (where, URL builder, needs an admin log-in)
VIEWS = [
    ("home page", lambda page: "/", False),
    ("news page", lambda page: page.url, False),
    ("search with the payload as query", "search", False),
    ("admin: page explorer", lambda page: reverse("wagtailadmin_explore", args=[page.get_parent().pk]), True),
    ("admin: inventory", lambda page: reverse("thgov_metadata:inventory"), True),
    ("admin: currency report", lambda page: reverse("thgov_publishing:currency_report"), True),
    ("admin: compliance report", lambda page: reverse("thgov_compliance:report"), True),
    (
        "admin: information sources",
        lambda page: reverse("wagtailsnippets_wagtail_thgov_informationsource:list"),
        True,
    ),
    ("admin: people", lambda page: reverse("wagtailsnippets_wagtail_thgov_person:list"), True),
    ("admin: manual evidence", lambda page: reverse("thgov_manual_evidence:index"), True),
    ("admin: page edit form", lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]), True),
]


@pytest.mark.parametrize(("where", "url", "admin"), VIEWS, ids=[v[0] for v in VIEWS])
def test_payload_is_escaped(client, filled, where, url, admin):
    payload, page = filled
    if admin:
        client.login(username="root", password=PASSWORD)
    target = f"/search/?query={quote(payload)}" if url == "search" else url(page)
    response = client.get(target, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert payload not in html, f"{where} renders the payload unescaped"
    assert PAYLOADS[0] not in html
    assert "onerror=alert(1)>" not in html.replace("&gt;", "")
