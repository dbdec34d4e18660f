"""``{% thgov_metadata_head page %}`` (JSON-LD and Dublin Core) and ``{% thgov_metadata_box page %}``."""

from django import template
from wagtail.models import Site

from ..cache.sitedata import per_page
from ..core.categories import category_of
from ..metadata.files import files_of
from ..metadata.structured import dublin_core, dublin_core_tags, json_ld, json_ld_script
from ..site_settings.models import MunicipalitySettings
from ..workflows.certification import certification_for

register = template.Library()


def _site_of(request, page):
    """The site ``page`` belongs to: the request's site when the page is in its tree (no query)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None and page.path.startswith(site.root_page.path):
        return site
    return page.get_site()


def _read_page_facts(request, page):
    """Fill what the metadata of a published page shows from its related rows, once per generation: who
    certified the live revision, its keywords, its source organisation. None of them changes until the
    page is published again, a certification task is decided or the source is edited, and each of those
    bumps the generation (``cache.sitedata.per_page``; a preview always reads them afresh)."""
    model = type(page)
    if hasattr(model, "thgov_certification") and not hasattr(page, "_thgov_certification"):
        page._thgov_certification = per_page(request, page, "certification", lambda: certification_for(page))
    if hasattr(model, "keyword_names") and not hasattr(page, "_thgov_keyword_names"):
        page._thgov_keyword_names = per_page(
            request, page, "keywords", lambda: [tag.name for tag in page.keywords.all()]
        )
    source = getattr(model, "source_organisation", None)
    if source is not None and page.source_organisation_id and not source.is_cached(page):
        organisation = per_page(request, page, "source", lambda: page.source_organisation)
        source.field.set_cached_value(page, organisation)


def _municipality_name(context, page, site):
    request = context.get("request")
    if site is None:
        return ""
    settings = MunicipalitySettings.for_request(request) if request else MunicipalitySettings.for_site(site)
    return settings.display_name


@register.simple_tag(takes_context=True)
def thgov_metadata_head(context, page):
    """JSON-LD and Dublin Core for the ``<head>`` of a thgov page."""
    if not hasattr(type(page), "source_name"):
        return ""
    request = context.get("request")
    _read_page_facts(request, page)
    site = _site_of(request, page)
    name = _municipality_name(context, page, site)
    files = files_of(page, request)
    return json_ld_script(json_ld(page, request, name, files, site=site)) + dublin_core_tags(
        dublin_core(page, name, files)
    )


@register.inclusion_tag("wagtail_thgov/metadata/metadata_box.html", takes_context=True)
def thgov_metadata_box(context, page):
    """The public metadata box with B.E. dates and the downloads list."""
    _read_page_facts(context.get("request"), page)
    return {
        "page": page,
        "category": category_of(page),
        "files": files_of(page, context.get("request")),
        "certification": getattr(page, "thgov_certification", None),
        "keywords": page.keyword_names,
        "request": context.get("request"),
    }
