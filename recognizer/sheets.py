"""A spreadsheet or a pasted range → a table or a task matrix of the plan.

An .xlsx sheet (openpyxl, merged ranges included), a .csv file, the
tab-separated text Excel and Word put on the clipboard, or the HTML table
Word and browsers put there (``colspan``/``rowspan``, ``<b>``, ``<th>``)
are all made into the ``Table`` the Word reader makes of a w:tbl, then read
by ``recognizer.tables`` like any table of a document: a task matrix when
its headers name one, a table otherwise.
"""

from __future__ import annotations

import csv
import io
import zipfile

from lxml import etree
from lxml import html as lxml_html

from schemas import limits

from .intake import FileRefused, check_expansion
from .notes import Notes
from .reading import Cell, Para, Segment, Table
from .tables import read_table, read_task_matrix, task_matrix_score

XLSX_MAGIC = b"PK\x03\x04"
MAX_ROWS = limits.TABLE_ROWS + limits.TABLE_HEADER_ROWS


class TableRefused(ValueError):
    """What was sent holds no table the plan can take; ``code`` says why."""

    MESSAGES = {
        "no_table": "Không tìm thấy bảng nào trong dữ liệu gửi lên; hãy chọn vùng ô có dòng tiêu đề.",
        "table_too_large": f"Bảng quá lớn: tối đa {limits.TABLE_ROWS} dòng và {limits.TABLE_COLUMNS} cột.",
        "unreadable_sheet": "Không đọc được tệp bảng tính; hãy lưu lại thành .xlsx hoặc .csv rồi gửi lại.",
    }

    def __init__(self, code: str):
        super().__init__(self.MESSAGES[code])
        self.code = code
        self.message = self.MESSAGES[code]


def block_from(table: Table) -> dict:
    """``{"block", "warnings"}``: the task matrix or table the grid holds."""
    notes = Notes()
    block = read_task_matrix(table, notes) if task_matrix_score(table) > 0.5 else None
    return {"block": block or read_table(table, notes), "warnings": notes.warnings}


def from_xlsx(data: bytes, sheet: str | None = None) -> dict:
    try:
        import openpyxl  # imported here: only this route reads spreadsheets

        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_expansion(package)
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except FileRefused:
        raise
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise TableRefused("unreadable_sheet") from None
    worksheet = workbook[sheet] if sheet in workbook.sheetnames else workbook.worksheets[0]
    if worksheet.max_row > MAX_ROWS or worksheet.max_column > limits.TABLE_COLUMNS:
        raise TableRefused("table_too_large")
    merged = {}
    covered = set()
    for cells in worksheet.merged_cells.ranges:
        merged[(cells.min_row, cells.min_col)] = (cells.max_col - cells.min_col + 1, cells.max_row - cells.min_row + 1)
        covered |= {(r, c) for r in range(cells.min_row, cells.max_row + 1)
                    for c in range(cells.min_col, cells.max_col + 1)} - {(cells.min_row, cells.min_col)}
    rows = []
    for r in range(1, worksheet.max_row + 1):
        row = []
        for c in range(1, worksheet.max_column + 1):
            if (r, c) in covered:
                continue
            cell = worksheet.cell(r, c)
            colspan, rowspan = merged.get((r, c), (1, 1))
            row.append((_text(cell.value), bool(cell.font and cell.font.b), colspan, rowspan))
        rows.append(row)
    return block_from(_table(_trimmed(rows)))


def from_text(text: str) -> dict:
    """Tab-separated rows (a range copied from Excel or Word), or CSV."""
    sample = text[:4096]
    delimiter = "\t" if "\t" in sample else _csv_delimiter(sample)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    for index, values in enumerate(reader):
        if index >= MAX_ROWS or len(values) > limits.TABLE_COLUMNS:
            raise TableRefused("table_too_large")
        rows.append([(value, False, 1, 1) for value in values])
    return block_from(_table(_trimmed(rows)))


def from_html(markup: str) -> dict:
    """The first HTML table: merges from colspan/rowspan, bold from <b>, <strong>, <th>."""
    try:
        root = lxml_html.fromstring(markup)
    except (etree.ParserError, ValueError):
        raise TableRefused("no_table") from None
    table = next(root.iter("table"), None)
    if table is None:
        raise TableRefused("no_table")
    rows = []
    for tr in table.iter("tr"):
        if len(rows) >= MAX_ROWS:
            raise TableRefused("table_too_large")
        row = []
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            bold = td.tag == "th" or any(e.tag in ("b", "strong") for e in td.iter())
            lines = [" ".join(p.text_content().split()) for p in td.iter("p", "div")] or [" ".join(td.text_content().split())]
            row.append(("\n".join(line for line in lines if line), bold, _span(td.get("colspan")), _span(td.get("rowspan"))))
        rows.append(row)
    return block_from(_table(_trimmed(rows)))


def _csv_delimiter(sample: str) -> str:
    """"," or ";" (Vietnamese Excel writes ";"), "," when the sample cannot tell."""
    try:
        return csv.Sniffer().sniff(sample, ",;").delimiter
    except csv.Error:
        return ","


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value), limits.TABLE_COLUMNS))
    except (TypeError, ValueError):
        return 1


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").strip()


def _trimmed(rows: list[list[tuple]]) -> list[list[tuple]]:
    """Without the empty rows and columns around the range."""
    rows = [row for row in rows if any(text.strip() for text, *_ in row)]
    if not rows:
        raise TableRefused("no_table")
    return rows


def _table(rows: list[list[tuple]]) -> Table:
    """The rows (text, bold, colspan, rowspan) as the Word reader's Table:
    a cell merged down repeats in the rows below as a continuation; the
    first row is the header unless bold shows which rows are."""
    grid_rows: list[list[Cell]] = []
    below: dict[int, tuple[int, int]] = {}  # column → (span, rows still covered)
    counter = 0
    for values in rows:
        cells, column, queue = [], 0, list(values)
        while queue or any(c >= column for c in below):
            if column in below:
                span, left = below[column]
                cells.append(Cell([], span=span, merged=True))
                below[column] = (span, left - 1)
                if left - 1 == 0:
                    del below[column]
                column += span
                continue
            if not queue:
                break
            text, bold, colspan, rowspan = queue.pop(0)
            paragraphs = []
            for line in text.split("\n"):
                counter += 1
                paragraphs.append(Para(counter, [Segment(line, bold=bold)] if line else []))
            cells.append(Cell(paragraphs, span=colspan))
            if rowspan > 1:
                below[column] = (colspan, rowspan - 1)
            column += colspan
        grid_rows.append(cells)
    # A range without bold has its headers in its first row, as a pasted range has.
    repeated = 0 if any(bold for _, bold, *_ in rows[0]) else 1
    return Table(0, grid_rows, repeated=repeated)
