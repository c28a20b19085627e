"""Sections and the numbered headings every named part is made of.

A heading's number ("I.", "1.", "1.1.", "1.1.1.") comes from the Word list
attached to its style, so Word renumbers as the clerk edits. A heading run
in with its first paragraph ("1. Mục đích: …"), or a section without a
heading, is a numbered paragraph of running text: same list level, but it
does not keep with the next paragraph, so a run of them flows across pages.
"""

from __future__ import annotations

from typing import Iterator

from nd30 import styles as S
from nd30.markup import Run, parse
from nd30.parts import DEFAULT_HEADINGS
from nd30.vietnamese import upper

from ..wordml import RunFormat, inline_xml, paragraph_xml
from . import writes

RUN_IN_TEXT = RunFormat(bold=False, italic=False)
RUN_IN_ENDINGS = (":", ".", "?", "!")


def heading(writer, depth: int, text: str | None, content: list[dict], run_in: bool) -> Iterator[str]:
    """A numbered heading, with its first paragraph run in after it when
    asked (or when there is no heading text), then the rest of the content."""
    items = _heading_items(text, depth)
    rest = content
    if (run_in or not text) and content and content[0]["type"] == "paragraph":
        if text and not text.rstrip().endswith(RUN_IN_ENDINGS):
            items += (Run(":"),)
        lead = inline_xml(items, writer.footnotes)
        separator = inline_xml((Run(" "),), writer.footnotes) if text else ""
        body = inline_xml(parse(content[0]["text"]), writer.footnotes, RUN_IN_TEXT)
        # LibreOffice numbers a style only through the list level it is
        # linked to (the heading's), hence the paragraph's own numbering.
        style = S.NUMBERED_PARAGRAPHS[depth - 1].style_id
        yield paragraph_xml(style, lead + separator + body, S.NUM_HEADINGS, level=depth - 1)
        rest = content[1:]
    else:
        yield paragraph_xml(S.HEADINGS[depth - 1].style_id, inline_xml(items, writer.footnotes))
    yield from writer.blocks(rest, depth + 1)


def _heading_items(text: str | None, depth: int) -> tuple:
    if not text:
        return ()
    items = parse(text)
    if depth == 1:
        # Roman-numbered headings are written in capitals (Decree 30).
        return tuple(Run(upper(item.text), item.bold, item.italic) if isinstance(item, Run) else item for item in items)
    return items


def write_part(writer, part: dict | None, key: str, depth: int) -> Iterator[str]:
    """A named part or sub-part (``key``: its type or its field), unless it
    is an untouched default: its heading alone would print empty."""
    if part and not is_empty_default(part, key):
        yield from heading(writer, depth, part.get("heading"), part["content"], part["run_in"])


@writes("section", "tasks", "budget", "reporting")
def write_section(writer, block: dict, depth: int) -> Iterator[str]:
    """A section, and the named parts that have nothing else of their own."""
    return write_part(writer, block, block["type"], depth)


# What makes a named part more than its default heading.
_OWN_CONTENT = ("content", "sections", "agencies", "closing", "items", "notes")
_SUB_PARTS = ("purposes", "requirements", "general", "specific")
_NESTED_BLOCKS = ("content", "sections")


def is_empty_default(part: dict, kind: str) -> bool:
    """A named part left with its default heading and nothing in it."""
    if part.get("heading") != DEFAULT_HEADINGS.get(kind):
        return False
    if any(_prints(part.get(key) or []) if key in _NESTED_BLOCKS else part.get(key) for key in _OWN_CONTENT):
        return False
    return all(not part.get(key) or is_empty_default(part[key], key) for key in _SUB_PARTS)


def _prints(blocks: list[dict]) -> bool:
    """Some of ``blocks`` is printed (sections that are empty are not)."""
    return any("content" not in block or not is_empty_default(block, block["type"]) for block in blocks)
