"""The annual satisfaction report as an .xlsx workbook, shaped as ITA asks for it (openpyxl write-only).

Sheets: the summary (municipality, survey, fiscal year B.E., period 1 Oct–30 Sep in Thai dates,
respondents, each question's average, share satisfied (levels 4–5) and level, the overall average and
level, and the satisfaction widget's ratings of the same fiscal year); the distribution of each question
(and of the widget's ratings); the comments. Every text cell is a ``core.spreadsheets.Sheet``
text cell: text that a spreadsheet would run as a formula is written as text.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from ..core.spreadsheets import HEADER_FILL, HEADER_FONT, NO_WRAP, Sheet, new_workbook, sheet_title
from ..core.thai import fiscal_year_label, thai_date, thai_datetime
from .models import RATING_CHOICES

PERCENT_FORMAT = "0.0"
AVERAGE_FORMAT = "0.00"


def _level(summary):
    return str(summary.level) if summary.count else ""


def summary_rows(results, widget):
    """(label, service, count, average, satisfied %, level) per rating question, the overall line and the
    satisfaction widget's lines."""
    rows = [
        (f"{number}. {result.text}", result.service, result.ratings)
        for number, result in enumerate(results.questions, start=1)
        if result.is_rating
    ]
    rows.append((_("Overall (all rating questions)"), "", results.overall))
    rows.append((_("Satisfaction widget: the whole website"), "", widget.site))
    rows.extend(
        (_("Satisfaction widget: page “%(title)s”") % {"title": page.title}, "", summary)
        for page, summary in widget.pages
    )
    return rows


def write_summary(workbook, title, results, widget, site_name, generated_at):
    start, end = results.period
    facts = [
        (_("Municipality"), site_name),
        (_("Survey"), results.page.title),
        (_("Fiscal year"), fiscal_year_label(results.fiscal_year)),
        (_("Period"), _("%(start)s to %(end)s") % {"start": thai_date(start), "end": thai_date(end)}),
        (_("Number of respondents"), results.respondents),
        (_("Overall average (out of 5)"), results.overall.average),
        (_("Overall level of satisfaction"), _level(results.overall)),
        (_("Satisfied or very satisfied (levels 4–5), percent"), results.overall.satisfied_percent),
        (_("Generated"), thai_datetime(generated_at)),
    ]
    header_row = 1 + 1 + len(facts) + 1 + 1
    sheet = Sheet(workbook, title, [48, 28, 14, 14, 18, 18], header_row)
    sheet.title(_("Report of the satisfaction survey results"))
    sheet.append([])
    for label, value in facts:
        if isinstance(value, int | float) or value is None:
            fmt = AVERAGE_FORMAT if isinstance(value, float) else None
            sheet.append([sheet.text(label, HEADER_FONT, HEADER_FILL), sheet.number(value, fmt)])
        else:
            sheet.append([sheet.text(label, HEADER_FONT, HEADER_FILL), sheet.text(value)])
    sheet.append([])
    sheet.header(
        _("Question"),
        _("Service"),
        _("Answers"),
        _("Average (out of 5)"),
        _("Satisfied (4–5), percent"),
        _("Level of satisfaction"),
    )
    for label, service, summary in summary_rows(results, widget):
        sheet.append(
            [
                sheet.text(label),
                sheet.text(service),
                sheet.number(summary.count),
                sheet.number(summary.average, AVERAGE_FORMAT),
                sheet.number(summary.satisfied_percent, PERCENT_FORMAT),
                sheet.text(_level(summary)),
            ]
        )


def write_distributions(workbook, title, results, widget):
    levels = [f"{value} {label}" for value, label in RATING_CHOICES]
    sheet = Sheet(workbook, title, [48, 28, *[14] * len(levels), 12, 14], 3)
    sheet.title(_("Distribution of the answers"))
    sheet.append(
        [sheet.text(f"{results.page.title} · {fiscal_year_label(results.fiscal_year)}", alignment=NO_WRAP)]
    )
    sheet.header(_("Question"), _("Service"), *levels, _("Answers"), _("Average (out of 5)"))
    for label, service, summary in summary_rows(results, widget):
        sheet.append(
            [
                sheet.text(label),
                sheet.text(service),
                *[sheet.number(count) for _value, _label, count, _percent in summary.distribution],
                sheet.number(summary.count),
                sheet.number(summary.average, AVERAGE_FORMAT),
            ]
        )


def write_comments(workbook, title, results, widget):
    sheet = Sheet(workbook, title, [16, 44, 12, 70], 3)
    sheet.title(_("Comments and suggestions"))
    sheet.append(
        [sheet.text(f"{results.page.title} · {fiscal_year_label(results.fiscal_year)}", alignment=NO_WRAP)]
    )
    sheet.header(_("Date"), _("Question or page"), _("Rating"), _("Comment"))
    for result in results.questions:
        for date, text in result.comments:
            sheet.append(
                [sheet.text(thai_date(date)), sheet.text(result.text), sheet.text(""), sheet.text(text)]
            )
    for date, page, rating, comment in widget.comments:
        where = (
            _("Satisfaction widget: page “%(title)s”") % {"title": page.title}
            if page is not None
            else _("Satisfaction widget: the whole website")
        )
        sheet.append(
            [sheet.text(thai_date(date)), sheet.text(where), sheet.number(rating), sheet.text(comment)]
        )


def write_report(output, results, widget, site_name: str, generated_at=None):
    """Write the annual report of ``results`` (``survey.SurveyResults``, all comments) and ``widget``
    (``survey.WidgetRatings``) to ``output`` (a path or a binary file)."""
    generated_at = generated_at or timezone.now()
    workbook = new_workbook(
        _("Report of the satisfaction survey results"),
        f"{site_name} {fiscal_year_label(results.fiscal_year)}",
    )
    used = set()
    write_summary(workbook, sheet_title(_("Summary"), used), results, widget, site_name, generated_at)
    write_distributions(workbook, sheet_title(_("Distribution"), used), results, widget)
    write_comments(workbook, sheet_title(_("Comments"), used), results, widget)
    workbook.save(output)
