"""Plans typed the way clerks type them, built with python-docx from a
plan: labels typed as text (with a tab after them, or a space), headings bold
by direct formatting on the Normal style, bullets from Word's bullet button
(a real bullet list in numbering.xml), the header and signature in tables
without a set grid, an appendix table with its code row — nothing of our
template's styles or numbering."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from generators import front_matter
from generators.appendix import label as appendix_label
from generators.blocks.assignments import LEAD_AGENCY_NOTE, REQUEST_PREFIX
from generators.blocks.targets import target_text as _target_text
from generators.figures_table import column_codes
from nd30.markup import Footnote, parse
from nd30.table_math import computed_table
from nd30.vietnamese import figure, roman
from schemas import load_plan

LETTERS = "abcdđeghiklmnopqrstuvxy"
BULLET_NUM_ID = 90


class ClerkDocument:
    def __init__(self, *, tab: bool = True, word_bullets: bool = True):
        self.document = docx.Document()
        self.tab = tab
        self.word_bullets = word_bullets
        if word_bullets:
            self._add_bullet_list()

    def _add_bullet_list(self) -> None:
        numbering = self.document.part.numbering_part.element
        numbering.append(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{BULLET_NUM_ID}"><w:multiLevelType w:val="hybridMultilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:lvlJc w:val="left"/></w:lvl>'
            '</w:abstractNum>'))
        abstracts = numbering.findall(qn("w:abstractNum"))
        if len(abstracts) > 1:  # abstractNum elements come before num elements
            abstracts[0].addprevious(abstracts[-1])
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="{BULLET_NUM_ID}"/></w:num>'))

    # --- paragraphs -------------------------------------------------------------

    def line(self, text: str = "", *, bold=False, italic=False, center=False, container=None, label: str = "",
             bullet_level: int | None = None):
        paragraph = (container or self.document).add_paragraph()
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if label:
            paragraph.add_run(label + ("\t" if self.tab else " ")).bold = bold or None
        if bullet_level is not None:
            p_pr = paragraph._p.get_or_add_pPr()
            p_pr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{bullet_level}"/><w:numId w:val="{BULLET_NUM_ID}"/></w:numPr>'))
        self.runs(paragraph, text, bold=bold, italic=italic)
        return paragraph

    @staticmethod
    def runs(paragraph, text: str, *, bold=False, italic=False) -> None:
        for item in parse(text):
            if isinstance(item, Footnote):
                continue  # python-docx writes no footnotes; clerks' notes are rare
            run = paragraph.add_run(item.text)
            run.bold = True if (bold or item.bold) else None
            run.italic = True if (italic or item.italic) else None

    def bullet(self, text: str, level: int = 0) -> None:
        if self.word_bullets:
            self.line(text, bullet_level=level)
        else:
            self.line(text, label="-" if level == 0 else "+")

    # --- the plan ---------------------------------------------------------------

    def build(self, plan_json: dict) -> bytes:
        plan = load_plan(plan_json)
        self.header(plan)
        self.line(plan["document_type"].upper(), bold=True, center=True)
        words = plan["summary"].split()
        half = len(words) // 2 if len(words) > 8 else len(words)
        for part in (" ".join(words[:half]), " ".join(words[half:])):
            if part:
                self.line(part, bold=True, center=True)  # a summary over two lines
        self.line("")
        for text in front_matter.legal_bases(plan["legal_bases"]):
            self.line(text, italic=True)
        if plan["lead_in"]:
            self.line(plan["lead_in"])
        for block in plan["body"]:
            self.block(block, 1)
        if plan["closing"]:
            self.line(front_matter.ensure_ending(plan["closing"], "./."))
        self.signature(plan)
        for index, appendix in enumerate(plan["appendices"]):
            self.appendix(plan, appendix, index, len(plan["appendices"]))
        output = io.BytesIO()
        self.document.save(output)
        return output.getvalue()

    def header(self, plan: dict) -> None:
        table = self.document.add_table(rows=1, cols=2)
        grid = table._tbl.find(qn("w:tblGrid"))
        grid.getparent().remove(grid)  # clerks' tables often have no grid set
        left, right = table.rows[0].cells
        left.paragraphs[0].text = ""
        for line in front_matter.issuer_lines(plan["issuer"]["name"]):
            self.line(line, bold=True, center=True, container=left)
        self.line("Số:      /" + front_matter.symbol(plan) if plan["number"] is None else
                  f"Số: {plan['number']:02d}/{front_matter.symbol(plan)}", center=True, container=left)
        self.line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True, container=right)
        self.line("Độc lập - Tự do - Hạnh phúc", bold=True, center=True, container=right)
        self.line(front_matter.place_date(plan), italic=True, center=True, container=right)

    def heading(self, depth: int, number: str, heading: str | None, content: list[dict], run_in: bool) -> None:
        label = number
        text = heading.upper() if heading and depth == 1 else heading or ""
        rest = content
        if (run_in or not heading) and content and content[0]["type"] == "paragraph":
            paragraph = self.line(text + (":" if heading and not heading.endswith((":", ".")) else ""), bold=True, label=label)
            paragraph.add_run(" ")
            self.runs(paragraph, content[0]["text"])
            rest = content[1:]
        else:
            self.line(text, bold=True, label=label)
        self.children(rest, depth + 1)

    def children(self, blocks: list[dict], depth: int) -> None:
        self.counters = getattr(self, "counters", {})
        for block in blocks:
            self.block(block, depth)

    def number(self, depth: int) -> str:
        self.counters = getattr(self, "counters", {})
        self.path = getattr(self, "path", [])
        self.path = self.path[: depth - 1] + [self.path[depth - 1] + 1 if len(self.path) >= depth else 1]
        if depth == 1:
            return roman(self.path[0]) + "."
        return ".".join(str(n) for n in self.path[1:]) + "."

    def block(self, block: dict, depth: int) -> None:
        kind = block["type"]
        if kind == "paragraph":
            self.line(block["text"])
        elif kind == "bullets":
            for item in block["items"]:
                self.bullet(item["text"])
                for sub in item["sub_items"]:
                    self.bullet(sub, 1)
        elif kind == "points":
            for index, item in enumerate(block["items"]):
                self.line(item["text"], label=LETTERS[index] + ")")
                self.children(item["content"], depth)
        else:
            self.section(block, depth)

    def section(self, block: dict, depth: int) -> None:
        number = self.number(depth)
        self.heading(depth, number, block.get("heading"), block["content"], block["run_in"])
        kind = block["type"]
        parts = {"purposes_requirements": ("purposes", "requirements"), "targets": ("general", "specific")}.get(kind, ())
        for key in parts:
            part = block[key]
            if part:
                self.heading(depth + 1, self.number(depth + 1), part["heading"], part["content"], part["run_in"])
                if key == "specific":
                    for item in part["items"]:
                        self.heading(depth + 2, self.number(depth + 2), None,
                                     [{"type": "paragraph", "text": _target_text(item)}] + item["content"], True)
        for agency in block.get("agencies", []):
            name = (REQUEST_PREFIX if agency["request"] else "") + agency["name"] + (LEAD_AGENCY_NOTE if agency["lead"] else "")
            self.heading(depth + 1, self.number(depth + 1), name, agency["duties"], agency["run_in"])
        self.children(block.get("closing", []), depth + 1)

    def signature(self, plan: dict) -> None:
        table = self.document.add_table(rows=1, cols=2)
        grid = table._tbl.find(qn("w:tblGrid"))
        grid.getparent().remove(grid)
        left, right = table.rows[0].cells
        self.line("Nơi nhận:", bold=True, italic=True, container=left)
        for recipient in plan["recipients"]:
            self.line("- " + front_matter.recipient_line(recipient), container=left)
        self.line("- " + front_matter.archive_line(plan["archive"]), container=left)
        for line in front_matter.authority_lines(plan["signatory"]):
            self.line(line, bold=True, center=True, container=right)
        for _ in range(3):
            self.line("", container=right)
        self.line(plan["signatory"]["name"], bold=True, center=True, container=right)

    def appendix(self, plan: dict, appendix: dict, index: int, count: int) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.line(appendix_label(appendix, index, count), bold=True, center=True)
        self.line(appendix["title"].upper(), bold=True, center=True)
        self.line(f"(Kèm theo {front_matter.attached_to(plan)})", italic=True, center=True)
        table = appendix["table"]
        if table:
            self.figures(table)
        for block in appendix["notes"]:
            self.block(block, 2)

    def figures(self, table: dict) -> None:
        columns = table["columns"]
        grouped = any(c["group"] for c in columns)
        rows, total = computed_table(table)
        body = len(rows) + (1 if total is not None else 0)
        word_table = self.document.add_table(rows=(2 if grouped else 1) + 1 + body, cols=len(columns) + 2)
        word_table.style = "Table Grid"
        cells = word_table.rows
        cells[0].cells[0].text, cells[0].cells[1].text = table["number_header"], table["label_header"]
        for i, column in enumerate(columns):
            if grouped and column["group"]:
                cells[0].cells[i + 2].text = column["group"]
                cells[1].cells[i + 2].text = column["header"]
            else:
                cells[0].cells[i + 2].text = column["header"]
        if grouped:
            for i in range(len(columns) + 2):
                if not (i >= 2 and columns[i - 2]["group"]):
                    cells[0].cells[i].merge(cells[1].cells[i])
        code_row = cells[2 if grouped else 1]
        for i, code in enumerate(["A", "B"] + column_codes(columns)):
            code_row.cells[i].text = code
        start = (2 if grouped else 1) + 1
        for r, (source, values) in enumerate(zip(table["rows"], rows)):
            row = cells[start + r].cells
            row[0].text, row[1].text = str(r + 1), source["label"]
            for i, column in enumerate(columns):
                row[i + 2].text = figure(values[column["key"]], column["decimals"] if column["kind"] == "rate" else None)
        if total is not None:
            row = cells[start + len(rows)].cells
            row[1].text = table["total"]["label"]
            for i, column in enumerate(columns):
                row[i + 2].text = figure(total[column["key"]], column["decimals"] if column["kind"] == "rate" else None)


def clerk_docx(plan_json: dict, **options) -> bytes:
    return ClerkDocument(**options).build(plan_json)
