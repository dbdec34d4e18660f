"""Demo content of category 1.8: news of every kind, a job notice and procurement announcements,
a winner announcement and a monthly summary (form SKR.1) of the fictional เทศบาลตำบลบ้านสวนดอกไม้.

Every date is counted from the day the demo is built (``builder.calendar``): the news is of the last
weeks, the job notice is open for applications, the tender's winner was announced this month and the
summary is of last month. Slugs carry the date, so building the demo again later adds current items.
Every person, company, project number and amount here is invented.
"""

import datetime as dt
import json

from wagtail_thgov.core.thai import be_year, fiscal_year_of, thai_date
from wagtail_thgov.metadata.models import InformationSource, SourceKind
from wagtail_thgov.pages.news import (
    AnnouncementIndexPage,
    JobAnnouncementPage,
    NewsIndexPage,
    NewsKind,
    NewsPage,
)
from wagtail_thgov.pages.procurement import (
    ProcurementAnnouncementPage,
    ProcurementMethod,
    ProcurementResultPage,
    ProcurementSummaryPage,
    month_end,
)

from .calendar import thai_month, thai_period
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


def next_land_tax_deadline(day: dt.date) -> dt.date:
    """Land and building tax is paid by 30 April: the next such deadline on or after ``day``."""
    deadline = dt.date(day.year, 4, 30)
    return deadline if deadline >= day else dt.date(day.year + 1, 4, 30)


