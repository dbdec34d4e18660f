"""Retention: personal data of requests closed longer ago than the site's period is erased by a daily
django-q2 job; statistics fields stay."""

import datetime as dt
import shutil

import pytest
from django.utils import timezone
from django_q.models import Schedule

from tests.eservice_support import (
    a_pdf,
    citizen_client,
    make_eservice_site,
    make_service,
    stored_files,
    valid_data,
)
from wagtail_thgov.core.registry import jobs
from wagtail_thgov.eservice.jobs import erase_expired_personal_data
from wagtail_thgov.eservice.models import (
    EServiceSettings,
    RequestAttachment,
    RequestEvent,
    ServiceRequest,
    private_storage,
)
from wagtail_thgov.publishing.schedules import ensure_schedules

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_private_storage():
    shutil.rmtree(private_storage().location, ignore_errors=True)
    yield
    shutil.rmtree(private_storage().location, ignore_errors=True)


def submitted(page, closed_days_ago=None, status="completed"):
    """A request sent through the real form (with an attachment), then closed ``closed_days_ago`` days ago."""
    citizen_client().post(page.url, {**valid_data(), "thgov_files": [a_pdf()]})
    request = ServiceRequest.objects.latest("pk")
    RequestEvent.objects.create(
        request=request, new_status=status, message_to_citizen="ซ่อมแล้ว", internal_note="บันทึก"
    )
    if closed_days_ago is not None:
        closed = timezone.now() - dt.timedelta(days=closed_days_ago)
        ServiceRequest.objects.filter(pk=request.pk).update(
            status=status, closed_at=closed, closed_on=timezone.localdate(closed)
        )
    request.refresh_from_db()
    return request


def test_closed_requests_past_the_period_are_erased_and_others_kept(django_capture_on_commit_callbacks):
    site = make_eservice_site()
    page = make_service(site)
    old = submitted(page, closed_days_ago=400)
    recent = submitted(page, closed_days_ago=100)
    still_open = submitted(page, status="in_progress")
    ServiceRequest.objects.filter(pk=still_open.pk).update(
        submitted_at=timezone.now() - dt.timedelta(days=900)
    )
    old_file = old.attachments.get().file.name
    assert len(stored_files()) == 3

    with django_capture_on_commit_callbacks(execute=True):  # files are deleted once the erasure is committed
        assert erase_expired_personal_data() == 1

    old.refresh_from_db()
    assert (old.citizen_name, old.citizen_email, old.citizen_phone, old.submitted_data) == ("", "", "", [])
    assert old.erased_at is not None
    assert not RequestAttachment.objects.filter(request=old).exists()
    assert not private_storage().exists(old_file) and len(stored_files()) == 2
    assert not old.events.exclude(message_to_citizen="", internal_note="").exists()
    # What the statistics need is untouched.
    assert (old.status, old.kind, old.page, old.department, old.tracking_code) == (
        "completed",
        "complaint",
        page,
        page.responsible_department,
        old.tracking_code,
    )
    assert old.events.count() == 2
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.citizen_name == "สมชาย ใจดี" and kept.erased_at is None and kept.attachments.count() == 1
    # A second run erases nothing more.
    assert erase_expired_personal_data() == 0


def test_each_site_has_its_own_retention_period():
    site = make_eservice_site()
    other = make_eservice_site("other.example.test", is_default=False)
    settings_row = EServiceSettings.for_site(other)
    settings_row.retention_days = 30
    settings_row.save()
    mine = submitted(make_service(site), closed_days_ago=60)
    theirs = ServiceRequest.objects.create(
        **{
            field: getattr(mine, field)
            for field in ("service_title", "kind", "due_date", "citizen_name", "citizen_email", "status")
        },
        site=other,
        page=make_service(other),
        tracking_code="CMP-2569-000001-AAAA",
        year=2569,
        sequence=1,
        closed_at=mine.closed_at,
        closed_on=mine.closed_on,
    )
    assert EServiceSettings.for_site(site).retention_days == 365
    assert erase_expired_personal_data() == 1
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.erased_at is None and theirs.erased_at is not None and theirs.citizen_name == ""


def test_the_retention_job_is_scheduled_daily_by_thgov_setup():
    job = next(job for job in jobs() if job.func.endswith("erase_expired_personal_data"))
    assert job.schedule_type == Schedule.DAILY
    ensure_schedules(lambda message: None)
    schedule = Schedule.objects.get(name=job.name)
    assert schedule.func == "wagtail_thgov.eservice.jobs.erase_expired_personal_data"
    from django.utils.module_loading import import_string

    assert import_string(schedule.func) is erase_expired_personal_data


def test_retention_period_is_validated():
    from django.core.exceptions import ValidationError

    site = make_eservice_site()
    row = EServiceSettings.for_site(site)
    row.retention_days = 5
    with pytest.raises(ValidationError):
        row.full_clean()
