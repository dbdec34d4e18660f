"""``{% thgov_metadata_head page %}`` (JSON-LD and Dublin Core) and ``{% thgov_metadata_box page %}``."""

from django import template

from ..core.categories import category_of
from ..metadata.files import files_of
from ..metadata.structured import dublin_core, dublin_core_tags, json_ld, json_ld_script
from ..site_settings.models import MunicipalitySettings

register = template.Library()


def _municipality_name(context, page):
    request = context.get("request")
    site = page.get_site()
    if site is None:
        return ""
    settings = MunicipalitySettings.for_request(request) if request else MunicipalitySettings.for_site(site)
    return settings.display_name


@register.simple_tag(takes_context=True)
def thgov_metadata_head(context, page):
    """JSON-LD and Dublin Core for the ``<head>`` of a thgov page."""
    if not hasattr(page, "source_name"):
        return ""
    name = _municipality_name(context, page)
    files = files_of(page)
    request = context.get("request")
    return json_ld_script(json_ld(page, request, name, files)) + dublin_core_tags(
        dublin_core(page, name, files)
    )


@register.inclusion_tag("wagtail_thgov/metadata/metadata_box.html", takes_context=True)
def thgov_metadata_box(context, page):
    """The public metadata box with B.E. dates and the downloads list."""
    return {
        "page": page,
        "category": category_of(page),
        "files": files_of(page),
        "certification": getattr(page, "thgov_certification", None),
        "keywords": page.keyword_names,
        "request": context.get("request"),
    }
