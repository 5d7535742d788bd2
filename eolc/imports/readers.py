"""Reading an uploaded CSV or XLSX file into rows of text keyed by normalised column names."""

import csv
import io
import re
import zipfile

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000

# What people call each column, normalised (lower case, single spaces), to the name we use.
ALIASES = {
    "email": "email",
    "email address": "email",
    "e-mail": "email",
    "name": "full_name",
    "full name": "full_name",
    "full_name": "full_name",
    "sector": "sector",
    "job role": "job_role",
    "job_role": "job_role",
    "area": "area",
    "local authority": "area",
    "organisation": "organisation",
    "organization": "organisation",
    "employer": "organisation",
    "role": "role",
    "programme role": "role",
    "event": "event",
    "event id": "event",
    "attended": "attended",
    "attendance": "attended",
}


class UnreadableFile(Exception):
    """The file is not a spreadsheet we can read; the message says why, for the person who sent it."""


def _column(header) -> str:
    text = re.sub(r"\s+", " ", str(header or "").strip().lower())
    return ALIASES.get(text, text)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    # Our own CSV downloads guard formula-like text with an apostrophe (eolc/lib/csv_export.py).
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]
    return text


def _rows_from(table) -> list[dict]:
    """`table` yields lists of cells; the first non-empty one is the header (spreadsheet row 1...)."""
    header, rows = None, []
    for number, cells in enumerate(table, start=1):
        texts = [_text(cell) for cell in cells]
        if not any(texts):
            continue
        if header is None:
            header = [_column(cell) for cell in texts]
            continue
        if len(rows) >= MAX_ROWS:
            raise UnreadableFile(f"The file has more than {MAX_ROWS} rows. Split it into smaller files.")
        values = {name: texts[i] if i < len(texts) else "" for i, name in enumerate(header) if name}
        rows.append({"row": number, "values": values})
    if header is None:
        raise UnreadableFile("The file is empty.")
    return rows


def read_rows(upload) -> list[dict]:
    """Rows of an uploaded file, `[{"row": n, "values": {column: text}}]`, or UnreadableFile."""
    if upload.size > MAX_BYTES:
        raise UnreadableFile("The file is larger than 2 MB. Split it into smaller files.")
    name = upload.name.lower()
    data = upload.read()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook  # loaded when a workbook arrives, not at start-up
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
            raise UnreadableFile("The file could not be read as an Excel workbook (.xlsx).") from None
        try:
            return _rows_from(book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()
    if name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise UnreadableFile("The file's text could not be read. Save it as CSV UTF-8.") from None
        return _rows_from(csv.reader(io.StringIO(text)))
    raise UnreadableFile("The file must be a CSV (.csv) or Excel workbook (.xlsx).")
