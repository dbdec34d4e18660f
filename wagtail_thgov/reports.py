"""What the plugin's admin reports share."""

from .compliance.export import safe_cell_text


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
