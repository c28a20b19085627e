"""The body of a document as WordprocessingML: each block written by the
writer its type registers (``generators.blocks``), the last paragraph
ending the text with "./.", and the paragraphs before the signature block
kept with it.

Writers get from ``BodyWriter`` what they share: the document's footnotes,
a paragraph of inline markup in a style, and the blocks inside a block.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from nd30 import styles as S
from nd30.markup import parse
from nd30.vietnamese import END_OF_TEXT, ensure_ending

from .blocks import WRITERS
from .measure import text_width
from .wordml import W_NS, Footnotes, inline_xml, paragraph_xml, run_xml

# The signature block keeps with at least two lines of text above it: the
# paragraphs before it keep with the next one until two lines are reached.
# LibreOffice moves a paragraph that keeps with the next whole rather than
# splitting it, so only paragraphs of at most MOVABLE_LINES lines keep (a
# longer one would leave the page above it largely empty).
MOVABLE_LINES = 6
# Line counts are bounded from the measured text on the widest and narrowest
# lines Decree 30 allows (A4 less 30 + 15 or 35 + 20 mm margins, 1 cm first-line
# indent) at body sizes 13 and 14 pt, with a margin for justification.
WIDEST_LINE_PT = 165 * 72 / 25.4
NARROWEST_LINE_PT = 155 * 72 / 25.4
FIRST_LINE_INDENT_PT = 10 * 72 / 25.4
JUSTIFICATION_MARGIN = 1.15
A4_TEXT_WIDTH = 9355  # 210 mm less 30 + 15 mm margins, in twips
_W = f"{{{W_NS}}}"


@dataclass
class BodyWriter:
    """Turns body blocks into paragraph XML for one document."""

    footnotes: Footnotes
    text_width: int = A4_TEXT_WIDTH  # twips between the margins of the section being written

    def body(self, blocks: list[dict], closing: str | None) -> str:
        """The plan's body and its closing paragraph, the last of them ending
        the text with "./.", and as many of the last paragraphs as it takes
        to reach two lines kept with the signature block that follows."""
        paragraphs = list(self.blocks(blocks))
        if closing:
            paragraphs.append(self.paragraph(S.CLOSING, ensure_ending(closing, END_OF_TEXT)))
        elif paragraphs and _element(paragraphs[-1]).tag != f"{_W}p":
            paragraphs.append(self.paragraph(S.BODY, END_OF_TEXT))  # the text ends with a table
        elif paragraphs:
            last = _element(paragraphs[-1])
            _end_text(last)
            paragraphs[-1] = _xml(last)
        kept_lines = 0
        # Only the last few paragraphs are parsed: the body may be long.
        for index in range(len(paragraphs) - 1, -1, -1):
            paragraph = _element(paragraphs[index])
            if paragraph.tag != f"{_W}p":
                break  # a table: it is not moved with the signature block
            fewest, most = _line_range(_text_of(paragraph))
            if kept_lines >= 2 or most > MOVABLE_LINES:
                break
            _keep_with_next(paragraph)
            paragraphs[index] = _xml(paragraph)
            kept_lines += fewest
        return "".join(paragraphs)

    def blocks(self, blocks: list[dict], depth: int = 1) -> Iterator[str]:
        for block in blocks:
            yield from WRITERS[block["type"]](self, block, depth)

    def paragraph(self, style: S.Style, text: str) -> str:
        return paragraph_xml(style.style_id, inline_xml(parse(text), self.footnotes))


def _element(fragment: str):
    return etree.fromstring(f'<w:body xmlns:w="{W_NS}">{fragment}</w:body>')[0]


def _xml(element) -> str:
    return etree.tostring(element, encoding="unicode")


def _keep_with_next(paragraph) -> None:
    paragraph.find(f"{_W}pPr/{_W}pStyle").addnext(etree.Element(f"{_W}keepNext"))


def _end_text(paragraph) -> None:
    """The decree's "./." after the last word of the text."""
    runs = paragraph.findall(f"{_W}r")
    last_text = runs[-1].find(f"{_W}t") if runs else None
    if last_text is not None:
        last_text.text = ensure_ending(last_text.text, END_OF_TEXT)
    else:  # ends with a footnote reference, or has no text at all
        paragraph.append(_element(run_xml(END_OF_TEXT)))


def _text_of(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))


def _line_range(text: str) -> tuple[int, int]:
    """The fewest and the most lines ``text`` can take as a body paragraph."""
    fewest = (FIRST_LINE_INDENT_PT + text_width(text, 13)) / (JUSTIFICATION_MARGIN * WIDEST_LINE_PT)
    most = (FIRST_LINE_INDENT_PT + text_width(text, 14)) * JUSTIFICATION_MARGIN / NARROWEST_LINE_PT
    return (math.floor(fewest) + 1 if fewest > 1 else 1), math.ceil(most)
