"""Operating manuals (§1.6) and citizen's manuals (§1.7), created through the Wagtail admin."""

import pytest
from django.test import Client
from django.utils import translation
from wagtail.test.utils.form_data import rich_text, streamfield

from wagtail_thgov.pages.home import MunicipalityHomePage
from wagtail_thgov.pages.manuals import (
    FEES_AND_FREE,
    NO_DOCUMENT_COUNT,
    NO_FEES,
    CitizenManualIndexPage,
    CitizenManualPage,
    OperatingManualIndexPage,
    OperatingManualPage,
    ServiceCategory,
)

from .test_pages_home import (
    admin_add,
    assert_public_page,
    assert_same_queries_for_3_and_30,
    child,
    created,
    downloads,
    form_errors,
    listblock,
    make_document,
    make_home,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return make_home()


def message(text):
    """A message as the site shows it, in the site's language."""
    return str(text)


def process(*steps):
    """ProcessStepsBlock form data from ``(title, duration, unit)`` steps."""
    return streamfield(
        [
            (
                "process_steps",
                {
                    "heading": "",
                    "steps": listblock(
                        [
                            {
                                "title": title,
                                "description": "",
                                "responsible_unit": "",
                                "duration": str(duration),
                                "unit": unit,
                            }
                            for title, duration, unit in steps
                        ]
                    ),
                },
            )
        ]
    )


def process_value(*steps):
    """The same steps as a StreamField value, for pages made through the ORM."""
    return [
        (
            "process_steps",
            {"heading": "", "steps": [{"title": t, "duration": d, "unit": u} for t, d, u in steps]},
        )
    ]


@pytest.fixture
def citizen_index(home):
    return child(home, CitizenManualIndexPage, "citizen-manuals", title="คู่มือสำหรับประชาชน")


def citizen_manual_fields(**extra):
    return {
        "title": "การรับชำระภาษีที่ดินและสิ่งปลูกสร้าง",
        "slug": "land-tax",
        "responsible_unit": "งานพัฒนาและจัดเก็บรายได้ กองคลัง",
        "central_agency": "กรมส่งเสริมการปกครองท้องถิ่น",
        "service_category": ServiceCategory.OTHER,
        "legal_basis": "พระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. 2562",
        "channels": streamfield(
            [
                (
                    "channel",
                    {"place": "กองคลัง ชั้น 1 สำนักงานเทศบาล", "hours": "จันทร์–ศุกร์ 08:30–16:30 น.", "note": ""},
                )
            ]
        ),
        "criteria": rich_text("<p>ชำระภายในเดือนเมษายนของทุกปี</p>"),
        "process": process(
            ("ยื่นแบบและตรวจสอบ", 10, "minutes"),
            ("รับชำระและออกใบเสร็จ", 1, "hours"),
            ("ตรวจสอบเอกสาร", 1, "working_days"),
        ),
        "required_documents": streamfield(
            [
                (
                    "document",
                    {
                        "name": "บัตรประจำตัวประชาชน",
                        "issuer": "กรมการปกครอง",
                        "originals": "1",
                        "copies": "1",
                        "remark": "",
                    },
                ),
                (
                    "document",
                    {
                        "name": "ใบแจ้งการประเมินภาษี",
                        "issuer": "เทศบาล",
                        "originals": "1",
                        "copies": "0",
                        "remark": "ถ้ามี",
                    },
                ),
            ]
        ),
        "free_of_charge": "on",
        "fees": streamfield([]),
        "complaint_channels": rich_text("<p>ศูนย์รับเรื่องร้องเรียน เทศบาล โทร 0 9999 0000</p>"),
        "forms": streamfield([]),
        "remarks": "",
        **extra,
    }


# --- Citizen's manuals -----------------------------------------------------------------------------------


def test_citizen_manual_created_in_admin_shows_the_act_format(citizen_index, admin_client):
    form = make_document("แบบ ภ.ด.ส.1")
    manual = created(
        admin_client, citizen_index, CitizenManualPage, citizen_manual_fields(forms=downloads(form))
    )

    html = assert_public_page(
        manual,
        "งานพัฒนาและจัดเก็บรายได้ กองคลัง",
        "พระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. 2562",
        "กองคลัง ชั้น 1 สำนักงานเทศบาล",
        "ยื่นแบบและตรวจสอบ",
        '<th scope="row">บัตรประจำตัวประชาชน</th>',
        "ศูนย์รับเรื่องร้องเรียน",
        "แบบ ภ.ด.ส.1",
    )
    # The total adds the clock times and keeps working days apart.
    assert manual.total_duration_text.replace("\u00a0", " ") in html
    with translation.override("en"):
        assert manual.total_duration_text == "1 working day 1 hour 10 minutes"


def test_citizen_manual_with_fees_lists_them(citizen_index, admin_client):
    manual = created(
        admin_client,
        citizen_index,
        CitizenManualPage,
        citizen_manual_fields(
            free_of_charge="",
            fees=streamfield(
                [("fee", {"description": "ค่าคัดสำเนาเอกสาร", "amount": "10", "remark": "ต่อหน้า"})]
            ),
        ),
    )

    assert_public_page(manual, "ค่าคัดสำเนาเอกสาร", "10.00", "ต่อหน้า")


def test_citizen_manual_needs_fees_or_free_of_charge(citizen_index, admin_client):
    response = admin_add(
        admin_client, citizen_index, CitizenManualPage, citizen_manual_fields(free_of_charge="")
    )

    assert [str(error) for error in form_errors(response)["fees"]] == [message(NO_FEES)]
    assert not CitizenManualPage.objects.exists()


def test_citizen_manual_cannot_be_free_and_have_fees(citizen_index, admin_client):
    response = admin_add(
        admin_client,
        citizen_index,
        CitizenManualPage,
        citizen_manual_fields(
            fees=streamfield([("fee", {"description": "ค่าธรรมเนียม", "amount": "50", "remark": ""})])
        ),
    )

    assert [str(error) for error in form_errors(response)["free_of_charge"]] == [message(FEES_AND_FREE)]


@pytest.mark.parametrize(
    ("field", "empty"),
    [
        ("responsible_unit", ""),
        ("legal_basis", ""),
        ("channels", streamfield([])),
        ("process", streamfield([])),
        ("required_documents", streamfield([])),
        ("complaint_channels", "null"),  # what Draftail submits when the editor is empty
    ],
)
def test_citizen_manual_requires_the_act_fields(citizen_index, admin_client, field, empty):
    response = admin_add(
        admin_client, citizen_index, CitizenManualPage, citizen_manual_fields(**{field: empty})
    )

    assert field in form_errors(response)
    assert not CitizenManualPage.objects.exists()


def test_required_document_needs_an_original_or_a_copy(citizen_index, admin_client):
    response = admin_add(
        admin_client,
        citizen_index,
        CitizenManualPage,
        citizen_manual_fields(
            required_documents=streamfield(
                [
                    (
                        "document",
                        {"name": "ทะเบียนบ้าน", "issuer": "", "originals": "0", "copies": "0", "remark": ""},
                    )
                ]
            )
        ),
    )

    errors = form_errors(response)["required_documents"].as_data()[0]
    assert message(NO_DOCUMENT_COUNT) in str(errors.block_errors[0].block_errors["originals"])


def test_a_step_duration_cannot_be_negative(citizen_index, admin_client):
    response = admin_add(
        admin_client,
        citizen_index,
        CitizenManualPage,
        citizen_manual_fields(process=process(("ตรวจสอบ", -5, "minutes"))),
    )

    assert "process" in form_errors(response)


def test_citizen_manual_index_lists_manuals_with_total_time(citizen_index):
    child(
        citizen_index,
        CitizenManualPage,
        "birth",
        title="การแจ้งเกิด",
        responsible_unit="งานทะเบียนราษฎร",
        legal_basis="พ.ร.บ.การทะเบียนราษฎร",
        channels=[("channel", {"place": "งานทะเบียน", "hours": "08:30–16:30"})],
        process=process_value(("รับแจ้ง", 15, "minutes"), ("ออกสูติบัตร", 15, "minutes")),
        required_documents=[("document", {"name": "หนังสือรับรองการเกิด", "originals": 1, "copies": 0})],
        free_of_charge=True,
        complaint_channels="<p>โทร 0 9999 0000</p>",
    )

    response = Client().get(citizen_index.url)

    html = response.content.decode()
    assert "การแจ้งเกิด" in html and "งานทะเบียนราษฎร" in html
    assert response.context["listing"][0].total_duration_text in html


def test_citizen_manual_index_queries_do_not_grow(citizen_index, django_assert_max_num_queries):
    def add_manuals(count):
        for n in range(citizen_index.get_children().count(), count):
            child(
                citizen_index,
                CitizenManualPage,
                f"manual-{n}",
                title=f"บริการที่ {n}",
                responsible_unit="สำนักปลัด",
                legal_basis="ระเบียบ",
                channels=[("channel", {"place": "สำนักปลัด", "hours": "08:30–16:30"})],
                process=process_value(("รับคำขอ", 10, "minutes")),
                required_documents=[("document", {"name": "บัตรประชาชน", "originals": 1, "copies": 1})],
                free_of_charge=True,
                complaint_channels="<p>โทร 0 9999 0000</p>",
            )

    assert_same_queries_for_3_and_30(citizen_index.url, add_manuals, django_assert_max_num_queries)


# --- Operating manuals -----------------------------------------------------------------------------------


def test_operating_manual_index_and_manual_created_in_admin(home, admin_client):
    index = created(
        admin_client, home, OperatingManualIndexPage, {"title": "คู่มือการปฏิบัติงาน", "slug": "operating-manuals"}
    )
    manual = created(
        admin_client,
        index,
        OperatingManualPage,
        {
            "title": "คู่มือการจัดการเรื่องร้องเรียน",
            "slug": "complaints",
            "responsible_unit": "ศูนย์รับเรื่องร้องเรียน สำนักปลัด",
            "purpose": rich_text("<p>ให้การจัดการเรื่องร้องเรียนเป็นมาตรฐานเดียวกัน</p>"),
            "process": process(("รับเรื่อง", 1, "days"), ("ตรวจสอบข้อเท็จจริง", 7, "days")),
            "body": streamfield([]),
            "documents": downloads(make_document("คู่มือฉบับเต็ม")),
        },
    )

    assert_public_page(manual, "ศูนย์รับเรื่องร้องเรียน สำนักปลัด", "ตรวจสอบข้อเท็จจริง", "คู่มือฉบับเต็ม")
    assert_public_page(index, "คู่มือการจัดการเรื่องร้องเรียน")
    with translation.override("en"):
        assert manual.total_duration_text == "8 days"


def test_operating_manual_needs_its_steps(home, admin_client):
    index = child(home, OperatingManualIndexPage, "operating-manuals", title="คู่มือการปฏิบัติงาน")

    response = admin_add(
        admin_client,
        index,
        OperatingManualPage,
        {
            "title": "คู่มือ",
            "slug": "manual",
            "responsible_unit": "กองช่าง",
            "process": streamfield([]),
            "body": streamfield([]),
            "documents": streamfield([]),
        },
    )

    assert "process" in form_errors(response)


def test_operating_manual_index_paginates(home):
    index = child(home, OperatingManualIndexPage, "operating-manuals", title="คู่มือการปฏิบัติงาน")
    for n in range(23):
        child(
            index,
            OperatingManualPage,
            f"m{n:02d}",
            title=f"คู่มือ {n:02d}",
            responsible_unit="กองช่าง",
            process=process_value(("ขั้นตอน", 1, "days")),
        )

    assert len(Client().get(index.url).context["listing"]) == 20
    assert len(Client().get(index.url + "?page=2").context["listing"]) == 3
    assert len(Client().get(index.url + "?page=abc").context["listing"]) == 20


def test_manuals_allowed_parent_and_subpage_types():
    assert OperatingManualIndexPage.allowed_parent_page_models() == [MunicipalityHomePage]
    assert OperatingManualIndexPage.allowed_subpage_models() == [OperatingManualPage]
    assert OperatingManualPage.allowed_parent_page_models() == [OperatingManualIndexPage]
    assert CitizenManualIndexPage.allowed_parent_page_models() == [MunicipalityHomePage]
    assert CitizenManualIndexPage.allowed_subpage_models() == [CitizenManualPage]
    assert CitizenManualPage.allowed_parent_page_models() == [CitizenManualIndexPage]
    assert OperatingManualPage.allowed_subpage_models() == CitizenManualPage.allowed_subpage_models() == []
    assert (OperatingManualPage.thgov_category, CitizenManualPage.thgov_category) == ("1.6", "1.7")
