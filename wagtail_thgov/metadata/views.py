"""Admin views of the metadata subpackage."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from ..reports import FormulaSafeExportMixin
from .models import InformationSource


def sources_user_may_change(user):
    """A superuser changes every source; a webmaster only those of the sites they are webmaster of
    (shared sources, without a site, belong to the whole installation)."""
    if user.is_superuser:
        return InformationSource.objects.all()
    from ..workflows.models import RoleGroup
    from ..workflows.roles import Role

    sites = RoleGroup.objects.filter(role=Role.WEBMASTER, group__in=user.groups.all()).values("site_id")
    return InformationSource.objects.filter(site__in=sites)


def sources_user_may_see(user):
    """Their own sites' sources and the shared ones."""
    if user.is_superuser:
        return InformationSource.objects.all()
    from ..workflows.models import RoleGroup

    sites = RoleGroup.objects.filter(group__in=user.groups.all()).values("site_id")
    return InformationSource.objects.filter(Q(site__in=sites) | Q(site__isnull=True))


class _ScopedLookup:
    """History and usage of one source: only sources the user may change; others are "not found"."""

    def get_base_object_queryset(self):
        return sources_user_may_change(self.request.user)


class _ScopedObject(_ScopedLookup):
    """Edit and delete: the same, through the object view's queryset."""

    def get_queryset(self):
        return sources_user_may_change(self.request.user)


class SourceIndexView(FormulaSafeExportMixin, snippets.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=sources_user_may_see(self.request.user).values("pk"))


class SourceEditView(_ScopedObject, snippets.EditView):
    pass


class SourceDeleteView(_ScopedObject, snippets.DeleteView):
    pass


class SourceHistoryView(_ScopedLookup, snippets.HistoryView):
    pass


class SourceUsageView(_ScopedLookup, snippets.UsageView):
    pass


class SourceCopyView(snippets.CopyView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            sources_user_may_change(self.request.user), pk=self.kwargs[self.pk_url_kwarg]
        )


class InformationSourceViewSet(SnippetViewSet):
    """Organisations and departments that own or supply information, each municipality's own."""

    model = InformationSource
    icon = "group"
    menu_label = _("Information sources")
    list_display = ["name", "kind", "site"]
    list_filter = ["kind", "site"]
    search_fields = ["name"]
    list_export = ["name", "kind", "site", "phone", "email", "url"]
    index_view_class = SourceIndexView
    edit_view_class = SourceEditView
    delete_view_class = SourceDeleteView
    history_view_class = SourceHistoryView
    usage_view_class = SourceUsageView
    copy_view_class = SourceCopyView
