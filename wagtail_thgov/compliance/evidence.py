"""Gather a site's evidence for checklist items, as a stream of ``evaluator.Evidence``.

Where evidence comes from:
1. pages of the types (and kinds) an item's ``satisfied_by`` names in its data file,
2. pages whose type declares the item in ``thgov_checklist_items`` (``"CODE"``, ``"STANDARD:CODE"``
   or ``"STANDARD:EDITION:CODE"``),
3. pages whose editors ticked the item in the Metadata tab (``checklist_items``),
4. manual evidence a webmaster recorded for the site (its link checked against the site's live pages),
5. features of the website, measured (``features.FEATURES``).

An item with parts gets no evidence of its own: its parts do (``evaluator`` combines them). Each page's
evidence carries the period its data covers (``PERIOD_FIELDS``, a monthly summary's month) and, for law
pages, whether it cites the Royal Gazette.

The number of queries does not depend on the number of pages: one per page type involved (rows are
streamed, certification is a subquery), plus one each for ticks, view restrictions, certifiers and
manual evidence, plus the feature checks. The publication date and the certification are those of the
metadata box: ``metadata.models.publication_date`` and ``workflows.certification`` (its subquery form).
"""

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.apps import apps
from django.db.models import CharField, Q, Value
from wagtail.models import Page, PageViewRestriction

from ..core.categories import page_types_of
from ..core.thai import fiscal_year_bounds, fiscal_year_of
from ..metadata.inventory import thgov_page_models
from ..metadata.models import publication_date
from ..workflows.certification import certifier_names, live_certification
from . import evaluator
from .features import FeatureContext, feature_evidence
from .models import ManualEvidence

RULE_KEYS = {"page_type", "category", "feature"}

# The dates a page's data covers, by page type; other pages use their data period (Metadata tab).
PERIOD_FIELDS = {
    "wagtail_thgov.JobAnnouncementPage": ("application_start", "application_end"),
}
DATA_PERIOD = ("data_period_start", "data_period_end")

# A citation of the Royal Gazette: "ราชกิจจานุเบกษา เล่ม 140 ตอนพิเศษ 5 ง หน้า 12", or its website.
GAZETTE_CITATION = re.compile(r"ราชกิจจานุเบกษา.*เล่ม\s*\d+.*ตอน.*หน้า\s*\d+|Royal Gazette.*\d+", re.IGNORECASE)
GAZETTE_HOST = "ratchakitcha.soc.go.th"


def cites_gazette(reference: str, url: str) -> bool:
    """Whether a law page says where the Royal Gazette published it: volume, section and page, or a link."""
    host = urlsplit(url or "").hostname or ""
    return (
        bool(GAZETTE_CITATION.search(reference or ""))
        or host == GAZETTE_HOST
        or host.endswith("." + GAZETTE_HOST)
    )


def month_period(fiscal_year, month):
    """The first and last day of ``month`` of a B.E. fiscal year (a monthly summary's period)."""
    if not (fiscal_year and month):
        return None, None
    start = fiscal_year_bounds(fiscal_year)[0]
    year = start.year if month >= 10 else start.year + 1
    first = start.replace(year=year, month=month)
    following = first.replace(year=year + (month == 12), month=month % 12 + 1)
    return first, following - dt.timedelta(days=1)


@dataclass(frozen=True)
class PageRule:
    """Pages of one type that serve an item: all of them, or those whose fields have given values."""

    item_pk: int
    filters: tuple[tuple[str, frozenset], ...] = ()

    def matches(self, row: dict) -> bool:
        return all(str(row[name]) in values for name, values in self.filters)


def rule_filters(rule: dict) -> tuple[tuple[str, frozenset], ...]:
    """``{"page_type": …, "kind": "a"}`` → ``(("kind", {"a"}),)``; a value may be a list."""
    filters = []
    for name, value in sorted(rule.items()):
        if name in RULE_KEYS:
            continue
        values = value if isinstance(value, list) else [value]
        filters.append((name, frozenset(str(v) for v in values)))
    return tuple(filters)


def declaration_matches(declaration: str, item) -> bool:
    """Whether a page type's ``thgov_checklist_items`` entry names ``item``."""
    parts = declaration.split(":")
    if len(parts) == 1:
        return item.code == parts[0]
    if len(parts) == 2:
        return (item.standard.code, item.code) == tuple(parts)
    return (item.standard.code, item.standard.edition, item.code) == tuple(parts)


@dataclass
class EvidencePlan:
    """Which page types and features to look at for a set of items."""

    page_rules: dict  # model -> [PageRule]
    features: dict  # feature name -> [item pk]


