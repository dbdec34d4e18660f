"""Template tags for the workflow's admin templates."""

from django import template

from ..metadata.completeness import missing_metadata

register = template.Library()


@register.simple_tag
def missing_metadata_for(obj):
    """What the latest revision of ``obj`` still lacks (empty for objects without thgov metadata)."""
    latest = getattr(obj, "get_latest_revision_as_object", None)
    return missing_metadata(latest() if latest else obj)
