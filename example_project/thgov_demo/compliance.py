"""Demo content of the compliance checklist: the evidence the other demo modules do not publish, dated
in the current fiscal year, so that the demo municipality truly meets the items it can.

Pages are the plugin's own types; items (and parts of items) without a page type of their own are ticked
in the page's Metadata tab (``checklist_items``), as a webmaster would. What lives outside the website
(scans, backups, test reports) is recorded as evidence kept elsewhere, each with its file, recorded by the
webmaster. Nothing claims what the site contradicts: the demo is served at http://127.0.0.1, so https and
the .go.th domain (GWS-N01, GWS-SEC01) are measured and honestly unmet. Everything here is fictional.

Slugs carry the fiscal year, so running the demo again next year adds that year's documents.
"""

import datetime as dt
import json

from django.utils import timezone
from pythainlp.util.date import thai_full_months

from wagtail_thgov.compliance.evaluator import required_periods
from wagtail_thgov.compliance.models import ChecklistItem, ManualEvidence
from wagtail_thgov.compliance.pages import ItaIndexPage
from wagtail_thgov.core.thai import BE_OFFSET, current_fiscal_year, fiscal_year_bounds, fiscal_year_of
from wagtail_thgov.eservice.pages import EServiceIndexPage, EServiceKind, EServicePage
from wagtail_thgov.metadata.models import InformationSource, SourceKind
from wagtail_thgov.pages.agency import (
    AgencyIndexPage,
    AgencyInfoKind,
    AgencyInfoPage,
    PlanDocumentPage,
    PlanKind,
)
from wagtail_thgov.pages.knowledge import KnowledgeIndexPage, KnowledgeKind, KnowledgePage
from wagtail_thgov.pages.law import LawIndexPage, LawKind, LawPage
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
)
from wagtail_thgov.pages.public_info import PublicInfoIndexPage, PublicInfoPage
from wagtail_thgov.workflows.roles import Role

from .files import demo_document, demo_pdf, xlsx_bytes
from .users import role_people

ITA_2568 = ("ita_oit", "2568")
ITA_2567 = ("ita_oit", "2567")
GWS = ("gws", "2.0")
OIA_S7 = ("oia_s7", "2540")
OIA_S9_8 = ("oia_s9_8", "2558-2560")


def ticks(standard, *codes):
    return [(*standard, code) for code in codes]


