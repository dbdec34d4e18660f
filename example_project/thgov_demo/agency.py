"""Demo content of categories 1.1–1.5: agency pages, people, plans, laws, knowledge, links and the
official information centre of the fictional เทศบาลตำบลบ้านสวนดอกไม้.

Every person, number, reference and document here is invented. Links in the related-websites page
point at real public agencies, because that is what such a page lists.
"""

import datetime as dt
import json
from zoneinfo import ZoneInfo

from wagtail_thgov.core.thai import be_year, fiscal_year_bounds, fiscal_year_of, thai_date
from wagtail_thgov.metadata.models import InformationSource, SourceKind
from wagtail_thgov.pages.agency import (
    AgencyIndexPage,
    AgencyInfoKind,
    AgencyInfoPage,
    ContactPage,
    OrganisationStructurePage,
    PersonnelDirectoryPage,
    PlanDocumentPage,
    PlanKind,
)
from wagtail_thgov.pages.knowledge import KnowledgeIndexPage, KnowledgeKind, KnowledgePage
from wagtail_thgov.pages.law import LawIndexPage, LawKind, LawPage
from wagtail_thgov.pages.links import RelatedLinksPage
from wagtail_thgov.pages.procurement import month_end
from wagtail_thgov.pages.public_info import PublicInfoIndexPage, PublicInfoPage
from wagtail_thgov.people.models import Person, Side

from .calendar import thai_month
from .files import demo_document, demo_image, demo_pdf, xlsx_bytes

BANGKOK = ZoneInfo("Asia/Bangkok")
# Local development plans run in five-year cycles (พ.ศ. 2566–2570, 2571–2575, …).
DEVELOPMENT_PLAN_FIRST_YEAR = 2566
DEVELOPMENT_PLAN_YEARS = 5


def development_plan_years(fiscal_year: int) -> tuple[int, int]:
    """The first and last fiscal year of the development plan in force in ``fiscal_year``."""
    first = fiscal_year - (fiscal_year - DEVELOPMENT_PLAN_FIRST_YEAR) % DEVELOPMENT_PLAN_YEARS
    return first, first + DEVELOPMENT_PLAN_YEARS - 1


DEPARTMENTS = {
    "office": "สำนักปลัดเทศบาล",
    "finance": "กองคลัง",
    "engineering": "กองช่าง",
    "health": "กองสาธารณสุขและสิ่งแวดล้อม",
    "education": "กองการศึกษา",
}

# (side, unit, position, name, phone extension, photo colour)
PEOPLE = [
    (Side.POLITICAL, "คณะผู้บริหาร", "นายกเทศมนตรีตำบลบ้านสวนดอกไม้", "นายสมมุติ ใจดีตัวอย่าง", "101", (23, 92, 140)),
    (Side.POLITICAL, "คณะผู้บริหาร", "รองนายกเทศมนตรี", "นางสาวตัวอย่าง รักษ์ถิ่นสวน", "102", (40, 110, 90)),
    (Side.POLITICAL, "คณะผู้บริหาร", "เลขานุการนายกเทศมนตรี", "นายทดลอง พากเพียรดี", "103", (90, 70, 140)),
    (Side.POLITICAL, "สภาเทศบาล", "ประธานสภาเทศบาล", "นายสมสมุติ มั่นคงดอกไม้", "110", (140, 80, 40)),
    (Side.PERMANENT, "สำนักปลัดเทศบาล", "ปลัดเทศบาล", "นางสมมติ ศรีสวนดอก", "120", (23, 92, 140)),
    (Side.PERMANENT, "สำนักปลัดเทศบาล", "หัวหน้าสำนักปลัดเทศบาล", "นางสาวจำลอง ใจงาม", "121", (60, 120, 160)),
    (Side.PERMANENT, "กองคลัง", "ผู้อำนวยการกองคลัง", "นายตัวอย่าง คำนวณดี", "130", (120, 60, 60)),
    (Side.PERMANENT, "กองช่าง", "ผู้อำนวยการกองช่าง", "นายสมมุติ สร้างสรรค์ทาง", "140", (80, 80, 80)),
    (
        Side.PERMANENT,
        "กองสาธารณสุขและสิ่งแวดล้อม",
        "ผู้อำนวยการกองสาธารณสุขฯ",
        "นางตัวอย่าง สุขภาพดี",
        "150",
        (40, 130, 70),
    ),
]


