"""Appendices: each in its own section (landscape for wide tables), page
numbers restarting at 1, a title, the line "(Kèm theo Kế hoạch số …)", a
table of figures (``figures_table``) and notes. Sections are set up with
python-docx; their content is WordprocessingML like the body.
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from nd30 import styles as S
from nd30.vietnamese import appendix_label

from .blocks import COLUMNS
from .body import BodyWriter
from .figures_table import TableXml

LANDSCAPE_FROM_COLUMNS = 8  # with the A and B columns, 10 columns need the width
LANDSCAPE_FROM_TEXT_COLUMNS = 6  # a task matrix: STT and five columns of text
# w:sectPr children that follow w:pgNumType (Word insists on the schema's order).
AFTER_PAGE_NUMBERING = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                        "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def label(appendix: dict, index: int, count: int) -> str:
    return appendix["label"] or appendix_label(index, count)


def landscape(appendix: dict) -> bool:
    if appendix["orientation"] != "auto":
        return appendix["orientation"] == "landscape"
    table = appendix["table"]
    if table and len(table["columns"]) >= LANDSCAPE_FROM_COLUMNS:
        return True
    return any(COLUMNS[block["type"]](block) >= LANDSCAPE_FROM_TEXT_COLUMNS
               for block in appendix["content"] if block["type"] in COLUMNS)


def text_width(section) -> int:
    """Twips between the section's margins."""
    return int((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU → twips


class AppendixWriter:
    """Appends the appendices, each in a new section, to a rendered document."""

    def __init__(self, document, writer: BodyWriter, attached_to: str):
        self.document = document
        self.writer = writer
        self.attached_to = attached_to

    def write(self, appendices: list[dict]) -> None:
        for index, appendix in enumerate(appendices):
            section = new_section(self.document, landscape(appendix))
            parts = [
                self.writer.paragraph(S.APPENDIX_LABEL, label(appendix, index, len(appendices))),
                self.writer.paragraph(S.APPENDIX_TITLE, appendix["title"].upper()),
                self.writer.paragraph(S.APPENDIX_ATTACHED, f"(Kèm theo {self.attached_to})"),
            ]
            self.writer.text_width = text_width(section)
            table = appendix["table"]
            if table:
                if table["unit_note"]:
                    parts.append(self.writer.paragraph(S.TABLE_NOTE, table["unit_note"]))
                parts.append(TableXml(table, self.writer.footnotes, self.writer.text_width).xml())
            parts.extend(self.writer.blocks(appendix["content"]))
            parts.extend(self.writer.blocks(appendix["notes"]))
            append_xml(self.document, "".join(parts))


def append_xml(document, fragments: str) -> None:
    """Block elements (w:p, w:tbl) appended to the document's last section."""
    sect_pr = document.element.body.sectPr  # looked up once: each lookup scans the body
    holder = parse_xml(f'<w:body {nsdecls("w")}>{fragments}</w:body>')
    for element in list(holder):
        sect_pr.addprevious(element)


def new_section(document, wide: bool):
    """A new section on a new page, portrait or landscape, its page numbers
    starting again at 1 and none on its first page (Decree 30: each
    appendix, and the document a decision issues, is numbered on its own)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _drop_empty_paragraph_before_break(document)
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
    sect_pr.insert_element_before(parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="1"/>'), *AFTER_PAGE_NUMBERING)
    return section


def _drop_empty_paragraph_before_break(document) -> None:
    """The template ends with an empty paragraph (Word wants one after a
    final table); the section break's own paragraph now plays that role."""
    # The break's paragraph was just added before the final w:sectPr:
    # look at its neighbours only, not at every paragraph of the body.
    section_break = document.element.body.sectPr.getprevious()
    candidate = section_break.getprevious() if section_break is not None else None
    if candidate is None or candidate.tag != qn("w:p"):
        return
    is_empty = not candidate.findall(qn("w:r")) and candidate.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None
    if is_empty:
        candidate.getparent().remove(candidate)
