"""Dashboard tables as CSV or XLSX, with the same suppression as the page.

Both formats go through `safe_cell`: in a spreadsheet a cell that starts with = or + is a formula,
and area and role names are data other people typed.
"""

import io
from decimal import Decimal

from django.http import HttpResponse

from eolc.core.charts import Table
from eolc.lib.csv_export import csv_response, safe_cell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    return value if isinstance(value, (int, float, str)) or value is None else str(value)


def csv_table(table: Table, filename: str) -> HttpResponse:
    return csv_response(filename, table.columns, [[_plain(v) for v in row] for row in table.rows])


def xlsx_tables(tables: list[Table], filename: str) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for table in tables:
        sheet = workbook.create_sheet(title=table.caption[:31].replace("/", " "))
        sheet.append([safe_cell(column) for column in table.columns])
        for row in table.rows:
            sheet.append([safe_cell(_plain(value)) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