def build_agency_demo(builder, home, site):
    """Categories 1.1–1.5 under ``home``; creates only what is missing."""
    departments = {
        key: builder.row(
            InformationSource,
            {"site": site, "name": name},
            {"kind": SourceKind.DEPARTMENT, "phone": "0 9999 0000", "email": "saraban@bansuandokmai.example"},
        )
        for key, name in DEPARTMENTS.items()
    }
    _people(builder, site)
    _agency_section(builder, home, departments)
    _laws(builder, home, departments)
    _knowledge(builder, home, departments)
    _related_links(builder, home, departments)
    _public_info(builder, home, departments)


def _stream(*blocks) -> str:
    """StreamField content as stored: ``_stream(("paragraph", "<p>…</p>"), …)``."""
    return json.dumps(
        [{"type": block_type, "value": value} for block_type, value in blocks], ensure_ascii=False
    )


def _people(builder, site):
    for order, (side, unit, position, name, extension, colour) in enumerate(PEOPLE):
        photo = demo_image(
            builder, f"รูปถ่าย {name} (ตัวอย่าง)", f"person-{order + 1}.png", colour=colour, size=(480, 600)
        )
        builder.row(
            Person,
            {"site": site, "name": name},
            {
                "position": position,
                "unit": unit,
                "side": side,
                "photo": photo,
                "phone": f"0 9999 0000 ต่อ {extension}",
                "email": f"staff{order + 1}@bansuandokmai.example",
                "sort_order": order * 10,
            },
        )


