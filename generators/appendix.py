"""Appendices: each in its own section (landscape for wide tables), page
numbers restarting at 1, and a table whose rates and totals are computed."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from schemas.table_math import computed_table

from . import styles as S
from .inline import parse
from .vietnamese import figure, roman
from .wordml import Footnotes, RunFormat, inline_xml

LANDSCAPE_FROM_COLUMNS = 8  # with the A and B columns, 10 columns need the width
NUMBER_COLUMN_CM = 1.0
LABEL_COLUMN_CM = 3.5


def label(appendix: dict, index: int, count: int) -> str:
    if appendix["label"]:
        return appendix["label"]
    return f"Phụ lục {roman(index + 1)}" if count > 1 else "Phụ lục"


def landscape(appendix: dict) -> bool:
    if appendix["orientation"] != "auto":
        return appendix["orientation"] == "landscape"
    table = appendix["table"]
    return bool(table) and len(table["columns"]) >= LANDSCAPE_FROM_COLUMNS


def column_codes(columns: list[dict]) -> list[str]:
    """Header codes as in issued tables: 1, 2, 3, 4=3/1, 11=3-7."""
    position = {column["key"]: str(index + 1) for index, column in enumerate(columns)}
    operators = {"rate": "/", "difference": "-", "sum": "+"}
    codes = []
    for column in columns:
        code = position[column["key"]]
        if column["kind"] != "input":
            code += "=" + operators[column["kind"]].join(position[key] for key in column["of"])
        codes.append(code)
    return codes


class AppendixWriter:
    """Appends the appendices to a rendered document with python-docx."""

    def __init__(self, document, footnotes: Footnotes, attached_to: str):
        self.document = document
        self.footnotes = footnotes
        self.attached_to = attached_to

    def write(self, appendices: list[dict]) -> None:
        for index, appendix in enumerate(appendices):
            self._new_section(landscape(appendix))
            self._paragraph(S.APPENDIX_LABEL, label(appendix, index, len(appendices)))
            self._paragraph(S.APPENDIX_TITLE, appendix["title"].upper())
            self._paragraph(S.APPENDIX_ATTACHED, f"(Kèm theo {self.attached_to})")
            if appendix["table"]:
                self._table(appendix["table"])
            for block in appendix["notes"]:
                self._note(block)

    def _new_section(self, wide: bool) -> None:
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        self._drop_empty_paragraph_before_break()
        portrait_width, portrait_height = sorted((section.page_width, section.page_height))
        if wide:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = portrait_height, portrait_width
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = portrait_width, portrait_height
        section.different_first_page_header_footer = True
        sect_pr = section._sectPr
        for old in sect_pr.findall(qn("w:pgNumType")):
            sect_pr.remove(old)
        # Each appendix restarts its page numbering (Decree 30).
        sect_pr.append(parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="1"/>'))

    def _drop_empty_paragraph_before_break(self) -> None:
        """The template ends with an empty paragraph (Word wants one after a
        final table); the section break's own paragraph now plays that role."""
        body = self.document.element.body
        breaks = body.findall(qn("w:p"))
        if len(breaks) < 2:
            return
        candidate = breaks[-2]
        is_empty = not candidate.findall(qn("w:r")) and candidate.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None
        if is_empty and candidate.getnext() is breaks[-1]:
            body.remove(candidate)

    def _paragraph(self, style: S.Style, text: str) -> None:
        self._fill(self.document.add_paragraph(style=style.name), text)

    def _fill(self, paragraph, text: str, base: RunFormat = RunFormat()) -> None:
        xml = inline_xml(parse(text), self.footnotes, base)
        if xml:
            for run in parse_xml(f'<w:r-holder {nsdecls("w")}>{xml}</w:r-holder>'):
                paragraph._p.append(run)

    def _note(self, block: dict) -> None:
        if block["type"] == "paragraph":
            self._paragraph(S.BODY, block["text"])
            return
        for item in block["items"]:
            self._paragraph(S.BULLET, item["text"])
            for sub_item in item["sub_items"]:
                self._paragraph(S.SUB_BULLET, sub_item)

    def _table(self, table: dict) -> None:
        columns = table["columns"]
        if table["unit_note"]:
            self._paragraph(S.TABLE_NOTE, table["unit_note"])
        grouped = any(column["group"] for column in columns)
        header_rows = 3 if grouped else 2
        rows, total = computed_table(table)
        body_rows = len(rows) + (1 if total is not None else 0)
        grid = self.document.add_table(rows=header_rows + body_rows, cols=len(columns) + 2)
        grid.style = self.document.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        self._size_columns(grid, len(columns))
        self._header(grid, table, grouped)
        for offset, (source, values) in enumerate(zip(table["rows"], rows)):
            self._data_row(grid.rows[header_rows + offset], str(offset + 1), source["label"], columns, values)
        if total is not None:
            self._data_row(grid.rows[-1], "", table["total"]["label"], columns, total, bold=True)

    def _size_columns(self, grid, value_columns: int) -> None:
        section = self.document.sections[-1]
        usable = (section.page_width - section.left_margin - section.right_margin) / 360000  # EMU → cm
        value_width = max(1.0, (usable - NUMBER_COLUMN_CM - LABEL_COLUMN_CM) / max(1, value_columns))
        widths = [NUMBER_COLUMN_CM, LABEL_COLUMN_CM] + [value_width] * value_columns
        grid.autofit = False
        for grid_col, width in zip(grid._tbl.tblGrid.gridCol_lst, widths):
            grid_col.w = Cm(width)
        for row in grid.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Cm(width)

    def _header(self, grid, table: dict, grouped: bool) -> None:
        columns = table["columns"]
        title_rows = 2 if grouped else 1
        for cell_index, text in ((0, table["number_header"]), (1, table["label_header"])):
            cell = grid.cell(0, cell_index).merge(grid.cell(title_rows - 1, cell_index)) if grouped else grid.cell(0, cell_index)
            self._cell_text(cell, text, S.TABLE_HEADER)
        start = 0
        while start < len(columns):
            group = columns[start]["group"]
            end = start
            while grouped and group and end + 1 < len(columns) and columns[end + 1]["group"] == group:
                end += 1
            if grouped and group:
                self._cell_text(grid.cell(0, start + 2).merge(grid.cell(0, end + 2)), group, S.TABLE_HEADER)
                for index in range(start, end + 1):
                    self._cell_text(grid.cell(1, index + 2), columns[index]["header"], S.TABLE_HEADER)
            else:
                cell = grid.cell(0, start + 2).merge(grid.cell(title_rows - 1, start + 2)) if grouped else grid.cell(0, start + 2)
                self._cell_text(cell, columns[start]["header"], S.TABLE_HEADER)
            start = end + 1
        codes = ["A", "B"] + column_codes(columns)
        for index, code in enumerate(codes):
            self._cell_text(grid.cell(title_rows, index), code, S.TABLE_HEADER)
        for row in grid.rows[: title_rows + 1]:
            row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))

    def _data_row(self, row, number: str, label_text: str, columns: list[dict], values: dict, bold: bool = False) -> None:
        cells = row.cells
        weight = RunFormat(bold=True) if bold else RunFormat()
        self._cell_text(cells[0], number, S.TABLE_NUMBER, weight)
        self._cell_text(cells[1], label_text, S.TABLE_TEXT, weight)
        for index, column in enumerate(columns):
            decimals = column["decimals"] if column["kind"] == "rate" else None
            self._cell_text(cells[index + 2], figure(values[column["key"]], decimals), S.TABLE_NUMBER, weight)

    def _cell_text(self, cell, text: str, style: S.Style, base: RunFormat = RunFormat()) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = self.document.styles[style.name]
        self._fill(paragraph, text, base)
