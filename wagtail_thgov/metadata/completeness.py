"""Which required metadata a page still lacks: a table of rules, one function to apply them.

A page type lists rule names in ``thgov_required_metadata``; a name that is not a rule here is
taken as one of the page's own fields, which must then be filled in.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .files import files_of


@dataclass(frozen=True)
class Rule:
    """A named requirement: ``check(page)`` is true when the page meets it."""

    label: Promise
    check: Callable


@dataclass(frozen=True)
class MissingItem:
    """One thing the page still lacks, with a label an uploader understands."""

    name: str
    label: str


RULES = {
    "source": Rule(
        _("Source or owner of the information"),
        lambda page: bool(page.source_organisation_id or page.source_text.strip()),
    ),
    "data_period": Rule(
        _("Period the data covers (start date)"), lambda page: page.data_period_start is not None
    ),
    "fiscal_year": Rule(_("Fiscal year"), lambda page: page.fiscal_year is not None),
    "responsible_department": Rule(
        _("Responsible department"), lambda page: bool(page.responsible_department_id)
    ),
    "contact": Rule(_("Contact"), lambda page: bool(page.contact.strip())),
    "keywords": Rule(_("Keywords"), lambda page: bool(page.keyword_names)),
    "review_by": Rule(_("Review-by date"), lambda page: page.review_by is not None),
    "files": Rule(_("At least one attached file"), lambda page: bool(files_of(page))),
}


def _field_rule(model, name) -> Rule:
    field = model._meta.get_field(name)

    def check(page):
        value = getattr(page, field.attname)
        return value not in (None, "", [], ()) and (not hasattr(value, "__len__") or len(value) > 0)

    return Rule(field.verbose_name, check)


def missing_metadata(page) -> list[MissingItem]:
    """The required metadata ``page`` lacks, in the order its type declares them; empty when complete."""
    missing = []
    for name in getattr(page, "thgov_required_metadata", ()):
        rule = RULES.get(name) or _field_rule(type(page), name)
        if not rule.check(page):
            missing.append(MissingItem(name, str(rule.label)))
    return missing


def completeness(page) -> tuple[int, int]:
    """``(met, required)`` counts for a progress display."""
    required = len(getattr(page, "thgov_required_metadata", ()))
    return required - len(missing_metadata(page)), required