def _news(builder, home, office):
    calendar = builder.calendar
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
    tax_news_date = calendar.ago(18)
    deadline = next_land_tax_deadline(tax_news_date)
    tax_year = be_year(deadline)
    leaflet = demo_pdf(
        builder,
        f"แผ่นพับ การชำระภาษีที่ดินและสิ่งปลูกสร้าง ปี {tax_year} (ตัวอย่าง)",
        f"land-tax-leaflet-{tax_year}.pdf",
        [
            "Ban Suan Dok Mai Subdistrict Municipality (fictional)",
            f"Land and building tax {deadline.year}: pay by 30 April",
        ],
    )
    builder.page(
        index,
        NewsPage,
        slug=f"land-tax-{tax_year}",
        title=f"ขอเชิญชวนชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี {tax_year}",
        kind=NewsKind.PR,
        news_date=tax_news_date,
        published_on=tax_news_date,
        summary=f"ชำระได้ที่กองคลัง สำนักงานเทศบาล ตั้งแต่วันนี้ถึง {thai_date(deadline)} ในวันและเวลาราชการ",
        body=stream(
            paragraph(
                f"<p>เทศบาลตำบลบ้านสวนดอกไม้ขอเชิญชวนเจ้าของที่ดินและสิ่งปลูกสร้างชำระภาษีประจำปี {tax_year} "
                f"ภายในวันที่ {thai_date(deadline)} เพื่อหลีกเลี่ยงเบี้ยปรับและเงินเพิ่ม</p>"
                "<ul><li>ชำระด้วยตนเองที่กองคลัง ชั้น 1 สำนักงานเทศบาล</li>"
                "<li>โอนผ่านบัญชีธนาคารของเทศบาล (โปรดแนบหลักฐานการโอน)</li></ul>"
            )
        ),
        attachments=stream(downloads(leaflet)),
        **common,
    )
    award_date = calendar.ago(41)
    builder.page(
        index,
        NewsPage,
        slug=f"waste-award-{be_year(award_date)}",
        title="เทศบาลตำบลบ้านสวนดอกไม้ได้รับรางวัลชุมชนจัดการขยะดีเด่นระดับจังหวัด",
        kind=NewsKind.GENERAL,
        news_date=award_date,
        published_on=award_date,
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
    planted_on = calendar.ago(27)
    builder.page(
        index,
        NewsPage,
        slug=f"tree-planting-{be_year(planted_on)}",
        title="โครงการปลูกต้นไม้ 500 ต้น ร่วมกับชุมชนและโรงเรียน",
        kind=NewsKind.ACTIVITY,
        news_date=planted_on,
        published_on=calendar.ago(26),
        summary="ผู้บริหาร พนักงานเทศบาล นักเรียน และชาวบ้านร่วมปลูกต้นไม้ริมถนนสายบ้านสวน–บ้านดอกไม้",
        listing_image=photos[0],
        body=stream(
            paragraph(
                f"<p>วันที่ {thai_date(planted_on)} เทศบาลตำบลบ้านสวนดอกไม้จัดกิจกรรมปลูกต้นไม้ 500 ต้น "
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
    # An alert of two days ago about the coming days: the default period for alerts (7 days) ends it
    # within the week, so the currency report lists it as expiring soon.
    alerted_on = calendar.ago(2)
    first_day, last_day = calendar.ago(1), calendar.ahead(3)
    builder.page(
        index,
        NewsPage,
        slug=f"flood-alert-{be_year(alerted_on)}-{alerted_on:%m%d}",
        title=f"ประกาศเตือนภัย ระวังน้ำป่าไหลหลากและน้ำท่วมฉับพลัน {thai_period(first_day, last_day)}",
        kind=NewsKind.ALERT,
        news_date=alerted_on,
        published_on=alerted_on,
        summary="ประชาชนริมลำน้ำสวนดอกไม้ หมู่ที่ 2, 3 และ 7 โปรดเฝ้าระวังและเตรียมขนย้ายสิ่งของขึ้นที่สูง",
        body=stream(
            paragraph(
                "<p>ศูนย์ป้องกันและบรรเทาสาธารณภัยเทศบาลแจ้งเตือนว่าอาจมีฝนตกหนักถึงหนักมากระหว่างวันที่ "
                f"{thai_period(first_day, last_day)} (ข้อมูลสมมุติ)</p><ul><li>เตรียมขนย้ายสิ่งของขึ้นที่สูง</li>"
                "<li>ติดตามประกาศของเทศบาลอย่างใกล้ชิด</li><li>แจ้งเหตุได้ตลอด 24 ชั่วโมง โทร 0 9999 0199</li></ul>"
            )
        ),
        **common,
    )


def egp_project_number(announced: dt.date, serial: str) -> str:
    """An e-GP project number: two digits of the B.E. year, two of the month, then a serial."""
    return f"{be_year(announced) % 100:02d}{announced.month:02d}{serial}"


def _announcements(builder, home, office, finance):
    calendar = builder.calendar
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

    # Announced a week ago; applications opened three days ago and close in nine days.
    year = calendar.fiscal_year
    job_announced, job_opens, job_closes = calendar.ago(7), calendar.ago(3), calendar.ahead(9)
    job_notice = demo_pdf(
        builder,
        f"ประกาศรับสมัครพนักงานจ้าง ปีงบประมาณ {year} (ตัวอย่าง)",
        f"job-announcement-{year}.pdf",
        [
            f"Recruitment of contract employees, fiscal year {year} (fictional)",
            f"Applications: {job_opens:%d %B %Y} - {job_closes:%d %B %Y}",
        ],
    )
    builder.page(
        index,
        JobAnnouncementPage,
        slug=f"job-{year}-01",
        title=f"ประกาศรับสมัครบุคคลเพื่อสรรหาและเลือกสรรเป็นพนักงานจ้าง ประจำปีงบประมาณ {year}",
        announcement_date=job_announced,
        published_on=job_announced,
        positions="ผู้ช่วยเจ้าพนักงานธุรการ (พนักงานจ้างตามภารกิจ) 1 อัตรา\nพนักงานขับรถยนต์ (พนักงานจ้างทั่วไป) 2 อัตรา",
        application_start=job_opens,
        application_end=job_closes,
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

    # The tender was announced 40 days ago with two weeks for bids; its winner, 12 days ago.
    tendered_on, bids_close, awarded_on = calendar.ago(40), calendar.ago(26), calendar.ago(12)
    egp = egp_project_number(tendered_on, "9012345")
    invitation = demo_pdf(
        builder,
        "ประกาศประกวดราคาจ้างก่อสร้างถนน คสล. หมู่ที่ 3 (ตัวอย่าง)",
        f"egp-{egp}-invitation.pdf",
        [
            "Invitation to e-bidding: reinforced concrete road, village 3 (fictional)",
            f"e-GP project {egp}",
        ],
    )
    boq = demo_document(
        builder,
        "ราคากลางและรายการปริมาณงาน ถนน คสล. หมู่ที่ 3 (ตัวอย่าง)",
        f"egp-{egp}-boq.xlsx",
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
        slug=f"road-village-3-{egp}",
        title="ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านสวน–บ้านดอกไม้ หมู่ที่ 3 "
        "ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
        announcement_date=tendered_on,
        published_on=tendered_on,
        method=ProcurementMethod.E_BIDDING,
        budget="2500000.00",
        reference_price="2480000.00",
        egp_project_number=egp,
        body=stream(
            paragraph(
                "<p>ผู้สนใจดาวน์โหลดเอกสารประกวดราคาได้ที่เว็บไซต์ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP) "
                f"และยื่นข้อเสนอทางระบบ e-GP ภายในวันที่ {thai_date(bids_close)}</p>"
            )
        ),
        documents=stream(downloads(invitation, boq)),
        **procurement,
    )
    winner_notice = demo_pdf(
        builder,
        "ประกาศผู้ชนะการเสนอราคา ถนน คสล. หมู่ที่ 3 (ตัวอย่าง)",
        f"egp-{egp}-winner.pdf",
        [f"Winner announcement, e-GP project {egp} (fictional)", "Price: 2,390,000.00 baht"],
    )
    builder.page(
        index,
        ProcurementResultPage,
        slug=f"road-village-3-{egp}-winner",
        title="ประกาศผู้ชนะการเสนอราคา จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านสวน–บ้านดอกไม้ หมู่ที่ 3",
        announcement_date=awarded_on,
        published_on=awarded_on,
        procurement=road,
        winner="ห้างหุ้นส่วนจำกัด สวนดอกไม้การโยธา (ชื่อสมมุติ)",
        price="2390000.00",
        body=stream(paragraph("<p>ผู้ชนะเสนอราคาต่ำสุดและมีคุณสมบัติถูกต้องตามเงื่อนไขในเอกสารประกวดราคา</p>")),
        documents=stream(downloads(winner_notice)),
        **procurement,
    )
    # Last month's summary, announced by the fifth of this month (or today, if that is earlier).
    month = calendar.months_ago(1)
    summarised_on = min(calendar.today, calendar.months_ago(0) + dt.timedelta(days=4))
    month_name = thai_month(month)  # "มกราคม 2568"
    contract_day = thai_date(month.replace(day=8), "medium")
    contract_day_2 = thai_date(month.replace(day=min(27, month_end(month).day)), "medium")
    serial = fiscal_year_of(month)
    rows = [
        (
            "จัดซื้อวัสดุสำนักงาน",
            "12000.00",
            ProcurementMethod.SPECIFIC,
            "ร้านสวนดอกไม้พาณิชย์ (ชื่อสมมุติ)",
            "11850.00",
            "ราคาต่ำสุดและเป็นผู้ประกอบการในพื้นที่",
            f"บส. 12/{serial} ลว. {contract_day}",
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
            f"สัญญา 3/{serial} ลว. {contract_day_2}",
        ),
    ]
    skr1 = demo_document(
        builder,
        f"แบบ สขร.1 เดือน{month_name} (ตัวอย่าง)",
        f"skr1-{be_year(month)}-{month.month:02d}.xlsx",
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
        slug=f"summary-{serial}-{month.month:02d}",
        title=f"สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน{month_name}",
        month=month.month,
        announcement_date=summarised_on,
        published_on=summarised_on,
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
