"""Admin wiring of the isolation of municipalities in Wagtail's own views: the page chooser and the explorer.

Wagtail's reports and the page chooser's "chosen" view are replaced in ``admin_urls`` (the project
includes it before Wagtail's admin URLs; no hook reaches Wagtail's core URLconf).
"""

from wagtail import hooks

from .chooser import scope_page_chooser
from .explorer import ScopedPageViewSet

hooks.register("construct_page_chooser_queryset", scope_page_chooser)


# After Wagtail's own viewset for Page (wagtail.admin registers it at order 0), so that this one wins.
@hooks.register("register_admin_viewset", order=1)
def register_scoped_page_viewset():
    return ScopedPageViewSet("thgov_pages")
