"""Admin forms for manual evidence and loading an edition: choices limited to the user's own sites."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from .editions import EditionError, parse_edition
from .models import ChecklistItem
from .panels import GroupedItemChoiceIterator, item_label
from .permissions import report_sites


class ManualEvidenceForm(WagtailAdminModelForm):
    """Evidence kept elsewhere; the item list is grouped by standard, the recorder is the user. (The
    ``site`` field is limited to the user's sites by the viewset, ``core.viewsets``.)"""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("item")
        if field is not None:
            sites = report_sites(self.for_user) if self.for_user is not None else []
            field.iterator = GroupedItemChoiceIterator
            field.label_from_instance = item_label
            field.queryset = (
                ChecklistItem.objects.filter(Q(site__isnull=True) | Q(site__in=sites))
                .tickable()
                .select_related("standard")
            )

    def save(self, commit=True):
        if self.for_user is not None:
            self.instance.recorded_by = self.for_user
        return super().save(commit)


class LoadEditionForm(forms.Form):
    """A new fiscal year's ITA/OIT list for one of the user's sites, from a .xlsx or .json file."""

    site = forms.ModelChoiceField(label=_("Site"), queryset=Site.objects.none(), empty_label=None)
    edition = forms.IntegerField(
        label=_("Fiscal year (B.E.)"),
        min_value=2560,
        max_value=2700,
        help_text=_("The fiscal year the list is for, for example 2570."),
    )
    file = forms.FileField(
        label=_("List of items (.xlsx or .json)"),
        help_text=_(
            "One row per item, with the columns code, name_th, confidence (src, partial or recall) and, "
            "if known, name_en, requirement, period (current, previous, month, quarter, open, recent) and note."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = report_sites(user)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        try:
            cleaned["items"] = parse_edition(upload.name, upload.read())
        except EditionError as error:
            for message in error.messages:
                self.add_error("file", message)
        return cleaned
