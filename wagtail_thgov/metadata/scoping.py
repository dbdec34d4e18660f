"""Rows that belong to one site (information sources, people) as pages use them: each user sees the rows
of the sites they edit, plus the installation-wide rows (``site`` empty); a page form accepts only rows
of the page's own site and links within the user's sites.

The admin screens of such rows are ``core.viewsets.SiteScopedSnippetViewSet``; both follow
``core.sites.EDITED_SITES_AND_SHARED``.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlockValidationError
from wagtail.models import Page, Site

from ..core.sites import EDIT, EDITED_SITES_AND_SHARED, is_active_superuser, sites_for


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
    """Rows of the user's sites and the shared rows (no site)."""
    return EDITED_SITES_AND_SHARED.visible(model._default_manager.all(), user)


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
