"""The plan's body as Word paragraphs.

Walks the validated section tree and emits one paragraph per heading, text,
point and bullet, each with the template style of its level. Section numbers
("I.", "1.", "1.1.") and bullets ("-", "+") come from the template's Word
lists, attached to those styles, so Word renumbers them as the clerk edits;
point letters ("a)", "đ)") are typed, because Word's lettered lists know
only the Latin alphabet. Authors never type any of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from nd30 import styles as S
from nd30.markup import Run, parse
from nd30.parts import DEFAULT_HEADINGS
from nd30.vietnamese import END_OF_TEXT, ensure_ending, figure, point_label, upper

from .measure import text_width
from .wordml import W_NS, Footnotes, RunFormat, inline_xml, paragraph_xml, run_xml

RUN_IN_TEXT = RunFormat(bold=False, italic=False)
RUN_IN_ENDINGS = (":", ".", "?", "!")
LEAD_AGENCY_NOTE = " (cơ quan chủ trì)"
REQUEST_PREFIX = "Đề nghị "
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
_W = f"{{{W_NS}}}"


@dataclass
class BodyWriter:
    """Turns body blocks into paragraph XML for one document."""

    footnotes: Footnotes

    def body(self, blocks: list[dict], closing: str | None) -> str:
        """The plan's body and its closing paragraph, the last of them ending
        the text with "./.", and as many of the last paragraphs as it takes
        to reach two lines kept with the signature block that follows."""
        paragraphs = list(self.blocks(blocks))
        if closing:
            paragraphs.append(self.paragraph(S.CLOSING, ensure_ending(closing, END_OF_TEXT)))
        elif paragraphs:
            last = _element(paragraphs[-1])
            _end_text(last)
            paragraphs[-1] = _xml(last)
        kept_lines = 0
        # Only the last few paragraphs are parsed: the body may be long.
        for index in range(len(paragraphs) - 1, -1, -1):
            paragraph = _element(paragraphs[index])
            fewest, most = _line_range(_text_of(paragraph))
            if kept_lines >= 2 or most > MOVABLE_LINES:
                break
            _keep_with_next(paragraph)
            paragraphs[index] = _xml(paragraph)
            kept_lines += fewest
        return "".join(paragraphs)

    def blocks(self, blocks: list[dict], depth: int = 1) -> Iterator[str]:
        for block in blocks:
            yield from self.block(block, depth)

    def block(self, block: dict, depth: int) -> Iterator[str]:
        kind = block["type"]
        if kind == "paragraph":
            yield self.paragraph(S.BODY, block["text"])
        elif kind == "bullets":
            yield from self.bullets(block["items"])
        elif kind == "points":
            yield from self.points(block["items"])
        else:
            yield from SECTION_WRITERS.get(kind, BodyWriter.section)(self, block, depth)

    # --- leaves ---------------------------------------------------------------

    def paragraph(self, style: S.Style, text: str) -> str:
        return paragraph_xml(style.style_id, inline_xml(parse(text), self.footnotes))

    def bullets(self, items: list[dict]) -> Iterator[str]:
        for item in items:
            yield self.paragraph(S.BULLET, item["text"])
            for sub_item in item["sub_items"]:
                yield self.paragraph(S.SUB_BULLET, sub_item)

    def point(self, index: int, text: str) -> str:
        label = inline_xml((Run(point_label(index) + " "),), self.footnotes)
        return paragraph_xml(S.POINT.style_id, label + inline_xml(parse(text), self.footnotes))

    def points(self, items: list[dict]) -> Iterator[str]:
        # Each list of points starts again at a).
        for index, item in enumerate(items):
            yield self.point(index, item["text"])
            yield from self.blocks(item["content"])

    # --- headings -------------------------------------------------------------

    def heading(self, depth: int, heading: str | None, content: list[dict], run_in: bool) -> Iterator[str]:
        """A numbered heading, with its first paragraph run in after it when
        asked (or when there is no heading text), then the rest of the content."""
        items = _heading_items(heading, depth)
        rest = content
        if (run_in or not heading) and content and content[0]["type"] == "paragraph":
            if heading and not heading.rstrip().endswith(RUN_IN_ENDINGS):
                items += (Run(":"),)
            lead = inline_xml(items, self.footnotes)
            separator = inline_xml((Run(" "),), self.footnotes) if heading else ""
            body = inline_xml(parse(content[0]["text"]), self.footnotes, RUN_IN_TEXT)
            # Running text: numbered, but it does not keep with what follows.
            # LibreOffice numbers a style only through the list level it is
            # linked to (the heading's), hence the paragraph's own numbering.
            style = S.NUMBERED_PARAGRAPHS[depth - 1].style_id
            yield paragraph_xml(style, lead + separator + body, S.NUM_HEADINGS, level=depth - 1)
            rest = content[1:]
        else:
            yield paragraph_xml(S.HEADINGS[depth - 1].style_id, inline_xml(items, self.footnotes))
        yield from self.blocks(rest, depth + 1)

    def section(self, block: dict, depth: int) -> Iterator[str]:
        if not is_empty_default(block, block["type"]):
            yield from self.heading(depth, block.get("heading"), block["content"], block["run_in"])

    def part(self, part: dict | None, key: str, depth: int) -> Iterator[str]:
        if part and not is_empty_default(part, key):
            yield from self.heading(depth, part.get("heading"), part["content"], part["run_in"])

    def purposes_requirements(self, block: dict, depth: int) -> Iterator[str]:
        yield from self.section(block, depth)
        yield from self.part(block["purposes"], "purposes", depth + 1)
        yield from self.part(block["requirements"], "requirements", depth + 1)
        yield from self.blocks(block["sections"], depth + 1)

    def targets(self, block: dict, depth: int) -> Iterator[str]:
        yield from self.section(block, depth)
        yield from self.part(block["general"], "general", depth + 1)
        specific = block["specific"]
        if specific:
            yield from self.part(specific, "specific", depth + 1)
            yield from self.target_items(specific, depth + 2)
            yield from self.blocks(specific["notes"], depth + 2)
        yield from self.blocks(block["sections"], depth + 1)

    def target_items(self, specific: dict, depth: int) -> Iterator[str]:
        style = specific["style"]
        for index, item in enumerate(specific["items"]):
            text = _target_text(item)
            if style == "numbered":
                yield from self.heading(depth, None, [{"type": "paragraph", "text": text}] + item["content"], True)
                continue
            yield self.point(index, text) if style == "points" else self.paragraph(S.BULLET, text)
            yield from self.blocks(item["content"], depth)

    def assignments(self, block: dict, depth: int) -> Iterator[str]:
        yield from self.section(block, depth)
        for agency in block["agencies"]:
            yield from self.heading(depth + 1, _agency_heading(agency), agency["duties"], agency["run_in"])
        yield from self.blocks(block["closing"], depth + 1)


SECTION_WRITERS = {
    "purposes_requirements": BodyWriter.purposes_requirements,
    "targets": BodyWriter.targets,
    "assignments": BodyWriter.assignments,
}


def _heading_items(heading: str | None, depth: int) -> tuple:
    if not heading:
        return ()
    items = parse(heading)
    if depth == 1:
        # Roman-numbered headings are written in capitals (Decree 30).
        return tuple(Run(upper(item.text), item.bold, item.italic) if isinstance(item, Run) else item for item in items)
    return items


# What makes a named section or part more than its default heading.
_OWN_CONTENT = ("content", "sections", "agencies", "closing", "items", "notes")
_SUB_PARTS = ("purposes", "requirements", "general", "specific")
_NESTED_BLOCKS = ("content", "sections")


def is_empty_default(part: dict, kind: str) -> bool:
    """A named section or part (``kind``: its type or its key) left with its
    default heading and nothing in it: printing it would leave an empty
    heading in the plan, so it is not printed."""
    if part.get("heading") != DEFAULT_HEADINGS.get(kind):
        return False
    if any(_prints(part.get(key) or []) if key in _NESTED_BLOCKS else part.get(key) for key in _OWN_CONTENT):
        return False
    return all(not part.get(key) or is_empty_default(part[key], key) for key in _SUB_PARTS)


def _prints(blocks: list[dict]) -> bool:
    """Some of ``blocks`` is printed (sections that are empty are not)."""
    return any("content" not in block or not is_empty_default(block, block["type"]) for block in blocks)


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


def _target_text(target: dict) -> str:
    if target["value"] is None:
        return target["text"]
    unit = target["unit"] or ""
    # "0,2%/năm", "3,2%": no space before a unit that starts with a percent sign.
    joiner = "" if unit.startswith("%") or not unit else " "
    return f"{target['text']} {figure(target['value'])}{joiner}{unit}"


def _agency_heading(agency: dict) -> str:
    name = agency["name"]
    # A name typed with its "Đề nghị" already is not asked twice.
    if agency["request"] and not name.casefold().startswith(REQUEST_PREFIX.casefold()):
        name = REQUEST_PREFIX + name
    if agency["lead"]:
        name += LEAD_AGENCY_NOTE
    return name
