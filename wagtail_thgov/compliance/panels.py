"""Admin panels of the checklist: the checklist tick boxes of a page's Metadata tab and the dashboard score.

The tick boxes are contributed to the Metadata tab of every thgov page type through ``core.panels``.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from ..cache.sitedata import per_site
from ..core.panels import contribute_panel
from .models import ChecklistItem, Standard


def latest_editions(standards) -> list:
    """The newest edition of each standard code (ITA/OIT 2568 rather than 2567)."""
    newest = {}
    for standard in standards:
        current = newest.get(standard.code)
        if current is None or _edition_key(standard.edition) > _edition_key(current.edition):
            newest[standard.code] = standard
    return list(newest.values())


def _edition_key(edition: str):
    return tuple(int(part) if part.isdigit() else part for part in edition.replace("-", ".").split("."))


class GroupedItemChoiceIterator(ModelChoiceIterator):
    """Checklist items grouped under their standard, for grouped check boxes."""

    def __iter__(self):
        groups = {}
        # The editor renders the choices twice (the field and its client-side definition): the items
        # are read once per field, not once per rendering.
        items = getattr(self.field, "_thgov_items", None)
        if items is None:
            items = self.field._thgov_items = list(self.queryset)
        for item in items:
            groups.setdefault(str(item.standard), []).append(self.choice(item))
        yield from groups.items()


def item_label(item) -> str:
    return f"{item.code} {item.name_th}"


def items_to_offer(site, selected_pks=()):
    """What an editor may tick: the newest edition of each standard, the site's local items, and what
    the page already has ticked."""
    latest = latest_editions(Standard.objects.for_site(site))
    selected = Q(pk__in=list(selected_pks))
    condition = Q(site__isnull=True, standard__in=latest) | selected
    if site is not None:
        condition |= Q(site=site)
    # An item with parts is served through its parts: editors tick the part a page shows.
    return (
        ChecklistItem.objects.filter(condition)
        .filter(Q(parts__isnull=True) | selected)
        .select_related("standard")
    )


def _site_of(request, page):
    """The site of ``page``: the request's site when the page is in its tree (no query), else its own."""
    if page is None:
        return None
    site = Site.find_for_request(request) if request is not None else None
    if site is not None and page.path.startswith(site.root_page.path):
        return site
    return page.get_site()


class ChecklistItemsPanel(FieldPanel):
    """Tick boxes for the checklist items a page serves besides its type's defaults, filtered to the
    page's site and the current editions."""

    def __init__(self, field_name="checklist_items", **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            field = self.form.fields.get(self.field_name) if self.form is not None else None
            if field is None:
                return
            page = self.instance
            parent = getattr(self.form, "parent_page", None)
            site = _site_of(self.request, page if page.pk else parent)
            selected = [item.pk for item in page.checklist_items.all()] if page.pk else ()
            field.iterator = GroupedItemChoiceIterator
            field.label_from_instance = item_label
            field.queryset = items_to_offer(site, selected)


contribute_panel("metadata", ChecklistItemsPanel)


@dataclass(frozen=True)
class PanelScore:
    """One row of the dashboard panel: a standard and its score."""

    standard: Standard
    score: object


class ComplianceScorePanel(Component):
    """Dashboard panel: the score of the request's site per standard, for webmasters and superusers."""

    name = "thgov_compliance"
    order = 130
    template_name = "wagtail_thgov/compliance/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        # Late: results imports this module (latest_editions), which the Metadata tab loads with the models.
        from .permissions import report_site
        from .results import site_results

        site = report_site(self.request)
        results = []
        if site is not None:
            # The scores only: kept per site generation and day (``cache.sitedata``), since evaluating
            # reads every page type's evidence (some 30 queries). Any change to a page, an item, the
            # evidence or a certification bumps the generation; the date is in the key because
            # evaluation depends on it (review dates, fiscal year).
            today = timezone.localdate()
            results = per_site(
                self.request,
                f"compliance_scores:{today.isoformat()}",
                lambda: [
                    PanelScore(result.standard, result.score) for result in site_results(site, today=today)
                ],
                site_id=site.pk,
            )
        return {
            "site": site,
            "results": results,
            "report_url": reverse("thgov_compliance:report"),
        }
