"""Machine-readable metadata of a page: schema.org JSON-LD, Dublin Core ``<meta>`` tags, and the plain-text
summary used for the description and Open Graph tags."""

import datetime as dt
import html
import json

from django.utils.html import format_html_join, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from ..core.categories import category_of
from .files import page_files
from .models import LICENCE_URLS

# The same escapes Django's json_script uses, so that page text can never close the script element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat()


def temporal_coverage(page) -> str | None:
    """ISO 8601 interval of the data period: ``2024-10-01/2025-09-30``, open ends as ``..``."""
    start, end = page.data_period_start, page.data_period_end
    if not start and not end:
        return None
    return f"{_iso(start) or '..'}/{_iso(end) or '..'}"


def _date_only(value):
    if isinstance(value, dt.datetime):
        return value.date()
    return value


# The fields that say in a sentence or two what a page is about, in order of preference.
SUMMARY_FIELDS = ("search_description", "intro", "summary", "purpose")
SUMMARY_LENGTH = 200


def page_summary(page, length=SUMMARY_LENGTH) -> str:
    """What ``page`` is about as plain text, for ``<meta name="description">`` and link previews: its
    search description, else its intro, summary or purpose (rich text stripped), shortened to ``length``."""
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, None) if page is not None else None
        text = " ".join(html.unescape(strip_tags(str(value or ""))).split())
        if text:
            return Truncator(text).chars(length)
    return ""


def json_ld(page, request=None, municipality_name="", files=None, site=None) -> dict:
    """schema.org description of ``page`` with its dates, coverage, source, keywords and files.

    ``site``: the page's site when the caller knows it (saves a query), else ``page.get_site()``.
    """
    files = page_files(page) if files is None else files
    category = category_of(page)
    site = site or page.get_site()
    data = {
        "@context": "https://schema.org",
        "@type": page.thgov_schema_type,
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": "th",
        "datePublished": _iso(page.publication_date),
        "dateModified": _iso(page.last_updated),
        "temporalCoverage": temporal_coverage(page),
        "publisher": {
            "@type": "GovernmentOrganization",
            "name": municipality_name or (site.site_name if site else ""),
            "url": site.root_url if site else None,
        },
        "keywords": ", ".join(page.keyword_names) or None,
        "genre": f"{category.code} {category.name_th}" if category else None,
        "license": LICENCE_URLS.get(page.licence) or (page.get_licence_display() if page.licence else None),
    }
    if page.source_name:
        data["sourceOrganization"] = {"@type": "Organization", "name": page.source_name}
    certification = getattr(page, "thgov_certification", None)
    if certification:
        data["reviewedBy"] = {"@type": "Person", "name": certification.certifier_name}
        data["lastReviewed"] = _iso(certification.certified_at)
    if files:
        data["encoding"] = [
            {
                "@type": "MediaObject",
                "name": info.title,
                "contentUrl": request.build_absolute_uri(info.url) if request else info.url,
                "encodingFormat": info.mime_type,
                "fileFormat": info.extension,
                "contentSize": str(info.size) if info.size is not None else None,
            }
            for info in files
        ]
    return _drop_empty(data)


def _drop_empty(value):
    if isinstance(value, dict):
        return {key: _drop_empty(item) for key, item in value.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [_drop_empty(item) for item in value]
    return value


def json_ld_script(data: dict) -> str:
    """``<script type="application/ld+json">`` with the data escaped for HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def dublin_core(page, municipality_name="", files=None) -> list[tuple[str, str]]:
    """Dublin Core name/content pairs for ``<meta>`` tags."""
    files = page_files(page) if files is None else files
    category = category_of(page)
    pairs = [
        ("DC.title", page.title),
        ("DC.creator", page.source_name),
        ("DC.publisher", municipality_name),
        ("DC.date", _iso(_date_only(page.publication_date))),
        ("DCTERMS.issued", _iso(_date_only(page.publication_date))),
        ("DCTERMS.modified", _iso(_date_only(page.last_updated))),
        ("DCTERMS.temporal", temporal_coverage(page)),
        ("DC.subject", "; ".join(page.keyword_names)),
        ("DC.type", f"{category.code} {category.name_th}" if category else ""),
        ("DC.language", "th"),
        ("DC.rights", page.get_licence_display() if page.licence else ""),
    ]
    pairs += [("DC.format", info.mime_type) for info in files]
    return [(name, value) for name, value in pairs if value]


def dublin_core_tags(pairs) -> str:
    """The ``<link rel="schema.DC">`` declarations and one ``<meta>`` per pair, escaped."""
    links = mark_safe(
        '<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">'
        '<link rel="schema.DCTERMS" href="http://purl.org/dc/terms/">'
    )
    metas = format_html_join("", '<meta name="{}" content="{}">', pairs)
    return links + metas
