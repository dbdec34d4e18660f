"""Citizens sending requests: the form, every kind of bad input, atomic saving, e-mails."""

import re
import shutil
import socket
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.html import escape

from tests.eservice_support import (
    a_jpeg,
    a_pdf,
    a_png,
    an_xlsx,
    citizen_client,
    docx_bytes,
    make_eservice_site,
    make_service,
    nothing_stored,
    stored_files,
    valid_data,
)
from tests.factories import make_user
from wagtail_thgov.eservice.deadlines import add_working_days
from wagtail_thgov.eservice.forms import MESSAGES, TOO_LONG
from wagtail_thgov.eservice.models import RequestAttachment, RequestEvent, ServiceRequest, private_storage
from wagtail_thgov.workflows.roles import Role

CODE = re.compile(r"CMP-25\d\d-\d{6}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}")


@pytest.fixture(autouse=True)
def empty_private_storage():
    shutil.rmtree(private_storage().location, ignore_errors=True)
    yield
    shutil.rmtree(private_storage().location, ignore_errors=True)


@pytest.fixture
def site(db):
    return make_eservice_site()


@pytest.fixture
def service(site):
    return make_service(site)


def post(client, page, data, files=None):
    return client.post(page.url, {**data, **(files or {})})


def assert_kept_and_nothing_stored(response, data, message):
    """The form is shown again with the message at the top and on the field, the input kept, and no
    request, attachment, history entry or file stored."""
    html = response.content.decode()
    assert escape(str(MESSAGES["form_errors"])) in html
    assert escape(str(message)) in html
    for name in ("subject", "details", "thgov_name", "thgov_email"):
        if data.get(name):
            assert escape(data[name]) in html, name
    assert nothing_stored()


def test_form_shows_service_questions_contact_consent_and_status_link(service):
    response = citizen_client().get(service.url)
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("subject", "details", "location", "thgov_name", "thgov_email", "thgov_phone", "thgov_files"):
        assert f'name="{name}"' in html
    assert 'name="thgov_consent"' in html and 'type="checkbox"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "/e-service/status/" in html
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_consent_box_is_present_even_when_the_webmaster_defined_no_fields(site):
    page = make_service(site, slug="bare")
    page.form_fields.all().delete()
    html = citizen_client().get(page.url).content.decode()
    assert 'name="thgov_consent"' in html


def test_valid_submission_with_attachments_stores_everything_and_shows_tracking_code(
    service, django_capture_on_commit_callbacks
):
    client = citizen_client()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, service, valid_data(), {"thgov_files": [a_pdf(), a_png(), a_jpeg()]})
    assert response.status_code == 200
    request = ServiceRequest.objects.get()
    assert CODE.fullmatch(request.tracking_code)
    assert request.tracking_code in response.content.decode()
    assert request.site == service.get_site() and request.page == service
    assert request.kind == "complaint" and request.department == service.responsible_department
    assert request.citizen_phone == "0812345678"
    answers = {answer["name"]: answer["value"] for answer in request.submitted_data}
    assert answers["subject"] == "ไฟฟ้าส่องสว่างดับ" and answers["location"] == "ซอย 3 หมู่ 1"
    assert request.due_date == add_working_days(timezone.localdate(request.submitted_at), 15)
    attachments = list(request.attachments.all())
    assert [a.original_name for a in attachments] == ["photo-evidence.pdf", "street.png", "street.jpg"]
    assert [a.content_type for a in attachments] == ["application/pdf", "image/png", "image/jpeg"]
    for attachment in attachments:
        assert "photo-evidence" not in attachment.file.name and "street" not in attachment.file.name
        assert attachment.file.size == attachment.size
        with pytest.raises(ValueError):
            _ = attachment.file.url  # no public URL at all
    assert len(stored_files()) == 3
    assert list(request.events.values_list("new_status", flat=True)) == ["received"]
    # The citizen's receipt and the department's notice.
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(["somchai@example.test", service.responsible_department.email])
    receipt = next(m for m in mail.outbox if m.to == ["somchai@example.test"])
    assert request.tracking_code in receipt.subject and "/e-service/status/" in receipt.body
    # The answer escapes what the citizen typed.
    assert "<b>อันตราย</b>" not in response.content.decode()


