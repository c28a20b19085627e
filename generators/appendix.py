"""Appendices: each in its own section (landscape for wide tables), page
numbers restarting at 1, and a table whose rates and totals are computed.

Sections are set up with python-docx; the table itself is written as
WordprocessingML like the body, because python-docx's cell access is
quadratic in the table size and dominated render time.
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from nd30 import styles as S
from nd30.markup import Run, parse
from nd30.table_math import computed_table
from nd30.vietnamese import appendix_label, figure

from .outline import BodyWriter
from .wordml import W_NS, RunFormat, inline_xml, paragraph_xml

LANDSCAPE_FROM_COLUMNS = 8  # with the A and B columns, 10 columns need the width
NUMBER_COLUMN_TWIPS = 510  # 0.9 cm
LABEL_COLUMN_TWIPS = 1701  # 3 cm
BOLD = RunFormat(bold=True)
# w:sectPr children that follow w:pgNumType (Word insists on the schema's order).
AFTER_PAGE_NUMBERING = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                        "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def label(appendix: dict, index: int, count: int) -> str:
    return appendix["label"] or appendix_label(index, count)


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


class TableXml:
    """One appendix table as a w:tbl element string."""

    def __init__(self, table: dict, writer: BodyWriter, width_twips: int):
        self.table = table
        self.writer = writer
        columns = len(table["columns"])
        value_width = max(567, (width_twips - NUMBER_COLUMN_TWIPS - LABEL_COLUMN_TWIPS) // max(1, columns))
        self.widths = [NUMBER_COLUMN_TWIPS, LABEL_COLUMN_TWIPS] + [value_width] * columns

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
        width = sum(self.widths[column:column + span])
        properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if span > 1:
            properties += f'<w:gridSpan w:val="{span}"/>'
        if merge == "restart":
            properties += '<w:vMerge w:val="restart"/>'
        elif merge == "continue":
            properties += "<w:vMerge/>"
        properties += '<w:vAlign w:val="center"/>'
        items = (Run(text),) if literal else parse(text)  # generated figures carry no markup
        runs = inline_xml(items, self.writer.footnotes, base) if text else ""
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
            decimals = column["decimals"] if column["kind"] == "rate" else None
            cells.append(self.cell(index + 2, figure(values[column["key"]], decimals), S.TABLE_NUMBER, base=base, literal=True))
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


class AppendixWriter:
    """Appends the appendices, each in a new section, to a rendered document."""

    def __init__(self, document, writer: BodyWriter, attached_to: str):
        self.document = document
        self.writer = writer
        self.attached_to = attached_to

    def write(self, appendices: list[dict]) -> None:
        for index, appendix in enumerate(appendices):
            section = self._new_section(landscape(appendix))
            parts = [
                self.writer.paragraph(S.APPENDIX_LABEL, label(appendix, index, len(appendices))),
                self.writer.paragraph(S.APPENDIX_TITLE, appendix["title"].upper()),
                self.writer.paragraph(S.APPENDIX_ATTACHED, f"(Kèm theo {self.attached_to})"),
            ]
            table = appendix["table"]
            if table:
                if table["unit_note"]:
                    parts.append(self.writer.paragraph(S.TABLE_NOTE, table["unit_note"]))
                width = int((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU → twips
                parts.append(TableXml(table, self.writer, width).xml())
            parts.extend(self.writer.blocks(appendix["notes"]))
            self._append(parts)

    def _append(self, fragments: list[str]) -> None:
        sect_pr = self.document.element.body.sectPr  # looked up once: each lookup scans the body
        holder = parse_xml(f'<w:body {nsdecls("w")}>{"".join(fragments)}</w:body>')
        for element in list(holder):
            sect_pr.addprevious(element)

    def _new_section(self, wide: bool):
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
        sect_pr.insert_element_before(parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="1"/>'), *AFTER_PAGE_NUMBERING)
        return section

    def _drop_empty_paragraph_before_break(self) -> None:
        """The template ends with an empty paragraph (Word wants one after a
        final table); the section break's own paragraph now plays that role."""
        # The break's paragraph was just added before the final w:sectPr:
        # look at its neighbours only, not at every paragraph of the body.
        section_break = self.document.element.body.sectPr.getprevious()
        candidate = section_break.getprevious() if section_break is not None else None
        if candidate is None or candidate.tag != qn("w:p"):
            return
        is_empty = not candidate.findall(qn("w:r")) and candidate.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None
        if is_empty:
            candidate.getparent().remove(candidate)
