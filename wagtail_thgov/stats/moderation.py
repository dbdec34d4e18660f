"""Open answers of satisfaction surveys waiting for a webmaster (Reports → "Survey open answers").

While ``THGOV_SURVEY_MODERATION`` is on (the default) an open answer appears on the public results only
once a webmaster of its site accepts it, so a visitor cannot publish spam on the municipality's page. The
screen lists the open answers of the user's sites (``permissions.stats_sites``), waiting ones first; each
row has Accept and Reject buttons posting to ``moderate_answer``, which looks the answer up among the
same sites only (another municipality's answer, a lower role or a forged id get 404 or 403).
"""

import django_filters
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from ..core.thai import thai_date
from .models import Moderation, QuestionKind, SurveyAnswer
from .permissions import can_view_stats, stats_sites

DECISIONS = {"accept": Moderation.ACCEPTED, "reject": Moderation.REJECTED}


def open_answers(user):
    """Non-empty open answers of the surveys of the sites ``user`` may moderate."""
    return (
        SurveyAnswer.objects.filter(kind=QuestionKind.TEXT, response__site__in=stats_sites(user))
        .exclude(text="")
        .select_related("response__page", "response__site")
    )


class ModerationFilterSet(WagtailFilterSet):
    moderation = django_filters.ChoiceFilter(
        label=_("Moderation"), choices=Moderation.choices, empty_label=_("All")
    )

    class Meta:
        model = SurveyAnswer
        fields = ["moderation"]


class ModerationActionsColumn(Column):
    """Accept and Reject buttons: two small POST forms (a cell is rendered without the view's context, so
    it is given the CSRF token and the address to come back to)."""

    cell_template_name = "wagtail_thgov/stats/moderation_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request else ""
        context["next_url"] = request.get_full_path() if request else ""
        return context


class SurveyAnswerModerationView(ReportView):
    page_title = _("Survey open answers")
    header_icon = "comment"
    index_url_name = "thgov_stats:survey_moderation"
    index_results_url_name = "thgov_stats:survey_moderation_results"
    filterset_class = ModerationFilterSet
    paginate_by = 50
    no_results_message = _("There are no open answers to review.")
    columns = [
        Column("date", label=_("Date"), accessor=lambda answer: thai_date(answer.response.date)),
        Column("survey", label=_("Survey"), accessor="response.page.title"),
        Column("question_text", label=_("Question")),
        Column("text", label=_("Answer")),
        Column("moderation", label=_("Moderation"), accessor="get_moderation_display"),
        ModerationActionsColumn("actions", label=_("Actions")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_stats(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def default_ordering(self):
        return None

    def get_queryset(self):
        # Waiting answers first, newest first.
        return open_answers(self.request.user).order_by("-moderation", "-response__created_at", "-pk")


@require_POST
def moderate_answer(request, pk):
    """Accept or reject one open answer of the user's sites; the public survey page changes at once."""
    if not can_view_stats(request.user):
        return permission_denied(request)
    decision = DECISIONS.get(request.POST.get("decision", ""))
    if decision is None:
        raise Http404
    answer = get_object_or_404(open_answers(request.user), pk=pk)
    answer.moderation = decision
    answer.save(update_fields=["moderation"])
    # Answers never empty the page cache (they are written by citizens); a decision changes the survey
    # page, so its site's pages are made stale here.
    from ..cache.invalidation import invalidate_sites  # stats reaches up to the page cache on purpose

    invalidate_sites([answer.response.site_id])
    if decision == Moderation.ACCEPTED:
        messages.success(request, _("The answer was accepted and is shown on the survey's results."))
    else:
        messages.success(request, _("The answer was rejected and is not shown to the public."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("thgov_stats:survey_moderation")
    return HttpResponseRedirect(target)
