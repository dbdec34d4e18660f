"""The satisfaction survey page: its public form, how a submission is stored, and the results per fiscal year.

A submission is stored whole or not at all (one transaction): one ``SurveyResponse`` and one
``SurveyAnswer`` per answered question. At most one response per survey per visitor a day, by the same
daily salted hash as the page-view counter (no cookie, no IP address stored).
"""

from dataclasses import dataclass, field

from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..core.thai import fiscal_year_bounds, fiscal_year_of
from . import conf
from .models import (
    ANSWER_MAX_LENGTH,
    RATING_CHOICES,
    Moderation,
    QuestionKind,
    SatisfactionRating,
    SurveyAnswer,
    SurveyResponse,
)
from .visitors import address_hash, request_digest, visitor_hash

FORM_MARKER = "thgov_survey"
HONEYPOT = "website"  # hidden from people; robots fill it in
RESULT_PARAMETER = "thgov_survey"
FISCAL_YEAR_PARAMETER = "fiscal_year"
PUBLIC_COMMENTS = 20  # open answers shown per question on the public page (newest first)

MESSAGES = {
    "thanks": _("Thank you. Your answers have been recorded."),
    "already": _("You have already answered this survey today. You can answer it again tomorrow."),
    "refused": _("Your answers could not be accepted."),
    "no_questions": _("This survey has no questions yet."),
    "limit": _(
        "This survey has received as many answers from your network today as it accepts. "
        "Please try again tomorrow."
    ),
}


def satisfied(rating) -> bool:
    """Levels 4 and 5 (มาก, มากที่สุด) count as satisfied in the annual report."""
    return rating >= 4


def level_label(average):
    """The Thai interpretation of an average on the five-point scale (class width 0.8 from 1.00):
    4.21–5.00 highest, 3.41–4.20 high, 2.61–3.40 moderate, 1.81–2.60 low, 1.00–1.80 lowest."""
    if average is None:
        return ""
    labels = dict(RATING_CHOICES)
    for bound, value in ((4.205, 5), (3.405, 4), (2.605, 3), (1.805, 2)):
        if average >= bound:
            return labels[value]
    return labels[1]


# --- the public form ---------------------------------------------------------------------------------


def field_name(question) -> str:
    return f"q{question.pk}"


class SurveyForm(forms.Form):
    """One field per question of the live page, plus the honeypot; messages are translated (Thai)."""

    def __init__(self, questions, *args, **kwargs):
        kwargs.setdefault("auto_id", "thgov-survey-%s")
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            if question.kind == QuestionKind.RATING:
                self.fields[field_name(question)] = forms.TypedChoiceField(
                    label=question.text,
                    choices=RATING_CHOICES,
                    coerce=int,
                    required=question.required,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _("Please choose a level from 1 to 5."),
                        "invalid_choice": _("Please choose a level from 1 to 5."),
                    },
                )
            else:
                self.fields[field_name(question)] = forms.CharField(
                    label=question.text,
                    required=question.required,
                    max_length=ANSWER_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    error_messages={
                        "required": _("Please write an answer."),
                        "max_length": _("The answer is too long (at most %(limit_value)d characters)."),
                    },
                )
            self.fields[field_name(question)].question = question
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    @property
    def question_fields(self):
        return [self[field_name(question)] for question in self.questions]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(MESSAGES["refused"], code="refused")
        if not self.questions:
            raise forms.ValidationError(MESSAGES["no_questions"], code="no_questions")
        if not any(cleaned.get(field_name(question)) not in (None, "") for question in self.questions):
            raise forms.ValidationError(_("Please answer at least one question."), code="empty")
        return cleaned


def submit(request, page, site, form) -> str:
    """Store a valid form as one response; return ``"thanks"``, ``"already"`` or ``"limit"``."""
    today = timezone.localdate()
    visitor = visitor_hash(request_digest(request), today)
    address = address_hash(request, today)
    answers = []
    for question in form.questions:
        value = form.cleaned_data.get(field_name(question))
        if value in (None, ""):
            continue
        rating = value if question.kind == QuestionKind.RATING else None
        text = value.strip() if question.kind == QuestionKind.TEXT else ""
        if rating is None and not text:
            continue
        answers.append(
            SurveyAnswer(
                question=question,
                question_text=question.text,
                service=question.service,
                kind=question.kind,
                rating=rating,
                text=text,
            )
        )
    try:
        with transaction.atomic():
            used = SurveyResponse.objects.filter(page=page, date=today, address_hash=address).count()
            if used >= conf.survey_responses_per_address():
                return "limit"
            response = SurveyResponse.objects.create(
                site=site,
                page=page,
                date=today,
                fiscal_year=fiscal_year_of(today),
                visitor_hash=visitor,
                address_hash=address,
            )
            for answer in answers:
                answer.response = response
            SurveyAnswer.objects.bulk_create(answers)
    except IntegrityError:  # the unique constraint: one response per survey per visitor a day
        return "already"
    return "thanks"


# --- results -----------------------------------------------------------------------------------------


def distribution_of(counts: dict):
    """``[(value, label, count, percent)]`` from 5 down to 1 for ``{rating: count}``."""
    total = sum(counts.values())
    return [
        (value, label, counts.get(value, 0), round(100 * counts.get(value, 0) / total) if total else 0)
        for value, label in RATING_CHOICES
    ]


@dataclass
class RatingSummary:
    """Average, number, distribution and share satisfied (4–5) of a set of 1–5 ratings."""

    counts: dict

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    @property
    def average(self):
        total = self.count
        if not total:
            return None
        return round(sum(value * n for value, n in self.counts.items()) / total, 2)

    @property
    def satisfied_percent(self):
        total = self.count
        if not total:
            return None
        return round(100 * sum(n for value, n in self.counts.items() if satisfied(value)) / total, 1)

    @property
    def distribution(self):
        return distribution_of(self.counts)

    @property
    def level(self):
        return level_label(self.average)


