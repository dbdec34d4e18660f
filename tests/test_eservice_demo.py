"""The demo: e-Service forms with questions and a privacy notice, fictional requests in every state."""

import shutil

import pytest

from tests.eservice_support import citizen_client
from wagtail_thgov.eservice.models import RequestAttachment, ServiceRequest, private_storage
from wagtail_thgov.eservice.pages import EServicePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_private_storage():
    shutil.rmtree(private_storage().location, ignore_errors=True)
    yield
    shutil.rmtree(private_storage().location, ignore_errors=True)


def test_demo_builds_forms_and_requests(demo_db):
    pages = EServicePage.objects.live()
    assert pages.count() >= 3
    for page in pages:
        assert page.form_fields.count() == 3 and page.privacy_notice
        html = citizen_client().get(page.url).content.decode()
        assert 'name="thgov_consent"' in html and page.form_fields.first().label in html
    statuses = set(ServiceRequest.objects.values_list("status", flat=True))
    assert statuses == {"received", "in_progress", "completed", "rejected"}
    assert ServiceRequest.objects.overdue().exists()
    assert RequestAttachment.objects.count() == 1
    closed = ServiceRequest.objects.filter(status="completed").get()
    assert closed.closed_at and closed.events.exclude(message_to_citizen="").exists()
