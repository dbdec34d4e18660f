"""What ``thgov_municipality`` does: make a site of an installed project a municipality's site.

1. adopt the site's root if it is a municipality home page already, or the home page an earlier run
   created; otherwise create one at the top of the page tree;
2. give it the index page of each publishing category (§1.1–§1.10) that it lacks, shown in menus;
3. make it the site's root, and say what happens to the old root and its pages (they stay in the page
   tree, no longer served by this site); ``move_children`` moves the old root's pages under the new home;
4. run the setup (groups, workflow and permissions on the new root, schedules, standards).

Safe to run again: a second run adopts what the first made and changes nothing.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from ..eservice.pages import EServiceIndexPage
from ..installation import run_setup
from ..pages.agency import AgencyIndexPage
from ..pages.home import MunicipalityHomePage
from ..pages.knowledge import KnowledgeIndexPage
from ..pages.law import LawIndexPage
from ..pages.links import RelatedLinksPage
from ..pages.manuals import CitizenManualIndexPage, OperatingManualIndexPage
from ..pages.news import AnnouncementIndexPage, NewsIndexPage
from ..pages.public_info import PublicInfoIndexPage
from ..site_settings.models import MunicipalitySettings
from ..stats.pages import SatisfactionSurveyPage, StatisticsPage
from .bilingual import thai_and_english

HOME_SLUG = "municipality"


@dataclass(frozen=True)
class Section:
    """The index page of a publishing category, as the command creates it."""

    category: str
    model: type
    slug: str
    title: str


# The demo's titles and slugs: the ten categories (1.8 has news and announcements, 1.10 statistics and
# the satisfaction survey), in menu order.
SECTIONS = (
    Section("1.1", AgencyIndexPage, "agency", "ข้อมูลหน่วยงาน"),
    Section("1.2", LawIndexPage, "laws", "กฎหมาย ระเบียบ ข้อบังคับ"),
    Section("1.3", KnowledgeIndexPage, "knowledge", "คลังความรู้"),
    Section("1.4", RelatedLinksPage, "related-websites", "เว็บไซต์ที่เกี่ยวข้อง"),
    Section("1.5", PublicInfoIndexPage, "information-centre", "ศูนย์ข้อมูลข่าวสาร"),
    Section("1.6", OperatingManualIndexPage, "operating-manuals", "คู่มือการปฏิบัติงาน"),
    Section("1.7", CitizenManualIndexPage, "citizen-manuals", "คู่มือสำหรับประชาชน"),
    Section("1.8", NewsIndexPage, "news", "ข่าวประชาสัมพันธ์"),
    Section("1.8", AnnouncementIndexPage, "announcements", "ประกาศ"),
    Section("1.9", EServiceIndexPage, "e-services", "บริการออนไลน์ (e-Service)"),
    Section("1.10", StatisticsPage, "statistics", "สถิติผู้เข้าชมเว็บไซต์"),
    Section("1.10", SatisfactionSurveyPage, "satisfaction-survey", "แบบสำรวจความพึงพอใจ"),
)


class MunicipalityError(Exception):
    """A reason the command cannot go on, in Thai and English."""


@dataclass
class Outcome:
    """What a run did, for the command to print and tests to read."""

    site: Site
    home: Page
    messages: list[str] = field(default_factory=list)
    changed: int = 0

    def say(self, message, **params):
        self.messages.append(thai_and_english(message, **params))


def find_site(spec: str | None) -> Site:
    """The site named by ``spec`` (its id, hostname or hostname:port), or the default site."""
    sites = Site.objects.select_related("root_page")
    if not spec:
        site = sites.filter(is_default_site=True).first() or (sites.first() if sites.count() == 1 else None)
        if site is None:
            raise MunicipalityError(
                thai_and_english(_("There is no default site: name one with --site (id or hostname)."))
            )
        return site
    hostname, _sep, port = spec.partition(":")
    matches = sites.filter(pk=int(spec)) if spec.isdigit() else sites.filter(hostname=hostname)
    if port:
        matches = matches.filter(port=int(port)) if port.isdigit() else matches.none()
    found = list(matches[:2])
    if len(found) != 1:
        reason = (
            _("No site matches %(spec)s.") if not found else _("Several sites match %(spec)s: add the port.")
        )
        raise MunicipalityError(thai_and_english(reason, spec=spec))
    return found[0]


def _publish(parent, page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _home_page(site, name, slug) -> tuple[MunicipalityHomePage, bool]:
    """The municipality home page to use for ``site``, and whether it was created now."""
    root = site.root_page.specific
    if isinstance(root, MunicipalityHomePage):
        return root, False
    top = Page.get_first_root_node()
    existing = top.get_children().filter(slug=slug).first()
    if existing is not None:
        existing = existing.specific
        if not isinstance(existing, MunicipalityHomePage):
            raise MunicipalityError(
                thai_and_english(
                    _(
                        "The page %(title)s already uses the address %(slug)s at the top of the page tree: "
                        "choose another one with --slug."
                    ),
                    title=existing.title,
                    slug=slug,
                )
            )
        if Site.objects.filter(root_page=existing).exclude(pk=site.pk).exists():
            raise MunicipalityError(
                thai_and_english(
                    _("The page %(title)s is the root of another site: choose another --slug."),
                    title=existing.title,
                )
            )
        return existing, False
    return _publish(top, MunicipalityHomePage(title=name, slug=slug)), True


def build_municipality(site, name=None, slug=HOME_SLUG, move_children=False) -> Outcome:
    """Turn ``site`` into a municipality's site (see the module's docstring); return what happened."""
    name = name or site.site_name or getattr(settings, "WAGTAIL_SITE_NAME", "") or site.hostname
    with transaction.atomic():
        home, created = _home_page(site, name, slug)
        outcome = Outcome(site=site, home=home)
        if created:
            outcome.changed += 1
            outcome.say(_("Created the municipality home page %(title)s."), title=home.title)
        else:
            outcome.say(_("Using the municipality home page %(title)s."), title=home.title)
        outcome.changed += _add_sections(home, outcome)
        old_root = site.root_page
        if old_root.pk != home.pk:
            outcome.changed += _make_root(site, home, old_root, move_children, outcome)
        settings_row, _created = MunicipalitySettings.objects.get_or_create(site=site)
        if not settings_row.name_th:
            settings_row.name_th = home.title
            settings_row.save(update_fields=["name_th"])
            outcome.changed += 1
        outcome.changed += run_setup(lambda message: None)
    outcome.say(_("Next: fill in Settings → Municipality, create the users and add them to the role groups."))
    return outcome


def _add_sections(home, outcome) -> int:
    have = {page.specific_class for page in home.get_children()}
    taken = set(home.get_children().values_list("slug", flat=True))
    created = 0
    for section in SECTIONS:
        if section.model in have:
            continue
        if section.slug in taken:
            outcome.say(
                _("Skipped the section %(title)s: a page below the home page already uses %(slug)s."),
                title=section.title,
                slug=section.slug,
            )
            continue
        _publish(home, section.model(title=section.title, slug=section.slug, show_in_menus=True))
        created += 1
        outcome.say(
            _("Created the section %(category)s %(title)s (shown in menus)."),
            category=section.category,
            title=section.title,
        )
    return created


def _make_root(site, home, old_root, move_children, outcome) -> int:
    children = list(old_root.get_children().specific())
    site.root_page = home
    site.save()  # the workflow and the role groups' permissions follow (roots.follow_site_root)
    outcome.say(
        _(
            "The site %(site)s now starts at %(title)s; the old root page %(old)s (id %(id)s) stays in the page tree."
        ),
        site=site.hostname,
        title=home.title,
        old=old_root.title,
        id=old_root.pk,
    )
    if not move_children:
        if children:
            outcome.say(
                _(
                    "The %(count)s pages below %(old)s are no longer served by this site: move them in the "
                    "admin, or run the command again with --move-children."
                ),
                count=len(children),
                old=old_root.title,
            )
        return 1
    taken = set(home.get_children().values_list("slug", flat=True))
    moved = 0
    for child in children:
        if child.slug in taken:
            outcome.say(
                _("Not moved: %(title)s (the address %(slug)s is already used below the home page)."),
                title=child.title,
                slug=child.slug,
            )
            continue
        child.move(home, pos="last-child")
        moved += 1
    outcome.say(_("Moved %(count)s pages from %(old)s below the home page."), count=moved, old=old_root.title)
    return 1 + moved
