"""Thai foundations: Buddhist-Era dates, fiscal years, Thai numerals."""

from .dates import BE_OFFSET, be_year, thai_date, thai_datetime, to_bangkok
from .fiscal import current_fiscal_year, fiscal_year_bounds, fiscal_year_label, fiscal_year_of
from .numerals import thai_digits

__all__ = [
    "BE_OFFSET",
    "be_year",
    "current_fiscal_year",
    "fiscal_year_bounds",
    "fiscal_year_label",
    "fiscal_year_of",
    "thai_date",
    "thai_datetime",
    "thai_digits",
    "to_bangkok",
]
