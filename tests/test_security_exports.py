"""Spreadsheet formula injection: every export of the plugin, read back, holds no cell that a spreadsheet
would run. Text an editor typed that starts with ``=``, ``+``, ``-``, ``@``, tab or CR comes back as text
marked with a leading apostrophe (``core.spreadsheets.safe_cell_text``)."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD, make_user
from tests.security_support import security_site
from wagtail_thgov.compliance.models import ChecklistItem
from wagtail_thgov.metadata.models import InformationSource
from wagtail_thgov.pages.news import NewsPage
from wagtail_thgov.people.models import Person
from wagtail_thgov.publishing.models import ExpiryDefault

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '=HYPERLINK("http://evil.test","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")

# (URL name, export format, what the payload is typed into)
EXPORTS = [
    ("thgov_metadata:inventory", "csv", "page title"),
    ("thgov_metadata:inventory", "xlsx", "page title"),
    ("thgov_publishing:currency_report", "csv", "page title"),
    ("thgov_publishing:currency_report", "xlsx", "page title"),
    ("thgov_workflows:publication_register", "csv", "page title"),
    ("thgov_workflows:publication_register", "xlsx", "page title"),
    ("wagtailsnippets_wagtail_thgov_informationsource:list", "csv", "source name"),
    ("wagtailsnippets_wagtail_thgov_informationsource:list", "xlsx", "source name"),
    ("wagtailsnippets_wagtail_thgov_person:list", "csv", "person name"),
    ("wagtailsnippets_wagtail_thgov_person:list", "xlsx", "person name"),
    ("thgov_compliance:export", "xlsx", "local checklist item"),
]


@pytest.fixture
def filled(client):
    site = security_site()
    user = make_user("root", superuser=True)
    home = site.root_page
    soon = timezone.now() + timedelta(days=3)  # due soon: listed by the currency report
    for number, payload in enumerate(PAYLOADS):
        page = home.add_child(
            instance=NewsPage(title=payload, slug=f"news-{number}", summary=payload, expire_at=soon)
        )
        page.save_revision(user=user).publish()
        InformationSource.objects.create(site=site, name=payload + f" {number}")
        Person.objects.create(site=site, name=payload, position=payload)
        ChecklistItem.objects.create(
            site=site, standard=ChecklistItem.objects.first().standard, code=f"L{number}", name_th=payload
        )
    draft = home.add_child(instance=NewsPage(title=PAYLOADS[0], slug="in-review", summary="x"))
    draft.save_revision(user=user)
    draft.get_workflow().start(draft, user)
    ExpiryDefault.objects.create(site=site, page_type=ContentType.objects.get_for_model(NewsPage), days=30)
    client.login(username="root", password=PASSWORD)
    return site


def cells(response, export_format):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    found = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value}"
                if isinstance(cell.value, str):
                    # A quote-prefixed cell is text that editing cannot turn into a formula.
                    found.append("'" + cell.value if cell.quotePrefix else cell.value)
    return found


@pytest.mark.parametrize(
    ("name", "export_format", "source"), EXPORTS, ids=[f"{n}-{f}" for n, f, _ in EXPORTS]
)
def test_no_export_cell_can_run_as_a_formula(client, filled, name, export_format, source):
    url = reverse(name)
    if name != "thgov_compliance:export":
        url += f"?export={export_format}"
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    values = cells(response, export_format)
    assert values, "the export is empty"
    dangerous = [value for value in values if value.startswith(DANGEROUS_START)]
    assert not dangerous, f"cells that would run as formulas: {dangerous}"
    neutralised = [
        value for value in values if value.startswith("'") and value[1:].startswith(DANGEROUS_START)
    ]
    assert neutralised, f"the {source} payloads are missing from the export: {values[:20]}"
