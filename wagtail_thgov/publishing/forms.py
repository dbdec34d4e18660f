"""Admin forms: the base form of every thgov page (expiry default, schedule checks, Wagtail #13896)
and the form of a default publication period."""

import re

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks.base import BlockField
from wagtail.models import Page

from ..core.thai import thai_date, thai_datetime
from ..core.thai.admin_fields import FiscalYearField, ce_notices
from ..metadata.inventory import thgov_page_models
from ..metadata.scoping import SiteScopedChoicesFormMixin
from .expiry import bangkok_date, default_expiry, kind_choices
from .models import CountedFrom, ExpiryDefault

EXPIRY_BEFORE_GO_LIVE = _("The expiry must be later than the go-live date and time.")
EXPIRY_IN_PAST = _("This expiry date and time has already passed: choose a later one, or leave it empty.")
REVIEW_BEFORE_PUBLICATION = _("The review-by date must not be before the page is published (%(date)s).")
DEFAULT_FILLED = _(
    "Expiry set to %(date)s: the default publication period of this page type. You can change it."
)
EXPIRED_CLEARED = _(
    "This page expired on %(date)s. That expiry was removed so the page can be published again; "
    "set a new one if needed."
)


# Draftail gives every paragraph a random ``data-block-key``; HTML written by code (the demo, imports,
# migrations) has none. Keys alone are not an edit.
_BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def _without_block_keys(value):
    """``value`` (HTML, or a StreamField's JSON-ready data) with every rich-text block key removed."""
    if isinstance(value, str):
        return _BLOCK_KEY.sub("", value)
    if isinstance(value, dict):
        return {key: _without_block_keys(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_without_block_keys(item) for item in value]
    return value


def honest_has_changed(form):
    """Make ``form.has_changed()`` report only what the editor changed.

    * No hidden "initial-" twin for fields with a callable model default (``news_date =
      timezone.localdate``): Wagtail's editor never renders it, so Django read the missing twin as a change.
    * Rich text (plain fields and inside StreamFields) compared without Draftail's block keys.
    """
    # Imported here: the Draftail module loads Page, and this module is imported while models load.
    from wagtail.admin.rich_text import DraftailRichTextArea

    for field in form.fields.values():
        field.show_hidden_initial = False
        if isinstance(field, BlockField):
            block = field.block
            field.has_changed = lambda initial, data, block=block: (
                _without_block_keys(block.get_prep_value(initial))
                != _without_block_keys(block.get_prep_value(data))
            )
        elif isinstance(field.widget, DraftailRichTextArea):
            field.has_changed = lambda initial, data: (
                _without_block_keys(initial or "") != _without_block_keys(data or "")
            )


def fiscal_year_field(field):
    """The fiscal-year field as a text box that explains a Christian-Era year, instead of a number box the
    browser refuses 2026 in without saying why."""
    return FiscalYearField(
        required=field.required,
        label=field.label,
        help_text=field.help_text,
        min_value=2500,
        max_value=2700,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "2569"}),
    )


def _same_minute(first, second) -> bool:
    """The admin widget shows minutes only, so an unchanged value comes back without its seconds."""
    return abs(first - second).total_seconds() < 60


def describe_default(default) -> str:
    """A default period in words, for the editor: "Alert or urgent news: 7 days after it goes live"."""
    if default.days is None:
        return ""
    if default.counted_from == CountedFrom.PERIOD_END:
        text = _("%(days)s days after its period ends") % {"days": default.days}
    else:
        text = _("%(days)s days after it goes live") % {"days": default.days}
    return f"{default.get_kind_display()}: {text}" if default.kind else str(text)


