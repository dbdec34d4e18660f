"""Demo content of categories 1.6, 1.7, 1.9 and 1.10, and the home page's quick links: manuals,
citizen's manuals with forms, e-Services and the statistics pages of the fictional
เทศบาลตำบลบ้านสวนดอกไม้.

Every person, number and document here is invented; the laws named are real Thai laws.
"""

from wagtail_thgov.core.thai import be_year
from wagtail_thgov.eservice.pages import EServiceIndexPage, EServiceKind, EServicePage
from wagtail_thgov.pages.manuals import (
    CitizenManualIndexPage,
    CitizenManualPage,
    OperatingManualIndexPage,
    OperatingManualPage,
    ServiceCategory,
)
from wagtail_thgov.stats.pages import SatisfactionSurveyPage, StatisticsPage

from .calendar import thai_month
from .files import demo_document, demo_pdf, xlsx_bytes
from .news import department, downloads, stream

DEMO_PAGE_TYPES = (
    OperatingManualIndexPage,
    OperatingManualPage,
    CitizenManualIndexPage,
    CitizenManualPage,
    EServiceIndexPage,
    EServicePage,
    StatisticsPage,
    SatisfactionSurveyPage,
)


def in_force(calendar) -> dict:
    """The period the demo's manuals are in force: the current fiscal year."""
    start, end = calendar.fiscal_year_bounds()
    return {"data_period_start": start, "data_period_end": end, "fiscal_year": calendar.fiscal_year}


SERVICE_HOURS = "วันจันทร์–วันศุกร์ 08:30–16:30 น. (เว้นวันหยุดราชการ)"
COMPLAINTS = (
    "<ul><li>ศูนย์รับเรื่องราวร้องทุกข์ เทศบาลตำบลบ้านสวนดอกไม้ โทร 0 9999 0000 ต่อ 199</li>"
    "<li>ตู้รับเรื่องร้องเรียน ชั้น 1 สำนักงานเทศบาล</li>"
    "<li>ร้องเรียนออนไลน์ที่หน้า e-Service ของเว็บไซต์นี้</li>"
    "<li>ศูนย์ดำรงธรรมจังหวัด สายด่วน 1567</li></ul>"
)


def steps(heading, *items):
    """A ProcessStepsBlock value from ``(title, responsible unit, duration, unit)`` steps."""
    return (
        "process_steps",
        {
            "heading": heading,
            "steps": [
                {
                    "title": title,
                    "description": "",
                    "responsible_unit": unit_name,
                    "duration": str(duration),
                    "unit": unit,
                }
                for title, unit_name, duration, unit in items
            ],
        },
    )


def document_row(name, issuer, originals, copies, remark=""):
    return (
        "document",
        {"name": name, "issuer": issuer, "originals": originals, "copies": copies, "remark": remark},
    )


def build_services_demo(builder, home, site):
    """Manuals, e-Services, statistics pages and quick links under ``home``; creates only what is missing."""
    office = department(builder, site, "สำนักปลัดเทศบาล")
    engineering = department(builder, site, "กองช่าง")
    _operating_manuals(builder, home, office)
    citizen_index = _citizen_manuals(builder, home, office, engineering)
    eservice_index = _eservices(builder, home, office)
    _statistics(builder, home, office)
    _quick_links(builder, home, citizen_index, eservice_index)


