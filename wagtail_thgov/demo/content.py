"""The demo municipality: เทศบาลตำบลบ้านสวนดอกไม้ (fictional), its settings and its pages."""

from decimal import Decimal

from wagtail.models import Page

from ..installation import run_setup
from ..pages.home import MunicipalityHomePage, SiteMapPage
from ..site_settings.models import MunicipalitySettings, MunicipalityType, SocialLink
from ..sitefiles.libraries import site_collection
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
    for extend in DEMO_EXTENSIONS:
        extend(builder, home, site)
    # Last: every page the extensions published goes through the real workflow to be certified.
    certify_demo_pages(builder, home, site)
    return builder.created


# Later subpackages append callables ``(builder, home, site)`` that add their demo content.
DEMO_EXTENSIONS = []
from ..compliance import demo as compliance_demo  # noqa: E402,F401  (registers the compliance demo)
from ..stats import demo as stats_demo  # noqa: E402,F401  (registers the visitor statistics demo)
from . import (  # noqa: E402,F401  (register the demo of categories 1.6–1.10)
    agency,  # noqa: E402,F401  (registers the demo of categories 1.1–1.5)
    manuals,
    news,
)

# --- satisfaction survey demo (issue 7): after the services demo, which makes the survey page --------
DEMO_EXTENSIONS.append(stats_demo.build_survey_demo)

# isort: off
# e-Service forms and requests: registered after ``manuals``, whose demo creates the e-Service pages.
from ..eservice import demo as eservice_demo  # noqa: E402,F401
# isort: on
