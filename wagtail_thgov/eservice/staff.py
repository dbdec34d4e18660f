"""The admin side: the "e-Service requests" viewset (listing, filters, export, handling form) and the
monthly statistics report. Staff see only requests of the sites they are webmasters of."""

import django_filters
from django import forms
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.reports import ReportView

from ..core.spreadsheets import safe_cell_text
from ..core.thai import thai_date, thai_datetime
from ..core.viewsets import SiteScopedModelViewSet, SiteScopedPermissionPolicy
from ..metadata.models import InformationSource
from .mail import notify_citizen_update
from .models import (
    CLOSED_STATUSES,
    NEXT_STATUSES,
    RequestEvent,
    RequestStatus,
    ServiceRequest,
)
from .pages import EServiceKind, EServicePage
from .permissions import REQUEST_SCOPE, STATISTICS_PERMISSION, request_sites, staff_of_site
from .statistics import ROW_FIELDS, monthly_statistics

KIND_LABELS = dict(EServiceKind.choices)


class ServiceRequestPermissionPolicy(SiteScopedPermissionPolicy):
    """Requests are created by citizens only and never deleted by hand (retention erases them); a user
    acts only on requests of their own sites (``REQUEST_SCOPE``)."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


def _text(value):
    return safe_cell_text("" if value is None else value)


def _date(value):
    return thai_date(value) if value else ""


def _datetime(value):
    return thai_datetime(value) if value else ""


def _user_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class OverdueFilter(django_filters.BooleanFilter):
    def filter(self, queryset, value):
        if value is None:
            return queryset
        return queryset.filter(is_overdue=value)


class ServiceRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RequestStatus.choices)
    page = django_filters.ModelChoiceFilter(label=_("e-Service"), queryset=EServicePage.objects.none())
    department = django_filters.ModelChoiceFilter(
        label=_("Responsible department"), queryset=InformationSource.objects.none()
    )
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)
    overdue = OverdueFilter(
        label=_("Overdue"),
        widget=forms.Select(choices=[("", _("All")), ("true", _("Overdue")), ("false", _("On time"))]),
    )

    class Meta:
        model = ServiceRequest
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        sites = request_sites(request.user) if request else []
        roots = [site.root_page for site in sites.select_related("root_page")] if request else []
        pages = EServicePage.objects.none()
        for root in roots:
            pages = pages | EServicePage.objects.descendant_of(root)
        self.filters["page"].queryset = pages.order_by("title")
        self.filters["department"].queryset = InformationSource.objects.filter(
            pk__in=ServiceRequest.objects.filter(site__in=sites).values("department_id")
        )


class RequestTable(Table):
    """Overdue rows carry a class the admin CSS highlights (their status cell also says so in words)."""

    def get_row_classname(self, instance):
        return "thgov-request--overdue" if getattr(instance, "is_overdue", False) else ""


class StatusColumn(Column):
    cell_template_name = "wagtail_thgov/eservice/admin/status_cell.html"


def _both(fn):
    return {"csv": fn, "xlsx": fn}


# Every text cell is formula-safe (a service title or name could start with "="); dates are B.E.
EXPORT_PREPROCESS = {
    "tracking_code": _both(_text),
    "service_title": _both(_text),
    "kind": _both(lambda value: _text(KIND_LABELS.get(value, value))),
    "department": _both(_text),
    "status": _both(lambda value: _text(dict(RequestStatus.choices).get(value, value))),
    "submitted_at": _both(_datetime),
    "due_date": _both(_date),
    "closed_at": _both(_datetime),
    "assigned_to": _both(lambda user: _text(_user_name(user))),
    "is_overdue": _both(lambda value: str(_("Yes")) if value else str(_("No"))),
}


class ServiceRequestIndexView(IndexView):
    # The viewset does not pass this on to its index view: set here.
    custom_field_preprocess = EXPORT_PREPROCESS

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("department", "assigned_to").annotate_overdue()

    @property
    def table_class(self):
        return RequestTable


class ServiceRequestSummaryPanel(Panel):
    """Read-only: what the citizen sent, the attachments, the history (with internal notes)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_thgov/eservice/admin/summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            request = self.instance
            context.update(
                {
                    "service_request": request,
                    "kind_label": KIND_LABELS.get(request.kind, request.kind),
                    "overdue": request.overdue_on(),
                    "attachments": [
                        (attachment, reverse("thgov_eservice:attachment", args=[attachment.pk]))
                        for attachment in request.attachments.all()
                    ],
                    "events": request.events.select_related("actor", "assigned_to"),
                }
            )
            return context