# Official information items that serve checklist items with no page type of their own:
# (slug stem, section of the Act, title, fiscal year offset (0 = current, -1 = previous), ticked items).
PUBLIC_INFO = [
    ("privacy-policy", "gws", "นโยบายคุ้มครองข้อมูลส่วนบุคคล", 0, ticks(GWS, "GWS-P02") + ticks(ITA_2567, "O10")),
    ("website-policy", "gws", "นโยบายเว็บไซต์", 0, ticks(GWS, "GWS-P01")),
    ("website-security-policy", "gws", "นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์", 0, ticks(GWS, "GWS-P03")),
    (
        "transparency-3-6-7",
        "s9_8",
        "ข้อมูลตามเกณฑ์มาตรฐานความโปร่งใส ข้อ 3 ข้อ 6 และข้อ 7",
        0,
        ticks(OIA_S9_8, "s9(8)-TR-3-6-7"),
    ),
    (
        "complaint-handling",
        "s9_4",
        "หลักเกณฑ์และขั้นตอนการจัดการเรื่องร้องเรียนของประชาชน",
        0,
        ticks(OIA_S9_8, "s9(8)-TR-2.5"),
    ),
    (
        "internal-control-services",
        "s9_8",
        "รายงานผลการประเมินการควบคุมภายในด้านการให้บริการประชาชน ประจำปีงบประมาณ พ.ศ. {year}",
        -1,
        ticks(OIA_S9_8, "s9(8)-TR-2.7"),
    ),
    (
        "budget-indicators",
        "s9_8",
        "หลักเกณฑ์และตัวชี้วัดผลการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(OIA_S9_8, "s9(8)-TR-4.2"),
    ),
    (
        "recruitment-results",
        "s9_8",
        "ประกาศผลการสรรหาและเลือกสรรพนักงานจ้าง ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(OIA_S9_8, "s9(8)-TR-5.2"),
    ),
    (
        "hr-discipline-criteria",
        "s9_8",
        "หลักเกณฑ์การให้คุณให้โทษและการดำเนินการทางวินัยของพนักงานเทศบาล",
        0,
        ticks(OIA_S9_8, "s9(8)-TR-5.4"),
    ),
    (
        "hr-appraisal-criteria",
        "s9_8",
        "หลักเกณฑ์การประเมินผลการปฏิบัติงานของพนักงานเทศบาล ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(OIA_S9_8, "s9(8)-TR-5.5"),
    ),
    ("s9-1-decisions", "s9_1", "คำสั่งและผลการพิจารณาที่มีผลโดยตรงต่อเอกชน ประจำปีงบประมาณ พ.ศ. {year}", 0, []),
    ("s9-2-policies", "s9_2", "นโยบายและการตีความที่ไม่ต้องลงพิมพ์ในราชกิจจานุเบกษา", 0, []),
    ("s9-5-publications", "s9_5", "สิ่งพิมพ์ที่อ้างอิงถึงตามมาตรา 7 วรรคสอง", 0, []),
    (
        "s9-6-contracts",
        "s9_6",
        "สัญญาสัมปทาน สัญญาผูกขาดตัดตอน และสัญญาร่วมทุนกับเอกชน ปีงบประมาณ พ.ศ. {year} (ไม่มี)",
        0,
        [],
    ),
    ("s9-7-resolutions", "s9_7", "มติคณะกรรมการที่แต่งตั้งโดยกฎหมาย ประจำปีงบประมาณ พ.ศ. {year}", 0, []),
    (
        "hr-plan",
        "s9_8",
        "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2568, "O14") + ticks(ITA_2567, "O23", "O25"),
    ),
    (
        "hr-actions",
        "s9_8",
        "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2567, "O24"),
    ),
    (
        "hr-report",
        "s9_8",
        "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {year}",
        -1,
        ticks(ITA_2568, "O15") + ticks(ITA_2567, "O26") + ticks(OIA_S9_8, "s9(8)-TR-5.6"),
    ),
    (
        "procurement-report",
        "s9_8",
        "รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. {year}",
        -1,
        ticks(ITA_2568, "O13") + ticks(ITA_2567, "O22") + ticks(OIA_S9_8, "s9(8)-TR-1.6"),
    ),
    (
        "ethics-code",
        "s9_8",
        "ประมวลจริยธรรมของพนักงานเทศบาล",
        0,
        ticks(ITA_2568, "O16.1") + ticks(ITA_2567, "O39") + ticks(OIA_S9_8, "s9(8)-TR-5.3"),
    ),
    (
        "ethics-promotion",
        "s9_8",
        "การขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2568, "O16.2") + ticks(ITA_2567, "O40"),
    ),
    (
        "ethics-evaluation",
        "s9_8",
        "ผลการประเมินจริยธรรมเจ้าหน้าที่ ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2567, "O41"),
    ),
    (
        "corruption-complaint-guideline",
        "s9_4",
        "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        0,
        ticks(ITA_2568, "O17") + ticks(ITA_2567, "O27"),
    ),
    (
        "no-gift",
        "s9_8",
        "ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2568, "O21.1") + ticks(ITA_2567, "O31"),
    ),
    (
        "no-gift-culture",
        "s9_8",
        "กิจกรรมสร้างวัฒนธรรม No Gift Policy ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2568, "O21.2") + ticks(ITA_2567, "O32"),
    ),
    (
        "no-gift-report",
        "s9_8",
        "รายงานผลตามนโยบาย No Gift Policy ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2567, "O33"),
    ),
    (
        "gift-report",
        "s9_8",
        "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2568, "O22"),
    ),
    (
        "corruption-risk",
        "s9_8",
        "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2568, "O23") + ticks(ITA_2567, "O34"),
    ),
    (
        "corruption-risk-report",
        "s9_8",
        "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2568, "O24") + ticks(ITA_2567, "O35"),
    ),
    (
        "anti-corruption-plan",
        "s9_8",
        "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2568, "O25") + ticks(ITA_2567, "O36"),
    ),
    (
        "anti-corruption-6-months",
        "s9_8",
        "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน ปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2567, "O37"),
    ),
    (
        "anti-corruption-report",
        "s9_8",
        "รายงานผลการดำเนินการป้องกันการทุจริตประจำปีงบประมาณ พ.ศ. {year}",
        -1,
        ticks(ITA_2568, "O26") + ticks(ITA_2567, "O38"),
    ),
    (
        "integrity-measures",
        "s9_8",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2567, "O42"),
    ),
    (
        "integrity-measures-actions",
        "s9_8",
        "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year}",
        0,
        ticks(ITA_2567, "O43"),
    ),
]