def plan_for(items: Iterable, models=None) -> EvidencePlan:
    """Resolve the items' default rules and the page types' declarations; no queries."""
    models = list(models if models is not None else thgov_page_models())
    items = list(items)
    page_rules = defaultdict(list)
    features = defaultdict(list)
    whole = {getattr(item, "parent_id", None) for item in items} - {None}
    for item in items:
        if item.pk in whole:
            continue  # met through its parts
        for rule in item.satisfied_by or []:
            if "feature" in rule:
                features[rule["feature"]].append(item.pk)
            elif "page_type" in rule:
                try:
                    model = apps.get_model(rule["page_type"])
                except (LookupError, ValueError):
                    continue  # a page type that is not installed satisfies nothing
                page_rules[model].append(PageRule(item.pk, rule_filters(rule)))
            elif "category" in rule:
                for model in page_types_of(rule["category"]):
                    if model in models:
                        page_rules[model].append(PageRule(item.pk, rule_filters(rule)))
        for model in models:
            if any(declaration_matches(entry, item) for entry in model.thgov_checklist_items):
                page_rules[model].append(PageRule(item.pk))
    return EvidencePlan(dict(page_rules), dict(features))


def ticked_items(root, item_pks: set, models=None) -> dict:
    """``{model: {page pk: [item pk, …]}}`` of items ticked on pages under ``root``, in one query."""
    querysets = []
    by_label = {}
    for model in models if models is not None else thgov_page_models():
        field = model._meta.get_field("checklist_items")
        page_column = field.m2m_field_name()
        item_column = field.m2m_reverse_field_name()
        by_label[model._meta.label] = model
        querysets.append(
            field.remote_field.through.objects.filter(**{f"{page_column}__path__startswith": root.path})
            .annotate(model_label=Value(model._meta.label, output_field=CharField()))
            .values_list(f"{page_column}_id", f"{item_column}_id", "model_label")
        )
    if not querysets:
        return {}
    rows = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
    ticks = defaultdict(lambda: defaultdict(list))
    for page_pk, item_pk, label in rows:
        if item_pk in item_pks:
            ticks[by_label[label]][page_pk].append(item_pk)
    return ticks


def ticked_pages(model):
    """A subquery of the pages of ``model`` with any checklist item ticked."""
    field = model._meta.get_field("checklist_items")
    return field.remote_field.through.objects.values(f"{field.m2m_field_name()}_id")