class ServiceRequestActionForm(WagtailAdminModelForm):
    """Assignment, status change, a message to the citizen and an internal note: one history entry."""

    message_to_citizen = forms.CharField(
        label=_("Message to the citizen"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the status page and e-mailed to the citizen if they gave an address."),
    )
    internal_note = forms.CharField(
        label=_("Internal note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by staff only."),
    )

    class Meta:
        model = ServiceRequest
        fields = ["assigned_to", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.old_status = self.instance.status
        self.old_assignee_id = self.instance.assigned_to_id
        self.fields["assigned_to"].queryset = staff_of_site(self.instance.site_id)
        allowed = (self.old_status, *NEXT_STATUSES[RequestStatus(self.old_status)])
        self.fields["status"].choices = [
            (value, label) for value, label in RequestStatus.choices if value in allowed
        ]
        self.event = None

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status", self.old_status)
        assignee = cleaned.get("assigned_to")
        changed = status != self.old_status or (assignee.pk if assignee else None) != self.old_assignee_id
        if status != self.old_status and status in CLOSED_STATUSES and not cleaned.get("message_to_citizen"):
            self.add_error(
                "message_to_citizen", _("Tell the citizen the outcome before closing the request.")
            )
        elif not (changed or cleaned.get("message_to_citizen") or cleaned.get("internal_note")):
            raise forms.ValidationError(
                _("Nothing to record: change the status or the assignment, or write a message or a note.")
            )
        return cleaned

    def save(self, commit=True):
        request = self.instance
        now = timezone.now()
        if request.status != self.old_status and request.status in CLOSED_STATUSES:
            request.closed_at = now
            request.closed_on = timezone.localdate(now)
        request = super().save(commit=commit)
        assignee_changed = request.assigned_to_id != self.old_assignee_id
        self.event = RequestEvent.objects.create(
            request=request,
            created_at=now,
            actor=self.for_user,
            old_status=self.old_status,
            new_status=request.status,
            assigned_to=request.assigned_to if assignee_changed else None,
            message_to_citizen=self.cleaned_data.get("message_to_citizen", "").strip(),
            internal_note=self.cleaned_data.get("internal_note", "").strip(),
        )
        return request


class ServiceRequestEditView(EditView):
    """The handling page: the request in full, then the action form. (The viewset's scope makes a
    request of a site the user does not handle "not found".)"""

    page_title = _("Handle request")

    def get_queryset(self):
        return super().get_queryset().select_related("site", "page", "department", "assigned_to")

    def save_instance(self):
        instance = super().save_instance()
        event = self.form.event
        transaction.on_commit(lambda: _notify_citizen(instance.pk, event.pk))
        return instance

    def get_success_message(self, instance=None):
        return _("Request %(code)s updated.") % {"code": self.object.tracking_code}

    def get_success_url(self):
        return reverse(self.edit_url_name, args=[self.object.pk])


def _notify_citizen(request_pk, event_pk):
    import logging

    event = (
        RequestEvent.objects.select_related("request__site")
        .filter(pk=event_pk, request_id=request_pk)
        .first()
    )
    if event is None:
        return
    try:
        notify_citizen_update(event.request, event)
    except Exception:
        logging.getLogger(__name__).exception(
            "thgov e-service: the citizen of %s could not be e-mailed", event.request.tracking_code
        )


class ServiceRequestViewSet(SiteScopedModelViewSet):
    """Admin menu "e-Service requests"."""

    model = ServiceRequest
    name = "thgov_eservice_requests"
    icon = "mail"
    menu_label = _("e-Service requests")
    menu_order = 460
    add_to_admin_menu = True
    copy_view_enabled = False
    site_scope = REQUEST_SCOPE
    permission_policy_class = ServiceRequestPermissionPolicy
    index_view_class = ServiceRequestIndexView
    edit_view_class = ServiceRequestEditView
    filterset_class = ServiceRequestFilterSet
    # ServiceRequest is not in the search index: the ORM searches these (a code read out on the phone).
    search_fields = ["tracking_code", "service_title"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-submitted_at", "-pk"]
    list_display = [
        TitleColumn("tracking_code", label=_("Tracking code"), url_name="thgov_eservice_requests:edit"),
        Column("service_title", label=_("e-Service")),
        Column("department", label=_("Responsible department")),
        StatusColumn("status", label=_("Status")),
        Column(
            "submitted_at", label=_("Submitted"), accessor=lambda r: thai_datetime(r.submitted_at, "medium")
        ),
        Column("due_date", label=_("Due"), accessor=lambda r: thai_date(r.due_date, "medium")),
        Column("assigned_to", label=_("Assigned to"), accessor=lambda r: _user_name(r.assigned_to)),
    ]
    list_export = [
        "tracking_code",
        "service_title",
        "kind",
        "department",
        "status",
        "submitted_at",
        "due_date",
        "closed_at",
        "assigned_to",
        "is_overdue",
    ]
    export_headings = {
        "tracking_code": _("Tracking code"),
        "service_title": _("e-Service"),
        "kind": _("Kind of service"),
        "department": _("Responsible department"),
        "status": _("Status"),
        "submitted_at": _("Submitted"),
        "due_date": _("Due"),
        "closed_at": _("Closed"),
        "assigned_to": _("Assigned to"),
        "is_overdue": _("Overdue"),
    }
    export_filename = "thgov-eservice-requests"

    def get_edit_handler(self):
        panels = [
            ServiceRequestSummaryPanel(heading=_("Request")),
            FieldPanel("assigned_to"),
            FieldPanel("status"),
            FieldPanel("message_to_citizen"),
            FieldPanel("internal_note"),
        ]
        return ObjectList(panels, base_form_class=ServiceRequestActionForm).bind_to_model(ServiceRequest)

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if getattr(pattern, "name", None) not in ("add", "delete", "copy")
        ]


# --- Monthly statistics ---------------------------------------------------------------------------


class StatisticsFilterSet(WagtailFilterSet):
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)
    kind = django_filters.ChoiceFilter(label=_("Kind of service"), choices=EServiceKind.choices)

    class Meta:
        model = ServiceRequest
        fields = []


def _average(value):
    return "" if value is None else value


class MonthlyStatisticsView(ReportView):
    """Received, completed, rejected, open and overdue requests, and the average handling days, per
    service and month (Bangkok time): the ITA figure of complaints handled."""

    page_title = _("e-Service statistics")
    header_icon = "table"
    index_url_name = "thgov_eservice:statistics"
    index_results_url_name = "thgov_eservice:statistics_results"
    filterset_class = StatisticsFilterSet
    paginate_by = 100
    columns = [
        Column("month", label=_("Month"), accessor=lambda row: thai_date(row.month, "full").split(" ", 1)[1]),
        Column("service", label=_("e-Service")),
        Column("kind", label=_("Kind of service"), accessor=lambda row: KIND_LABELS.get(row.kind, row.kind)),
        Column("received", label=_("Received")),
        Column("completed", label=_("Completed")),
        Column("rejected", label=_("Rejected")),
        Column("open", label=_("Still open")),
        Column("overdue", label=_("Overdue")),
        Column("average_handling_days", label=_("Average handling days"), accessor="average_handling_days"),
    ]
    list_export = [
        "month",
        "service",
        "kind",
        "received",
        "completed",
        "rejected",
        "open",
        "overdue",
        "average_handling_days",
    ]
    export_headings = {
        "month": _("Month"),
        "service": _("e-Service"),
        "kind": _("Kind of service"),
        "received": _("Received"),
        "completed": _("Completed"),
        "rejected": _("Rejected"),
        "open": _("Still open"),
        "overdue": _("Overdue"),
        "average_handling_days": _("Average handling days"),
    }
    custom_field_preprocess = {
        "month": {fmt: (lambda value: thai_date(value, "full").split(" ", 1)[1]) for fmt in ("csv", "xlsx")},
        "service": {fmt: _text for fmt in ("csv", "xlsx")},
        "kind": {fmt: (lambda value: _text(KIND_LABELS.get(value, value))) for fmt in ("csv", "xlsx")},
        "average_handling_days": {fmt: _average for fmt in ("csv", "xlsx")},
    }

    def dispatch(self, request, *args, **kwargs):
        from wagtail.admin.auth import permission_denied

        if not request_sites(request.user, STATISTICS_PERMISSION).exists():
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "thgov-eservice-statistics"

    def get_base_queryset(self):
        return ServiceRequest.objects.filter(site__in=request_sites(self.request.user, STATISTICS_PERMISSION))

    def get_filtered_queryset(self):
        requests = super().get_filtered_queryset()
        return monthly_statistics(requests.values_list(*ROW_FIELDS), timezone.localdate())