def _operating_manuals(builder, home, office):
    index = builder.page(
        home,
        OperatingManualIndexPage,
        slug="operating-manuals",
        title="คู่มือการปฏิบัติงาน",
        show_in_menus=True,
        intro="<p>คู่มือและมาตรฐานการปฏิบัติงานของเจ้าหน้าที่เทศบาล เพื่อให้การทำงานเป็นมาตรฐานเดียวกัน</p>",
    )
    manual_file = demo_pdf(
        builder,
        "คู่มือการปฏิบัติงานการจัดการเรื่องร้องเรียน ฉบับเต็ม (ตัวอย่าง)",
        f"complaint-handling-sop-{builder.calendar.fiscal_year}.pdf",
        [
            "Complaint handling: standard operating procedure (fictional)",
            "Ban Suan Dok Mai Subdistrict Municipality",
        ],
    )
    builder.page(
        index,
        OperatingManualPage,
        slug="complaint-handling",
        title="คู่มือการปฏิบัติงานการจัดการเรื่องร้องเรียน/ร้องทุกข์",
        responsible_unit="ศูนย์รับเรื่องราวร้องทุกข์ สำนักปลัดเทศบาล",
        purpose="<p>เพื่อให้การรับและจัดการเรื่องร้องเรียนของประชาชนรวดเร็ว โปร่งใส และตรวจสอบได้ "
        "ครอบคลุมเรื่องร้องเรียนทั่วไปและเรื่องร้องเรียนการทุจริตของเจ้าหน้าที่</p>",
        process=stream(
            steps(
                "ขั้นตอนการจัดการเรื่องร้องเรียน",
                ("รับเรื่องและลงทะเบียนรับ", "ศูนย์รับเรื่องราวร้องทุกข์", 30, "minutes"),
                ("เสนอผู้บริหารพิจารณาสั่งการ", "สำนักปลัดเทศบาล", 1, "working_days"),
                ("ส่งหน่วยงานที่รับผิดชอบตรวจสอบข้อเท็จจริงและแก้ไข", "กองที่เกี่ยวข้อง", 7, "working_days"),
                ("แจ้งผลให้ผู้ร้องเรียนทราบ", "ศูนย์รับเรื่องราวร้องทุกข์", 1, "working_days"),
            )
        ),
        documents=stream(downloads(manual_file)),
        source_organisation=office,
        responsible_department=office,
        contact="ศูนย์รับเรื่องราวร้องทุกข์ โทร 0 9999 0000 ต่อ 199",
        **in_force(builder.calendar),
    )


