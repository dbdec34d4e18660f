"""What the plugin's admin reports and index views with a spreadsheet export share (see ``spreadsheets``)."""

import re

from openpyxl import Workbook
from wagtail.admin.views.mixins import ExcelDateFormatter

from .spreadsheets import safe_cell_text


class FormulaSafeExportMixin:
    """For views with Wagtail's spreadsheet export: text cells that start like a formula (``=``, ``+``,
    ``-``, ``@``, tab, CR) are written with a leading apostrophe, in CSV and XLSX alike. Wagtail only
    demotes XLSX formulas to text; a CSV opened in a spreadsheet would still run them."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell_text(value) if isinstance(value, str) else value


class RowsReportMixin(FormulaSafeExportMixin):
    """For a ``ReportView`` whose table shows rows built from a page of objects (``build_rows``).

    Wagtail builds the table from the undecorated page and decorates only for export; this builds
    the rows once, for both.
    """

    row_class: type

    def build_rows(self, object_list):
        raise NotImplementedError

    def decorate_paginated_queryset(self, object_list):
        object_list = list(object_list)
        if object_list and isinstance(object_list[0], self.row_class):
            return object_list
        return self.build_rows(object_list)

    def get_table(self, object_list):
        return super().get_table(self.decorate_paginated_queryset(object_list))


class NamedSheetExportMixin:
    """For views with Wagtail's spreadsheet export: the worksheet is named ``export_sheet_title``
    (translated, e.g. "ทะเบียนการขอเผยแพร่ข้อมูล") instead of Wagtail's "Sheet1"."""

    export_sheet_title = None

    def write_xlsx(self, queryset, output):
        # Wagtail's write_xlsx with the sheet's title as the only change.
        workbook = Workbook(write_only=True, iso_dates=True)
        title = re.sub(r"[\\/*?:\[\]]", " ", str(self.export_sheet_title or "Sheet1"))[:31]
        worksheet = workbook.create_sheet(title=title)
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
            )
        workbook.save(output)