@dataclass
class QuestionResult:
    key: object  # the question's pk, or its text for a question since removed
    text: str
    service: str
    kind: str
    ratings: RatingSummary = field(default_factory=lambda: RatingSummary({}))
    answers: int = 0
    comments: list = field(default_factory=list)  # (date, text), newest first
    chart: str = ""  # SVG of the distribution, set by ``charts.add_question_charts``

    @property
    def is_rating(self) -> bool:
        return self.kind == QuestionKind.RATING


@dataclass
class SurveyResults:
    page: object
    fiscal_year: int
    respondents: int
    questions: list
    overall: RatingSummary

    @property
    def period(self):
        return fiscal_year_bounds(self.fiscal_year)


def public_comments_only() -> dict:
    """The filter of open answers shown to the public: accepted ones while moderation is on."""
    return {"moderation": Moderation.ACCEPTED} if conf.survey_moderation() else {}


def survey_results(page, fiscal_year, comments_limit=None, public=False) -> SurveyResults:
    """Per-question results of ``page`` in ``fiscal_year`` (B.E.), in four queries whatever the numbers.

    Questions are those of the live page in their order, then questions answered but since removed.
    An answer whose question was removed counts under a live question of the same text and kind (a
    question deleted and added again, or replaced when an older revision was published), so a question
    is never shown twice.
    ``public``: only the open answers a webmaster accepted (``public_comments_only``) are listed.
    """
    responses = SurveyResponse.objects.filter(page=page, fiscal_year=fiscal_year)
    respondents = responses.count()
    answers = SurveyAnswer.objects.filter(response__page=page, response__fiscal_year=fiscal_year)
    results, order, by_text = {}, [], {}
    for question in page.questions.all():
        results[question.pk] = QuestionResult(question.pk, question.text, question.service, question.kind)
        order.append(question.pk)
        by_text.setdefault((question.text, question.kind), question.pk)

    def result_for(question_id, text, service, kind):
        if question_id in results:
            key = question_id
        else:
            key = by_text.get((text, kind), question_id or text)
        if key not in results:
            results[key] = QuestionResult(key, text, service, kind)
            order.append(key)
        return results[key]

    for row in (
        answers.values("question_id", "question_text", "service", "kind", "rating")
        .annotate(n=Count("pk"))
        .order_by("question_id", "question_text", "rating")
    ):
        result = result_for(row["question_id"], row["question_text"], row["service"], row["kind"])
        result.answers += row["n"]
        if row["rating"] is not None:
            result.ratings.counts[row["rating"]] = result.ratings.counts.get(row["rating"], 0) + row["n"]
    comments = (
        answers.filter(kind=QuestionKind.TEXT, **(public_comments_only() if public else {}))
        .exclude(text="")
        .order_by("-response__created_at", "-pk")
        .values_list("question_id", "question_text", "service", "kind", "response__date", "text")
    )
    for question_id, text, service, kind, date, answer in comments:
        result = result_for(question_id, text, service, kind)
        if comments_limit is None or len(result.comments) < comments_limit:
            result.comments.append((date, answer))
    overall = {}
    for key in order:
        for value, n in results[key].ratings.counts.items():
            overall[value] = overall.get(value, 0) + n
    return SurveyResults(
        page=page,
        fiscal_year=fiscal_year,
        respondents=respondents,
        questions=[results[key] for key in order],
        overall=RatingSummary(overall),
    )


def answered_fiscal_years(page) -> list:
    """Fiscal years (B.E.) in which ``page`` has responses, newest first."""
    return list(
        SurveyResponse.objects.filter(page=page)
        .order_by("-fiscal_year")
        .values_list("fiscal_year", flat=True)
        .distinct()
    )


# --- the satisfaction widget's ratings, for the annual report -----------------------------------------


@dataclass
class WidgetRatings:
    site: RatingSummary
    pages: list  # (page, RatingSummary), most rated first
    comments: list  # (date, page or None, rating, comment), newest first


def widget_ratings(site, fiscal_year, page_limit=50) -> WidgetRatings:
    """The satisfaction widget's ratings of ``site`` (whole site and per page) in ``fiscal_year``: 3 queries."""
    from wagtail.models import Page

    start, end = fiscal_year_bounds(fiscal_year)
    ratings = SatisfactionRating.objects.filter(site=site, date__gte=start, date__lte=end)
    site_counts, by_page = {}, {}
    for page_id, rating, n in (
        ratings.values_list("page_id", "rating").annotate(n=Count("pk")).order_by("page_id", "rating")
    ):
        target = site_counts if page_id is None else by_page.setdefault(page_id, {})
        target[rating] = n
    ranked = sorted(by_page.items(), key=lambda item: (-sum(item[1].values()), item[0]))[:page_limit]
    commented = list(
        ratings.exclude(comment="")
        .order_by("-created_at", "-pk")
        .values_list("date", "page_id", "rating", "comment")
    )
    pages = Page.objects.in_bulk(
        {page_id for page_id, _counts in ranked} | {row[1] for row in commented if row[1] is not None}
    )
    return WidgetRatings(
        site=RatingSummary(site_counts),
        pages=[(pages[page_id], RatingSummary(counts)) for page_id, counts in ranked if page_id in pages],
        comments=[
            (date, pages.get(page_id) if page_id else None, rating, comment)
            for date, page_id, rating, comment in commented
        ],
    )