def _citizen_manuals(builder, home, office, engineering):
    index = builder.page(
        home,
        CitizenManualIndexPage,
        slug="citizen-manuals",
        title="คู่มือสำหรับประชาชน",
        show_in_menus=True,
        intro="<p>คู่มือสำหรับประชาชนตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ "
        "พ.ศ. 2558 พร้อมแบบฟอร์มดาวน์โหลด</p>",
    )
    elderly_form = demo_pdf(
        builder,
        "แบบคำขอลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ (ตัวอย่าง)",
        "elderly-allowance-form.pdf",
        [
            "Application for the old-age allowance (fictional form)",
            "Name: ____________  ID card no.: ____________",
        ],
    )
    builder.page(
        index,
        CitizenManualPage,
        slug="elderly-allowance",
        title="การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ",
        responsible_unit="งานพัฒนาชุมชนและสวัสดิการสังคม สำนักปลัดเทศบาล",
        central_agency="กรมส่งเสริมการปกครองท้องถิ่น",
        service_category=ServiceCategory.WELFARE,
        legal_basis="ระเบียบกระทรวงมหาดไทยว่าด้วยหลักเกณฑ์การจ่ายเงินเบี้ยยังชีพผู้สูงอายุขององค์กรปกครองส่วนท้องถิ่น "
        "พ.ศ. 2552 และที่แก้ไขเพิ่มเติม",
        channels=stream(
            ("channel", {"place": "งานพัฒนาชุมชน สำนักงานเทศบาล ชั้น 1", "hours": SERVICE_HOURS, "note": ""}),
            (
                "channel",
                {
                    "place": "หน่วยบริการเคลื่อนที่ประจำหมู่บ้าน",
                    "hours": "ตามตารางที่ประกาศในแต่ละเดือน",
                    "note": "สำหรับผู้ที่เดินทางไม่สะดวก",
                },
            ),
        ),
        criteria="<ul><li>มีสัญชาติไทยและมีภูมิลำเนาอยู่ในเขตเทศบาล</li>"
        "<li>มีอายุหกสิบปีบริบูรณ์ขึ้นไปในปีงบประมาณถัดไป</li>"
        "<li>ยื่นคำขอลงทะเบียนในเดือนตุลาคม–พฤศจิกายนของทุกปี</li></ul>",
        process=stream(
            steps(
                "",
                ("ยื่นคำขอและตรวจสอบเอกสาร", "งานพัฒนาชุมชน", 15, "minutes"),
                ("ตรวจสอบคุณสมบัติ", "งานพัฒนาชุมชน", 15, "minutes"),
                ("พิจารณาและแจ้งผลการลงทะเบียน", "ปลัดเทศบาล", 1, "working_days"),
            )
        ),
        required_documents=stream(
            document_row("บัตรประจำตัวประชาชน", "กรมการปกครอง", 1, 1),
            document_row("ทะเบียนบ้าน", "กรมการปกครอง", 1, 1),
            document_row("สมุดบัญชีเงินฝากธนาคาร", "ธนาคาร", 0, 1, "กรณีขอรับเงินทางบัญชีธนาคาร"),
        ),
        free_of_charge=True,
        complaint_channels=COMPLAINTS,
        forms=stream(downloads(elderly_form, heading="แบบฟอร์ม")),
        source_organisation=office,
        responsible_department=office,
        contact="งานพัฒนาชุมชน โทร 0 9999 0000 ต่อ 126",
        **in_force(builder.calendar),
    )
    building_form = demo_pdf(
        builder,
        "แบบคำขออนุญาตก่อสร้างอาคาร (แบบ ข.1) (ตัวอย่าง)",
        "building-permit-form-kh1.pdf",
        ["Application for a building permit, form Kh.1 (fictional sample)"],
    )
    building_sample = demo_pdf(
        builder,
        "ตัวอย่างการกรอกแบบ ข.1 (ตัวอย่าง)",
        "building-permit-form-kh1-sample.pdf",
        ["How to fill in form Kh.1 (fictional sample)"],
    )
    builder.page(
        index,
        CitizenManualPage,
        slug="building-permit",
        title="การขออนุญาตก่อสร้างอาคารตามมาตรา 21",
        responsible_unit="งานควบคุมอาคาร กองช่าง",
        central_agency="กรมโยธาธิการและผังเมือง",
        service_category=ServiceCategory.LICENCE,
        legal_basis="พระราชบัญญัติควบคุมอาคาร พ.ศ. 2522 และที่แก้ไขเพิ่มเติม\n"
        "กฎกระทรวงกำหนดค่าธรรมเนียมการออกใบอนุญาต ใบรับรอง และการตรวจแบบแปลน พ.ศ. 2535",
        channels=stream(
            (
                "channel",
                {"place": "งานควบคุมอาคาร กองช่าง ชั้น 2 สำนักงานเทศบาล", "hours": SERVICE_HOURS, "note": ""},
            )
        ),
        criteria="<p>ผู้ขออนุญาตต้องเป็นเจ้าของอาคารหรือได้รับมอบอำนาจ แบบแปลนต้องลงนามโดยวิศวกรและสถาปนิก"
        "ผู้ได้รับใบอนุญาตประกอบวิชาชีพตามที่กฎหมายกำหนด</p>",
        process=stream(
            steps(
                "",
                ("ยื่นคำขอพร้อมเอกสาร ตรวจความครบถ้วน", "งานควบคุมอาคาร", 30, "minutes"),
                ("ตรวจสอบสถานที่ก่อสร้าง", "นายช่างโยธา", 7, "days"),
                ("ตรวจพิจารณาแบบแปลน", "วิศวกรโยธา", 30, "days"),
                ("เจ้าพนักงานท้องถิ่นพิจารณาออกใบอนุญาต (แบบ อ.1)", "นายกเทศมนตรี", 8, "days"),
            )
        ),
        required_documents=stream(
            document_row("แบบคำขออนุญาตก่อสร้างอาคาร (แบบ ข.1)", "กองช่าง", 1, 0),
            document_row("บัตรประจำตัวประชาชนและทะเบียนบ้านของผู้ขอ", "กรมการปกครอง", 0, 1),
            document_row("สำเนาโฉนดที่ดิน", "กรมที่ดิน", 0, 1, "ขนาดเท่าต้นฉบับทุกหน้า"),
            document_row("แบบแปลนและรายการคำนวณ", "ผู้ออกแบบ", 0, 5),
            document_row("หนังสือรับรองการเป็นผู้ประกอบวิชาชีพ", "สภาวิศวกร / สภาสถาปนิก", 0, 1),
        ),
        free_of_charge=False,
        fees=stream(
            ("fee", {"description": "ค่าธรรมเนียมใบอนุญาตก่อสร้าง", "amount": "20.00", "remark": "ต่อฉบับ"}),
            (
                "fee",
                {
                    "description": "ค่าธรรมเนียมตรวจแบบแปลน อาคารสูงไม่เกิน 2 ชั้น",
                    "amount": "0.50",
                    "remark": "ต่อตารางเมตร",
                },
            ),
        ),
        complaint_channels=COMPLAINTS,
        forms=stream(downloads(building_form, building_sample, heading="แบบฟอร์มและตัวอย่างการกรอก")),
        remarks="ระยะเวลาดำเนินการนับจากวันที่เอกสารครบถ้วน",
        source_organisation=engineering,
        responsible_department=engineering,
        contact="งานควบคุมอาคาร กองช่าง โทร 0 9999 0000 ต่อ 141",
        **in_force(builder.calendar),
    )
    return index


