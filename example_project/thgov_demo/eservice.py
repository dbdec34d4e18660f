"""Demo e-Service forms and a few fictional requests in every state, with their history.

Runs last (``content.DEMO_STEPS``): after the services and compliance demos, which create the e-Service
pages. Idempotent: a page that already has form fields keeps them; requests are added only to a site that
has none. Every name, address and number here is invented.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail_thgov.eservice.deadlines import add_working_days
from wagtail_thgov.eservice.models import RequestAttachment, RequestEvent, RequestStatus, ServiceRequest
from wagtail_thgov.eservice.pages import EServiceFormField, EServiceKind, EServicePage
from wagtail_thgov.eservice.tracking import allocate

from .files import pdf_bytes

PRIVACY_NOTICE = (
    "<p>เทศบาลเก็บชื่อ อีเมล และหมายเลขโทรศัพท์ของท่าน เพื่อใช้ติดต่อและแจ้งผลการดำเนินการตามคำขอนี้เท่านั้น "
    "ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ข้อมูลจะถูกลบเมื่อพ้น 1 ปีนับจากวันที่ปิดเรื่อง "
    "ท่านขอเข้าถึงหรือขอลบข้อมูลได้ที่ศูนย์รับเรื่องราวร้องทุกข์ สำนักปลัดเทศบาล</p>"
)

# (label, field type, required, choices, help text) per kind of service.
FIELDS = {
    EServiceKind.COMPLAINT: [
        ("เรื่องที่ร้องเรียน", "singleline", True, "", "เช่น ไฟฟ้าส่องสว่างดับ ถนนชำรุด"),
        ("รายละเอียด", "multiline", True, "", "เล่าเหตุการณ์ วันเวลา และผลกระทบที่ได้รับ"),
        ("สถานที่เกิดเหตุ", "singleline", False, "", "ซอย หมู่ที่ หรือจุดสังเกตใกล้เคียง"),
    ],
    EServiceKind.INFORMATION_REQUEST: [
        ("ข้อมูลข่าวสารที่ต้องการ", "multiline", True, "", "ระบุชื่อเอกสาร ปี หรือเรื่องให้ชัดเจน"),
        ("วัตถุประสงค์ในการนำไปใช้", "singleline", False, "", ""),
        ("รูปแบบที่ต้องการรับ", "radio", True, "สำเนาเอกสาร\nไฟล์ทางอีเมล\nขอตรวจดู ณ สำนักงาน", ""),
    ],
    EServiceKind.SERVICE_REQUEST: [
        ("ที่อยู่ที่ขอรับบริการ", "singleline", True, "", "บ้านเลขที่ ซอย หมู่ที่"),
        ("วันที่สะดวกให้เข้าบริการ", "date", False, "", ""),
        ("หมายเหตุ", "multiline", False, "", ""),
    ],
}

# (kind, days ago, final status, citizen, answers, staff steps: (days after, status, message, note))
REQUESTS = [
    (
        EServiceKind.COMPLAINT,
        1,
        ("นายสมศักดิ์ ตัวอย่าง", "somsak@example.invalid", "0810000001"),
        ["ไฟฟ้าส่องสว่างดับ", "เสาไฟหน้าศาลาหมู่บ้านดับ 3 ต้น มืดมากตอนกลางคืน", "หมู่ 2 หน้าศาลาประชาคม"],
        [],
    ),
    (
        EServiceKind.COMPLAINT,
        6,
        ("นางสาวมาลี สมมุติ", "malee@example.invalid", "0810000002"),
        ["ถนนเป็นหลุมบ่อ", "ถนนในซอย 5 เป็นหลุมลึก รถจักรยานยนต์ล้มแล้ว 2 ครั้ง", "ซอย 5 หมู่ 1"],
        [
            (1, RequestStatus.IN_PROGRESS, "รับเรื่องแล้ว กองช่างจะออกสำรวจภายในสัปดาห์นี้", "มอบหมายงานทาง กองช่าง"),
        ],
    ),
    (
        EServiceKind.COMPLAINT,
        30,
        ("นายประเสริฐ ทดลอง", "", "0810000003"),
        ["ขยะไม่ได้รับการจัดเก็บ", "รถเก็บขยะไม่มาเก็บ 2 สัปดาห์", "หมู่ 4"],
        [
            (1, RequestStatus.IN_PROGRESS, "ส่งเรื่องให้งานรักษาความสะอาดแล้ว", ""),
            (3, RequestStatus.COMPLETED, "จัดเก็บขยะเรียบร้อยแล้ว และปรับตารางเดินรถเก็บขยะหมู่ 4 เป็นทุกวันอังคาร", ""),
        ],
    ),
    (
        EServiceKind.INFORMATION_REQUEST,
        20,
        ("นางสมใจ ข้อมูลดี", "somjai@example.invalid", ""),
        ["สำเนาประกาศผลการจัดซื้อจัดจ้างโครงการก่อสร้างถนน ปี 2568", "ศึกษาข้อมูล", "ไฟล์ทางอีเมล"],
        [
            (
                2,
                RequestStatus.REJECTED,
                'ข้อมูลนี้เผยแพร่แล้วในหน้า "จัดซื้อจัดจ้าง" ของเว็บไซต์ ท่านดาวน์โหลดได้ทันที',
                "ตอบตามมาตรา 9",
            ),
        ],
    ),
    (
        EServiceKind.SERVICE_REQUEST,
        12,
        ("นายวิชัย ใช้บริการ", "wichai@example.invalid", "0810000005"),
        ["12 หมู่ 3", None, "บ่อเกรอะขนาดใหญ่"],
        [],  # still waiting past its 3 promised days: shown as overdue
    ),
]


def _add_form(page):
    page.form_fields = [
        EServiceFormField(
            label=label,
            field_type=kind,
            required=required,
            choices=choices,
            help_text=help_text,
            sort_order=n,
        )
        for n, (label, kind, required, choices, help_text) in enumerate(FIELDS[page.service_kind])
    ]
    if not page.privacy_notice:
        page.privacy_notice = PRIVACY_NOTICE
    if not page.thank_you_text:
        page.thank_you_text = "<p>ขอบคุณที่แจ้งเรื่องถึงเทศบาล เจ้าหน้าที่จะติดต่อกลับตามช่องทางที่ท่านให้ไว้</p>"
    page.save_revision().publish()


def build_eservice_demo(builder, home, site):
    live = list(EServicePage.objects.descendant_of(home).live().order_by("path"))
    # The demo's requests go to the first service of each kind (there are two complaint channels).
    pages = {}
    for page in live:
        pages.setdefault(page.service_kind, page)
    for page in live:
        if not page.form_fields.exists():
            _add_form(page)
            builder.created += 1
            builder.write(f"  + e-Service form: {page.title}")
    if ServiceRequest.objects.filter(site=site).exists():
        return
    now = timezone.now()
    for kind, days_ago, (name, email, phone), values, steps in REQUESTS:
        page = pages.get(kind)
        if page is None:
            continue
        submitted = now - dt.timedelta(days=days_ago, hours=3)
        code, year, sequence = allocate(site, kind, submitted)
        fields = list(page.form_fields.all())
        request = ServiceRequest.objects.create(
            site=site,
            page=page,
            service_title=page.title,
            kind=kind,
            department_id=page.responsible_department_id,
            tracking_code=code,
            year=year,
            sequence=sequence,
            submitted_at=submitted,
            due_date=add_working_days(timezone.localdate(submitted), page.promised_days),
            citizen_name=name,
            citizen_email=email,
            citizen_phone=phone,
            submitted_data=[
                {"name": field.clean_name, "label": field.label, "value": value}
                for field, value in zip(fields, values, strict=False)
            ],
        )
        RequestEvent.objects.create(request=request, created_at=submitted, new_status=RequestStatus.RECEIVED)
        if kind == EServiceKind.COMPLAINT and days_ago == 6:
            attachment = RequestAttachment(
                request=request, original_name="ภาพถนนชำรุด.pdf", size=0, content_type="application/pdf"
            )
            content = pdf_bytes("Road damage (fictional)", ["Soi 5, Moo 1: three potholes"])
            attachment.size = len(content)
            attachment.file.save("road.pdf", ContentFile(content), save=False)
            attachment.save()
        status = RequestStatus.RECEIVED
        for after, new_status, message, note in steps:
            when = submitted + dt.timedelta(days=after)
            RequestEvent.objects.create(
                request=request,
                created_at=when,
                old_status=status,
                new_status=new_status,
                message_to_citizen=message,
                internal_note=note,
            )
            status = new_status
            if new_status in (RequestStatus.COMPLETED, RequestStatus.REJECTED):
                request.closed_at = when
                request.closed_on = timezone.localdate(when)
        request.status = status
        request.save(update_fields=["status", "closed_at", "closed_on"])
        builder.created += 1
        builder.write(f"  + e-Service request: {code}")
