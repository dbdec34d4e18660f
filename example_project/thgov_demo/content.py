"""The demo municipality: เทศบาลตำบลบ้านสวนดอกไม้ (fictional), its settings and its pages."""

from decimal import Decimal

from wagtail.models import Page

from wagtail_thgov.installation import run_setup
from wagtail_thgov.pages.home import MunicipalityHomePage, SiteMapPage
from wagtail_thgov.site_settings.models import MunicipalitySettings, MunicipalityType, SocialLink
from wagtail_thgov.sitefiles.libraries import site_collection

from . import agency, compliance, eservice, manuals, news, opendata, stats
from .builder import DemoBuilder
from .certify import certify_demo_pages

MUNICIPALITY = {
    "name_th": "เทศบาลตำบลบ้านสวนดอกไม้",
    "name_en": "Ban Suan Dok Mai Subdistrict Municipality",
    "municipality_type": MunicipalityType.SUBDISTRICT_MUNICIPALITY,
    "address": "99 หมู่ 1 ตำบลบ้านสวนดอกไม้ อำเภอเมืองตัวอย่าง จังหวัดสมมุติ 99999",
    "phone": "0 9999 0000",
    "fax": "0 9999 0001",
    "email": "saraban@bansuandokmai.example",
    "office_hours": "วันจันทร์–วันศุกร์ 08:30–16:30 น. (เว้นวันหยุดราชการ)",
    "latitude": Decimal("18.000000"),
    "longitude": Decimal("99.000000"),
}
# What each capability adds to the demo, in the order it is built: a step may use what an earlier one
# published (the survey fills the survey page of the services demo; the compliance evidence ticks the
# pages of the categories and adds a few of its own, two of them e-Service pages; the e-Service step
# gives every e-Service page its form). Each is ``(builder, home, site)`` and creates only what is missing.
DEMO_STEPS = (
    stats.build_stats_demo,  # visitor statistics and ratings of the site
    agency.build_agency_demo,  # categories 1.1–1.5
    news.build_news_demo,  # category 1.8: news, job notices, procurement
    manuals.build_services_demo,  # categories 1.6, 1.7, 1.9, 1.10: manuals, e-Services, statistics
    stats.build_survey_demo,  # the satisfaction survey page made by the services demo
    compliance.build_compliance_demo,  # evidence for the checklist items the pages above do not cover
    opendata.build_opendata_demo,  # the catalogue's defaults; budget, procurement, statistics, plan as datasets
    eservice.build_eservice_demo,  # last: a form for every e-Service page, requests on the first of each kind
)
SOCIAL = [
    ("facebook", "https://www.facebook.com/bansuandokmai.example", "เพจเทศบาลตำบลบ้านสวนดอกไม้"),
    ("line", "https://line.me/R/ti/p/@bansuandokmai.example", "LINE Official"),
]


def build_demo(write=lambda message: None, hostname="localhost", port=80, is_default=True) -> int:
    """Build (or complete) the demo municipality; return how many objects were created."""
    builder = DemoBuilder(write)
    root = Page.get_first_root_node()
    home = builder.page(
        root,
        MunicipalityHomePage,
        slug=f"bansuandokmai-{hostname.replace('.', '-')}" if not is_default else "bansuandokmai",
        title=MUNICIPALITY["name_th"],
        intro="<p>ยินดีต้อนรับสู่เว็บไซต์เทศบาลตำบลบ้านสวนดอกไม้ (เว็บไซต์ตัวอย่าง ข้อมูลทั้งหมดเป็นข้อมูลสมมุติ)</p>",
    )
    site = builder.site_for(home, hostname, port, MUNICIPALITY["name_th"], is_default)
    settings = MunicipalitySettings.for_site(site)
    if not settings.name_th:
        for field, value in MUNICIPALITY.items():
            setattr(settings, field, value)
        for order, (platform, url, label) in enumerate(SOCIAL):
            settings.social_links.add(SocialLink(platform=platform, url=url, label=label, sort_order=order))
        settings.save()
        builder.created += 1
    builder.page(home, SiteMapPage, slug="site-map", title="แผนผังเว็บไซต์")
    # The site root changed: give it its roles and workflow before content is added.
    builder.created += run_setup(write)
    builder.collection = site_collection(site)
    for step in DEMO_STEPS:
        step(builder, home, site)
    # Last: every page the steps published goes through the real workflow to be certified.
    certify_demo_pages(builder, home, site)
    return builder.created
