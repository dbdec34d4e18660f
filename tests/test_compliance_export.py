"""The compliance workbook: layout, Thai dates, hyperlinks, formula-safe text, and that it opens in
openpyxl and in LibreOffice."""

import csv
import subprocess

import pytest
from django.utils import translation
from openpyxl import load_workbook

from tests.compliance_support import compliance_site, publish
from wagtail_thgov.compliance.export import HEADER_ROW, write_workbook
from wagtail_thgov.compliance.models import Standard
from wagtail_thgov.compliance.results import site_results
from wagtail_thgov.core.spreadsheets import safe_cell_text
from wagtail_thgov.core.thai import current_fiscal_year
from wagtail_thgov.pages.agency import AgencyIndexPage, AgencyInfoPage

FORMULA_TITLE = '=HYPERLINK("http://example.com","x")'


@pytest.mark.parametrize(
    "value, expected",
    [
        (FORMULA_TITLE, "'" + FORMULA_TITLE),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ประวัติความเป็นมา", "ประวัติความเป็นมา"),
        ("1+1", "1+1"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (2568, "2568"),
    ],
)
def test_safe_cell_text_marks_formula_like_text_as_text(value, expected):
    assert safe_cell_text(value) == expected


@pytest.fixture
def workbook_path(db, tmp_path):
    site = compliance_site(certification=False)
    agency = publish(site.root_page, AgencyIndexPage, "agency", title="ข้อมูลหน่วยงาน")
    publish(agency, AgencyInfoPage, "structure", kind="powers_duties", title=FORMULA_TITLE)
    publish(agency, AgencyInfoPage, "history", kind="history", title="ประวัติความเป็นมา")
    path = tmp_path / "compliance.xlsx"
    with translation.override("en"):  # English headings, whatever the Thai catalog holds
        write_workbook(path, site_results(site), "เทศบาลตำบลทดสอบ")
    return path


def cells(sheet):
    return [cell for row in sheet.iter_rows() for cell in row]


def test_workbook_has_a_summary_then_one_sheet_per_standard(workbook_path):
    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames[0] == "Summary"
    assert len(workbook.sheetnames) == 1 + Standard.objects.count()
    summary = workbook["Summary"]
    assert "เทศบาลตำบลทดสอบ" in summary["A2"].value
    assert str(current_fiscal_year()) in summary["A2"].value  # generation time and fiscal year in B.E.
    standards = [row[0].value for row in summary.iter_rows(min_row=HEADER_ROW + 1)]
    assert "มาตรฐานเว็บไซต์ภาครัฐ เวอร์ชัน 2.0" in standards


def test_every_sheet_has_a_styled_frozen_filtered_header_in_a_thai_font(workbook_path):
    workbook = load_workbook(workbook_path)
    for sheet in workbook.worksheets:
        header = sheet[HEADER_ROW]
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
        assert sheet.auto_filter.ref.startswith(f"A{HEADER_ROW}:")
        assert all(cell.font.b and cell.fill.fgColor.rgb.endswith("1F4E79") for cell in header)
        assert sheet.column_dimensions["A"].width > 5
        assert {cell.font.name for cell in cells(sheet) if cell.value is not None} == {"Tahoma"}


def test_ita_sheet_is_laid_out_like_the_oit_submission(workbook_path):
    workbook = load_workbook(workbook_path)
    sheet = workbook["ITA-OIT 2568"]
    headings = [cell.value for cell in sheet[HEADER_ROW]]
    assert headings[:3] == ["Item", "Topic", "URL 1"]
    assert "Explanation" in headings
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=HEADER_ROW + 1)}
    assert list(rows)[:3] == ["O1", "O2", "O3"]
    o1 = rows["O1"]
    assert o1[2].value == "http://localhost/agency/structure/"
    assert o1[2].hyperlink.target == "http://localhost/agency/structure/"


def test_checklist_sheet_links_evidence_and_marks_unconfirmed_items(workbook_path):
    sheet = load_workbook(workbook_path)["GWS 2.0"]
    headings = [cell.value for cell in sheet[HEADER_ROW]]
    rows = {
        row[0].value: dict(zip(headings, row, strict=True)) for row in sheet.iter_rows(min_row=HEADER_ROW + 1)
    }
    history = rows["GWS-B01"]
    assert history["Status"].value == "Met"
    assert history["URL"].hyperlink.target == "http://localhost/agency/history/"
    assert int(history["Last updated"].value[-4:]) > 2500  # a Buddhist-Era year
    assert rows["GWS-B08"]["Data confidence"].value.startswith("Unconfirmed")
    assert rows["GWS-B01"]["Data confidence"].value == "Confirmed by a source"


def test_page_titled_like_a_formula_is_written_as_plain_text(workbook_path):
    workbook = load_workbook(workbook_path)
    found = [cell for sheet in workbook.worksheets for cell in cells(sheet) if cell.value == FORMULA_TITLE]
    assert found, "the formula-like title should be in the workbook as it is"
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in found)
    assert not [cell for sheet in workbook.worksheets for cell in cells(sheet) if cell.data_type == "f"]


def libreoffice(require_tool, tmp_path, *args):
    office = require_tool("libreoffice")
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [office, f"-env:UserInstallation=file://{profile}", "--headless", *args, "--outdir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_libreoffice_converts_the_workbook_to_pdf(workbook_path, require_tool, tmp_path):
    libreoffice(require_tool, tmp_path, "--convert-to", "pdf", str(workbook_path))
    pdf = tmp_path / "compliance.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


def test_libreoffice_shows_the_formula_like_title_as_text(workbook_path, require_tool, tmp_path):
    # CSV filter options: comma, quote, UTF-8, from row 1, …, -1 = every sheet to its own file.
    libreoffice(
        require_tool,
        tmp_path,
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        str(workbook_path),
    )
    texts = []
    for path in tmp_path.glob("compliance*.csv"):
        with open(path, encoding="utf-8") as file:
            texts += [value for row in csv.reader(file) for value in row]
    assert FORMULA_TITLE in texts
    assert "x" not in texts  # LibreOffice did not evaluate it
