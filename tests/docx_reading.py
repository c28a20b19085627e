"""Reading a produced .docx the way a reader sees it: paragraph text with the
list labels Word draws ("I.", "1.1.", "a)", "-"), in document order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.document import Document
from docx.oxml.ns import qn

ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(value: int) -> str:
    out = ""
    for amount, letters in ROMAN:
        count, value = divmod(value, amount)
        out += letters * count
    return out


FORMATS = {
    "decimal": str,
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "lowerLetter": lambda n: chr(ord("a") + n - 1),
    "upperLetter": lambda n: chr(ord("A") + n - 1),
}


@dataclass
class Numbering:
    """Just enough of Word's list numbering to draw the labels."""

    document: Document
    counters: dict = field(default_factory=dict)

    def __post_init__(self):
        root = self.document.part.numbering_part.element
        self.abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        self.nums = {}
        for num in root.findall(qn("w:num")):
            starts = {
                int(o.get(qn("w:ilvl"))): int(o.find(qn("w:startOverride")).get(qn("w:val")))
                for o in num.findall(qn("w:lvlOverride"))
                if o.find(qn("w:startOverride")) is not None
            }
            self.nums[num.get(qn("w:numId"))] = (num.find(qn("w:abstractNumId")).get(qn("w:val")), starts)

    def level(self, num_id: str, ilvl: int):
        abstract_id, _ = self.nums[num_id]
        for lvl in self.abstract[abstract_id].findall(qn("w:lvl")):
            if int(lvl.get(qn("w:ilvl"))) == ilvl:
                return lvl
        return None

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.nums or num_id == "0":
            return ""
        _, starts = self.nums[num_id]
        counters = self.counters.setdefault(num_id, {})
        lvl = self.level(num_id, ilvl)
        start = starts.get(ilvl, int(lvl.find(qn("w:start")).get(qn("w:val"))) if lvl.find(qn("w:start")) is not None else 1)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt = lvl.find(qn("w:numFmt")).get(qn("w:val"))
        text = lvl.find(qn("w:lvlText")).get(qn("w:val"))
        if fmt == "bullet":
            return text
        def value(match):
            k = int(match.group(1)) - 1
            k_lvl = self.level(num_id, k)
            k_fmt = k_lvl.find(qn("w:numFmt")).get(qn("w:val"))
            return FORMATS[k_fmt](counters.get(k, 1))
        return re.sub(r"%(\d)", value, text)


def _num_pr(paragraph):
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return ppr.numPr
    style = paragraph.style
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None and ppr.numPr is not None:
            return ppr.numPr
        style = style.base_style
    return None


def paragraph_label(paragraph, numbering: Numbering) -> str:
    num_pr = _num_pr(paragraph)
    if num_pr is None or num_pr.numId is None:
        return ""
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return numbering.label(str(num_pr.numId.val), ilvl)


def iter_paragraphs(document: Document):
    """Every paragraph of the main story in order, table cells included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(container, element):
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                yield Paragraph(child, container)
            elif child.tag == qn("w:tbl"):
                table = Table(child, container)
                seen = []  # merged cells repeat; lxml elements compare by identity
                for row in table.rows:
                    for cell in row.cells:
                        if any(cell._tc is other for other in seen):
                            continue
                        seen.append(cell._tc)
                        yield from walk(cell, cell._tc)

    yield from walk(document, document.element.body)


def visible_lines(document: Document) -> list[str]:
    numbering = Numbering(document)
    lines = []
    for paragraph in iter_paragraphs(document):
        label = paragraph_label(paragraph, numbering)
        text = paragraph.text
        if label or text:
            lines.append(f"{label} {text}".strip())
    return lines


def footnote_texts(document: Document) -> list[str]:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from lxml import etree

    part = document.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    root = etree.fromstring(part.blob)
    notes = []
    for note in root.findall(qn("w:footnote")):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
            continue
        notes.append("".join(t.text or "" for t in note.iter(qn("w:t"))).strip())
    return notes
