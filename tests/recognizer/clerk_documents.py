"""Plans typed the way offices type them, built with python-docx from a plan:
nothing of our template's styles or numbering, and the shapes real offices
use (``Shape``): labels typed with a tab or a space, or drawn by a Word
multilevel list; bullets from Word's bullet button or typed; headings bold
by direct formatting on Normal, or in styles a web page ("Normal (Web)") or a
PDF conversion ("Heading #2" …) left; the header in tables of 1×2 to 6×2
cells, or typed on lines with tabs or runs of spaces; the recipients and the
signatory in two columns, one cell, a 1×3 table, a 2×2 table with "Nơi
nhận:" alone in its first row, or lines (in order, or two columns typed with
tabs or spaces); a "DỰ THẢO" mark in a text box; real footnotes; appendix
tables with their code row; tables of text and task matrices typed cell by
cell (bold head and group rows by direct formatting, merged cells, the STT
column typed, agencies one a line), a wide appendix in a landscape section.

``ClerkDocument.typed`` lists every text typed (labels, the national title
and the motto aside): what an import has to keep."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn

from generators import front_matter
from generators.appendix import label as appendix_label
from generators.appendix import landscape
from generators.blocks.assignments import LEAD_AGENCY_NOTE, REQUEST_PREFIX
from generators.blocks.table import table_grid
from generators.blocks.targets import target_text as _target_text
from generators.blocks.task_matrix import task_grid
from generators.figures_table import column_codes
from generators.table_grid import Grid
from nd30 import styles as S
from nd30.markup import Footnote, parse
from nd30.table_math import computed_table
from nd30.vietnamese import figure, point_label, roman
from schemas import load_plan

from . import word_parts as parts

HEADERS = ("table", "table-2x2", "table-3x2", "table-5x2", "table-6x2", "tabs", "spaces")
SIGNATURES = ("table", "same-cell", "table-1x3", "title-row", "lines", "tabs", "spaces", "text-columns")
STYLES = ("direct", "web", "pdf")
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SPACES = " " * 12
WORK_TABLE = [("Nội dung công việc", "Thời gian", "Đơn vị thực hiện"),
              ("Rà soát hộ nghèo, hộ cận nghèo", "Tháng 10", "Phòng Lao động - Thương binh và Xã hội"),
              ("Tổng kết, đánh giá", "Tháng 12", "Ủy ban nhân dân các xã")]


@dataclass(frozen=True)
class Shape:
    tab: bool = True               # a tab after a typed label (else a space)
    word_bullets: bool = True      # Word's bullet button (else "-" and "+" typed)
    word_numbering: bool = False   # headings numbered by a Word multilevel list (else typed)
    header: str = "table"
    signature: str = "table"
    styles: str = "direct"
    draft_box: bool = False        # "DỰ THẢO" drawn in a text box
    footnotes: bool = False        # the plan's footnotes as real footnotes (else left out)
    body_table: bool = False       # a table of text (no figures) at the end of the body
    decomposed: bool = False       # letters typed with combining accents (Unikey's "Unicode tổ hợp")


class ClerkDocument:
    def __init__(self, shape: Shape = Shape()):
        self.shape = shape
        self.document = docx.Document()
        self.typed: list[str] = []
        self.footnotes = parts.Footnotes(self.document)
        self.path: list[int] = []
        if shape.word_bullets:
            parts.bullet_list(self.document)
        if shape.word_numbering:
            parts.heading_list(self.document)
        parts.add_styles(self.document, parts.WEB_STYLES if shape.styles == "web" else
                         parts.PDF_STYLES if shape.styles == "pdf" else ())

    # --- paragraphs -------------------------------------------------------------

    def line(self, text: str = "", *, bold=None, italic=False, center=False, container=None, label: str = "",
             style: str | None = None, typed: bool = True):
        paragraph = (container or self.document).add_paragraph()
        if style or self.shape.styles == "web":
            paragraph.style = self.document.styles[style or "Normal (Web)"]
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if label:
            paragraph.add_run(label + ("\t" if self.shape.tab else " ")).bold = bold or None
        self.runs(paragraph, text, bold=bold, italic=italic, typed=typed)
        return paragraph

    def runs(self, paragraph, text: str, *, bold=None, italic=False, typed: bool = True) -> None:
        """``text`` (markup) as runs; ``bold=False`` sets bold off against a bold style."""
        style_bold = bold is False
        for item in parse(text):
            if isinstance(item, Footnote):
                if self.shape.footnotes:
                    note = "".join(run.text for run in item.runs)
                    self.footnotes.reference(paragraph, note)
                    self.typed.append(note)
                continue
            run = paragraph.add_run(item.text)
            run.bold = True if (bold or item.bold) else (False if style_bold else None)
            run.italic = True if (italic or item.italic) else None
            if typed:
                self.typed.append(item.text)

    def styled(self, kind: str) -> str | None:
        """The style another program left for ``kind`` of paragraph, if any."""
        if self.shape.styles == "pdf":
            return {"title": "Heading #1", "heading": "Heading #2", "basis": "Body text (3)"}.get(kind, "Body text")
        return None

    def bullet(self, text: str, level: int = 0) -> None:
        if self.shape.word_bullets:
            parts.number(self.line(text, style=self.styled("text")), parts.BULLETS_NUM_ID, level)
        else:
            self.line(text, label="-" if level == 0 else "+", style=self.styled("text"))

    # --- the plan ---------------------------------------------------------------

    def build(self, plan_json: dict) -> bytes:
        return self.write(load_plan(plan_json))

    def write(self, plan: dict) -> bytes:
        """The document of a validated plan (or of another kind's document, laid out alike)."""
        if self.shape.draft_box or plan["draft_mark"]:
            mark = self.document.add_paragraph()
            parts.text_box(mark, (plan["draft_mark"] or "Dự thảo").upper())
            self.typed.append((plan["draft_mark"] or "Dự thảo").upper())
        self.header(plan)
        self.front(plan)
        for block in plan["body"]:
            self.block(block, 1)
        if self.shape.body_table:
            self.text_table(WORK_TABLE)
        if plan.get("closing"):
            self.line(front_matter.ensure_ending(plan["closing"], "./."), style=self.styled("text"))
        self.signature(plan)
        for index, appendix in enumerate(plan.get("appendices", [])):
            self.appendix(plan, appendix, index, len(plan["appendices"]))
        self.footnotes.write()
        if self.shape.decomposed:
            for text in self.document.element.body.iter(qn("w:t")):
                text.text = unicodedata.normalize("NFD", text.text or "")
        output = io.BytesIO()
        self.document.save(output)
        return output.getvalue()

    def front(self, plan: dict) -> None:
        self.line(plan["document_type"].upper(), bold=True, center=True, style=self.styled("title"))
        if self.shape.styles == "web":
            self.line("\u00a0")  # a web page's empty <p>&nbsp;</p>
        words = plan["summary"].split()
        half = len(words) // 2 if len(words) > 8 else len(words)
        for part in (" ".join(words[:half]), " ".join(words[half:])):
            if part:
                self.line(part, bold=True, center=True, style=self.styled("title"))  # a summary over two lines
        self.line("")
        for text in front_matter.legal_bases(plan["legal_bases"]):
            self.line(text, italic=True, style=self.styled("basis"))
        if plan["lead_in"]:
            self.line(plan["lead_in"], style=self.styled("text"))

    # --- header and signature: two columns, in every shape ----------------------

    def under_number(self, plan: dict) -> list[tuple[str, bool]]:
        """Lines under the number in the header's left column (a công văn's "V/v …")."""
        return []

    def first_recipients(self, plan: dict) -> list[dict]:
        """The lines typed first under "Nơi nhận:" ("Như trên")."""
        return []

    def header(self, plan: dict) -> None:
        issuer = ([(plan["issuer"]["parent"].upper(), False)] if plan["issuer"]["parent"] else []) + \
            [(line, True) for line in front_matter.issuer_lines(plan["issuer"]["name"])]
        number = (f"Số: {plan['number']:02d}/" if plan["number"] is not None else "Số:      /") + front_matter.symbol(plan)
        left = issuer + [(number, False)] + self.under_number(plan)
        right = [(NATIONAL_TITLE, True), (MOTTO, True)] + [("", False)] * (len(issuer) - 2) + \
            [(front_matter.place_date(plan), False)]
        shape = self.shape.header
        if shape in ("tabs", "spaces"):
            self.typed_columns(left, right, "\t\t" if shape == "tabs" else SPACES)
            return
        rows = {"table": [(left, right)],
                "table-2x2": [(left[:-1], right[:2]), (left[-1:], right[-1:])],
                "table-3x2": [(left[:1], right[:1]), (left[1:-1], right[1:2]), (left[-1:], right[-1:])]}.get(shape)
        if rows is None:  # one line per row, with an empty rule row and, in 6 rows, an empty last row
            lines = max(3, len(issuer))
            padded_left = issuer + [("", False)] * (lines - len(issuer))
            padded_right = [(NATIONAL_TITLE, True), (MOTTO, True)] + [("", False)] * (lines - 2)
            rows = [([a], [b]) for a, b in zip(padded_left, padded_right)] + [([("", False)], [("", False)])]
            rows.append(([left[-1]], [right[-1]]))
            if shape == "table-6x2":
                rows.append(([("", False)], [("", False)]))
        self.table(rows)

    def signature(self, plan: dict) -> None:
        left = [("Nơi nhận:", True)] + [("- " + front_matter.recipient_line(r), False)
                                        for r in self.first_recipients(plan) + plan["recipients"]] + \
            [("- " + front_matter.archive_line(plan["archive"]), False)]
        right = [(line, True) for line in front_matter.authority_lines(plan["signatory"])] + \
            [("", False)] * 3 + [(plan["signatory"]["name"], True)]
        shape = self.shape.signature
        if shape == "lines":
            for text, bold in left + right:
                self.line(text, bold=bold, italic=text == "Nơi nhận:", center=bold and text != "Nơi nhận:")
        elif shape == "text-columns":
            self.text_columns(left, right)
        elif shape in ("tabs", "spaces"):
            self.typed_columns(left, right, "\t\t\t" if shape == "tabs" else SPACES)
        else:
            authority = len(right) - 4
            self.table({"table": [(left, right)], "same-cell": [(left + right, [])],
                        "table-1x3": [(left, [], right)],
                        "title-row": [(left[:1], right[:authority]), (left[1:], right[authority:])]}[shape])

    def text_columns(self, left: list, right: list) -> None:
        """A section of two text columns: the recipients, a column break typed
        at the end of the "Lưu" line, the signatory in the second column."""
        parts.columns_section(self.document, 1)
        for text, bold in left:
            paragraph = self.line(text, bold=bold, italic=text == "Nơi nhận:")
        parts.column_break(paragraph)
        self.runs(paragraph, right[0][0], bold=True)
        for text, bold in right[1:]:
            self.line(text, bold=bold, center=True)
        parts.columns_section(self.document, 2)

    def text_table(self, rows: list[tuple[str, ...]]) -> None:
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for row, texts in zip(table.rows, rows):
            for cell, text in zip(row.cells, texts):
                cell.text = text
                self.typed.append(text)

    def table(self, rows: list[tuple]) -> None:
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        grid = table._tbl.find(qn("w:tblGrid"))
        grid.getparent().remove(grid)  # clerks' tables often have no grid set
        for row, cells in zip(table.rows, rows):
            for cell, lines in zip(row.cells, cells):
                cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
                for text, bold in lines or [("", False)]:
                    self.column_line(cell, text, bold)

    def column_line(self, container, text: str, bold: bool) -> None:
        keep = text not in (NATIONAL_TITLE, MOTTO)
        self.line(text, bold=bold, italic=text == "Nơi nhận:" or "ngày" in text and "năm" in text and not bold,
                  center=text != "Nơi nhận:" and not text.startswith("- "), container=container, typed=keep)

    def typed_columns(self, left: list, right: list, gap: str) -> None:
        """Two columns typed on lines: the left text, a gap, the right text."""
        for index in range(max(len(left), len(right))):
            paragraph = self.document.add_paragraph()
            for position, column in enumerate((left, right)):
                text, bold = column[index] if index < len(column) else ("", False)
                if position:
                    paragraph.add_run(gap)
                if text:
                    self.runs(paragraph, text, bold=bold, typed=text not in (NATIONAL_TITLE, MOTTO))

    # --- the body ---------------------------------------------------------------

    def number(self, depth: int) -> str:
        self.path = self.path[: depth - 1] + [self.path[depth - 1] + 1 if len(self.path) >= depth else 1]
        if depth == 1:
            return roman(self.path[0]) + "."
        return ".".join(str(n) for n in self.path[1:]) + "."

    def heading(self, depth: int, heading: str | None, content: list[dict], run_in: bool) -> None:
        label = self.number(depth)
        text = heading.upper() if heading and depth == 1 else heading or ""
        rest = content
        style = self.styled("heading" if heading else "text")  # a number before running text is no heading
        if self.shape.word_numbering:
            label = ""
        if (run_in or not heading) and content and content[0]["type"] == "paragraph":
            paragraph = self.line(text + (":" if heading and not heading.endswith((":", ".")) else ""), bold=True,
                                  label=label, style=style)
            paragraph.add_run(" ")
            # Not bold, even in a bold style: the text after a heading is set plain.
            self.runs(paragraph, content[0]["text"], bold=False if style else None)
            rest = content[1:]
        else:
            paragraph = self.line(text, bold=True, label=label, style=style)
        if self.shape.word_numbering:
            parts.number(paragraph, parts.HEADINGS_NUM_ID, depth - 1)
        self.children(rest, depth + 1)

    def children(self, blocks: list[dict], depth: int) -> None:
        for block in blocks:
            self.block(block, depth)

    def block(self, block: dict, depth: int) -> None:
        kind = block["type"]
        if kind == "paragraph":
            self.line(block["text"], style=self.styled("text"))
        elif kind == "bullets":
            for item in block["items"]:
                self.bullet(item["text"])
                for sub in item["sub_items"]:
                    self.bullet(sub, 1)
        elif kind == "points":
            for index, item in enumerate(block["items"]):
                self.line(item["text"], label=point_label(index), style=self.styled("text"))
                self.children(item["content"], depth)
        elif kind in ("table", "task_matrix"):
            if block["title"]:
                self.line(block["title"], bold=True, center=True)
            if block.get("unit_note"):
                self.line(block["unit_note"], italic=True).alignment = WD_ALIGN_PARAGRAPH.RIGHT
            self.grid(table_grid(block) if kind == "table" else task_grid(block))
        else:
            self.section(block, depth)

    def section(self, block: dict, depth: int) -> None:
        self.heading(depth, block.get("heading"), block["content"], block["run_in"])
        kind = block["type"]
        named = {"purposes_requirements": ("purposes", "requirements"), "targets": ("general", "specific")}.get(kind, ())
        for key in named:
            part = block[key]
            if part:
                self.heading(depth + 1, part["heading"], part["content"], part["run_in"])
                if key == "specific":
                    for index, item in enumerate(part["items"]):
                        if part["style"] == "points":  # a), b) … typed before each target
                            self.line(_target_text(item), label=point_label(index), style=self.styled("text"))
                            self.children(item["content"], depth + 2)
                            continue
                        self.heading(depth + 2, None, [{"type": "paragraph", "text": _target_text(item)}] + item["content"],
                                     True)
        for agency in block.get("agencies", []):
            name = (REQUEST_PREFIX if agency["request"] else "") + agency["name"] + (LEAD_AGENCY_NOTE if agency["lead"] else "")
            self.heading(depth + 1, name, agency["duties"], agency["run_in"])
        self.children(block.get("sections", []) + block.get("closing", []), depth + 1)

    # --- appendices -------------------------------------------------------------

    def appendix(self, plan: dict, appendix: dict, index: int, count: int) -> None:
        if landscape(appendix) or self.document.sections[-1].orientation == WD_ORIENT.LANDSCAPE:
            self.page_setup(landscape(appendix))
        else:
            self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.line(appendix_label(appendix, index, count), bold=True, center=True)
        self.line(appendix["title"].upper(), bold=True, center=True)
        self.line(f"(Kèm theo {front_matter.attached_to(plan)})", italic=True, center=True)
        if appendix["table"]:
            self.figures(appendix["table"])
        for block in appendix["content"] + appendix["notes"]:
            self.block(block, 2)

    def page_setup(self, wide: bool) -> None:
        """A new section on a new page, turned as the clerk turns it for a wide table."""
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        short, long = sorted((section.page_width, section.page_height))
        section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if wide else (short, long)

    # --- tables of text and task matrices ---------------------------------------

    def grid(self, grid: Grid) -> None:
        """A grid typed in a Word table: every cell's lines as paragraphs with
        direct formatting (head and group rows bold and centred), merged
        cells merged, columns as wide as their weights."""
        width = len(grid.weights)
        table = self.document.add_table(rows=len(grid.rows), cols=width)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        section = self.document.sections[-1]
        usable = section.page_width - section.left_margin - section.right_margin
        for column, weight in zip(table.columns, grid.weights):
            column.width = int(usable * weight / sum(grid.weights))
            for word_cell in column.cells:
                word_cell.width = column.width  # before merging: a merged cell's width is the sum
        covered: set[tuple[int, int]] = set()
        for r, row in enumerate(grid.rows):
            c = 0
            for cell in row.cells:
                while (r, c) in covered:
                    c += 1
                word_cell = table.cell(r, c)
                if cell.colspan > 1 or cell.rowspan > 1:
                    word_cell = word_cell.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                covered.update((r + down, c + across) for down in range(cell.rowspan) for across in range(cell.colspan))
                self.cell_lines(word_cell, cell.text, cell.style)
                c += cell.colspan
        self.document.add_paragraph()  # Word keeps a paragraph after a table

    def cell_lines(self, cell, text: str, style) -> None:
        heading = style in (S.TABLE_HEAD, S.TABLE_GROUP)
        align = {S.TABLE_CELL_CENTER: WD_ALIGN_PARAGRAPH.CENTER, S.TABLE_CELL_RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
                 S.TABLE_CELL_JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY, S.TABLE_HEAD: WD_ALIGN_PARAGRAPH.CENTER}
        first = cell.paragraphs[0]
        for index, line in enumerate(text.split("\n")):
            paragraph = first if index == 0 else cell.add_paragraph()
            if style in align:
                paragraph.alignment = align[style]
            self.runs(paragraph, line, bold=True if heading else None)

    def figures(self, table: dict) -> None:
        columns = table["columns"]
        grouped = any(c["group"] for c in columns)
        rows, total = computed_table(table)
        cells = [[table["number_header"], table["label_header"]] + [c["group"] or c["header"] for c in columns]]
        if grouped:
            cells.append(["", ""] + [c["header"] if c["group"] else "" for c in columns])
        cells.append(["A", "B"] + column_codes(columns))
        for number, (source, values) in enumerate(zip(table["rows"], rows), start=1):
            cells.append([str(number), source["label"]] + _figures(columns, values))
        if total is not None:
            cells.append(["", table["total"]["label"]] + _figures(columns, total))
        word_table = self.document.add_table(rows=len(cells), cols=len(columns) + 2)
        word_table.style = "Table Grid"
        for row, texts in zip(word_table.rows, cells):
            for cell, text in zip(row.cells, texts):
                cell.text = text
                self.typed.append(text)
        if grouped:
            for i in range(len(columns) + 2):
                if not (i >= 2 and columns[i - 2]["group"]):
                    word_table.rows[0].cells[i].merge(word_table.rows[1].cells[i])


def _figures(columns: list[dict], values: dict) -> list[str]:
    return [figure(values[c["key"]], c["decimals"] if c["kind"] == "rate" else None) for c in columns]


def clerk_document(plan_json: dict, shape: Shape = Shape()) -> ClerkDocument:
    """The document built, with what was typed in it (``.typed``); its bytes are ``.data``."""
    document = ClerkDocument(shape)
    document.data = document.build(plan_json)
    return document


def clerk_docx(plan_json: dict, **shape) -> bytes:
    return clerk_document(plan_json, Shape(**shape)).data
