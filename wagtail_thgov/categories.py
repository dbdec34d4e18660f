"""The ten publishing categories of the guideline (§1.1–§1.10), as data.

Every thgov page type names its category with ``thgov_category = "1.8"``; reports, the inventory,
search filters and the compliance checklist read the category from there.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Category:
    """One publishing category: its code, Thai name, English name and what belongs in it."""

    code: str
    name_th: str
    name: Promise  # translated English name
    description: Promise

    def __str__(self):
        return f"{self.code} {self.name}"


CATEGORIES = (
    Category(
        "1.1",
        "ข้อมูลหน่วยงาน",
        _("Agency information"),
        _("History, vision, mission, powers and duties, structure, executives, plans, budget and reports."),
    ),
    Category(
        "1.2",
        "กฎหมาย ระเบียบ ข้อบังคับ",
        _("Laws, regulations and bylaws"),
        _("Acts, regulations, bylaws, announcements and orders, each with its source."),
    ),
    Category(
        "1.3",
        "คลังความรู้",
        _("Knowledge base"),
        _("Infographics, multimedia, articles, research and statistics, with source and date."),
    ),
    Category("1.4", "เว็บไซต์ที่เกี่ยวข้อง", _("Related websites"), _("Links to related agencies and websites.")),
    Category(
        "1.5",
        "ข้อมูลข่าวสารเพื่อการตรวจดู",
        _("Information for public inspection"),
        _("Official information under the Official Information Act s.7 and s.9 and GWS 2.0."),
    ),
    Category(
        "1.6",
        "คู่มือการปฏิบัติงาน",
        _("Operating manuals"),
        _("Standard operating procedures with steps and their durations."),
    ),
    Category(
        "1.7",
        "คู่มือประชาชนและแบบฟอร์ม",
        _("Citizen's manuals and forms"),
        _("Citizen's manuals under the Licensing Facilitation Act and downloadable forms."),
    ),
    Category(
        "1.8",
        "ข่าวสารและประกาศ",
        _("News and announcements"),
        _("News, activity photos, alerts, job recruitment, procurement announcements and results."),
    ),
    Category("1.9", "บริการอิเล็กทรอนิกส์", _("e-Services"), _("Two-way online services for citizens.")),
    Category(
        "1.10",
        "สถิติผู้เข้าชมและความพึงพอใจ",
        _("Visitor statistics and satisfaction"),
        _("Visitor statistics, satisfaction levels and the satisfaction survey."),
    ),
)

CATEGORIES_BY_CODE = {category.code: category for category in CATEGORIES}
CATEGORY_CHOICES = [(category.code, f"{category.code} {category.name_th}") for category in CATEGORIES]


def get_category(code: str) -> Category:
    """The category with ``code`` (``"1.1"`` … ``"1.10"``); ``KeyError`` for an unknown code."""
    return CATEGORIES_BY_CODE[code]


def category_of(page_or_model) -> Category | None:
    """The category a page type (or page) belongs to, or ``None`` for pages outside the ten."""
    code = getattr(page_or_model, "thgov_category", None)
    return CATEGORIES_BY_CODE.get(code) if code else None