def test_docx_and_xlsx_with_the_right_content_are_accepted(service):
    docx = SimpleUploadedFile("letter.docx", docx_bytes())
    response = post(citizen_client(), service, valid_data(), {"thgov_files": [docx, an_xlsx()]})
    assert response.status_code == 200
    assert RequestAttachment.objects.count() == 2


def test_staff_notified_at_the_service_address_or_else_the_webmasters(
    site, django_capture_on_commit_callbacks
):
    page = make_service(site, slug="info", notify_email="oia@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        post(citizen_client(), page, valid_data(thgov_email=""))
    assert [m.to for m in mail.outbox] == [["oia@example.test"]]
    mail.outbox.clear()
    page.responsible_department.email = ""
    page.responsible_department.save()
    webmaster = make_user("webmaster-mail", Role.WEBMASTER, site)
    other = make_eservice_site("other.example.test", is_default=False)
    make_user("other-webmaster", Role.WEBMASTER, other)
    plain = make_service(site, slug="plain")
    with django_capture_on_commit_callbacks(execute=True):
        post(citizen_client(), plain, valid_data(thgov_email=""))
    assert [m.to for m in mail.outbox] == [[webmaster.email]]


# --- Bad input: a clear message, the input kept, nothing stored -----------------------------------------


def test_missing_consent_is_refused(service):
    data = valid_data(thgov_consent=None)
    response = post(citizen_client(), service, data)
    assert response.status_code == 200
    assert_kept_and_nothing_stored(response, data, MESSAGES["consent"])


def test_forbidden_attachment_type_is_refused(service):
    data = valid_data()
    script = SimpleUploadedFile("run.exe", b"MZ\x90\x00 not a document")
    response = post(citizen_client(), service, data, {"thgov_files": [a_pdf(), script]})
    message = MESSAGES["file_type"] % {"name": "run.exe", "allowed": "pdf, jpg, png, docx, xlsx"}
    assert_kept_and_nothing_stored(response, data, message)


def test_type_not_allowed_by_this_service_is_refused(site):
    page = make_service(site, slug="pdf-only", allowed_extensions="pdf")
    data = valid_data()
    response = post(citizen_client(), page, data, {"thgov_files": [a_png()]})
    assert_kept_and_nothing_stored(
        response, data, MESSAGES["file_type"] % {"name": "street.png", "allowed": "pdf"}
    )


def test_oversized_attachment_is_refused(site):
    page = make_service(site, slug="small", max_attachment_mb=1)
    data = valid_data()
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024))
    response = post(citizen_client(), page, data, {"thgov_files": [big]})
    assert_kept_and_nothing_stored(response, data, MESSAGES["file_size"] % {"name": "big.pdf", "max": 1})