# Statistics of the current fiscal year (knowledge items): (slug stem, title, rows, ticked items).
STATISTICS = [
    (
        "service-statistics",
        "สถิติการให้บริการประชาชน ประจำปีงบประมาณ พ.ศ. {year}",
        [["ทะเบียนราษฎร", 412], ["ขออนุญาตก่อสร้างอาคาร", 38], ["ชำระภาษีที่ดินและสิ่งปลูกสร้าง", 960]],
        ticks(ITA_2568, "O11") + ticks(ITA_2567, "O16") + ticks(OIA_S9_8, "s9(8)-TR-2.3"),
    ),
    (
        "complaint-statistics",
        "ผลการจัดการเรื่องร้องเรียนและสถิติเรื่องร้องเรียนทั่วไป ประจำปีงบประมาณ พ.ศ. {year}",
        [["เรื่องร้องเรียนทั้งหมด", 24], ["ดำเนินการแล้วเสร็จ", 21], ["อยู่ระหว่างดำเนินการ", 3]],
        ticks(OIA_S9_8, "s9(8)-TR-2.6"),
    ),
    (
        "corruption-complaint-statistics",
        "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {year}",
        [["เรื่องร้องเรียนทั้งหมด", 0], ["ดำเนินการแล้วเสร็จ", 0], ["อยู่ระหว่างดำเนินการ", 0]],
        ticks(ITA_2568, "O19") + ticks(ITA_2567, "O29"),
    ),
]

# What lives outside the website, kept as files: (item code of GWS 2.0, title, note). Each is recorded by
# the webmaster with its file and lapses to "to review" at the end of the fiscal year. GWS-N01 (.go.th)
# and GWS-SEC01 (https) are not here: they are measured from the address the site is served at.
MANUAL = [
    (
        "GWS-I03",
        "ช่องทางแจ้งข่าวสารผ่าน LINE Official Account",
        "ภาพหน้าจอบัญชี LINE ของเทศบาลที่ประชาชนเพิ่มเพื่อนเพื่อรับข่าวสารและประกาศแจ้งเตือน (ข้อมูลสมมุติ)",
    ),
    (
        "GWS-S01",
        "ระบบลงทะเบียนขอรับเบี้ยยังชีพออนไลน์",
        "คู่มือระบบของหน่วยงานส่วนกลางที่เทศบาลใช้รับลงทะเบียน มีการเข้าสู่ระบบและการขอรหัสผ่านใหม่ (ข้อมูลสมมุติ)",
    ),
    (
        "GWS-OD1",
        "บัญชีข้อมูลเปิดของเทศบาลในระบบ CKAN",
        "รายการชุดข้อมูลเปิดของเทศบาลที่เชื่อมโยงกับ data.go.th (ข้อมูลสมมุติ)",
    ),
    ("GWS-F01", "หน้าข้อมูลภาษาอังกฤษ", "ข้อมูลหน่วยงานฉบับภาษาอังกฤษ (ข้อมูลสมมุติ)"),
    (
        "GWS-F02",
        "ผลการทดสอบการแสดงผลบนมือถือ แท็บเล็ต และเบราว์เซอร์หลัก",
        "ทดสอบกับ Chrome, Firefox, Safari และ Edge ทั้งบนคอมพิวเตอร์และมือถือ (ข้อมูลสมมุติ)",
    ),
    (
        "GWS-F03",
        "ผลการตรวจสอบการเข้าถึงได้ตาม WCAG 2.0 ระดับ AA",
        "ตรวจด้วยเครื่องมือตรวจสอบอัตโนมัติและผู้ทดสอบ (ข้อมูลสมมุติ)",
    ),
    ("GWS-SEC02", "รายงานผลการตรวจสอบช่องโหว่ของเว็บไซต์", "ตรวจสอบช่องโหว่ทุกไตรมาส (ข้อมูลสมมุติ)"),
    ("GWS-SEC03.1", "บันทึกการปรับปรุงแพตช์ซอฟต์แวร์", "ปรับปรุงซอฟต์แวร์รายเดือน (ข้อมูลสมมุติ)"),
    ("GWS-SEC03.2", "บันทึกการสำรองข้อมูล", "สำรองข้อมูลรายวันและทดสอบกู้คืนรายไตรมาส (ข้อมูลสมมุติ)"),
    ("GWS-SEC03.3", "ทะเบียนสิทธิ์การเข้าถึงระบบจัดการเว็บไซต์", "ทบทวนสิทธิ์ผู้ใช้ทุก 6 เดือน (ข้อมูลสมมุติ)"),
    (
        "GWS-SEC03.4",
        "รายงานการเก็บข้อมูลจราจรทางคอมพิวเตอร์",
        "เก็บข้อมูลจราจรไม่น้อยกว่า 90 วันตาม พ.ร.บ.คอมพิวเตอร์ (ข้อมูลสมมุติ)",
    ),
]

