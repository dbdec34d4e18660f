"""System check: Wagtail's unscoped report and chooser views must not answer at their addresses."""

from django.core.checks import Error, Tags, register
from django.urls import NoReverseMatch, Resolver404, resolve, reverse


@register(Tags.urls)
def check_scoped_admin_urls(app_configs, **kwargs):
    """Each of ``admin_urls.REPLACED_VIEWS`` must resolve to the scoped view, not to Wagtail's."""
    from .admin_urls import REPLACED_VIEWS  # imports Wagtail's admin URLconf: only once URLs are loaded

    unscoped = []
    for name, view_class in REPLACED_VIEWS.items():
        try:
            match = resolve(reverse(name))
        except (NoReverseMatch, Resolver404):
            continue  # Wagtail's admin is not mounted in this project
        if getattr(match.func, "view_class", None) is not view_class:
            unscoped.append(name)
    if not unscoped:
        return []
    return [
        Error(
            "Wagtail's own views answer at " + ", ".join(sorted(unscoped)) + ": on a host of several "
            "municipalities they show one municipality's pages and staff to another's.",
            hint='Add path("admin/", include("wagtail_thgov.isolation.admin_urls")) to the project\'s '
            "urlpatterns just before Wagtail's admin URLs (same prefix). See docs/multisite.md.",
            id="wagtail_thgov.E201",
        )
    ]
