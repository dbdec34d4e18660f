"""The page chooser (links, page fields) offers only pages of the user's own sites.

Wagtail runs ``construct_page_chooser_queryset`` on both the browse listing and the search; the browse
view also shows the page it was opened at, so opening another site's page by its id is "not found".
The "chosen" view of a multiple choice takes page ids from the query string and has no hook: it is
replaced at its own address (``admin_urls``).
"""

from django.http import Http404
from wagtail.admin.views import chooser
from wagtail.models import Page

from .scope import may_browse, pages_of_user_sites, pages_within_reach


def scope_page_chooser(pages, request):
    """``construct_page_chooser_queryset`` hook: pages of the user's sites, and their ancestors to reach them."""
    user = request.user
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id is not None:
        # A hook cannot skip the header row of the page being browsed: refuse the page itself.
        parent = Page.objects.filter(pk=parent_id).only("path").first()
        if parent is None or not may_browse(parent, user):
            raise Http404
    return pages_within_reach(pages, user)


class ChosenMultipleView(chooser.ChosenMultipleView):
    """Ids of pages outside the user's sites are left out, as if they did not exist."""

    def get(self, request):
        request.GET = request.GET.copy()
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        allowed = pages_of_user_sites(Page.objects.filter(pk__in=ids), request.user)
        request.GET.setlist("id", [str(pk) for pk in allowed.values_list("pk", flat=True)])
        return super().get(request)
