"""Spreadsheet helpers for every export of the plugin: formula-safe cells, the Thai-capable styles and
write-only workbooks (openpyxl, so memory stays flat however many rows there are).

Two kinds of export use them:
- a workbook of its own (the compliance checklist, the satisfaction report): ``new_workbook`` and one
  ``Sheet`` per worksheet;
- a Wagtail report or index view with its CSV/XLSX export: the mixins of ``core.reports``, which pass
  every text cell through ``safe_cell_text``.
"""

import re

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

# Text starting with one of these is a formula (or becomes one) in Excel, LibreOffice or Google Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

FONT_NAME = "Tahoma"  # on every Windows, macOS and LibreOffice installation, and it renders Thai well
FONT = Font(name=FONT_NAME, size=10)
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=10, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
LINK_FONT = Font(name=FONT_NAME, size=10, color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
NO_WRAP = Alignment(wrap_text=False, vertical="top")
INVALID_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")


def safe_cell_text(value) -> str:
    """``value`` as spreadsheet text that can never run as a formula.

    Text that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) gets the
    spreadsheet's own "this is text" mark, a leading apostrophe; anything else is returned as it is.
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def sheet_title(name: str, used: set) -> str:
    """A valid, unique sheet title (at most 31 characters, none of ``[]:*?/\\``); ``used`` collects the
    titles given so far (lower case)."""
    base = INVALID_SHEET_CHARACTERS.sub("-", str(name))[:31] or "Sheet"
    title, number = base, 2
    while title.lower() in used:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(title.lower())
    return title


def new_workbook(title, subject) -> Workbook:
    """A write-only workbook whose document properties name it (``title``, ``subject``) and the plugin."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = str(title)
    workbook.properties.subject = str(subject)
    workbook.properties.creator = "wagtail-thgov"
    return workbook


class Sheet:
    """One write-only worksheet: column widths and the frozen header rows are set before the first row
    (a write-only sheet takes its layout only then); every cell is in the Thai-capable font."""

    def __init__(self, workbook, title, widths, header_row):
        self.sheet = workbook.create_sheet(title)
        self.columns = len(widths)
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.sheet.freeze_panes = f"A{header_row + 1}"

    def text(self, value, font=FONT, fill=None, link=None, alignment=WRAP):
        """A text cell: always a string, never a formula. Text that starts like a formula keeps its
        characters and is marked as text with the cell's "quote prefix" (the apostrophe of
        ``safe_cell_text``), which Excel and LibreOffice show as text too."""
        original = "" if value is None else str(value)
        cell = WriteOnlyCell(self.sheet, value=original)
        cell.data_type = "s"
        if safe_cell_text(original) != original:
            cell.quotePrefix = True
        cell.font = font
        cell.alignment = alignment
        if fill is not None:
            cell.fill = fill
        if link:
            cell.hyperlink = link
            cell.font = LINK_FONT
        return cell

    def number(self, value, number_format=None):
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.font = FONT
        cell.alignment = WRAP
        if number_format and value is not None:
            cell.number_format = number_format
        return cell

    def header(self, *labels):
        self.sheet.append([self.text(label, HEADER_FONT, HEADER_FILL) for label in labels])

    def title(self, value):
        self.sheet.append([self.text(value, TITLE_FONT, alignment=NO_WRAP)])

    def append(self, cells):
        self.sheet.append(cells)