def _agency_section(builder, home, departments):
    fy_start = builder.calendar.fiscal_year_bounds()[0]
    plan_first, plan_last = development_plan_years(builder.calendar.fiscal_year)
    office = departments["office"]
    agency = builder.page(
        home,
        AgencyIndexPage,
        slug="agency",
        title="ข้อมูลหน่วยงาน",
        show_in_menus=True,
        intro="<p>ประวัติ วิสัยทัศน์ อำนาจหน้าที่ โครงสร้าง ผู้บริหาร แผนงาน งบประมาณ และรายงานผลการดำเนินงานของเทศบาล</p>",
    )
    common = {
        "source_organisation": office,
        "responsible_department": office,
        "contact": "สำนักปลัดเทศบาล โทร 0 9999 0000 ต่อ 120",
    }
    builder.page(
        agency,
        AgencyInfoPage,
        slug="history",
        title="ประวัติความเป็นมา",
        kind=AgencyInfoKind.HISTORY,
        body=_stream(
            ("heading", "ความเป็นมา"),
            (
                "paragraph",
                "<p>เทศบาลตำบลบ้านสวนดอกไม้ (ข้อมูลสมมุติ) ยกฐานะจากองค์การบริหารส่วนตำบลบ้านสวนดอกไม้ "
                "เมื่อ พ.ศ. 2550 ชื่อ “บ้านสวนดอกไม้” มาจากสวนดอกไม้ของชาวบ้านที่ปลูกเรียงรายริมลำน้ำ</p>",
            ),
            ("heading", "สภาพทั่วไป"),
            (
                "paragraph",
                "<p>พื้นที่ 12.5 ตารางกิโลเมตร 8 หมู่บ้าน ประชากรประมาณ 6,400 คน อาชีพหลักคือเกษตรกรรมและปลูกไม้ดอก</p>",
            ),
        ),
        **common,
    )
    builder.page(
        agency,
        AgencyInfoPage,
        slug="vision",
        title="วิสัยทัศน์และพันธกิจ",
        kind=AgencyInfoKind.VISION,
        body=_stream(
            ("heading", "วิสัยทัศน์"),
            ("paragraph", "<p>“บ้านสวนดอกไม้น่าอยู่ ชุมชนเข้มแข็ง เศรษฐกิจพอเพียง สิ่งแวดล้อมยั่งยืน”</p>"),
            ("heading", "พันธกิจ"),
            (
                "paragraph",
                "<ol><li>พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน</li><li>ส่งเสริมคุณภาพชีวิตและสุขภาพของประชาชน</li>"
                "<li>บริหารจัดการขยะและสิ่งแวดล้อมอย่างยั่งยืน</li><li>บริหารงานโปร่งใส ตรวจสอบได้</li></ol>",
            ),
        ),
        data_period_start=fiscal_year_bounds(plan_first)[0],
        data_period_end=fiscal_year_bounds(plan_last)[1],
        **common,
    )
    builder.page(
        agency,
        AgencyInfoPage,
        slug="powers-and-duties",
        title="อำนาจหน้าที่",
        kind=AgencyInfoKind.POWERS_AND_DUTIES,
        body=_stream(
            (
                "paragraph",
                "<p>เทศบาลมีอำนาจหน้าที่ตามพระราชบัญญัติเทศบาล พ.ศ. 2496 และพระราชบัญญัติกำหนดแผนและขั้นตอน"
                "การกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542 เช่น</p><ul><li>รักษาความสงบเรียบร้อยของประชาชน</li>"
                "<li>ให้มีและบำรุงทางบกและทางน้ำ</li><li>รักษาความสะอาดของถนน ทางเดิน และที่สาธารณะ รวมทั้งการกำจัดขยะมูลฝอย</li>"
                "<li>ป้องกันและระงับโรคติดต่อ</li><li>ให้ราษฎรได้รับการศึกษาอบรม</li></ul>",
            ),
        ),
        **common,
    )
    chart = demo_image(builder, "แผนภูมิโครงสร้างเทศบาล (ตัวอย่าง)", "organisation-chart.png", colour=(11, 53, 88))
    builder.page(
        agency,
        OrganisationStructurePage,
        slug="structure",
        title="โครงสร้างองค์กร",
        intro="<p>โครงสร้างของเทศบาลแบ่งเป็นฝ่ายการเมือง (คณะผู้บริหารและสภาเทศบาล) และฝ่ายประจำ (สำนักและกอง)</p>",
        chart=_stream(
            (
                "image",
                {
                    "image": chart.pk,
                    "alt_text": "แผนภูมิโครงสร้าง: นายกเทศมนตรีกำกับปลัดเทศบาล ซึ่งดูแลสำนักปลัด กองคลัง กองช่าง และกองสาธารณสุข",
                    "caption": "แผนภูมิโครงสร้างเทศบาลตำบลบ้านสวนดอกไม้",
                    "credit": "สำนักปลัดเทศบาล",
                },
            )
        ),
        data_period_start=fy_start,
        **common,
    )
    builder.page(
        agency,
        PersonnelDirectoryPage,
        slug="directory",
        title="ทำเนียบผู้บริหารและบุคลากร",
        intro="<p>รายชื่อ ตำแหน่ง และช่องทางติดต่อผู้บริหารและบุคลากรของเทศบาล</p>",
        data_period_start=fy_start,
        **common,
    )
    _plans(builder, agency, departments)
    builder.page(
        agency,
        ContactPage,
        slug="contact",
        title="ติดต่อเทศบาล",
        intro="<p>ติดต่อสอบถาม ขอรับบริการ หรือแจ้งเรื่องร้องเรียนได้ตามช่องทางด้านล่าง ในวันและเวลาราชการ</p>",
        offices=_stream(
            (
                "contact",
                {
                    "heading": "ศูนย์บริการสาธารณสุขเทศบาล (ตัวอย่าง)",
                    "address": "12 หมู่ 3 ตำบลบ้านสวนดอกไม้ อำเภอเมืองตัวอย่าง จังหวัดสมมุติ 99999",
                    "phone": "0 9999 0150",
                    "fax": "",
                    "email": "health@bansuandokmai.example",
                    "office_hours": "วันจันทร์–วันศุกร์ 08:30–16:30 น.",
                    "map_link": "",
                },
            )
        ),
        **common,
    )


