"""Snippets that belong to one site (information sources, people): each user sees and edits only the
rows of the sites they edit, plus the installation-wide rows (``site`` empty), which only superusers change.

Used by the snippet viewsets of ``metadata`` and ``people``: listing, export, edit, delete, usage,
history and the chooser in the page editor are all limited the same way, and the ``site`` field of
the form offers only the user's own sites.
"""

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Q
from django.forms import modelform_factory
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import StreamBlockValidationError
from wagtail.models import Page, Site
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from ..core.reports import FormulaSafeExportMixin
from ..core.sites import EDIT, is_active_superuser, sites_for


def site_root_paths(user) -> list[str] | None:
    """Tree paths of the home pages of the user's sites; ``None`` for a superuser (no limit)."""
    if is_active_superuser(user):
        return None
    # Asked several times per request (chooser hook, filters, reports): kept on the user object, as
    # Django keeps its permission cache, so it is read once per request.
    if not hasattr(user, "_thgov_site_root_paths"):
        user._thgov_site_root_paths = list(sites_for(user, EDIT).values_list("root_page__path", flat=True))
    return user._thgov_site_root_paths


def under_paths(paths, prefix=""):
    """A condition on pages (reached through ``prefix``) in the trees rooted at ``paths``."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{prefix}path__startswith": path})
    return condition


def has_site_field(model) -> bool:
    """Whether rows of ``model`` belong to one site (a ``site`` foreign key to Wagtail's ``Site``)."""
    try:
        field = model._meta.get_field("site")
    except FieldDoesNotExist:
        return False
    return field.is_relation and field.related_model is Site


def visible_rows(model, user):
    """Rows of the user's sites and, where the model allows an empty site, the shared rows."""
    rows = model._default_manager.all()
    if is_active_superuser(user):
        return rows
    mine = Q(site__in=sites_for(user, EDIT))
    if model._meta.get_field("site").null:
        mine |= Q(site__isnull=True)
    return rows.filter(mine)


class SiteFilterScopedMixin:
    """For admin listings with a ``site`` filter: the filter offers only the user's own sites, so a
    webmaster never sees the names of the other municipalities hosted on the installation."""

    def filter_sites(self):
        return sites_for(self.request.user, EDIT)

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
        if is_active_superuser(user):
            return obj
        if obj.site_id is None:
            if self.read_only_allowed:
                return obj
            raise PermissionDenied
        if not sites_for(user, EDIT).filter(pk=obj.site_id).exists():
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
        field.queryset = sites_for(user, EDIT)
        field.required = True
    return form


class _ScopedChooserMixin:
    def get_object_list(self):
        return visible_rows(self.model_class, self.request.user)


class _ScopedCreationFormMixin:
    """The chooser's "Create" form: the site field offers the user's own sites, the first one chosen."""

    def get_creation_form(self):
        form = super().get_creation_form()
        if form is None:
            return None
        form = _limit_site_field(form, self.request.user)
        field = form.fields.get("site")
        if field is not None and not self.request.user.is_superuser and not form.is_bound:
            form.initial.setdefault("site", field.queryset.values_list("pk", flat=True).first())
        return form


class ScopedChooseView(_ScopedCreationFormMixin, _ScopedChooserMixin, snippet_chooser.ChooseView):
    pass


class ScopedChooseResultsView(
    _ScopedCreationFormMixin, _ScopedChooserMixin, snippet_chooser.ChooseResultsView
):
    pass


class ScopedChosenView(snippet_chooser.SnippetChosenView):
    """A row of another site is "not found", as in the listing."""

    def get_object(self, pk):
        return visible_rows(self.model_class, self.request.user).get(pk=pk)


class ScopedChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_rows(self.model_class, self.request.user).filter(pk__in=pks)


class ScopedChooserCreateView(_ScopedCreationFormMixin, snippet_chooser.SnippetCreateView):
    """The chooser's "Create" form, sent back with its errors when they are any.

    Wagtail gives this address to every snippet chooser, with a form or not; without one a POST failed
    with an error 500, so a model whose viewset sets no ``chooser_form_fields`` answers "not found".
    """

    def dispatch(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ScopedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    create_view_class = ScopedChooserCreateView


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
    #: Fields of the "Create" tab of the chooser in the page editor (none: no such tab).
    chooser_form_fields = None

    @property
    def chooser_viewset(self):
        return self.chooser_viewset_class(
            self.get_chooser_admin_url_namespace(),
            model=self.model,
            url_prefix=self.get_chooser_admin_base_path(),
            icon=self.icon,
            per_page=self.chooser_per_page,
            creation_form_class=self._chooser_creation_form_class(),
        )

    def _chooser_creation_form_class(self):
        if not self.chooser_form_fields:
            return None
        return modelform_factory(self.model, form=WagtailAdminModelForm, fields=self.chooser_form_fields)


OTHER_SITES_ROW = _(
    "This %(model)s belongs to another municipality's website. Choose one of this website's, or a shared one."
)


OTHER_SITES_PAGE = _(
    "A page chosen or linked here belongs to another municipality's website. Choose a page of your website."
)


class SiteScopedChoicesFormMixin:
    """For page forms: a foreign key to site-scoped rows (an information source…) accepts only rows of
    the page's own site and shared rows, whoever sends the form and whatever the chooser showed; and for
    users who are not superusers, links and chosen pages in StreamFields and rich text stay within
    their own sites, as the page chooser offers (a forged id would show another site's draft title)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site = self._site()
        for field in self.fields.values():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model is None or not has_site_field(model):
                continue
            field.queryset = rows_for_site(model, site, getattr(self, "for_user", None))
            field.error_messages["invalid_choice"] = OTHER_SITES_ROW % {"model": model._meta.verbose_name}

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        paths = site_root_paths(user) if user is not None else None
        if paths is None:
            return cleaned_data
        for name in self.fields:
            if self._links_to_other_sites(name, cleaned_data.get(name), paths):
                stream = hasattr(self.fields[name], "block")  # shown by the StreamField's own script
                self.add_error(
                    name,
                    StreamBlockValidationError(non_block_errors=[OTHER_SITES_PAGE])
                    if stream
                    else OTHER_SITES_PAGE,
                )
        return cleaned_data

    def _links_to_other_sites(self, name, value, paths) -> bool:
        """Whether a StreamField or rich text value links to (or chooses) a page outside ``paths``."""
        try:
            model_field = self._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if value is None or not hasattr(model_field, "extract_references"):
            return False
        ids = {pk for model, pk, *_rest in model_field.extract_references(value) if issubclass(model, Page)}
        return bool(ids) and Page.objects.filter(pk__in=ids).exclude(under_paths(paths)).exists()

    def _site(self):
        """The site of the page being edited, or of the parent of a new one."""
        page = self.parent_page if self.instance.pk is None else self.instance
        return page.get_site() if page is not None else None


def rows_for_site(model, site, user=None):
    """Rows a page of ``site`` may point to: the site's own and the shared ones (no site). A page outside
    every site may point to what ``user`` sees."""
    rows = model._default_manager.all()
    shared = Q(site__isnull=True) if model._meta.get_field("site").null else Q(pk__in=[])
    if site is not None:
        return rows.filter(Q(site=site) | shared)
    if user is not None:
        return visible_rows(model, user)
    return rows.filter(shared)
