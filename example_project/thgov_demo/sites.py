"""Many fictional municipalities on one installation: ``thgov_demo_sites N``.

Each one is a separate Wagtail ``Site`` (``m001.localhost``, ``m002.localhost``, …) with its own home
page, municipality settings, role groups and workflow (the per-site setup step of ``thgov_setup``),
three users (uploader, webmaster, approver of that site only) and a light content set: a news index
with two news items, a citizen's manual index with one manual, a site map, and thirty days of visitor
statistics with a few satisfaction ratings. ``full=True`` builds the complete demo content instead
(about 15 s a site, against well under a second for the light set). Idempotent like every demo builder.
"""

import datetime as dt
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from wagtail_thgov.installation import run_setup
from wagtail_thgov.pages.home import MunicipalityHomePage, SiteMapPage
from wagtail_thgov.pages.manuals import CitizenManualIndexPage, CitizenManualPage, ServiceCategory
from wagtail_thgov.pages.news import NewsIndexPage, NewsKind, NewsPage
from wagtail_thgov.site_settings.models import MunicipalitySettings, MunicipalityType
from wagtail_thgov.sitefiles.libraries import site_collection
from wagtail_thgov.stats.models import PageViewDay, SatisfactionRating, SiteVisitDay
from wagtail_thgov.workflows.roles import Role
from wagtail_thgov.workflows.setup import role_group, setup_site_workflow

from .builder import DemoBuilder
from .content import DEMO_STEPS
from .manuals import SERVICE_HOURS, document_row, steps
from .news import department

# Fictional place names, combined with the site number so every municipality has its own name.
PLACES = ["บ้านนาดี", "หนองบัวทอง", "ดอนตะวัน", "ห้วยน้ำใส", "โคกสะอาด", "ท่าข้าวเปลือก", "บางน้ำเย็", "เขาแก้ว"]
ROLES = [("uploader", Role.UPLOADER), ("webmaster", Role.WEBMASTER), ("approver", Role.APPROVER)]


def site_code(number: int) -> str:
    """``m001`` for site 1: the hostname label and the prefix of the site's usernames."""
    return f"m{number:03d}"


def municipality_name(number: int) -> str:
    return f"เทศบาลตำบล{PLACES[(number - 1) % len(PLACES)]} {number:03d} (ตัวอย่าง)"


def build_demo_sites(
    count,
    write=lambda message: None,
    domain="localhost",
    port=80,
    full=False,
    users=True,
    password="thgov-demo",
) -> dict:
    """Create (or complete) municipalities 1..count; return ``{"created": n, "sites": [Site, …]}``."""
    builder = DemoBuilder(write)
    password_hash = make_password(password) if users else None  # hashed once: 3×N users stay fast
    sites = []
    for number in range(1, count + 1):
        with transaction.atomic():
            site = _build_site(builder, number, domain, port, full)
            if users:
                _ensure_users(builder, site, site_code(number), domain, password_hash)
        sites.append(site)
        write(f"{site.hostname}: {site.site_name}")
    # The installation-wide steps (expiry defaults, schedules, standards) and any site still missing a step.
    builder.created += run_setup(write)
    return {"created": builder.created, "sites": sites}


def _build_site(builder, number, domain, port, full):
    code = site_code(number)
    hostname = f"{code}.{domain}"
    name = municipality_name(number)
    root = Page.get_first_root_node()
    home = builder.page(
        root,
        MunicipalityHomePage,
        slug=f"demo-{code}",
        title=name,
        intro=f"<p>ยินดีต้อนรับสู่เว็บไซต์{name} (เว็บไซต์ตัวอย่าง ข้อมูลทั้งหมดเป็นข้อมูลสมมุติ)</p>",
    )
    site = builder.site_for(home, hostname, port, name, is_default=False)
    settings, _ = MunicipalitySettings.objects.get_or_create(site=site)
    if not settings.name_th:
        settings.name_th = name
        settings.name_en = f"Demo Municipality {number:03d} (fictional)"
        settings.municipality_type = MunicipalityType.SUBDISTRICT_MUNICIPALITY
        settings.address = f"{number} หมู่ 1 ตำบล{PLACES[(number - 1) % len(PLACES)]} จังหวัดสมมุติ 99999"
        settings.phone = f"0 9999 {number:04d}"
        settings.email = f"saraban@{code}.example"
        settings.office_hours = "วันจันทร์–วันศุกร์ 08:30–16:30 น. (เว้นวันหยุดราชการ)"
        settings.save()
        builder.created += 1
    builder.page(home, SiteMapPage, slug="site-map", title="แผนผังเว็บไซต์")
    # Roles and workflow of this site only (the per-site part of thgov_setup), before any content.
    builder.created += setup_site_workflow(site, builder.write)
    builder.collection = site_collection(site)  # the site's demo files go into its own library
    if full:
        for step in DEMO_STEPS:
            step(builder, home, site)
    else:
        _light_content(builder, home, site, name)
    return site


def _stream(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks], ensure_ascii=False)