def _plans(builder, agency, departments):
    """The development plan in force, this fiscal year's budget and procurement plan, and last year's
    six-month report: each approved when such a document is (never after today)."""
    finance, office = departments["finance"], departments["office"]
    calendar = builder.calendar
    year = calendar.fiscal_year
    start, end = calendar.fiscal_year_bounds()
    plan_first, plan_last = development_plan_years(year)
    last_start = calendar.fiscal_year_bounds(-1)[0]
    half_year_end = dt.date(last_start.year + 1, 3, 31)
    plans = [
        (
            f"development-plan-{plan_first}-{plan_last}",
            f"แผนพัฒนาท้องถิ่น (พ.ศ. {plan_first}–{plan_last})",
            PlanKind.DEVELOPMENT_PLAN,
            office,
            fiscal_year_bounds(plan_first)[0] - dt.timedelta(days=338),
            (fiscal_year_bounds(plan_first)[0], fiscal_year_bounds(plan_last)[1]),
            [],
            year,
        ),
        (
            f"budget-{year}",
            f"เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {year}",
            PlanKind.BUDGET,
            finance,
            start - dt.timedelta(days=21),
            (start, end),
            [(f"ตารางรายจ่ายตามแผนงาน ปีงบประมาณ {year} (ตัวอย่าง)", f"budget-{year}-by-programme.xlsx")],
            year,
        ),
        (
            f"procurement-plan-{year}",
            f"แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {year}",
            PlanKind.PROCUREMENT_PLAN,
            finance,
            min(calendar.today, start + dt.timedelta(days=24)),
            (start, end),
            [],
            year,
        ),
        (
            f"report-6-months-{year - 1}",
            f"รายงานผลการดำเนินงานรอบ 6 เดือน ปีงบประมาณ พ.ศ. {year - 1}",
            PlanKind.SIX_MONTH_REPORT,
            office,
            half_year_end + dt.timedelta(days=20),
            (last_start, half_year_end),
            [],
            year - 1,
        ),
    ]
    for slug, title, kind, department, approved_on, (start, end), extras, fiscal_year in plans:
        if agency.get_children().filter(slug=slug).exists():
            continue
        document = demo_pdf(
            builder, f"{title} (ตัวอย่าง)", f"{slug}.pdf", [f"Demo document: {slug}", "Fictional data."]
        )
        extra_documents = []
        for extra_title, filename in extras:
            workbook = xlsx_bytes(
                ["แผนงาน", "งบประมาณ (บาท)"],
                [
                    ["บริหารงานทั่วไป", 8_500_000],
                    ["การศึกษา", 6_200_000],
                    ["สาธารณสุข", 3_100_000],
                    ["เคหะและชุมชน", 5_400_000],
                ],
            )
            extra = demo_document(builder, extra_title, filename, workbook)
            extra_documents.append(
                ("document", {"document": extra.pk, "description": "ไฟล์ตารางสำหรับนำไปใช้ต่อ"})
            )
        builder.page(
            agency,
            PlanDocumentPage,
            slug=slug,
            title=title,
            kind=kind,
            document=document,
            approved_on=approved_on,
            summary=f"<p>{title} ของเทศบาลตำบลบ้านสวนดอกไม้ (เอกสารตัวอย่าง)</p>",
            extra_documents=_stream(*extra_documents),
            fiscal_year=fiscal_year,
            published_on=approved_on,
            data_period_start=start,
            data_period_end=end,
            source_organisation=department,
            responsible_department=department,
            contact=f"{department.name} โทร 0 9999 0000",
        )


def _laws(builder, home, departments):
    office = departments["office"]
    laws = builder.page(
        home,
        LawIndexPage,
        slug="laws",
        title="กฎหมาย ระเบียบ ข้อบังคับ",
        show_in_menus=True,
        intro="<p>เทศบัญญัติ ประกาศ คำสั่ง และกฎหมายที่เกี่ยวข้องกับการดำเนินงานของเทศบาล</p>",
    )
    if not laws.get_children().filter(slug="waste-bylaw-2567").exists():
        text = demo_pdf(
            builder, "เทศบัญญัติ เรื่อง การจัดการสิ่งปฏิกูลและมูลฝอย พ.ศ. 2567 (ตัวอย่าง)", "waste-bylaw-2567.pdf"
        )
        builder.page(
            laws,
            LawPage,
            slug="waste-bylaw-2567",
            title="เทศบัญญัติเทศบาลตำบลบ้านสวนดอกไม้ เรื่อง การจัดการสิ่งปฏิกูลและมูลฝอย พ.ศ. 2567",
            kind=LawKind.BYLAW,
            issuing_authority="สภาเทศบาลตำบลบ้านสวนดอกไม้ (ตัวอย่าง)",
            source_reference="ราชกิจจานุเบกษา เล่ม 999 ตอนพิเศษ 99 ง หน้า 1 (อ้างอิงสมมุติ)",
            source_url="https://ratchakitcha.example/2567/E/099/T_0001.PDF",
            enacted_on=dt.date(2024, 3, 15),
            effective_on=dt.date(2024, 4, 16),
            published_on=dt.date(2024, 3, 20),
            document=text,
            summary="<p>กำหนดวิธีเก็บ ขน และกำจัดมูลฝอย และอัตราค่าธรรมเนียมเก็บขนมูลฝอยในเขตเทศบาล</p>",
            source_text="ราชกิจจานุเบกษา (อ้างอิงสมมุติ)",
            responsible_department=departments["health"],
        )
    builder.page(
        laws,
        LawPage,
        slug="market-hours-announcement-2568",
        title="ประกาศเทศบาลตำบลบ้านสวนดอกไม้ เรื่อง กำหนดเวลาเปิด–ปิดตลาดสดเทศบาล",
        kind=LawKind.ANNOUNCEMENT,
        issuing_authority="นายกเทศมนตรีตำบลบ้านสวนดอกไม้",
        source_reference="ประกาศ ณ สำนักงานเทศบาล ลงวันที่ 1 พฤศจิกายน 2567 (ตัวอย่าง)",
        source_url="https://www.bansuandokmai.example/announcements/market-hours-2568",
        enacted_on=dt.date(2024, 11, 1),
        effective_on=dt.date(2024, 11, 1),
        published_on=dt.date(2024, 11, 1),
        summary="<p>ตลาดสดเทศบาลเปิดทุกวัน เวลา 05:00–12:00 น.</p>",
        source_organisation=office,
        responsible_department=office,
    )


