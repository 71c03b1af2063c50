"""Reading an uploaded table: CSV (UTF-8, with or without BOM) or Excel (.xlsx).

Everything that makes a file unreadable is refused here, before any row is looked at,
with a message in the user's language that says what to do: a file that is neither CSV
nor xlsx, a wrong encoding (Shift_JIS), an empty file, a file over 5 MB, a cell longer
than ``MAX_CELL_LENGTH`` characters, a formula in a cell. ``read_tables`` returns one
``tablib.Dataset`` per table (an xlsx sheet, or the one CSV table).
"""

import csv
import io
import zipfile

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_BYTES = 5 * 1024 * 1024
MAX_CELL_LENGTH = 5000
XLSX_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"

SIZE_MESSAGE = gettext_lazy(
    "The file is larger than 5 MB. Split it into several files and import them one by one."
)


class ImportRefused(Exception):
    """The file cannot be imported at all; ``messages`` say why, in the active language."""

    def __init__(self, *messages):
        super().__init__(" ".join(str(m) for m in messages))
        self.messages = [str(m) for m in messages]


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _decode_csv(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp932")
    except UnicodeDecodeError:
        raise ImportRefused(
            _(
                "The file is not UTF-8 text. Save it from Excel as “CSV UTF-8 (comma "
                "delimited)” or as an Excel workbook (.xlsx), and import it again."
            )
        ) from None
    raise ImportRefused(
        _(
            "The file is in Shift_JIS (the “CSV (comma delimited)” of Japanese Excel). Save "
            "it as “CSV UTF-8 (comma delimited)” or as an Excel workbook (.xlsx), and import "
            "it again."
        )
    )


def _rows_from_csv(data: bytes) -> list[list[str]]:
    text = _decode_csv(data)
    if "\x00" in text:
        raise ImportRefused(_not_a_table())
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error:
        raise ImportRefused(_not_a_table()) from None


def _not_a_table() -> str:
    return _(
        "This file is neither CSV nor an Excel workbook (.xlsx). Save the table as “CSV "
        "UTF-8 (comma delimited)” or as .xlsx, and import it again."
    )


def _sheets_from_xlsx(data: bytes) -> dict[str, list[list]]:
    from openpyxl import load_workbook

    try:
        # data_only=False: a formula comes back as its text ("=SUM(...)"), so it can be
        # refused instead of importing whatever value Excel last computed.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:
        raise ImportRefused(_not_a_table()) from None
    sheets = {}
    try:
        for sheet in workbook.worksheets:
            sheets[sheet.title] = [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return sheets


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    return str(value).strip()


def _to_dataset(rows: list[list], table: str, *, allow_no_rows=False) -> tablib.Dataset | None:
    """The table as a Dataset; None for a table with column names only when
    ``allow_no_rows`` (a workbook's empty sheet). Raises ImportRefused."""
    rows = [[_cell_text(cell) for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]  # Excel leaves blank lines at the end
    if not rows:
        raise ImportRefused(_("The file is empty: it has no column names and no rows."))
    headers = [h.strip().lower() for h in rows[0]]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise ImportRefused(_("The first row must hold the column names; it is empty."))
    if len(rows) == 1:
        if allow_no_rows:
            return None
        raise ImportRefused(
            _("The file has column names but no rows to import (table “%(table)s”).")
            % {"table": table}
        )
    problems = []
    body = []
    for number, row in enumerate(rows[1:], start=2):
        row = (row + [""] * len(headers))[: len(headers)]
        for index, cell in enumerate(row):
            column = headers[index] or _column_letter(index)
            if len(cell) > MAX_CELL_LENGTH:
                problems.append(
                    _(
                        "Row %(row)d, column “%(column)s”: %(length)s characters; a cell "
                        "holds at most %(max)s."
                    )
                    % {
                        "row": number,
                        "column": column,
                        "length": f"{len(cell):,}",
                        "max": f"{MAX_CELL_LENGTH:,}",
                    }
                )
            elif cell.startswith("="):
                problems.append(
                    _(
                        "Row %(row)d, column “%(column)s” holds a formula (%(formula)s). "
                        "Formulas are not imported: type the value itself."
                    )
                    % {"row": number, "column": column, "formula": cell[:40]}
                )
        body.append(row)
    if problems:
        raise ImportRefused(*problems)
    return tablib.Dataset(*body, headers=headers, title=table)


def read_tables(data: bytes, filename: str = "") -> dict[str, tablib.Dataset]:
    """The tables of an uploaded file, by name: the sheets of an xlsx workbook, or the one
    table of a CSV file (named after the file). Raises ImportRefused."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(SIZE_MESSAGE)
    if not data.strip():
        raise ImportRefused(_("The file is empty: it has no column names and no rows."))
    name = filename.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0].lower() if "." in name else name.lower()
    if data.startswith(OLD_EXCEL_MAGIC):
        raise ImportRefused(
            _(
                "This is an old Excel 97-2003 file (.xls). Save it as an Excel workbook "
                "(.xlsx) or as “CSV UTF-8”, and import it again."
            )
        )
    if data.startswith(XLSX_MAGIC):
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ImportRefused(_not_a_table())
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
        if "xl/workbook.xml" not in names:
            if names and all(n.lower().endswith(".csv") for n in names):
                return _tables_from_csv_zip(data)
            raise ImportRefused(_not_a_table())
        sheets = _sheets_from_xlsx(data)
        several = len(sheets) > 1
        tables = {}
        for title, rows in sheets.items():
            if any(any(_cell_text(c) for c in row) for row in rows):
                dataset = _to_dataset(rows, title, allow_no_rows=several)
                if dataset is not None:
                    tables[title.strip().lower()] = dataset
        if not tables:
            raise ImportRefused(_("The file is empty: it has no column names and no rows."))
        return tables
    if not (name.lower().endswith((".csv", ".txt")) or not name):
        raise ImportRefused(_not_a_table())
    return {stem: _to_dataset(_rows_from_csv(data), stem)}


def _tables_from_csv_zip(data: bytes) -> dict[str, tablib.Dataset]:
    """The ZIP of CSV files that ``export_data --format csv`` writes: one table a file."""
    tables = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = sum(info.file_size for info in archive.infolist())
        if total > MAX_BYTES * 4:
            raise ImportRefused(SIZE_MESSAGE)
        for info in archive.infolist():
            stem = info.filename.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
            dataset = _to_dataset(_rows_from_csv(archive.read(info)), stem, allow_no_rows=True)
            if dataset is not None:
                tables[stem] = dataset
    if not tables:
        raise ImportRefused(_("The file is empty: it has no column names and no rows."))
    return tables
