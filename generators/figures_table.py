"""An appendix's table of figures as WordprocessingML: header rows with
column groups and the column codes of issued tables (A, B, 1, 2, 4=3/1),
then one row per line and the total, whose rates and sums are computed.

Written as XML rather than through python-docx, whose cell access is
quadratic in the table size and dominated render time.
"""

from __future__ import annotations

from nd30 import styles as S
from nd30.markup import Run, parse
from nd30.table_math import computed_table
from nd30.vietnamese import figure

from .table_grid import cell_properties
from .wordml import W_NS, Footnotes, RunFormat, inline_xml, paragraph_xml

NUMBER_COLUMN_TWIPS = 510  # 0.9 cm
LABEL_COLUMN_TWIPS = 1701  # 3 cm, at least
VALUE_COLUMN_TWIPS = (567, 1418)  # 1 to 2.5 cm: a figure needs no more; the labels get the rest
BOLD = RunFormat(bold=True)


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


class TableXml:
    """One appendix table as a w:tbl element string."""

    def __init__(self, table: dict, footnotes: Footnotes, width_twips: int):
        self.table = table
        self.footnotes = footnotes
        columns = len(table["columns"])
        narrowest, widest = VALUE_COLUMN_TWIPS
        value_width = min(widest, max(narrowest, (width_twips - NUMBER_COLUMN_TWIPS - LABEL_COLUMN_TWIPS) // columns))
        label_width = max(LABEL_COLUMN_TWIPS, width_twips - NUMBER_COLUMN_TWIPS - value_width * columns)
        self.widths = [NUMBER_COLUMN_TWIPS, label_width] + [value_width] * columns

    def xml(self) -> str:
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in self.widths)
        properties = (
            '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/></w:tblPr>'
        )
        rows = self.header_rows() + self.body_rows()
        return f'<w:tbl xmlns:w="{W_NS}">{properties}<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'

    def cell(self, column: int, text: str, style: S.Style, *, span: int = 1, merge: str | None = None,
             base: RunFormat = RunFormat(), literal: bool = False) -> str:
        properties = cell_properties(self.widths, column, span, merge)
        items = (Run(text),) if literal else parse(text)  # generated figures carry no markup
        runs = inline_xml(items, self.footnotes, base) if text else ""
        return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph_xml(style.style_id, runs)}</w:tc>"

    @staticmethod
    def row(cells: list[str], repeat: bool = False) -> str:
        # Header rows repeat on every page of a long table.
        properties = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if repeat else "<w:trPr><w:cantSplit/></w:trPr>"
        return f"<w:tr>{properties}{''.join(cells)}</w:tr>"

    def header_rows(self) -> list[str]:
        columns = self.table["columns"]
        grouped = any(column["group"] for column in columns)
        first = "restart" if grouped else None
        top = [self.cell(0, self.table["number_header"], S.TABLE_HEADER, merge=first),
               self.cell(1, self.table["label_header"], S.TABLE_HEADER, merge=first)]
        second = [self.cell(0, "", S.TABLE_HEADER, merge="continue"), self.cell(1, "", S.TABLE_HEADER, merge="continue")]
        for start, end, group in _group_runs(columns):
            if group:
                top.append(self.cell(start + 2, group, S.TABLE_HEADER, span=end - start + 1))
                second += [self.cell(i + 2, columns[i]["header"], S.TABLE_HEADER) for i in range(start, end + 1)]
            else:
                top.append(self.cell(start + 2, columns[start]["header"], S.TABLE_HEADER, merge=first))
                second.append(self.cell(start + 2, "", S.TABLE_HEADER, merge="continue"))
        codes = ["A", "B"] + column_codes(columns)
        code_row = [self.cell(i, code, S.TABLE_HEADER) for i, code in enumerate(codes)]
        header = [self.row(top, True)] + ([self.row(second, True)] if grouped else [])
        return header + [self.row(code_row, True)]

    def body_rows(self) -> list[str]:
        rows, total = computed_table(self.table)
        result = [
            self.data_row(str(index + 1), source["label"], values)
            for index, (source, values) in enumerate(zip(self.table["rows"], rows))
        ]
        if total is not None:
            result.append(self.data_row("", self.table["total"]["label"], total, BOLD))
        return result

    def data_row(self, number: str, label_text: str, values: dict, base: RunFormat = RunFormat()) -> str:
        cells = [self.cell(0, number, S.TABLE_NUMBER, base=base, literal=True), self.cell(1, label_text, S.TABLE_TEXT, base=base)]
        for index, column in enumerate(self.table["columns"]):
            value = values[column["key"]]
            decimals = column["decimals"] if column["kind"] == "rate" else None
            # A figure left blank stays blank to be written in; a rate that
            # cannot be computed shows "-".
            text = "" if value is None and column["kind"] == "input" else figure(value, decimals)
            cells.append(self.cell(index + 2, text, S.TABLE_NUMBER, base=base, literal=True))
        return self.row(cells)


def _group_runs(columns: list[dict]):
    """(first, last, group) for each run of adjacent columns under one group."""
    start = 0
    while start < len(columns):
        group = columns[start]["group"]
        end = start
        while group and end + 1 < len(columns) and columns[end + 1]["group"] == group:
            end += 1
        yield start, end, group
        start = end + 1
