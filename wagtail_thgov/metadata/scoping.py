"""Snippets that belong to one site (information sources, people): each user sees and edits only the
rows of the sites they edit, plus the installation-wide rows (``site`` empty), which only superusers change.

Used by the snippet viewsets of ``metadata`` and ``people``: listing, export, edit, delete, usage,
history and the chooser in the page editor are all limited the same way, and the ``site`` field of
the form offers only the user's own sites.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.models import Site
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from ..reports import FormulaSafeExportMixin


def user_sites(user):
    """The sites whose root page ``user`` may edit (every site for a superuser)."""
    if not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return Site.objects.filter(root_page__in=editable.values("pk"))


def visible_rows(model, user):
    """Rows of the user's sites and, where the model allows an empty site, the shared rows."""
    rows = model._default_manager.all()
    if user.is_superuser:
        return rows
    mine = Q(site__in=user_sites(user))
    if model._meta.get_field("site").null:
        mine |= Q(site__isnull=True)
    return rows.filter(mine)


class SiteFilterScopedMixin:
    """For admin listings with a ``site`` filter: the filter offers only the user's own sites, so a
    webmaster never sees the names of the other municipalities hosted on the installation."""

    def filter_sites(self):
        return user_sites(self.request.user)

    @cached_property
    def filters(self):
        filterset = super().filters
        if filterset is not None and "site" in filterset.form.fields:
            filterset.form.fields["site"].queryset = self.filter_sites()
        return filterset


class _ScopedObjectMixin:
    """A row of another site is "not found"; a shared row may be seen but changed only by superusers."""

    read_only_allowed = False

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        user = self.request.user
        if user.is_superuser:
            return obj
        if obj.site_id is None:
            if self.read_only_allowed:
                return obj
            raise PermissionDenied
        if not user_sites(user).filter(pk=obj.site_id).exists():
            raise Http404
        return obj


class ScopedIndexView(FormulaSafeExportMixin, SiteFilterScopedMixin, snippet_views.IndexView):
    def get_base_queryset(self):
        return visible_rows(self.model, self.request.user)


class ScopedCreateView(snippet_views.CreateView):
    def get_form(self, form_class=None):
        return _limit_site_field(super().get_form(form_class), self.request.user)


class ScopedEditView(_ScopedObjectMixin, snippet_views.EditView):
    def get_form(self, form_class=None):
        return _limit_site_field(super().get_form(form_class), self.request.user)


class ScopedCopyView(_ScopedObjectMixin, snippet_views.CopyView):
    read_only_allowed = True

    def get_form(self, form_class=None):
        return _limit_site_field(super().get_form(form_class), self.request.user)


class ScopedDeleteView(_ScopedObjectMixin, snippet_views.DeleteView):
    pass


class ScopedUsageView(_ScopedObjectMixin, snippet_views.UsageView):
    read_only_allowed = True


class ScopedHistoryView(_ScopedObjectMixin, snippet_views.HistoryView):
    read_only_allowed = True


class ScopedInspectView(_ScopedObjectMixin, snippet_views.InspectView):
    read_only_allowed = True


def _limit_site_field(form, user):
    field = form.fields.get("site")
    if field is not None and not user.is_superuser:
        field.queryset = user_sites(user)
        field.required = True
    return form


class _ScopedChooserMixin:
    def get_object_list(self):
        return visible_rows(self.model_class, self.request.user)


class ScopedChooseView(_ScopedChooserMixin, snippet_chooser.ChooseView):
    pass


class ScopedChooseResultsView(_ScopedChooserMixin, snippet_chooser.ChooseResultsView):
    pass


class ScopedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView


class SiteScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset for a model with a ``site`` foreign key: see the module docstring."""

    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    copy_view_class = ScopedCopyView
    delete_view_class = ScopedDeleteView
    usage_view_class = ScopedUsageView
    history_view_class = ScopedHistoryView
    inspect_view_class = ScopedInspectView
    chooser_viewset_class = ScopedChooserViewSet