class ThgovPageForm(SiteScopedChoicesFormMixin, WagtailAdminPageForm):
    """Base form of thgov pages.

    * Information sources (and other site-scoped rows) of another site are refused: see
      ``metadata.scoping.SiteScopedChoicesFormMixin``.

    * A new page saved without an expiry gets the default of its site, type and kind; the editor is
      told and can change it.
    * Expiry before go-live, an expiry that has passed, and a review-by date before publication are
      refused on their own field, with the rest of the form kept.
    * An expired page whose past expiry is submitted unchanged has it cleared, so that it can be edited
      and published again (Wagtail leaves ``expire_at`` set and would refuse it: wagtail#13896).
    * ``has_changed()`` is honest: a field whose model default is callable (``news_date =
      timezone.localdate``) gets no hidden "initial-" twin, which Wagtail's editor never renders. Without
      this, every submission of an unchanged page counted as an edit, so approving from the editor's
      footer saved a new revision and, with ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT``, restarted
      the workflow at step 1.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        honest_has_changed(self)
        if "fiscal_year" in self.fields:
            self.fields["fiscal_year"] = fiscal_year_field(self.fields["fiscal_year"])
        self.filled_expiry = None
        self.cleared_expiry = None
        if "expire_at" in self.fields and self.instance.pk is None and self.parent_page is not None:
            described = [describe_default(row) for row in self._defaults()]
            if any(described):
                self.fields["expire_at"].help_text = _("Leave empty for the default: %(defaults)s.") % {
                    "defaults": "; ".join(text for text in described if text)
                }

    def _defaults(self):
        site = self._site()
        rows = ExpiryDefault.objects.filter(page_type=ContentType.objects.get_for_model(self._meta.model))
        rows = rows.filter(Q(site=site) | Q(site__isnull=True)) if site else rows.filter(site__isnull=True)
        chosen = {}
        for row in rows.order_by(F("site_id").asc(nulls_first=True)):  # the site's own rows override
            chosen[row.kind] = row
        return [chosen[kind] for kind in sorted(chosen)]

    def clean(self):
        cleaned_data = super().clean()
        now = timezone.now()
        if "expire_at" in self.fields:
            self._clear_passed_expiry_of_expired_page(now)
            self._check_schedule(now)
            self._fill_default_expiry(now)
        if "review_by" in self.fields:
            self._check_review_by(now)
        self.instance._thgov_ce_notices = ce_notices(self)
        return cleaned_data

    def _clear_passed_expiry_of_expired_page(self, now):
        expire_at = self.cleaned_data.get("expire_at")
        stored = self.instance.expire_at
        if not (
            expire_at and stored and expire_at <= now and self.instance.pk and _same_minute(expire_at, stored)
        ):
            return
        # The form's instance is the latest revision, whose ``expired`` flag is stale: ask the page row.
        if not Page.objects.filter(pk=self.instance.pk, expired=True).exists():
            return
        self.cleaned_data["expire_at"] = None
        self.cleared_expiry = stored
        self.instance._thgov_cleared_expiry = stored
        self.fields["expire_at"].help_text = EXPIRED_CLEARED % {"date": thai_datetime(stored)}

    def _check_schedule(self, now):
        go_live_at = self.cleaned_data.get("go_live_at")
        expire_at = self.cleaned_data.get("expire_at")
        if expire_at and go_live_at and expire_at <= go_live_at:
            self.add_error("expire_at", EXPIRY_BEFORE_GO_LIVE)
        elif expire_at and expire_at <= now:
            self.add_error("expire_at", EXPIRY_IN_PAST)

    def _fill_default_expiry(self, now):
        if self.instance.pk is not None or self.cleaned_data.get("expire_at") or self.has_error("expire_at"):
            return
        expire_at, _default = default_expiry(self._site(), self._meta.model, self.cleaned_data, now)
        go_live_at = self.cleaned_data.get("go_live_at")
        if expire_at is None or (go_live_at and expire_at <= go_live_at):
            return
        self.cleaned_data["expire_at"] = expire_at
        self.filled_expiry = expire_at
        self.instance._thgov_default_expiry = expire_at
        self.fields["expire_at"].help_text = DEFAULT_FILLED % {"date": thai_datetime(expire_at)}

    def _check_review_by(self, now):
        review_by = self.cleaned_data.get("review_by")
        if not review_by:
            return
        published = self.cleaned_data.get("go_live_at") or self.instance.first_published_at or now
        if review_by < bangkok_date(published):
            self.add_error(
                "review_by", REVIEW_BEFORE_PUBLICATION % {"date": thai_date(bangkok_date(published))}
            )


def notify_editor_of_expiry(request, page):
    """``after_create_page`` / ``after_edit_page`` hook: tell the editor what the form did to the expiry."""
    filled = getattr(page, "_thgov_default_expiry", None)
    if filled:
        messages.info(request, DEFAULT_FILLED % {"date": thai_datetime(filled)})
    cleared = getattr(page, "_thgov_cleared_expiry", None)
    if cleared:
        messages.info(request, EXPIRED_CLEARED % {"date": thai_datetime(cleared)})
    for notice in getattr(page, "_thgov_ce_notices", ()):
        messages.warning(request, notice)


class ExpiryDefaultForm(WagtailAdminModelForm):
    """Page types by their names, and the kinds of each type as a grouped list."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "page_type" in self.fields:
            self.fields["page_type"].label_from_instance = lambda content_type: capfirst(
                content_type.model_class()._meta.verbose_name
                if content_type.model_class()
                else content_type.model
            )
        if "kind" in self.fields:
            groups = [
                (capfirst(model._meta.verbose_name), kind_choices(model))
                for model in thgov_page_models()
                if kind_choices(model)
            ]
            field = self.fields["kind"]
            self.fields["kind"] = forms.ChoiceField(
                label=field.label,
                help_text=field.help_text,
                required=False,
                choices=[("", _("Every kind"))] + groups,
            )