def _eservices(builder, home, office):
    index = builder.page(
        home,
        EServiceIndexPage,
        slug="e-services",
        title="บริการออนไลน์ (e-Service)",
        show_in_menus=True,
        intro="<p>ยื่นเรื่องถึงเทศบาลได้ตลอด 24 ชั่วโมง โดยไม่ต้องเดินทางมาที่สำนักงาน</p>",
    )
    common = {"source_organisation": office, "responsible_department": office}
    services = [
        (
            "complaints",
            "แจ้งเรื่องร้องเรียน/ร้องทุกข์",
            EServiceKind.COMPLAINT,
            "ศูนย์รับเรื่องราวร้องทุกข์ สำนักปลัดเทศบาล",
            15,
            "<p>แจ้งปัญหาไฟฟ้าสาธารณะ ถนนชำรุด ขยะ น้ำท่วมขัง เหตุเดือดร้อนรำคาญ หรือเรื่องร้องเรียนอื่น ๆ</p>",
        ),
        (
            "information-request",
            "ขอข้อมูลข่าวสารของราชการ (มาตรา 11)",
            EServiceKind.INFORMATION_REQUEST,
            "ศูนย์ข้อมูลข่าวสาร สำนักปลัดเทศบาล",
            15,
            "<p>ขอข้อมูลข่าวสารของราชการตามมาตรา 11 แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540</p>",
        ),
        (
            "septic-pumping",
            "ขอรับบริการสูบสิ่งปฏิกูล",
            EServiceKind.SERVICE_REQUEST,
            "งานรักษาความสะอาด กองสาธารณสุขและสิ่งแวดล้อม",
            3,
            "<p>นัดหมายรถสูบสิ่งปฏิกูลของเทศบาล ชำระค่าบริการตามเทศบัญญัติ ณ วันที่รับบริการ</p>",
        ),
    ]
    for slug, title, kind, unit, days, intro in services:
        builder.page(
            index,
            EServicePage,
            slug=slug,
            title=title,
            service_kind=kind,
            responsible_unit=unit,
            promised_days=days,
            intro=intro,
            **common,
        )
    return index


def _statistics(builder, home, office):
    # The last four whole months.
    months = [builder.calendar.months_ago(n) for n in (4, 3, 2, 1)]
    visits = demo_document(
        builder,
        f"สถิติผู้เข้าชมเว็บไซต์ {thai_month(months[0])} – {thai_month(months[-1])} (ตัวอย่าง)",
        f"website-visitors-{be_year(months[-1])}-{months[-1].month:02d}.xlsx",
        xlsx_bytes(
            ["เดือน", "ผู้เข้าชม (ครั้ง)"],
            [
                [thai_month(month), visits]
                for month, visits in zip(months, (1820, 1765, 2104, 1990), strict=True)
            ],
        ),
    )
    builder.page(
        home,
        StatisticsPage,
        slug="statistics",
        title="สถิติผู้เข้าชมเว็บไซต์",
        intro=f'<p>สถิติผู้เข้าชมเว็บไซต์รายเดือน ดาวน์โหลดตาราง: <a id="{visits.pk}" linktype="document">'
        f"{visits.title}</a></p>",
        source_organisation=office,
        responsible_department=office,
        **in_force(builder.calendar),
    )
    builder.page(
        home,
        SatisfactionSurveyPage,
        slug="satisfaction-survey",
        title="แบบสำรวจความพึงพอใจ",
        intro="<p>โปรดให้คะแนนความพึงพอใจต่อการให้บริการของเทศบาลและเว็บไซต์นี้ "
        "ความคิดเห็นของท่านช่วยให้เราปรับปรุงบริการได้ดียิ่งขึ้น</p>",
        source_organisation=office,
        responsible_department=office,
    )


def _quick_links(builder, home, citizen_index, eservice_index):
    """Quick links on the home page, set once (a webmaster's later changes are kept)."""
    if home.quick_links:
        return
    home.quick_links = stream(
        (
            "link",
            {"page": citizen_index.pk, "url": "", "title": "", "description": "คู่มือและแบบฟอร์มสำหรับประชาชน"},
        ),
        ("link", {"page": eservice_index.pk, "url": "", "title": "", "description": "ยื่นเรื่องออนไลน์ 24 ชั่วโมง"}),
        (
            "link",
            {
                "page": None,
                "url": "https://www.damrongdhama.moi.go.th/",
                "title": "ศูนย์ดำรงธรรม กระทรวงมหาดไทย",
                "description": "",
            },
        ),
        (
            "link",
            {
                "page": None,
                "url": "https://www.gprocurement.go.th/",
                "title": "ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)",
                "description": "",
            },
        ),
    )
    home.save_revision().publish()
    builder.created += 1
