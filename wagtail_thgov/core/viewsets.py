"""Admin viewsets of models whose rows belong to one site: the one base every such screen uses.

A viewset of a model with a ``site`` foreign key (``SiteScopedModelViewSet``, or
``SiteScopedSnippetViewSet`` for a snippet) keeps Wagtail's own generic views and narrows each of them
by the viewset's ``site_scope`` (a ``core.sites.SiteScope``: ``sites_for(user, permission)``, and whether
rows without a site are shared):

- the listing and its exports, the history, usage and inspect views, the copy view and the chooser show
  only the rows the user may see; the listing's ``site`` filter names only the user's sites, and rows
  the user may not change have no edit or delete link;
- the edit and delete views find only the rows the user may change: any other row is "not found"
  (404), whatever address is forged;
- the ``site`` field of the create, edit and copy forms (and of the chooser's "Create" form) offers only
  the user's sites, and is required unless the user may write shared rows;
- the model's permission policy (registered by the viewset unless the model has one) answers for each
  row the same way, so Wagtail's bulk actions and buttons follow the scope too.

The viewset mixes the scope into whatever view classes it is given (``index_view_class`` …), so a
capability's own view (a create view with initial values, an edit view that e-mails) is narrowed the
same way without naming a scoped base.
"""

from django.contrib.admin.utils import unquote
from django.forms import modelform_factory
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .reports import FormulaSafeExportMixin
from .sites import EDIT, EDITED_SITES_AND_SHARED, SiteScope, sites_for


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


def limit_site_field(form, scope, user):
    """The form's ``site`` field offers only ``user``'s sites, and must be filled unless ``user`` may
    write shared rows (its help text, which explains an empty site, is then left out)."""
    field = form.fields.get("site")
    if field is None or scope.writes_shared(user):
        return form
    field.queryset = scope.sites(user)
    if not field.required and scope.shared_rows:
        field.help_text = ""
    field.required = True
    return form


class SiteScopedViewMixin:
    """What every scoped view knows: the scope, given by the viewset."""

    site_scope: SiteScope = None

    def visible(self, rows):
        return self.site_scope.visible(rows, self.request.user)

    def changeable(self, rows):
        return self.site_scope.changeable(rows, self.request.user)


