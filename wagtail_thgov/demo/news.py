"""Demo content of category 1.8: news of every kind, a job notice and procurement announcements,
a winner announcement and a monthly summary (form SKR.1) of the fictional เทศบาลตำบลบ้านสวนดอกไม้.

Every person, company, project number and amount here is invented.
"""

import datetime as dt
import json

from ..metadata.models import InformationSource, SourceKind
from ..pages.news import AnnouncementIndexPage, JobAnnouncementPage, NewsIndexPage, NewsKind, NewsPage
from ..pages.procurement import (
    ProcurementAnnouncementPage,
    ProcurementMethod,
    ProcurementResultPage,
    ProcurementSummaryPage,
)
from .content import DEMO_EXTENSIONS
from .files import demo_document, demo_image, demo_pdf, xlsx_bytes

DEMO_PAGE_TYPES = (
    NewsIndexPage,
    NewsPage,
    AnnouncementIndexPage,
    JobAnnouncementPage,
    ProcurementAnnouncementPage,
    ProcurementResultPage,
    ProcurementSummaryPage,
)


def stream(*blocks) -> str:
    """StreamField content as stored: ``stream(("paragraph", "<p>…</p>"), …)``."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks], ensure_ascii=False)


def paragraph(html):
    return ("paragraph", html)


def downloads(*documents, heading=""):
    """A DocumentDownloadsBlock of the given documents."""
    return (
        "downloads",
        {
            "heading": heading,
            "documents": [{"document": document.pk, "description": ""} for document in documents],
        },
    )


def department(builder, site, name):
    """A department of the demo municipality (shared with the other demo modules by name)."""
    return builder.row(
        InformationSource,
        {"site": site, "name": name},
        {"kind": SourceKind.DEPARTMENT, "phone": "0 9999 0000", "email": "saraban@bansuandokmai.example"},
    )


def build_news_demo(builder, home, site):
    """News and announcements under ``home``; creates only what is missing."""
    office = department(builder, site, "สำนักปลัดเทศบาล")
    finance = department(builder, site, "กองคลัง")
    _news(builder, home, office)
    _announcements(builder, home, office, finance)


def _news(builder, home, office):
    common = {
        "source_organisation": office,
        "source_text": "งานประชาสัมพันธ์",
        "responsible_department": office,
        "contact": "งานประชาสัมพันธ์ สำนักปลัดเทศบาล โทร 0 9999 0000 ต่อ 125",
    }
    index = builder.page(
        home,
        NewsIndexPage,
        slug="news",
        title="ข่าวประชาสัมพันธ์",
        show_in_menus=True,
        intro="<p>ข่าวประชาสัมพันธ์ ข่าวกิจกรรม และประกาศเตือนภัยของเทศบาลตำบลบ้านสวนดอกไม้</p>",
    )
    leaflet = demo_pdf(
        builder,
        "แผ่นพับ การชำระภาษีที่ดินและสิ่งปลูกสร้าง ปี 2568 (ตัวอย่าง)",
        "land-tax-leaflet-2568.pdf",
        [
            "Ban Suan Dok Mai Subdistrict Municipality (fictional)",
            "Land and building tax 2025: pay by 30 April",
        ],
    )
    builder.page(
        index,
        NewsPage,
        slug="land-tax-2568",
        title="ขอเชิญชวนชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2568",
        kind=NewsKind.PR,
        news_date=dt.date(2025, 2, 3),
        summary="ชำระได้ที่กองคลัง สำนักงานเทศบาล ตั้งแต่วันนี้ถึง 30 เมษายน 2568 ในวันและเวลาราชการ",
        body=stream(
            paragraph(
                "<p>เทศบาลตำบลบ้านสวนดอกไม้ขอเชิญชวนเจ้าของที่ดินและสิ่งปลูกสร้างชำระภาษีประจำปี 2568 "
                "ภายในวันที่ 30 เมษายน 2568 เพื่อหลีกเลี่ยงเบี้ยปรับและเงินเพิ่ม</p>"
                "<ul><li>ชำระด้วยตนเองที่กองคลัง ชั้น 1 สำนักงานเทศบาล</li>"
                "<li>โอนผ่านบัญชีธนาคารของเทศบาล (โปรดแนบหลักฐานการโอน)</li></ul>"
            )
        ),
        attachments=stream(downloads(leaflet)),
        **common,
    )
    builder.page(
        index,
        NewsPage,
        slug="waste-award-2568",
        title="เทศบาลตำบลบ้านสวนดอกไม้ได้รับรางวัลชุมชนจัดการขยะดีเด่นระดับจังหวัด",
        kind=NewsKind.GENERAL,
        news_date=dt.date(2025, 6, 18),
        summary="ชุมชนบ้านสวนดอกไม้ หมู่ที่ 4 ได้รับรางวัลชนะเลิศการประกวดชุมชนปลอดขยะ (ข้อมูลสมมุติ)",
        body=stream(
            paragraph(
                "<p>ชุมชนบ้านสวนดอกไม้ หมู่ที่ 4 ได้รับรางวัลชนะเลิศการประกวดชุมชนจัดการขยะดีเด่นระดับจังหวัด "
                "จากการคัดแยกขยะต้นทาง ธนาคารขยะ และการทำปุ๋ยหมักจากเศษใบไม้ (ข่าวสมมุติ)</p>"
            )
        ),
        **common,
    )
    photos = [
        demo_image(builder, f"กิจกรรมปลูกต้นไม้ ภาพที่ {n} (ตัวอย่าง)", f"tree-planting-{n}.png", colour)
        for n, colour in enumerate([(46, 125, 50), (85, 139, 47), (27, 94, 32)], start=1)
    ]
    alt_texts = [
        "ผู้บริหารเทศบาลและชาวบ้านช่วยกันปลูกต้นไม้ริมถนนสายบ้านสวน",
        "นักเรียนโรงเรียนเทศบาลรดน้ำต้นกล้าที่เพิ่งปลูก",
        "อาสาสมัครถือป้ายโครงการปลูกต้นไม้ 500 ต้น",
    ]
    builder.page(
        index,
        NewsPage,
        slug="tree-planting-2568",
        title="โครงการปลูกต้นไม้ 500 ต้น ร่วมกับชุมชนและโรงเรียน",
        kind=NewsKind.ACTIVITY,
        news_date=dt.date(2025, 7, 28),
        summary="ผู้บริหาร พนักงานเทศบาล นักเรียน และชาวบ้านร่วมปลูกต้นไม้ริมถนนสายบ้านสวน–บ้านดอกไม้",
        listing_image=photos[0],
        body=stream(
            paragraph(
                "<p>วันที่ 28 กรกฎาคม 2568 เทศบาลตำบลบ้านสวนดอกไม้จัดกิจกรรมปลูกต้นไม้ 500 ต้น "
                "ริมถนนสายบ้านสวน–บ้านดอกไม้ โดยมีผู้ร่วมกิจกรรมประมาณ 300 คน</p>"
            )
        ),
        gallery=stream(
            (
                "gallery",
                {
                    "heading": "ภาพกิจกรรม",
                    "images": [
                        {"image": photo.pk, "alt_text": alt, "caption": alt, "credit": "งานประชาสัมพันธ์"}
                        for photo, alt in zip(photos, alt_texts, strict=True)
                    ],
                },
            )
        ),
        **common,
    )
    builder.page(
        index,
        NewsPage,
        slug="flood-alert-2568",
        title="ประกาศเตือนภัย ระวังน้ำป่าไหลหลากและน้ำท่วมฉับพลัน 10–14 กันยายน 2568",
        kind=NewsKind.ALERT,
        news_date=dt.date(2025, 9, 9),
        summary="ประชาชนริมลำน้ำสวนดอกไม้ หมู่ที่ 2, 3 และ 7 โปรดเฝ้าระวังและเตรียมขนย้ายสิ่งของขึ้นที่สูง",
        body=stream(
            paragraph(
                "<p>ศูนย์ป้องกันและบรรเทาสาธารณภัยเทศบาลแจ้งเตือนว่าอาจมีฝนตกหนักถึงหนักมากระหว่างวันที่ "
                "10–14 กันยายน 2568 (ข้อมูลสมมุติ)</p><ul><li>เตรียมขนย้ายสิ่งของขึ้นที่สูง</li>"
                "<li>ติดตามประกาศของเทศบาลอย่างใกล้ชิด</li><li>แจ้งเหตุได้ตลอด 24 ชั่วโมง โทร 0 9999 0199</li></ul>"
            )
        ),
        **common,
    )


def _announcements(builder, home, office, finance):
    index = builder.page(
        home,
        AnnouncementIndexPage,
        slug="announcements",
        title="ประกาศ",
        show_in_menus=True,
        intro="<p>ประกาศรับสมัครงาน ประกาศจัดซื้อจัดจ้าง ประกาศผู้ชนะการเสนอราคา และสรุปผลการจัดซื้อจัดจ้างรายเดือน</p>",
    )
    procurement = {
        "source_organisation": finance,
        "source_text": "งานพัสดุและทรัพย์สิน",
        "responsible_department": finance,
        "contact": "งานพัสดุและทรัพย์สิน กองคลัง โทร 0 9999 0000 ต่อ 131",
    }

    job_notice = demo_pdf(
        builder,
        "ประกาศรับสมัครพนักงานจ้าง ปีงบประมาณ 2568 (ตัวอย่าง)",
        "job-announcement-2568.pdf",
        ["Recruitment of contract employees, fiscal year 2568 (fictional)", "Applications: 10-21 March 2025"],
    )
    builder.page(
        index,
        JobAnnouncementPage,
        slug="job-2568-01",
        title="ประกาศรับสมัครบุคคลเพื่อสรรหาและเลือกสรรเป็นพนักงานจ้าง ประจำปีงบประมาณ 2568",
        announcement_date=dt.date(2025, 3, 3),
        positions="ผู้ช่วยเจ้าพนักงานธุรการ (พนักงานจ้างตามภารกิจ) 1 อัตรา\nพนักงานขับรถยนต์ (พนักงานจ้างทั่วไป) 2 อัตรา",
        application_start=dt.date(2025, 3, 10),
        application_end=dt.date(2025, 3, 21),
        body=stream(
            paragraph(
                "<p>ผู้สนใจยื่นใบสมัครด้วยตนเองที่งานการเจ้าหน้าที่ สำนักปลัดเทศบาล ในวันและเวลาราชการ "
                "รายละเอียดคุณสมบัติและเอกสารที่ต้องใช้ตามประกาศแนบท้าย</p>"
            )
        ),
        documents=stream(downloads(job_notice)),
        source_organisation=office,
        source_text="งานการเจ้าหน้าที่",
        responsible_department=office,
        contact="งานการเจ้าหน้าที่ สำนักปลัดเทศบาล โทร 0 9999 0000 ต่อ 122",
    )

    invitation = demo_pdf(
        builder,
        "ประกาศประกวดราคาจ้างก่อสร้างถนน คสล. หมู่ที่ 3 (ตัวอย่าง)",
        "egp-67119012345-invitation.pdf",
        [
            "Invitation to e-bidding: reinforced concrete road, village 3 (fictional)",
            "e-GP project 67119012345",
        ],
    )
    boq = demo_document(
        builder,
        "ราคากลางและรายการปริมาณงาน ถนน คสล. หมู่ที่ 3 (ตัวอย่าง)",
        "egp-67119012345-boq.xlsx",
        xlsx_bytes(
            ["รายการ", "ปริมาณ", "หน่วย", "ราคาต่อหน่วย (บาท)", "รวม (บาท)"],
            [
                ["ผิวจราจรคอนกรีตเสริมเหล็ก หนา 0.15 ม.", 3000, "ตร.ม.", 720, 2160000],
                ["ไหล่ทางลูกรัง", 600, "ลบ.ม.", 350, 210000],
                ["ป้ายโครงการ", 1, "ป้าย", 3000, 3000],
                ["ค่าดำเนินการ ภาษี และกำไร (Factor F)", 1, "งาน", 107000, 107000],
            ],
        ),
    )
    road = builder.page(
        index,
        ProcurementAnnouncementPage,
        slug="road-village-3",
        title="ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านสวน–บ้านดอกไม้ หมู่ที่ 3 "
        "ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
        announcement_date=dt.date(2024, 11, 15),
        method=ProcurementMethod.E_BIDDING,
        budget="2500000.00",
        reference_price="2480000.00",
        egp_project_number="67119012345",
        body=stream(
            paragraph(
                "<p>ผู้สนใจดาวน์โหลดเอกสารประกวดราคาได้ที่เว็บไซต์ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP) "
                "และยื่นข้อเสนอทางระบบ e-GP ภายในวันที่ 29 พฤศจิกายน 2567</p>"
            )
        ),
        documents=stream(downloads(invitation, boq)),
        **procurement,
    )
    winner_notice = demo_pdf(
        builder,
        "ประกาศผู้ชนะการเสนอราคา ถนน คสล. หมู่ที่ 3 (ตัวอย่าง)",
        "egp-67119012345-winner.pdf",
        ["Winner announcement, e-GP project 67119012345 (fictional)", "Price: 2,390,000.00 baht"],
    )
    builder.page(
        index,
        ProcurementResultPage,
        slug="road-village-3-winner",
        title="ประกาศผู้ชนะการเสนอราคา จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านสวน–บ้านดอกไม้ หมู่ที่ 3",
        announcement_date=dt.date(2024, 12, 20),
        procurement=road,
        winner="ห้างหุ้นส่วนจำกัด สวนดอกไม้การโยธา (ชื่อสมมุติ)",
        price="2390000.00",
        body=stream(paragraph("<p>ผู้ชนะเสนอราคาต่ำสุดและมีคุณสมบัติถูกต้องตามเงื่อนไขในเอกสารประกวดราคา</p>")),
        documents=stream(downloads(winner_notice)),
        **procurement,
    )
    rows = [
        (
            "จัดซื้อวัสดุสำนักงาน",
            "12000.00",
            ProcurementMethod.SPECIFIC,
            "ร้านสวนดอกไม้พาณิชย์ (ชื่อสมมุติ)",
            "11850.00",
            "ราคาต่ำสุดและเป็นผู้ประกอบการในพื้นที่",
            "บส. 12/2568 ลว. 8 ม.ค. 2568",
        ),
        (
            "จ้างซ่อมแซมรถบรรทุกขยะ ทะเบียน 00-0000 (สมมุติ)",
            "45000.00",
            ProcurementMethod.SPECIFIC,
            "อู่ช่างดีบริการ (ชื่อสมมุติ)",
            "44500.00",
            "มีคุณสมบัติตรงตามที่กำหนดและราคาเหมาะสม",
            "",
        ),
        (
            "จัดซื้อครุภัณฑ์คอมพิวเตอร์ 5 ชุด",
            "120000.00",
            ProcurementMethod.E_MARKET,
            "บริษัท ดอกไม้ไอที จำกัด (ชื่อสมมุติ)",
            "114500.00",
            "ราคาต่ำสุด",
            "สัญญา 3/2568 ลว. 27 ม.ค. 2568",
        ),
    ]
    skr1 = demo_document(
        builder,
        "แบบ สขร.1 เดือนมกราคม 2568 (ตัวอย่าง)",
        "skr1-2568-01.xlsx",
        xlsx_bytes(
            [
                "ลำดับ",
                "งานที่จัดซื้อจัดจ้าง",
                "วงเงินงบประมาณ",
                "วิธีซื้อ/จ้าง",
                "ผู้ได้รับการคัดเลือก",
                "ราคาที่ตกลง",
                "เหตุผลที่คัดเลือก",
                "เลขที่และวันที่ของสัญญา",
            ],
            [
                [n, item, float(budget), str(method.label), winner, float(price), reason, contract]
                for n, (item, budget, method, winner, price, reason, contract) in enumerate(rows, start=1)
            ],
        ),
    )
    builder.page(
        index,
        ProcurementSummaryPage,
        slug="summary-2568-01",
        title="สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือนมกราคม 2568",
        month=1,
        announcement_date=dt.date(2025, 2, 5),
        rows=stream(
            *[
                (
                    "row",
                    {
                        "item": item,
                        "budget": budget,
                        "method": method.value,
                        "winner": winner,
                        "price": price,
                        "reason": reason,
                        "contract": contract,
                    },
                )
                for item, budget, method, winner, price, reason, contract in rows
            ]
        ),
        documents=stream(downloads(skr1)),
        **procurement,
    )


DEMO_EXTENSIONS.append(build_news_demo)