def _light_content(builder, home, site, name):
    office = department(builder, site, "สำนักปลัดเทศบาล")
    common = {"source_organisation": office, "responsible_department": office, "source_text": "งานประชาสัมพันธ์"}
    news = builder.page(
        home,
        NewsIndexPage,
        slug="news",
        title="ข่าวประชาสัมพันธ์",
        show_in_menus=True,
        intro=f"<p>ข่าวประชาสัมพันธ์ของ{name}</p>",
    )
    builder.page(
        news,
        NewsPage,
        slug="land-tax",
        title="ขอเชิญชวนชำระภาษีที่ดินและสิ่งปลูกสร้าง",
        kind=NewsKind.PR,
        news_date=dt.date(2025, 2, 3),
        summary="ชำระได้ที่กองคลัง สำนักงานเทศบาล ภายในวันที่ 30 เมษายน",
        body=_stream(("paragraph", f"<p>{name}ขอเชิญชวนเจ้าของที่ดินและสิ่งปลูกสร้างชำระภาษีประจำปี</p>")),
        **common,
    )
    builder.page(
        news,
        NewsPage,
        slug="flood-alert",
        title="แจ้งเตือนสถานการณ์น้ำ (ข่าวสมมุติ)",
        kind=NewsKind.ALERT,
        news_date=dt.date(2025, 9, 1),
        summary="ขอให้ประชาชนริมลำน้ำเฝ้าระวังระดับน้ำ",
        body=_stream(("paragraph", "<p>ขอให้ประชาชนที่อาศัยริมลำน้ำติดตามประกาศของเทศบาลอย่างใกล้ชิด</p>")),
        **common,
    )
    manuals = builder.page(
        home,
        CitizenManualIndexPage,
        slug="citizen-manuals",
        title="คู่มือสำหรับประชาชน",
        show_in_menus=True,
        intro="<p>คู่มือสำหรับประชาชนตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558</p>",
    )
    builder.page(
        manuals,
        CitizenManualPage,
        slug="elderly-allowance",
        title="การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ",
        responsible_unit="งานพัฒนาชุมชนและสวัสดิการสังคม สำนักปลัดเทศบาล",
        central_agency="กรมส่งเสริมการปกครองท้องถิ่น",
        service_category=ServiceCategory.WELFARE,
        legal_basis="ระเบียบกระทรวงมหาดไทยว่าด้วยหลักเกณฑ์การจ่ายเงินเบี้ยยังชีพผู้สูงอายุขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2552",
        criteria="<ul><li>มีสัญชาติไทยและมีภูมิลำเนาอยู่ในเขตเทศบาล</li><li>มีอายุหกสิบปีบริบูรณ์ขึ้นไป</li></ul>",
        channels=_stream(
            ("channel", {"place": "งานพัฒนาชุมชน สำนักงานเทศบาล ชั้น 1", "hours": SERVICE_HOURS, "note": ""})
        ),
        process=_stream(
            steps(
                "",
                ("ยื่นคำขอและตรวจสอบเอกสาร", "งานพัฒนาชุมชน", 15, "minutes"),
                ("พิจารณาและแจ้งผลการลงทะเบียน", "ปลัดเทศบาล", 1, "working_days"),
            )
        ),
        required_documents=_stream(document_row("บัตรประจำตัวประชาชน", "กรมการปกครอง", 1, 1)),
        free_of_charge=True,
        complaint_channels="<p>ศูนย์ดำรงธรรมจังหวัด สายด่วน 1567</p>",
        source_organisation=office,
        responsible_department=office,
        contact="งานพัฒนาชุมชน สำนักปลัดเทศบาล",
        data_period_start=dt.date(2024, 10, 1),
        data_period_end=dt.date(2025, 9, 30),
        fiscal_year=2568,
    )
    _light_statistics(builder, home, site)


def _light_statistics(builder, home, site):
    """Thirty days of views of the home page and three ratings, in three bulk inserts, once."""
    if SiteVisitDay.objects.filter(site=site).exists():
        return
    today = timezone.localdate()
    days = [today - dt.timedelta(days=offset + 1) for offset in range(30)]
    views = [20 + (site.pk * 7 + offset * 5) % 30 for offset in range(30)]
    PageViewDay.objects.bulk_create(
        PageViewDay(site=site, page=home, date=day, views=count)
        for day, count in zip(days, views, strict=True)
    )
    SiteVisitDay.objects.bulk_create(
        SiteVisitDay(site=site, date=day, views=count, uniques=max(1, count // 3))
        for day, count in zip(days, views, strict=True)
    )
    SatisfactionRating.objects.bulk_create(
        SatisfactionRating(
            site=site,
            page=None,
            date=days[n],
            visitor_hash=f"demo-{site.pk}-{n}",
            rating=rating,
            comment=comment,
        )
        for n, (rating, comment) in enumerate([(5, "ข้อมูลครบถ้วน"), (4, ""), (3, "อยากให้มีข่าวมากกว่านี้")])
    )
    builder.created += 63


def _ensure_users(builder, site, code, domain, password_hash):
    """``m001-uploader``, ``m001-webmaster``, ``m001-approver``: members of that site's role groups only."""
    User = get_user_model()
    for suffix, role in ROLES:
        username = f"{code}-{suffix}"
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create(
            username=username,
            email=f"{suffix}@{code}.example",
            password=password_hash,
            first_name=suffix.capitalize(),
            last_name=f"({code})",
        )
        user.groups.add(role_group(site, role))
        builder.created += 1