def _knowledge(builder, home, departments):
    health = departments["health"]
    knowledge = builder.page(
        home,
        KnowledgeIndexPage,
        slug="knowledge",
        title="คลังความรู้",
        show_in_menus=True,
        intro="<p>อินโฟกราฟิก บทความ สถิติ และงานวิจัยที่เป็นประโยชน์ต่อประชาชน</p>",
    )
    if not knowledge.get_children().filter(slug="dengue-infographic").exists():
        picture = demo_image(
            builder, "อินโฟกราฟิก ป้องกันไข้เลือดออก (ตัวอย่าง)", "dengue-infographic.png", colour=(160, 40, 40)
        )
        builder.page(
            knowledge,
            KnowledgePage,
            slug="dengue-infographic",
            title="ป้องกันไข้เลือดออกด้วยมาตรการ 3 เก็บ",
            kind=KnowledgeKind.INFOGRAPHIC,
            source_datetime=dt.datetime(2025, 5, 2, 10, 0, tzinfo=BANGKOK),
            published_on=dt.date(2025, 5, 2),
            summary="เก็บบ้าน เก็บขยะ เก็บน้ำ ตัดวงจรยุงลายก่อนฤดูฝน",
            listing_image=picture,
            body=_stream(
                (
                    "infographic",
                    {
                        "image": picture.pk,
                        "alt_text": "อินโฟกราฟิกมาตรการ 3 เก็บ ป้องกันไข้เลือดออก",
                        "long_description": "<ol><li>เก็บบ้านให้สะอาด โปร่ง ไม่ให้เป็นที่เกาะพักของยุง</li>"
                        "<li>เก็บขยะ ภาชนะที่มีน้ำขังได้ ทิ้งให้เรียบร้อย</li>"
                        "<li>เก็บน้ำ ปิดฝาภาชนะเก็บน้ำให้มิดชิด เปลี่ยนน้ำในแจกันทุก 7 วัน</li></ol>",
                        "source": "กองสาธารณสุขและสิ่งแวดล้อม เทศบาลตำบลบ้านสวนดอกไม้",
                        "date": "2025-05-02",
                    },
                ),
            ),
            source_organisation=health,
            responsible_department=health,
        )
    # Last fiscal year's statistics, published a fortnight after it ended.
    last_year = builder.calendar.fiscal_year - 1
    last_start, last_end = builder.calendar.fiscal_year_bounds(-1)
    published = last_end + dt.timedelta(days=15)
    tonnes = [182, 175, 190, 186, 171, 188, 179, 184, 176, 181, 173, 185]
    if not knowledge.get_children().filter(slug=f"waste-statistics-{last_year}").exists():
        months = [last_start]
        for _n in range(11):
            previous = months[-1]
            months.append(dt.date(previous.year + previous.month // 12, previous.month % 12 + 1, 1))
        workbook = demo_document(
            builder,
            f"สถิติปริมาณขยะรายเดือน ปีงบประมาณ {last_year} (ตัวอย่าง)",
            f"waste-statistics-{last_year}.xlsx",
            xlsx_bytes(
                ["เดือน", "ปริมาณขยะ (ตัน)"],
                [[thai_month(month, "short"), n] for month, n in zip(months, tonnes, strict=True)],
            ),
        )
        builder.page(
            knowledge,
            KnowledgePage,
            slug=f"waste-statistics-{last_year}",
            title=f"สถิติปริมาณขยะมูลฝอยในเขตเทศบาล ปีงบประมาณ พ.ศ. {last_year}",
            kind=KnowledgeKind.STATISTICS,
            source_datetime=dt.datetime.combine(published, dt.time(9, 30), tzinfo=BANGKOK),
            published_on=published,
            summary="ปริมาณขยะที่เทศบาลเก็บขนได้ในแต่ละเดือน",
            body=_stream(
                (
                    "paragraph",
                    "<p>ปริมาณขยะเฉลี่ยประมาณ 180 ตันต่อเดือน ลดลงจากปีก่อนร้อยละ 4 หลังเริ่มโครงการคัดแยกขยะต้นทาง</p>",
                ),
                (
                    "downloads",
                    {
                        "heading": "ข้อมูลดิบ",
                        "documents": [{"document": workbook.pk, "description": "ข้อมูลรายเดือน (ตัวอย่าง)"}],
                    },
                ),
            ),
            data_period_start=last_start,
            data_period_end=last_end,
            fiscal_year=last_year,
            source_organisation=health,
            responsible_department=health,
        )


def _related_links(builder, home, departments):
    def link(title, url):
        return {"page": None, "url": url, "title": title, "description": ""}

    builder.page(
        home,
        RelatedLinksPage,
        slug="related-websites",
        title="เว็บไซต์ที่เกี่ยวข้อง",
        intro="<p>ลิงก์ไปยังหน่วยงานและเว็บไซต์ที่เกี่ยวข้องกับการดำเนินงานของเทศบาล</p>",
        link_groups=_stream(
            (
                "group",
                {
                    "heading": "หน่วยงานกรมส่งเสริมการปกครองท้องถิ่น",
                    "links": [
                        link("กรมส่งเสริมการปกครองท้องถิ่น", "https://www.dla.go.th/"),
                        link("ระบบข้อมูลกลางองค์กรปกครองส่วนท้องถิ่น", "https://info.dla.go.th/"),
                    ],
                },
            ),
            (
                "group",
                {
                    "heading": "หน่วยงานราชการอื่น",
                    "links": [
                        link("สำนักงานคณะกรรมการข้อมูลข่าวสารของราชการ", "https://www.oic.go.th/"),
                        link("ราชกิจจานุเบกษา", "https://ratchakitcha.soc.go.th/"),
                        link("สำนักงาน ป.ป.ช.", "https://www.nacc.go.th/"),
                    ],
                },
            ),
            (
                "group",
                {
                    "heading": "เว็บไซต์อื่น ๆ",
                    "links": [
                        link("ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)", "https://www.gprocurement.go.th/"),
                        link("สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)", "https://www.dga.or.th/"),
                    ],
                },
            ),
        ),
        source_organisation=departments["office"],
        responsible_department=departments["office"],
    )


def _public_info(builder, home, departments):
    calendar = builder.calendar
    year = calendar.fiscal_year
    fy_start, fy_end = calendar.fiscal_year_bounds()
    office, finance = departments["office"], departments["finance"]
    centre = builder.page(
        home,
        PublicInfoIndexPage,
        slug="information-centre",
        title="ศูนย์ข้อมูลข่าวสาร",
        show_in_menus=True,
        intro="<p>ข้อมูลข่าวสารที่เทศบาลจัดไว้ให้ประชาชนตรวจดูได้ ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540</p>",
    )
    structure = OrganisationStructurePage.objects.descendant_of(home).first()
    builder.page(
        centre,
        PublicInfoPage,
        slug="s7-structure",
        title="โครงสร้างและการจัดองค์กรในการดำเนินงาน",
        oia_section="s7",
        body=_stream(
            ("paragraph", "<p>โครงสร้างและการจัดองค์กรของเทศบาล ดูรายละเอียดได้ที่หน้าโครงสร้างองค์กร</p>"),
            (
                "links",
                {
                    "heading": "ดูเพิ่มเติม",
                    "links": [{"page": structure.pk, "url": "", "title": "", "description": ""}],
                },
            ),
        ),
        data_period_start=fy_start,
        source_organisation=office,
        responsible_department=office,
    )
    if not centre.get_children().filter(slug=f"s9-3-plans-budget-{year}").exists():
        pdf = demo_pdf(
            builder, f"แผนงาน โครงการ และงบประมาณ ปี {year} (ตัวอย่าง)", f"s9-3-plans-budget-{year}.pdf"
        )
        builder.page(
            centre,
            PublicInfoPage,
            slug=f"s9-3-plans-budget-{year}",
            title=f"แผนงาน โครงการ และงบประมาณรายจ่ายประจำปี พ.ศ. {year}",
            oia_section="s9_3",
            body=_stream(("paragraph", "<p>สรุปแผนงาน โครงการ และงบประมาณรายจ่ายของปีที่กำลังดำเนินการ</p>")),
            documents=_stream(
                ("document", {"document": pdf.pk, "description": "สรุปโครงการตามเทศบัญญัติงบประมาณ"})
            ),
            fiscal_year=year,
            data_period_start=fy_start,
            data_period_end=fy_end,
            source_organisation=finance,
            responsible_department=finance,
        )
    # Last month's summary (form SKR.1), as section 9(8) of the Act asks.
    month = calendar.months_ago(1)
    month_name = thai_month(month)  # "ตุลาคม 2567"
    month_slug = f"s9-8-procurement-summary-{be_year(month)}-{month.month:02d}"
    if not centre.get_children().filter(slug=month_slug).exists():
        summary = demo_document(
            builder,
            f"สรุปผลการจัดซื้อจัดจ้าง (สขร.1) {month_name} (ตัวอย่าง)",
            f"procurement-summary-{be_year(month)}-{month.month:02d}.xlsx",
            xlsx_bytes(
                [
                    "งานที่จัดซื้อจัดจ้าง",
                    "วงเงิน (บาท)",
                    "ราคากลาง (บาท)",
                    "วิธีซื้อหรือจ้าง",
                    "ผู้ได้รับการคัดเลือกและราคา",
                    "เหตุผล",
                    "เลขที่และวันที่สัญญา",
                ],
                [
                    [
                        "จัดซื้อวัสดุสำนักงาน",
                        25_000,
                        25_000,
                        "เฉพาะเจาะจง",
                        "ร้านตัวอย่างเครื่องเขียน 24,500",
                        "ราคาต่ำสุด",
                        f"12/{fiscal_year_of(month)} ลว. {thai_date(month.replace(day=15), 'short')}",
                    ]
                ],
            ),
        )
        builder.page(
            centre,
            PublicInfoPage,
            slug=month_slug,
            title=f"สรุปผลการจัดซื้อจัดจ้างประจำเดือน{month_name} (แบบ สขร.1)",
            oia_section="s9_8",
            body=_stream(
                (
                    "paragraph",
                    f"<p>สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{month_name} "
                    "ตามประกาศคณะกรรมการข้อมูลข่าวสารของราชการ</p>",
                )
            ),
            documents=_stream(("document", {"document": summary.pk, "description": "แบบ สขร.1"})),
            fiscal_year=fiscal_year_of(month),
            data_period_start=month,
            data_period_end=month_end(month),
            published_on=min(calendar.today, calendar.months_ago(0) + dt.timedelta(days=4)),
            source_organisation=finance,
            responsible_department=finance,
        )
    builder.page(
        centre,
        PublicInfoPage,
        slug="gws-website-policy",
        title="นโยบายเว็บไซต์และการคุ้มครองข้อมูลส่วนบุคคล",
        published_on=calendar.ago(371),  # a year and a week ago: its yearly review is due
        oia_section="gws",
        body=_stream(
            (
                "paragraph",
                "<p>เทศบาลเก็บข้อมูลส่วนบุคคลเท่าที่จำเป็นต่อการให้บริการ และไม่เปิดเผยแก่บุคคลอื่นโดยไม่ได้รับความยินยอม "
                "เว้นแต่กฎหมายกำหนด (ข้อความตัวอย่าง)</p>",
            ),
        ),
        data_period_start=fy_start,
        source_organisation=office,
        responsible_department=office,
    )