# Announcements published in the Royal Gazette, as OIA s.7 requires: (slug, title, ticked items, citation).
GAZETTE_NOTICES = [
    (
        "oia-s7-structure-powers-contact",
        "ประกาศเทศบาลตำบลบ้านสวนดอกไม้ เรื่อง โครงสร้างและการจัดองค์กร อำนาจหน้าที่ และสถานที่ติดต่อ",
        ticks(OIA_S7, "s7(1)", "s7(2)", "s7(3)"),
        "ราชกิจจานุเบกษา เล่ม 999 ตอนพิเศษ 98 ง หน้า 12 (อ้างอิงสมมุติ)",
    ),
    (
        "oia-s7-other-information",
        "ประกาศเทศบาลตำบลบ้านสวนดอกไม้ เรื่อง ข้อมูลข่าวสารอื่นตามที่คณะกรรมการข้อมูลข่าวสารของราชการกำหนด",
        ticks(OIA_S7, "s7(5)"),
        "ราชกิจจานุเบกษา เล่ม 999 ตอนพิเศษ 98 ง หน้า 14 (อ้างอิงสมมุติ)",
    ),
    (
        "procurement-regulation-2560",
        "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
        ticks(OIA_S9_8, "s9(8)-TR-1.1"),
        "ราชกิจจานุเบกษา เล่ม 999 ตอนพิเศษ 97 ง หน้า 1 (อ้างอิงสมมุติ)",
    ),
]


SUMMARY_COLUMNS = ("item", "budget", "method", "winner", "price", "reason", "contract")


def stream(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks], ensure_ascii=False)


def paragraph(html):
    return ("paragraph", html)


def downloads(document):
    return ("downloads", {"heading": "", "documents": [{"document": document.pk, "description": ""}]})


def items_by_key() -> dict:
    """``{(standard code, edition, item code): item}`` of the shared items (one query)."""
    return {
        (item.standard.code, item.standard.edition, item.code): item
        for item in ChecklistItem.objects.filter(site__isnull=True).select_related("standard")
    }


def child_of_type(builder, home, model, slug, title, **fields):
    """The section of ``model`` under ``home`` (the other demo modules usually made it), else a new one."""
    existing = model.objects.child_of(home).first()
    return existing or builder.page(home, model, slug=slug, title=title, **fields)


def build_compliance_demo(builder, home, site):
    """Current-year evidence for every checklist item, manual evidence, and the public ITA/OIT index.

    It completes what the category demos publish: ``content.DEMO_STEPS`` runs it after them, and the
    e-Service step after it (to give its two e-Service pages their forms).
    """
    year = current_fiscal_year()
    items = items_by_key()
    office = builder.row(
        InformationSource,
        {"site": site, "name": "สำนักปลัดเทศบาล"},
        {"kind": SourceKind.DEPARTMENT, "phone": "0 9999 0000", "email": "saraban@bansuandokmai.example"},
    )
    finance = builder.row(
        InformationSource,
        {"site": site, "name": "กองคลัง"},
        {"kind": SourceKind.DEPARTMENT, "phone": "0 9999 0000", "email": "saraban@bansuandokmai.example"},
    )
    context = {
        "builder": builder,
        "home": home,
        "year": year,
        "items": items,
        "office": office,
        "finance": finance,
    }
    _plans(**context)
    _news_and_procurement(**context)
    _public_info(**context)
    _statistics(**context)
    _eservices(**context)
    _gazette_notices(**context)
    _tick_vision_and_mission(**context)
    _job_notice(**context)
    _manual_evidence(builder, site, items, role_people(site)[Role.WEBMASTER])
    builder.page(
        home,
        ItaIndexPage,
        slug="ita",
        title="การเปิดเผยข้อมูลสาธารณะ (ITA/OIT)",
        intro="<p>ข้อมูลตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ของการประเมินคุณธรรมและความโปร่งใส "
        "ในการดำเนินงานของหน่วยงานภาครัฐ ปรับปรุงอัตโนมัติตามข้อมูลที่เผยแพร่บนเว็บไซต์</p>",
        show_in_menus=True,
        source_organisation=office,
        responsible_department=office,
    )


