"""The admin report of document texts: which files are scanned, refused or still waiting."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_permission_policy

from ..core.reports import FormulaSafeExportMixin
from . import ocr
from .models import DocumentText

PROBLEMS = [
    ("scanned", _("Scanned (pages without text)")),
    ("refused", _("Refused")),
    ("pending", _("Waiting to be read")),
]


class DocumentTextFilterSet(WagtailFilterSet):
    problem = django_filters.ChoiceFilter(label=_("Show"), choices=PROBLEMS, method="filter_problem")

    class Meta:
        model = DocumentText
        fields = []

    def filter_problem(self, queryset, name, value):
        if value == "scanned":
            return queryset.filter(pages_without_text__gt=0)
        if value in (DocumentText.REFUSED, DocumentText.PENDING):
            return queryset.filter(status=value)
        return queryset


class _ValueColumn(Column):
    def __init__(self, name, value, **kwargs):
        super().__init__(name, **kwargs)
        self._value = value

    def get_value(self, instance):
        return self._value(instance)


class DocumentTextReportView(FormulaSafeExportMixin, ReportView):
    """Current file versions of the documents the user may change, problems first."""

    page_title = _("Text of documents")
    header_icon = "doc-full"
    index_url_name = "thgov_documents:report"
    index_results_url_name = "thgov_documents:report_results"
    results_template_name = "wagtail_thgov/documents/report_results.html"
    filterset_class = DocumentTextFilterSet
    any_permission_required = ["change"]
    paginate_by = 50
    columns = [
        _ValueColumn("document", lambda row: row.document.title, label=_("Document")),
        _ValueColumn("kind", lambda row: row.document.file_extension.upper(), label=_("Type")),
        _ValueColumn("summary", lambda row: row.summary, label=_("Text")),
        _ValueColumn("updated_at", lambda row: row.updated_at, label=_("Read at")),
    ]
    list_export = ["document.title", "document.file_extension", "sha256", "summary", "page_count",
                   "pages_without_text", "ocr_pages", "reason_message", "detail"]  # fmt: skip
    export_headings = {
        "document.title": _("Document"),
        "document.file_extension": _("Type"),
        "sha256": _("SHA-256 checksum"),
        "summary": _("Text"),
        "page_count": _("pages"),
        "pages_without_text": _("pages without text"),
        "ocr_pages": _("pages read by OCR"),
        "reason_message": _("reason refused"),
        "detail": _("technical detail"),
    }

    @property
    def permission_policy(self):
        return get_permission_policy()

    def get_queryset(self):
        documents = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change"]
        )
        return (
            DocumentText.objects.filter(is_current=True, document__in=documents)
            .select_related("document")
            .defer("text", "ocr_text", "index_text")
            .order_by("-pages_without_text", "status", "-updated_at")
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["ocr"] = ocr.status()
        return context
