"""Admin forms for local items and manual evidence: choices limited to the user's own sites."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from .models import ChecklistItem
from .panels import GroupedItemChoiceIterator, item_label
from .permissions import report_sites


class SiteScopedForm(WagtailAdminModelForm):
    """The ``site`` field offers only the sites whose checklist the user manages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "site" in self.fields:
            self.fields["site"].queryset = report_sites(self.for_user)
            self.fields["site"].required = True


class LocalItemForm(SiteScopedForm):
    pass


class ManualEvidenceForm(SiteScopedForm):
    """Evidence kept elsewhere; the item list is grouped by standard, the recorder is the user."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("item")
        if field is not None:
            sites = report_sites(self.for_user) if self.for_user is not None else []
            field.iterator = GroupedItemChoiceIterator
            field.label_from_instance = item_label
            field.queryset = ChecklistItem.objects.filter(
                Q(site__isnull=True) | Q(site__in=sites)
            ).select_related("standard")

    def save(self, commit=True):
        if self.for_user is not None:
            self.instance.recorded_by = self.for_user
        return super().save(commit)