class SiteEvidence:
    """The evidence of one site, produced lazily so that ``evaluate`` can keep only what it needs."""

    def __init__(self, site, items: Iterable):
        self.site = site
        self.items = list(items)
        self.root = site.root_page
        self.root_url = site.root_url

    def page_url(self, url_path: str) -> str:
        return self.root_url + url_path[len(self.root.url_path) - 1 :]

    def __iter__(self) -> Iterator[evaluator.Evidence]:
        item_pks = {item.pk for item in self.items}
        models = thgov_page_models()
        plan = plan_for(self.items, models)
        ticks = ticked_items(self.root, item_pks, models) if self.items else {}
        involved = [model for model in models if model in plan.page_rules or model in ticks]
        if involved:
            restricted = list(
                PageViewRestriction.objects.filter(page__path__startswith=self.root.path).values_list(
                    "page__path", flat=True
                )
            )
            names = certifier_names()
            for model in involved:
                yield from self.page_evidence(
                    model, plan.page_rules.get(model, []), ticks.get(model, {}), restricted, names
                )
        yield from self.manual_evidence(item_pks)
        yield from self.feature_evidence(plan.features)

    def page_evidence(self, model, rules, ticks, restricted, names):
        """Evidence from the pages of one type: one streamed query."""
        filter_fields = sorted({name for rule in rules for name, _values in rule.filters})
        date_field = model.thgov_document_date_field
        period_fields = PERIOD_FIELDS.get(model._meta.label, DATA_PERIOD)
        field_names = {field.name for field in model._meta.get_fields()}
        extra_fields = [*period_fields] + [
            name for name in ("month", "source_reference", "source_url") if name in field_names
        ]
        fields = [
            "pk",
            "title",
            "path",
            "url_path",
            "live",
            "expired",
            "first_published_at",
            "go_live_at",
            "last_published_at",
            "latest_revision_created_at",
            "fiscal_year",
            "review_by",
            *filter_fields,
        ]
        fields += [name for name in [date_field, *extra_fields] if name and name not in fields]
        queryset = (
            model.objects.filter(path__startswith=self.root.path, alias_of__isnull=True)
            .annotate(
                certified_at=live_certification("finished_at"),
                certifier_id=live_certification("finished_by_id"),
            )
            .values(*fields, "certified_at", "certifier_id")
            .order_by()
        )
        if not any(not rule.filters for rule in rules):
            # Only some pages of this type can be evidence: narrow the query to them in SQL too.
            condition = Q(pk__in=ticked_pages(model)) if ticks else Q(pk__in=[])
            for rule in rules:
                condition |= Q(**{f"{name}__in": list(values) for name, values in rule.filters})
            queryset = queryset.filter(condition)
        for row in queryset.iterator(chunk_size=2000):
            item_pks = [rule.item_pk for rule in rules if rule.matches(row)] + ticks.get(row["pk"], [])
            if not item_pks:
                continue
            dated = publication_date(
                row.get(date_field) if date_field else None, row["first_published_at"], row["go_live_at"]
            )
            fiscal_year = row["fiscal_year"] or fiscal_year_of(dated or row["latest_revision_created_at"])
            if "month" in row:
                period = month_period(fiscal_year, row["month"])
            else:
                period = (row[period_fields[0]], row[period_fields[1]])
            gazette = cites_gazette(row.get("source_reference", ""), row.get("source_url", ""))
            for item_pk in dict.fromkeys(item_pks):
                yield evaluator.Evidence(
                    item_key=item_pk,
                    title=row["title"],
                    url=self.page_url(row["url_path"]),
                    source=evaluator.PAGE,
                    live=row["live"],
                    public=not any(row["path"].startswith(path) for path in restricted),
                    expired=row["expired"],
                    certified_at=row["certified_at"],
                    certifier_name=names.get(row["certifier_id"], ""),
                    last_updated=row["last_published_at"] or row["latest_revision_created_at"],
                    fiscal_year=fiscal_year,
                    review_by=row["review_by"],
                    object_id=row["pk"],
                    period_start=period[0],
                    period_end=period[1],
                    cites_gazette=gazette,
                )

    def on_this_site(self, parts) -> bool:
        """Whether a parsed URL names this site: its host name, and its port (none for ports 80 and 443)."""
        if (parts.hostname or "").lower() != self.site.hostname.lower():
            return False
        return self.site.port in (80, 443) if parts.port is None else parts.port == self.site.port

    def live_paths(self, urls) -> set:
        """Which of ``urls`` lead to a live, public page of this site (two queries)."""
        wanted = defaultdict(set)
        for url in urls:
            parts = urlsplit(url)
            if self.on_this_site(parts):
                path = parts.path if parts.path.endswith("/") else parts.path + "/"
                wanted[self.root.url_path + path.lstrip("/")].add(url)
        if not wanted:
            return set()
        restricted = list(
            PageViewRestriction.objects.filter(page__path__startswith=self.root.path).values_list(
                "page__path", flat=True
            )
        )
        live = (
            Page.objects.live()
            .filter(path__startswith=self.root.path, url_path__in=list(wanted))
            .values_list("url_path", "path")
        )
        return {
            url
            for url_path, path in live
            if not any(path.startswith(prefix) for prefix in restricted)
            for url in wanted[url_path]
        }

    def manual_evidence(self, item_pks):
        """What webmasters recorded for this site: one query."""

        if not item_pks:
            return
        records = list(
            ManualEvidence.objects.filter(site=self.site, item_id__in=item_pks).select_related(
                "recorded_by", "document"
            )
        )
        live = self.live_paths(record.url for record in records if record.url)
        for record in records:
            user = record.recorded_by
            document = record.document
            yield evaluator.Evidence(
                item_key=record.item_id,
                title=record.title,
                url=record.url or (self.root_url + document.url if document else ""),
                source=evaluator.MANUAL,
                needs_certification=False,
                last_updated=record.updated_at,
                fiscal_year=record.fiscal_year or fiscal_year_of(record.updated_at),
                review_by=record.review_by,
                object_id=record.pk,
                note=record.note,
                link_live=(record.url in live) if record.url else None,
                has_file=document is not None,
                recorded_by=(user.get_full_name() or user.get_username()) if user else "",
            )

    def feature_evidence(self, features: dict):
        """Features of the website, each checked once for all the items it serves."""
        context = FeatureContext(self.site)
        for name, item_pks in features.items():
            for measured in feature_evidence(name, context):
                title, url, *updated = measured
                for item_pk in item_pks:
                    yield evaluator.Evidence(
                        item_key=item_pk,
                        title=title,
                        url=url,
                        source=evaluator.FEATURE,
                        needs_certification=False,
                        last_updated=updated[0] if updated else None,
                    )


def gather_evidence(site, items) -> SiteEvidence:
    """The evidence of ``site`` for ``items``: an iterable that runs its queries when iterated."""
    return SiteEvidence(site, items)
