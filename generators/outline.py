"""The plan's body as Word paragraphs.

Walks the validated section tree and emits one paragraph per heading, text,
point and bullet, each with the template style of its level. Numbers
("I.", "1.", "1.1.", "a)") and bullets ("-", "+") come from the template's
Word lists, attached to those styles, so Word renumbers them as the clerk
edits; authors never type them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from . import styles as S
from .inline import Run, parse
from .vietnamese import figure, upper
from .wordml import Footnotes, RunFormat, inline_xml, paragraph_xml

RUN_IN_TEXT = RunFormat(bold=False, italic=False)
RUN_IN_ENDINGS = (":", ".", "?", "!")
LEAD_AGENCY_NOTE = " (cơ quan chủ trì)"
REQUEST_PREFIX = "Đề nghị "


@dataclass
class BodyWriter:
    """Turns body blocks into paragraph XML for one document."""

    footnotes: Footnotes
    new_points_list: Callable[[], int]

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

    def paragraph(self, style: S.Style, text: str, num_id: int | None = None) -> str:
        return paragraph_xml(style.style_id, inline_xml(parse(text), self.footnotes), num_id)

    def bullets(self, items: list[dict]) -> Iterator[str]:
        for item in items:
            yield self.paragraph(S.BULLET, item["text"])
            for sub_item in item["sub_items"]:
                yield self.paragraph(S.SUB_BULLET, sub_item)

    def points(self, items: list[dict]) -> Iterator[str]:
        # Each list of points starts again at a).
        num_id = self.new_points_list()
        for item in items:
            yield self.paragraph(S.POINT, item["text"], num_id)
            yield from self.blocks(item["content"])

    # --- headings -------------------------------------------------------------

    def heading(self, depth: int, heading: str | None, content: list[dict], run_in: bool) -> Iterator[str]:
        """A numbered heading, with its first paragraph run in after it when
        asked (or when there is no heading text), then the rest of the content."""
        style = S.HEADINGS[depth - 1]
        items = _heading_items(heading, depth)
        rest = content
        if (run_in or not heading) and content and content[0]["type"] == "paragraph":
            if heading and not heading.rstrip().endswith(RUN_IN_ENDINGS):
                items += (Run(":"),)
            lead = inline_xml(items, self.footnotes)
            separator = inline_xml((Run(" "),), self.footnotes) if heading else ""
            body = inline_xml(parse(content[0]["text"]), self.footnotes, RUN_IN_TEXT)
            yield paragraph_xml(style.style_id, lead + separator + body)
            rest = content[1:]
        else:
            yield paragraph_xml(style.style_id, inline_xml(items, self.footnotes))
        yield from self.blocks(rest, depth + 1)

    def section(self, block: dict, depth: int) -> Iterator[str]:
        yield from self.heading(depth, block.get("heading"), block["content"], block["run_in"])

    def part(self, part: dict | None, depth: int) -> Iterator[str]:
        if part:
            yield from self.heading(depth, part.get("heading"), part["content"], part["run_in"])

    def purposes_requirements(self, block: dict, depth: int) -> Iterator[str]:
        yield from self.section(block, depth)
        yield from self.part(block["purposes"], depth + 1)
        yield from self.part(block["requirements"], depth + 1)

    def targets(self, block: dict, depth: int) -> Iterator[str]:
        yield from self.section(block, depth)
        yield from self.part(block["general"], depth + 1)
        specific = block["specific"]
        if specific:
            yield from self.part(specific, depth + 1)
            yield from self.target_items(specific, depth + 2)
            yield from self.blocks(specific["notes"], depth + 2)

    def target_items(self, specific: dict, depth: int) -> Iterator[str]:
        items = specific["items"]
        style = specific["style"]
        if style == "points":
            num_id = self.new_points_list()
        for item in items:
            text = _target_text(item)
            if style == "numbered":
                yield from self.heading(depth, None, [{"type": "paragraph", "text": text}] + item["content"], True)
                continue
            if style == "points":
                yield self.paragraph(S.POINT, text, num_id)
            else:
                yield self.paragraph(S.BULLET, text)
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


def _target_text(target: dict) -> str:
    if target["value"] is None:
        return target["text"]
    unit = target["unit"] or ""
    amount = figure(target["value"]) + (unit if unit == "%" else f" {unit}" if unit else "")
    return f"{target['text']} {amount}"


def _agency_heading(agency: dict) -> str:
    name = agency["name"]
    if agency["request"]:
        name = REQUEST_PREFIX + name
    if agency["lead"]:
        name += LEAD_AGENCY_NOTE
    return name
