"""Demo visitor statistics and satisfaction ratings, so the statistics pages show real-looking numbers.

Sixty days of page views of the home page, and twelve ratings of the site
(comments in Thai from fictional visitors). Idempotent: rows are found by their natural key.
"""

import datetime as dt

from django.utils import timezone

from wagtail_thgov.core.thai import current_fiscal_year, fiscal_year_bounds, fiscal_year_of
from wagtail_thgov.stats.models import (
    Moderation,
    PageViewDay,
    SatisfactionRating,
    SiteVisitDay,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)
from wagtail_thgov.stats.pages import SatisfactionSurveyPage

DEMO_RATINGS = [
    (5, "ข้อมูลครบถ้วน ค้นหาง่าย"),
    (4, "ดาวน์โหลดแบบฟอร์มได้สะดวก"),
    (5, ""),
    (3, "อยากให้มีข่าวกิจกรรมมากกว่านี้"),
    (4, ""),
    (5, "เจ้าหน้าที่ตอบคำถามรวดเร็ว"),
    (4, "ตัวอักษรอ่านง่าย"),
    (2, "หาประกาศจัดซื้อจัดจ้างย้อนหลังไม่เจอ"),
    (4, ""),
    (5, ""),
    (3, ""),
    (4, "ขอบคุณสำหรับข้อมูลบริการ"),
]


def build_stats_demo(builder, home, site):
    today = timezone.localdate()
    # Only the home page: the demos of other page types may run after this one.
    for offset in range(60):
        date = today - dt.timedelta(days=offset + 1)
        total = 40 + (offset * 7) % 35
        builder.row(PageViewDay, {"page": home, "date": date}, {"site": site, "views": total})
        builder.row(
            SiteVisitDay, {"site": site, "date": date}, {"views": total, "uniques": max(1, total * 2 // 5)}
        )
    for number, (rating, comment) in enumerate(DEMO_RATINGS):
        builder.row(
            SatisfactionRating,
            {
                "site": site,
                "page": None,
                "date": today - dt.timedelta(days=number + 1),
                "visitor_hash": f"demo{number:04d}",
            },
            {"rating": rating, "comment": comment},
        )


# --- the satisfaction survey: questions and fictional responses across the current fiscal year ----------

DEMO_QUESTIONS = [
    ("rating", "ความพึงพอใจต่อการให้บริการของเจ้าหน้าที่", "งานทะเบียนราษฎร"),
    ("rating", "ความพึงพอใจต่อความรวดเร็วในการให้บริการ", "การชำระภาษีที่ดินและสิ่งปลูกสร้าง"),
    ("rating", "ความพึงพอใจต่อความสะดวกของสถานที่และช่องทางการให้บริการ", ""),
    ("rating", "ความพึงพอใจต่อข้อมูลบนเว็บไซต์ของเทศบาล", ""),
    ("text", "ข้อเสนอแนะเพื่อการปรับปรุงการให้บริการ", ""),
]
DEMO_SUGGESTIONS = [
    "อยากให้เปิดบริการช่วงพักกลางวัน",
    "เจ้าหน้าที่สุภาพ อธิบายชัดเจน",
    "ที่จอดรถไม่เพียงพอในวันที่มีผู้มาติดต่อมาก",
    "ควรเพิ่มช่องทางชำระภาษีออนไลน์",
    "",
    "",
]
DEMO_RESPONSES = 48


# How the 48 fictional respondents rate each rating question, as counts of 5, 4, 3, 2 and 1: mostly
# satisfied, the speed of service and the premises a little less so, as surveys of local offices often find.
DEMO_RATING_COUNTS = [
    (18, 21, 6, 3, 0),
    (12, 19, 12, 4, 1),
    (10, 18, 13, 5, 2),
    (20, 19, 7, 2, 0),
]
# Multipliers coprime to 48, so each question's ratings are spread differently over the respondents.
DEMO_SHUFFLE = (5, 7, 11, 13)


def demo_rating(number: int, question: int) -> int:
    """The rating respondent ``number`` (0–47) gives rating question ``question`` (0–3)."""
    counts = DEMO_RATING_COUNTS[question % len(DEMO_RATING_COUNTS)]
    ratings = [value for value, n in zip((5, 4, 3, 2, 1), counts, strict=True) for _ in range(n)]
    return ratings[(number * DEMO_SHUFFLE[question % len(DEMO_SHUFFLE)]) % len(ratings)]


def build_survey_demo(builder, home, site):
    """Questions for the demo survey page (if it has none) and 48 responses spread over the fiscal year."""
    page = SatisfactionSurveyPage.objects.child_of(home).first()
    if page is None:
        return
    if not page.questions.exists():
        for order, (kind, text, service) in enumerate(DEMO_QUESTIONS):
            page.questions.add(
                SurveyQuestion(
                    kind=kind,
                    text=text,
                    service_name=service,
                    # Ratings must be given; a suggestion is the visitor's choice.
                    required=kind == "rating",
                    sort_order=order,
                )
            )
        # Save the questions before the revision is taken, so the revision (and every later publication
        # of it, such as the demo's certification) carries their ids: publishing a revision whose
        # questions have no id would replace them, leaving the answers below without a question.
        page.save()
        page.save_revision().publish()
        builder.created += 1
    questions = list(SurveyQuestion.objects.filter(page=page).order_by("sort_order"))
    today = timezone.localdate()
    start, _end = fiscal_year_bounds(current_fiscal_year())
    span = max((today - start).days, 1)
    for number in range(DEMO_RESPONSES):
        date = start + dt.timedelta(days=span * number // DEMO_RESPONSES)
        response, created = SurveyResponse.objects.get_or_create(
            page=page,
            date=date,
            visitor_hash=f"demo-survey-{number:04d}",
            defaults={"site": site, "fiscal_year": fiscal_year_of(date)},
        )
        if not created:
            continue
        builder.created += 1
        answers = []
        for index, question in enumerate(questions):
            if question.kind == "rating":
                rating, text = demo_rating(number, index), ""
            else:
                rating, text = None, DEMO_SUGGESTIONS[number % len(DEMO_SUGGESTIONS)]
                if not text:
                    continue
            answers.append(
                SurveyAnswer(
                    response=response,
                    question=question,
                    question_text=question.text,
                    service=question.service,
                    kind=question.kind,
                    rating=rating,
                    text=text,
                    # Most open answers already reviewed (shown publicly); every fifth waits on the
                    # webmaster's moderation screen.
                    moderation=Moderation.PENDING if text and number % 5 == 0 else Moderation.ACCEPTED,
                )
            )
        SurveyAnswer.objects.bulk_create(answers)
