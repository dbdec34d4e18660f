"""Real e-Service pages, files and requests for the e-Service tests, built through the ORM."""

import io
import itertools
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from thgov_demo.files import pdf_bytes, xlsx_bytes
from wagtail_thgov.eservice.models import RequestAttachment, RequestEvent, ServiceRequest, private_storage
from wagtail_thgov.eservice.pages import EServiceFormField, EServiceIndexPage, EServicePage
from wagtail_thgov.metadata.models import InformationSource

_addresses = itertools.count(1)


def make_eservice_site(hostname="localhost", is_default=True, title="เทศบาลตำบลทดสอบ"):
    """A municipality site with roles, after what Wagtail's migrations seed (``--nomigrations`` skips it)."""
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Collection, Locale, Page

    from tests.factories import make_site

    Locale.objects.get_or_create(language_code=get_supported_language_variant(settings.LANGUAGE_CODE))
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return make_site(hostname, title=title, is_default=is_default)


def citizen_client(**kwargs) -> Client:
    """A browser-like client from an address of its own, so rate limits of one test never touch another."""
    number = next(_addresses)
    return Client(REMOTE_ADDR=f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}", **kwargs)


def make_service(site, slug="complaints", title="แจ้งเรื่องร้องเรียน/ร้องทุกข์", kind="complaint", **fields):
    """A live complaint e-Service under the site's e-Services index, with subject/details/location fields."""
    root = site.root_page
    index = root.get_children().type(EServiceIndexPage).first()
    if index is None:
        index = root.add_child(instance=EServiceIndexPage(title="บริการออนไลน์", slug="e-services"))
        index.save_revision().publish()
        index = index.specific
    else:
        index = index.specific
    department = InformationSource.objects.get_or_create(
        site=site, name=f"ศูนย์รับเรื่องราวร้องทุกข์ {site.pk}", defaults={"email": f"office{site.pk}@example.test"}
    )[0]
    page = EServicePage(
        title=title,
        slug=slug,
        service_kind=kind,
        responsible_unit="ศูนย์รับเรื่องราวร้องทุกข์ สำนักปลัดเทศบาล",
        promised_days=15,
        responsible_department=department,
        source_organisation=department,
        **fields,
    )
    page.form_fields = [
        EServiceFormField(label="Subject", field_type="singleline", required=True, sort_order=0),
        EServiceFormField(label="Details", field_type="multiline", required=True, sort_order=1),
        EServiceFormField(label="Location", field_type="singleline", required=False, sort_order=2),
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return EServicePage.objects.get(pk=page.pk)


def valid_data(**overrides):
    data = {
        "subject": "ไฟฟ้าส่องสว่างดับ",
        "details": "ไฟถนนหน้าบ้านเลขที่ 12 ดับมา 3 คืนแล้ว <b>อันตราย</b>",
        "location": "ซอย 3 หมู่ 1",
        "thgov_name": "สมชาย ใจดี",
        "thgov_email": "somchai@example.test",
        "thgov_phone": "081-234-5678",
        "thgov_consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def a_pdf(name="photo-evidence.pdf"):
    return SimpleUploadedFile(
        name, pdf_bytes("Evidence", ["Street light out"]), content_type="application/pdf"
    )


def a_png(name="street.png"):
    output = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(output, "PNG")
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/png")


def a_jpeg(name="street.jpg"):
    output = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 200, 30)).save(output, "JPEG")
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/jpeg")


def an_xlsx(name="list.xlsx"):
    return SimpleUploadedFile(name, xlsx_bytes(["a"], [[1]]), content_type="application/octet-stream")


def docx_bytes() -> bytes:
    """A minimal Word package: what Word's [Content_Types].xml declares for the main document."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr("word/document.xml", "<w:document/>")
    return output.getvalue()


def stored_files() -> list[Path]:
    """Every attachment file in private storage."""
    root = Path(private_storage().location)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def nothing_stored():
    return (
        ServiceRequest.objects.count() == 0
        and RequestAttachment.objects.count() == 0
        and RequestEvent.objects.count() == 0
        and stored_files() == []
    )


def make_request(page, status="received", days_ago=0, closed_days_ago=None, **fields):
    """A request as if sent ``days_ago`` days ago (through the real code allocation)."""
    from wagtail_thgov.eservice.deadlines import add_working_days
    from wagtail_thgov.eservice.tracking import allocate

    site = page.get_site()
    when = timezone.now() - timezone.timedelta(days=days_ago)
    code, year, sequence = allocate(site, page.service_kind, when)
    values = {
        "citizen_name": "สมหญิง รักษ์ถิ่น",
        "citizen_email": "somying@example.test",
        "citizen_phone": "0891234567",
        "submitted_data": [{"name": "subject", "label": "Subject", "value": "ถนนชำรุด"}],
    }
    values.update(fields)
    request = ServiceRequest.objects.create(
        site=site,
        page=page,
        service_title=page.title,
        kind=page.service_kind,
        department_id=page.responsible_department_id,
        tracking_code=code,
        year=year,
        sequence=sequence,
        submitted_at=when,
        due_date=add_working_days(timezone.localdate(when), page.promised_days),
        status=status,
        **values,
    )
    RequestEvent.objects.create(request=request, created_at=when, new_status="received")
    if closed_days_ago is not None:
        closed = timezone.now() - timezone.timedelta(days=closed_days_ago)
        ServiceRequest.objects.filter(pk=request.pk).update(
            closed_at=closed, closed_on=timezone.localdate(closed)
        )
        request.refresh_from_db()
    return request