@pytest.mark.parametrize(
    "name, content",
    [
        ("invoice.pdf", b"<html><script>alert(1)</script></html>"),
        ("photo.png", b"\xff\xd8\xff\xe0 a jpeg pretending to be png"),
        ("photo.jpg", b"\x89PNG\r\n\x1a\n a png pretending to be jpeg"),
        ("letter.docx", b"PK\x03\x04 not really a zip"),
        ("sheet.xlsx", docx_bytes()),  # a Word package renamed .xlsx
        ("letter.docx", b"%PDF-1.4 a pdf renamed docx"),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused(service, name, content):
    data = valid_data()
    upload = SimpleUploadedFile(name, content)
    response = post(citizen_client(), service, data, {"thgov_files": [upload]})
    extension = name.rsplit(".", 1)[1].upper()
    assert_kept_and_nothing_stored(
        response, data, MESSAGES["file_content"] % {"name": name, "extension": extension}
    )


def test_too_many_files_are_refused(service):
    data = valid_data()
    response = post(citizen_client(), service, data, {"thgov_files": [a_pdf(f"f{n}.pdf") for n in range(6)]})
    assert_kept_and_nothing_stored(response, data, MESSAGES["too_many_files"] % {"max": 5})


@pytest.mark.parametrize(
    "field, limit",
    [("subject", 255), ("details", 5000), ("location", 255), ("thgov_name", 200), ("thgov_phone", 20)],
)
def test_over_long_fields_are_refused(service, field, limit):
    data = valid_data(**{field: "ก" * (limit + 1)})
    response = post(citizen_client(), service, data)
    message = TOO_LONG % {"limit_value": limit, "show_value": limit + 1}
    html = response.content.decode()
    assert escape(str(MESSAGES["form_errors"])) in html and escape(message) in html
    kept = [name for name in ("subject", "details", "thgov_name") if name != field]
    for name in kept:
        assert escape(data[name]) in html
    assert nothing_stored()


def test_missing_required_answer_and_contact_are_refused(service):
    data = valid_data(subject="", thgov_email="", thgov_phone="")
    response = post(citizen_client(), service, data)
    html = response.content.decode()
    assert escape(str(MESSAGES["contact"])) in html
    assert "Please fill in this item." in html
    assert escape(data["details"]) in html
    assert nothing_stored()


def test_invalid_phone_number_is_refused(service):
    data = valid_data(thgov_phone="12-34")
    response = post(citizen_client(), service, data)
    assert_kept_and_nothing_stored(response, data, MESSAGES["phone"])


def test_honeypot_filled_in_by_a_robot_is_refused(service):
    data = valid_data(website="http://spam.example")
    response = post(citizen_client(), service, data)
    assert_kept_and_nothing_stored(response, data, MESSAGES["refused"])


def test_forged_csrf_is_refused_with_a_clear_page_and_nothing_stored(service):
    client = citizen_client(enforce_csrf_checks=True)
    client.get(service.url)  # the citizen has a CSRF cookie, but the form was forged elsewhere
    response = post(client, service, valid_data(), {"thgov_files": [a_pdf()]})
    assert response.status_code == 403
    assert "nothing was stored" in response.content.decode()
    assert nothing_stored()


def test_real_csrf_token_is_accepted(service):
    client = citizen_client(enforce_csrf_checks=True)
    client.get(service.url)
    token = client.cookies["csrftoken"].value
    response = post(client, service, valid_data(csrfmiddlewaretoken=token))
    assert response.status_code == 200 and ServiceRequest.objects.count() == 1


def test_rate_limit_per_client_keeps_the_input_and_stores_nothing_more(service, settings):
    settings.THGOV_ESERVICE_SUBMIT_LIMIT = (2, 600)
    client = citizen_client()
    assert post(client, service, valid_data()).status_code == 200
    assert post(client, service, valid_data()).status_code == 200
    data = valid_data(subject="ครั้งที่สาม")
    response = post(client, service, data, {"thgov_files": [a_pdf()]})
    assert response.status_code == 429
    html = response.content.decode()
    assert escape(str(MESSAGES["rate_limited"])) in html and escape("ครั้งที่สาม") in html
    assert ServiceRequest.objects.count() == 2 and len(stored_files()) == 0
    # Another client (another address) is not affected.
    assert post(citizen_client(), service, valid_data()).status_code == 200


def test_failure_after_files_were_written_leaves_no_record_and_no_file(service):
    """A failure at the last write of the transaction (raised here by a pre_save receiver on the
    history entry) rolls everything back and removes the files already written."""

    def fail(sender, instance, **kwargs):
        assert len(stored_files()) == 2  # the files really were written before the failure
        raise RuntimeError("database went away")

    pre_save.connect(fail, sender=RequestEvent)
    try:
        with pytest.raises(RuntimeError):
            post(
                citizen_client(raise_request_exception=True),
                service,
                valid_data(),
                {"thgov_files": [a_pdf(), a_png()]},
            )
    finally:
        pre_save.disconnect(fail, sender=RequestEvent)
    assert nothing_stored()


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_mail_failure_keeps_the_request(service, settings, caplog, django_capture_on_commit_callbacks):
    """A real SMTP backend pointed at a port where nothing listens: sending fails, the request stays."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _closed_port()
    settings.EMAIL_TIMEOUT = 2
    with django_capture_on_commit_callbacks(execute=True):
        response = post(citizen_client(), service, valid_data(), {"thgov_files": [a_pdf()]})
    assert response.status_code == 200
    request = ServiceRequest.objects.get()
    assert request.tracking_code in response.content.decode()
    assert request.attachments.count() == 1 and len(stored_files()) == 1
    assert "could not be sent" in caplog.text


def test_form_page_admin_rejects_unknown_attachment_types(service):
    from django.core.exceptions import ValidationError

    service.allowed_extensions = "pdf, exe"
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "exe" in str(error.value)


def test_attachment_folder_is_outside_public_names(service):
    post(citizen_client(), service, valid_data(), {"thgov_files": [a_pdf()]})
    path = stored_files()[0]
    assert Path(private_storage().location) in path.parents
    assert len(path.stem) >= 32