class ScopedIndexMixin(SiteScopedViewMixin, FormulaSafeExportMixin, SiteFilterScopedMixin):
    def filter_sites(self):
        return self.site_scope.sites(self.request.user)

    def get_base_queryset(self):
        return self.visible(super().get_base_queryset())

    def may_change(self, instance) -> bool:
        # A listed row is visible: one with a site is of the user's sites; a shared one is read-only
        # unless the user writes shared rows.
        return instance.site_id is not None or self.site_scope.writes_shared(self.request.user)

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self.may_change(instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self.may_change(instance) else None


class ScopedFormMixin(SiteScopedViewMixin):
    """Create (and, through the subclasses, edit and copy): the ``site`` field limited."""

    def get_form(self, *args, **kwargs):
        return limit_site_field(super().get_form(*args, **kwargs), self.site_scope, self.request.user)


class ScopedEditMixin(ScopedFormMixin):
    def get_queryset(self):
        return self.changeable(super().get_queryset())


class ScopedDeleteMixin(SiteScopedViewMixin):
    def get_queryset(self):
        return self.changeable(super().get_queryset())


class ScopedReadMixin(SiteScopedViewMixin):
    """History and usage: the object is looked up among the visible rows."""

    def get_base_object_queryset(self):
        return self.visible(super().get_base_object_queryset())


class ScopedInspectMixin(SiteScopedViewMixin):
    def get_object(self, queryset=None):
        return get_object_or_404(self.visible(self.model._default_manager.all()), pk=unquote(str(self.pk)))


class ScopedCopyMixin(ScopedFormMixin):
    def get_object(self, queryset=None):
        # "Not found" before Wagtail's own permission check would answer "no permission".
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        if not self.visible(self.model._default_manager.filter(pk=pk)).exists():
            raise Http404
        return super().get_object(queryset)


#: The view class attributes of a viewset and the scope each view gets.
SCOPED_VIEWS = {
    "index_view_class": ScopedIndexMixin,
    "add_view_class": ScopedFormMixin,
    "edit_view_class": ScopedEditMixin,
    "delete_view_class": ScopedDeleteMixin,
    "history_view_class": ScopedReadMixin,
    "usage_view_class": ScopedReadMixin,
    "inspect_view_class": ScopedInspectMixin,
    "copy_view_class": ScopedCopyMixin,
}


def with_scope(view_classes, owner):
    """Give ``owner`` (a viewset) a scoped subclass of each view class named in ``view_classes``."""
    for attribute, mixin in view_classes.items():
        view_class = getattr(owner, attribute)
        if not issubclass(view_class, mixin):
            setattr(owner, attribute, type(view_class.__name__, (mixin, view_class), {}))


class SiteScopedPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, and for a row, the scope: "view" a visible row, anything else a
    row the user may change."""

    def __init__(self, model, scope: SiteScope, auth_model=None):
        super().__init__(model, auth_model=auth_model)
        self.scope = scope

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.scope.allows(
            user, instance, change=action != "view"
        )

    def instances_user_has_any_permission_for(self, user, actions):
        rows = self.model._default_manager.all()
        if "view" in actions and self.user_has_permission(user, "view"):
            return self.scope.visible(rows, user)  # the rows one may change are among them
        if self.user_has_any_permission(user, [action for action in actions if action != "view"]):
            return self.scope.changeable(rows, user)
        return rows.none()


class SiteScopedViewSetMixin:
    """See the module's text. ``site_scope`` says whose rows are whose."""

    site_scope = SiteScope()
    permission_policy_class = SiteScopedPermissionPolicy

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_scope(SCOPED_VIEWS, self)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(site_scope=self.site_scope, **kwargs)

    def register_permissions(self):
        # A fallback policy made before this (by code asking for the model's policy at import time) makes
        # register_permission_policy refuse loudly, rather than leave the rows unscoped.
        registered = policy_registry.get_by_type(self.model, fallback=False)
        if registered is None or registered is policy_registry.get_fallback_policy(self.model):
            policy = self.permission_policy_class(self.model, self.site_scope)
            register_permission_policy(self.model, policy, exact_class=True)
        super().register_permissions()


class SiteScopedModelViewSet(SiteScopedViewSetMixin, ModelViewSet):
    pass


# --- Snippets: the same, and the chooser of the page editor ------------------------------------------


class ScopedChooseMixin(SiteScopedViewMixin):
    """The chooser's listing shows the visible rows; its "Create" form offers the user's own sites, the
    first one chosen."""

    def get_object_list(self):
        return self.visible(super().get_object_list())

    def get_creation_form(self):
        form = super().get_creation_form()
        if form is None:
            return None
        user = self.request.user
        limit_site_field(form, self.site_scope, user)
        field = form.fields.get("site")
        if field is not None and not self.site_scope.writes_shared(user) and not form.is_bound:
            form.initial.setdefault("site", field.queryset.values_list("pk", flat=True).first())
        return form


class ScopedChosenMixin(SiteScopedViewMixin):
    """A row the user may not see is "not found", as in the listing."""

    def get_object(self, pk):
        return self.visible(self.model_class._default_manager.all()).get(pk=pk)


class ScopedChosenMultipleMixin(SiteScopedViewMixin):
    def get_objects(self, pks):
        return self.visible(super().get_objects(pks))


class ScopedChooserCreateMixin(ScopedChooseMixin):
    """Wagtail gives this address to every snippet chooser, with a form or not; without one a POST failed
    with an error 500, so a model whose viewset sets no ``chooser_form_fields`` answers "not found"."""

    def dispatch(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


SCOPED_CHOOSER_VIEWS = {
    "choose_view_class": ScopedChooseMixin,
    "choose_results_view_class": ScopedChooseMixin,
    "chosen_view_class": ScopedChosenMixin,
    "chosen_multiple_view_class": ScopedChosenMultipleMixin,
    "create_view_class": ScopedChooserCreateMixin,
}


class SiteScopedChooserViewSet(SnippetChooserViewSet):
    site_scope = SiteScope()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_scope(SCOPED_CHOOSER_VIEWS, self)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(site_scope=self.site_scope, **kwargs)


class SiteScopedSnippetViewSet(SiteScopedViewSetMixin, SnippetViewSet):
    """A snippet of one site: by default the rows of the sites whose pages the user edits, and the
    shared rows (no site), which only superusers change."""

    site_scope = EDITED_SITES_AND_SHARED
    chooser_viewset_class = SiteScopedChooserViewSet
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
            site_scope=self.site_scope,
        )

    def _chooser_creation_form_class(self):
        if not self.chooser_form_fields:
            return None
        return modelform_factory(self.model, form=WagtailAdminModelForm, fields=self.chooser_form_fields)