def metadata(year, department, offset=0):
    start, end = fiscal_year_bounds(year + offset)
    return {
        "fiscal_year": year + offset,
        "data_period_start": start,
        "data_period_end": end,
        "source_organisation": department,
        "responsible_department": department,
        "contact": f"{department.name} โทร 0 9999 0000",
    }


def _plans(builder, home, year, items, office, finance):
    agency = child_of_type(builder, home, AgencyIndexPage, "agency", "ข้อมูลหน่วยงาน")
    plans = [
        ("action-plan", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {year}", PlanKind.ACTION_PLAN, office, 0),
        (
            "procurement-plan",
            "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {year}",
            PlanKind.PROCUREMENT_PLAN,
            finance,
            0,
        ),
        (
            "report-6-months",
            "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน ปีงบประมาณ พ.ศ. {year}",
            PlanKind.SIX_MONTH_REPORT,
            office,
            0,
        ),
        (
            "annual-report",
            "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. {year}",
            PlanKind.ANNUAL_REPORT,
            office,
            -1,
        ),
    ]
    for stem, title, kind, department, offset in plans:
        slug = f"{stem}-{year + offset}"
        if agency.get_children().filter(slug=slug).exists():
            continue
        title = title.format(year=year + offset)
        document = demo_pdf(
            builder, f"{title} (ตัวอย่าง)", f"{slug}.pdf", [f"Demo document: {slug}", "Fictional."]
        )
        builder.page(
            agency,
            PlanDocumentPage,
            slug=slug,
            title=title,
            kind=kind,
            document=document,
            approved_on=timezone.localdate(),
            summary=f"<p>{title} ของเทศบาลตำบลบ้านสวนดอกไม้ (เอกสารตัวอย่าง)</p>",
            **metadata(year, department, offset),
        )


def _news_and_procurement(builder, home, year, items, office, finance):
    today = timezone.localdate()
    news_index = child_of_type(builder, home, NewsIndexPage, "news", "ข่าวประชาสัมพันธ์")
    builder.page(
        news_index,
        NewsPage,
        slug=f"community-forum-{year}",
        title=f"เทศบาลจัดเวทีประชาคมรับฟังความคิดเห็นเพื่อจัดทำแผนพัฒนาท้องถิ่น ปีงบประมาณ พ.ศ. {year}",
        kind=NewsKind.PR,
        news_date=today,
        summary="ประชาชนทุกหมู่บ้านร่วมเสนอโครงการและจัดลำดับความสำคัญของปัญหาในชุมชน",
        body=stream(
            paragraph(
                "<p>เทศบาลตำบลบ้านสวนดอกไม้จัดเวทีประชาคมเปิดโอกาสให้ประชาชน ผู้นำชุมชน และผู้มีส่วนได้ส่วนเสีย "
                "ร่วมแสดงความคิดเห็นต่อการจัดทำแผนพัฒนาท้องถิ่น (ข่าวสมมุติ)</p>"
            )
        ),
        checklist_items=[items[key] for key in ticks(ITA_2568, "O20") + ticks(ITA_2567, "O30")],
        **metadata(year, office),
    )
    announcements = child_of_type(builder, home, AnnouncementIndexPage, "announcements", "ประกาศ")
    procurement = {
        "source_organisation": finance,
        "source_text": "งานพัสดุและทรัพย์สิน",
        "responsible_department": finance,
        "contact": "งานพัสดุและทรัพย์สิน กองคลัง โทร 0 9999 0000",
        "announcement_date": today,
        "fiscal_year": year,
    }
    slug = f"office-supplies-{year}"
    if not announcements.get_children().filter(slug=slug).exists():
        notice = demo_pdf(builder, f"ประกาศจัดซื้อวัสดุสำนักงาน ปี {year} (ตัวอย่าง)", f"{slug}.pdf", ["Fictional."])
        purchase = builder.page(
            announcements,
            ProcurementAnnouncementPage,
            slug=slug,
            title=f"ประกาศจัดซื้อวัสดุสำนักงาน ประจำปีงบประมาณ พ.ศ. {year} โดยวิธีเฉพาะเจาะจง",
            method=ProcurementMethod.SPECIFIC,
            budget="48000.00",
            body=stream(paragraph("<p>จัดซื้อวัสดุสำนักงานสำหรับใช้ในราชการ (ประกาศสมมุติ)</p>")),
            documents=stream(downloads(notice)),
            **procurement,
        )
        builder.page(
            announcements,
            ProcurementResultPage,
            slug=f"{slug}-winner",
            title=f"ประกาศผลผู้ได้รับการคัดเลือก จัดซื้อวัสดุสำนักงาน ประจำปีงบประมาณ พ.ศ. {year}",
            procurement=purchase,
            winner="ร้านสวนดอกไม้พาณิชย์ (ชื่อสมมุติ)",
            price="47500.00",
            body=stream(paragraph("<p>ผู้ได้รับการคัดเลือกเสนอราคาต่ำสุดและมีคุณสมบัติครบถ้วน</p>")),
            documents=stream(downloads(notice)),
            **procurement,
        )
    for month in required_periods(today, 1):
        _monthly_summary(builder, announcements, month.start, procurement)


def _monthly_summary(builder, announcements, month_start, procurement):
    """The สขร.1 of one month, published when the month is over (every month so far is due)."""
    fiscal_year = fiscal_year_of(month_start)
    slug = f"summary-{fiscal_year}-{month_start.month:02d}"
    if announcements.get_children().filter(slug=slug).exists():
        return
    row = [
        "จัดซื้อวัสดุสำนักงาน",
        "48000.00",
        ProcurementMethod.SPECIFIC.value,
        "ร้านสวนดอกไม้พาณิชย์ (ชื่อสมมุติ)",
        "47500.00",
        "ราคาต่ำสุดและมีคุณสมบัติครบถ้วน",
        f"บส. {month_start.month}/{fiscal_year}",
    ]
    skr1 = demo_document(
        builder,
        f"แบบ สขร.1 เดือน {month_start.month:02d}/{fiscal_year} (ตัวอย่าง)",
        f"{slug}.xlsx",
        xlsx_bytes(
            ["งานที่จัดซื้อ", "วงเงิน", "วิธีซื้อ", "ผู้ได้รับการคัดเลือก", "ราคาที่ตกลง", "เหตุผล", "สัญญา"],
            [[row[0], 48000, row[2], row[3], 47500, row[5], row[6]]],
        ),
    )
    month_end = (month_start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    builder.page(
        announcements,
        ProcurementSummaryPage,
        slug=slug,
        title=f"สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน{thai_full_months[month_start.month - 1]} "
        f"{month_start.year + BE_OFFSET}",
        month=month_start.month,
        rows=stream(("row", dict(zip(SUMMARY_COLUMNS, row, strict=True)))),
        documents=stream(downloads(skr1)),
        **{
            **procurement,
            "fiscal_year": fiscal_year,
            "data_period_start": month_start,
            "data_period_end": month_end,
            "announcement_date": min(month_end + dt.timedelta(days=1), timezone.localdate()),
        },
    )


def _public_info(builder, home, year, items, office, finance):
    centre = child_of_type(builder, home, PublicInfoIndexPage, "information-centre", "ศูนย์ข้อมูลข่าวสาร")
    for stem, section, title, offset, ticked in PUBLIC_INFO:
        dated = "{year}" in title
        slug = f"{stem}-{year + offset}" if dated else stem
        if centre.get_children().filter(slug=slug).exists():
            continue
        title = title.format(year=year + offset)
        document = demo_pdf(
            builder, f"{title} (ตัวอย่าง)", f"{slug}.pdf", [f"Demo document: {slug}", "Fictional."]
        )
        builder.page(
            centre,
            PublicInfoPage,
            slug=slug,
            title=title,
            oia_section=section,
            body=stream(paragraph(f"<p>{title} ของเทศบาลตำบลบ้านสวนดอกไม้ (เอกสารตัวอย่าง ข้อมูลสมมุติ)</p>")),
            documents=stream(("document", {"document": document.pk, "description": "ฉบับลงนาม"})),
            checklist_items=[items[key] for key in ticked],
            **metadata(year, office, offset),
        )


def _statistics(builder, home, year, items, office, finance):
    knowledge = child_of_type(builder, home, KnowledgeIndexPage, "knowledge", "คลังความรู้")
    for stem, title, rows, ticked in STATISTICS:
        slug = f"{stem}-{year}"
        if knowledge.get_children().filter(slug=slug).exists():
            continue
        title = title.format(year=year)
        workbook = demo_document(
            builder, f"{title} (ตัวอย่าง)", f"{slug}.xlsx", xlsx_bytes(["รายการ", "จำนวน"], rows)
        )
        builder.page(
            knowledge,
            KnowledgePage,
            slug=slug,
            title=title,
            kind=KnowledgeKind.STATISTICS,
            source_datetime=timezone.now(),
            summary=title,
            body=stream(paragraph(f"<p>{title} (ข้อมูลสมมุติ)</p>"), downloads(workbook)),
            checklist_items=[items[key] for key in ticked],
            **metadata(year, office),
        )
    builder.page(
        knowledge,
        KnowledgePage,
        slug=f"satisfaction-research-{year}",
        title=f"งานวิจัยความพึงพอใจของประชาชนต่อการให้บริการ ประจำปีงบประมาณ พ.ศ. {year}",
        kind=KnowledgeKind.RESEARCH,
        source_datetime=timezone.now(),
        summary="ผลการสำรวจความพึงพอใจโดยสถาบันการศึกษาในพื้นที่ (ข้อมูลสมมุติ)",
        body=stream(
            paragraph("<p>ความพึงพอใจเฉลี่ยร้อยละ 91.2 ในด้านกระบวนการ เจ้าหน้าที่ และสิ่งอำนวยความสะดวก (ข้อมูลสมมุติ)</p>")
        ),
        checklist_items=[items[key] for key in ticks(ITA_2567, "O17") + ticks(OIA_S9_8, "s9(8)-TR-2.4")],
        **metadata(year, office),
    )
    builder.page(
        knowledge,
        KnowledgePage,
        slug="faq",
        title="คำถามที่พบบ่อย (FAQ)",
        kind=KnowledgeKind.ARTICLE,
        source_datetime=timezone.now(),
        summary="คำถามที่ประชาชนถามบ่อยเกี่ยวกับบริการของเทศบาล พร้อมคำตอบ",
        body=stream(
            paragraph(
                "<p><b>ชำระภาษีที่ดินได้ที่ไหน</b> ที่กองคลังในวันและเวลาราชการ หรือผ่านช่องทางออนไลน์</p>"
                "<p><b>ขอสูบสิ่งปฏิกูลอย่างไร</b> ยื่นคำขอผ่านบริการออนไลน์ของเทศบาลได้ตลอด 24 ชั่วโมง</p>"
            )
        ),
        checklist_items=[items[key] for key in ticks(GWS, "GWS-B15")],
        source_organisation=office,
        responsible_department=office,
    )


def _eservices(builder, home, year, items, office, finance):
    index = child_of_type(builder, home, EServiceIndexPage, "e-services", "บริการออนไลน์ (e-Service)")
    services = [
        (
            "questions-and-answers",
            "ถาม–ตอบ (Q&A)",
            EServiceKind.INFORMATION_REQUEST,
            "<p>ส่งคำถามถึงเทศบาล เจ้าหน้าที่ตอบกลับทางอีเมลหรือโทรศัพท์</p>",
            ticks(GWS, "GWS-I01") + ticks(ITA_2567, "O8"),
        ),
        (
            "corruption-report",
            "แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
            EServiceKind.COMPLAINT,
            "<p>แจ้งเบาะแสการทุจริตหรือการประพฤติมิชอบของเจ้าหน้าที่ ข้อมูลผู้แจ้งถือเป็นความลับ</p>",
            ticks(ITA_2568, "O18") + ticks(ITA_2567, "O28"),
        ),
    ]
    for slug, title, kind, intro, ticked in services:
        builder.page(
            index,
            EServicePage,
            slug=slug,
            title=title,
            service_kind=kind,
            responsible_unit="สำนักปลัดเทศบาล",
            promised_days=15,
            intro=intro,
            checklist_items=[items[key] for key in ticked],
            source_organisation=office,
            responsible_department=office,
        )


def _gazette_notices(builder, home, year, items, office, finance):
    laws = child_of_type(builder, home, LawIndexPage, "laws", "กฎหมายและระเบียบ")
    for slug, title, ticked, citation in GAZETTE_NOTICES:
        if laws.get_children().filter(slug=slug).exists():
            continue
        builder.page(
            laws,
            LawPage,
            slug=slug,
            title=title,
            kind=LawKind.ANNOUNCEMENT,
            issuing_authority="นายกเทศมนตรีตำบลบ้านสวนดอกไม้",
            source_reference=citation,
            source_url=f"https://ratchakitcha.soc.go.th/documents/demo-{slug}.pdf",
            enacted_on=timezone.localdate(),
            summary=f"<p>{title} (ตัวอย่าง ข้อมูลสมมุติ)</p>",
            checklist_items=[items[key] for key in ticked],
            source_organisation=office,
            responsible_department=office,
        )


def _tick_vision_and_mission(builder, home, year, items, office, finance):
    """The agency demo's "vision and mission" page also states the missions: its editor ticks the mission
    parts of GWS-B02 and GWS-B06 in the Metadata tab (a new revision, certified like any other)."""
    page = AgencyInfoPage.objects.descendant_of(home).filter(kind=AgencyInfoKind.VISION).first()
    wanted = [items[key] for key in ticks(GWS, "GWS-B02.2", "GWS-B06.1")]
    if page is None or set(wanted) <= set(page.checklist_items.all()):
        return
    page.checklist_items.add(*wanted)
    page.save_revision().publish()
    builder.created += 1


def _job_notice(builder, home, year, items, office, finance):
    """A recruitment notice of this fiscal year, still open (s.9(8) transparency criteria, item 5 (1))."""
    announcements = child_of_type(builder, home, AnnouncementIndexPage, "announcements", "ประกาศ")
    slug = f"job-{year}-01"
    if announcements.get_children().filter(slug=slug).exists():
        return
    today = timezone.localdate()
    notice = demo_pdf(
        builder,
        f"ประกาศรับสมัครพนักงานจ้าง ปีงบประมาณ {year} (ตัวอย่าง)",
        f"{slug}.pdf",
        [f"Recruitment of contract employees, fiscal year {year} (fictional)"],
    )
    builder.page(
        announcements,
        JobAnnouncementPage,
        slug=slug,
        title=f"ประกาศรับสมัครบุคคลเพื่อสรรหาและเลือกสรรเป็นพนักงานจ้าง ประจำปีงบประมาณ พ.ศ. {year}",
        announcement_date=today,
        fiscal_year=year,
        positions="ผู้ช่วยนักวิชาการเงินและบัญชี (พนักงานจ้างตามภารกิจ) 1 อัตรา",
        application_start=today,
        application_end=today + dt.timedelta(days=14),
        body=stream(paragraph("<p>ผู้สนใจยื่นใบสมัครที่งานการเจ้าหน้าที่ สำนักปลัดเทศบาล (ประกาศสมมุติ)</p>")),
        documents=stream(downloads(notice)),
        source_organisation=office,
        source_text="งานการเจ้าหน้าที่",
        responsible_department=office,
        contact="งานการเจ้าหน้าที่ สำนักปลัดเทศบาล โทร 0 9999 0000",
    )


def _manual_evidence(builder, site, items, webmaster):
    for code, title, note in MANUAL:
        item = items[(*GWS, code)]
        if ManualEvidence.objects.filter(site=site, item=item).exists():
            continue
        filename = f"evidence-{code.lower().replace('.', '-')}.pdf"
        document = demo_pdf(builder, f"{title} (ตัวอย่าง)", filename, [f"Demo evidence: {code}", "Fictional."])
        builder.row(
            ManualEvidence,
            {"site": site, "item": item},
            {"title": title, "note": note, "document": document, "recorded_by": webmaster},
        )
