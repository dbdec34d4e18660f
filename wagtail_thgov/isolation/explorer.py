"""The page explorer's filters name only the user's own sites and their staff.

Wagtail's explorer listing lists only pages the user may explore, but its "Owner" and "Edited by"
filters offered every user who ever owned or edited a page, and "Site" every site. The page viewset
registered here for ``Page`` (Wagtail 8 routes the explorer through page viewsets) keeps Wagtail's
views and swaps in a filter set whose choices come from ``scope``.
"""

from django.contrib.auth import get_user_model
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import MultipleUserFilter
from wagtail.admin.views.pages.listing import EditedByFilter, GenericPageFilterSet, SiteFilter
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, PageLogEntry

from ..core.sites import EDIT, sites_for
from .scope import visible_users


def owners_for_filter(request):
    """Owners of pages, among the users the requesting user may see."""
    owners = Page.objects.order_by().values("owner_id")
    return visible_users(request.user).filter(pk__in=owners).order_by(get_user_model().USERNAME_FIELD)


def editors_for_filter(request):
    """Users who edited pages, among the users the requesting user may see."""
    editors = PageLogEntry.objects.filter(action="wagtail.edit").order_by().values("user_id")
    return visible_users(request.user).filter(pk__in=editors).order_by(get_user_model().USERNAME_FIELD)


def sites_for_filter(request):
    return sites_for(request.user, EDIT)


class ScopedPageFilterSet(GenericPageFilterSet):
    """Wagtail's explorer filters, with the choices of the user's own sites."""

    owner = MultipleUserFilter(label=_("Owner"), queryset=owners_for_filter, widget=CheckboxSelectMultiple)
    edited_by = EditedByFilter(
        label=_("Edited by"), queryset=editors_for_filter, widget=CheckboxSelectMultiple
    )
    site = SiteFilter(label=_("Site"), queryset=sites_for_filter, widget=CheckboxSelectMultiple)


class ScopedPageViewSet(PageViewSet):
    """Wagtail's page views for every page type, with the explorer's filters scoped."""

    model = Page
    filterset_class = ScopedPageFilterSet
