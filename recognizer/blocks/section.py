"""``section``: numbered headings (I., 1., 1.1., 1.1.1.) with their heading
text and the paragraph run in after it, or a number before running text.

A paragraph is a heading when it has one of our heading styles, a Roman or
arabic label (typed, or drawn by Word's list numbering) or a Word "Heading
n" style. Its depth comes from the stack of open headings: a heading closes
every open heading of the same or a deeper rank.
"""

from __future__ import annotations

from typing import Iterator

from nd30.styles import HEADINGS, NUMBERED_PARAGRAPHS
from schemas import limits

from .. import labels as L
from ..lines import HEADING, PARAGRAPH, Line
from ..markup import cut, flatten, plain_text, sentence_case_markup, to_markup
from ..reading import Para, Segment
from ..text import clean, is_upper
from . import BlockReader, Role, register, roles, shown_texts

HEADING_MAX_CHARS = 200
RUN_IN_HEADING_CHARS = 120
SENTENCE_END = (".", ";", "!", "?", "…")
RUN_IN_ENDINGS = (":", ".", "?", "!")
NUMBERED_STYLE_IDS = frozenset(style.style_id for style in NUMBERED_PARAGRAPHS)


def add(builder, line: Line) -> None:
    while builder.stack and builder.stack[-1][0] >= line.rank:
        builder.stack.pop()
    depth = len(builder.stack) + 1
    if depth > limits.HEADING_DEPTH:
        builder.notes.warn("heading_too_deep", line.para.index, line.para.visible)
        label = line.label.text + " " if line.label else ""
        roles()[PARAGRAPH].add(builder, Line(line.para, PARAGRAPH, segments=[Segment(label)] + line.segments))
        return
    builder.point_item = None
    builder.previous_letter = None
    heading, run_in_text = split_heading(line)
    if heading and line.rank == 0 and line.typed and not is_upper(heading):
        builder.notes.fix("heading_case", line.para.index, line.para.text)
    section: dict = {"type": "section"}
    if heading:
        section["heading"] = sentence_case_markup(heading) if depth == 1 else heading
    content: list[dict] = []
    if run_in_text:
        content.append({"type": "paragraph", "text": run_in_text})
        if heading:
            section["run_in"] = True
    section["content"] = content
    if line.exact and not heading and not content and line.para.style_id not in NUMBERED_STYLE_IDS:
        builder.held_apart.add(id(section))
    builder.container.append(section)
    builder.stack.append((line.rank, section))


def split_heading(line: Line) -> tuple[str, str]:
    """(heading text, run-in text): the bold start of the paragraph is the
    heading; what follows it on the same line is its first paragraph."""
    if line.exact:
        head, rest = _split_rendered(line.segments, numbered=line.para.style_id in NUMBERED_STYLE_IDS)
    else:
        segments = flatten(line.segments)
        split = next((i for i, s in enumerate(segments) if s.note is None and s.text.strip() and not s.bold), len(segments))
        head, rest = segments[:split], segments[split:]
        shown = clean(plain_text(head))
        colon = shown.find(": ")
        if len(shown) > HEADING_MAX_CHARS or 0 < colon <= RUN_IN_HEADING_CHARS and shown.endswith(SENTENCE_END):
            return _running_text(segments, line.para)  # all bold, but a sentence: "Heading: its text."
    head_text = _heading_markup(head, line.para)
    if head_text:
        rest = _strip_leading(rest, ":")  # "**Mục đích**: …" (without a heading, ":" is the text's own)
    # Run-in text is set plain on purpose: its bold and italic are the text's own.
    rest_text, _ = to_markup(rest) if rest else ("", True)
    if not line.exact and not head_text and rest_text and not line.label_bold:
        # No bold at all (plain text, or a clerk who did not bold headings):
        # "Mục đích: Tạo cơ hội …" is a heading run in; a short line, a heading.
        heading, colon, after = rest_text.partition(": ")
        if colon and after and _looks_like_heading(heading) and len(heading) <= RUN_IN_HEADING_CHARS and ". " not in heading:
            return heading, after
        if _looks_like_heading(rest_text):
            return rest_text, ""
    if rest_text and head_text:
        head_text = head_text.rstrip()
        if head_text.endswith(":"):
            head_text = head_text[:-1].rstrip()
    return head_text, rest_text


def _running_text(segments: list[Segment], para: Para) -> tuple[str, str]:
    """A bold paragraph after a number that reads as running text (long, or
    a sentence) is no heading: its heading is what stands before a colon
    near its start, if anything."""
    text = plain_text(segments)
    colon = text.find(": ")
    if 0 < colon <= RUN_IN_HEADING_CHARS and ". " not in text[:colon]:
        head, rest = cut(segments, colon)
        heading = _heading_markup(head, para)
        rest_text, _ = to_markup(_strip_leading(rest, ":"), para.base_bold, para.base_italic)
        return heading, clean(rest_text)
    text, _ = to_markup(segments, para.base_bold, para.base_italic)
    return "", clean(text)


def _split_rendered(segments: list[Segment], numbered: bool) -> tuple[list[Segment], list[Segment]]:
    """Our generator writes a heading without text after it in a heading
    style (all of it is the heading), and a heading with its first paragraph
    run in as a numbered paragraph: the heading's runs (bold only from its
    own markup), ":" if needed, a plain " " run, then every run of the text
    with bold set on it; a heading-less section starts with those runs at once."""
    visible = [s for s in segments if s.note is not None or s.text]
    if not numbered:
        return visible, []
    texts = [i for i, s in enumerate(visible) if s.note is None]
    plain = [i for i in texts if visible[i].direct_bold is None]
    if not plain:
        return [], visible
    separator = plain[-1]
    before = [visible[i].text for i in texts if i < separator]
    if visible[separator].text == " " and before and before[-1].rstrip().endswith(RUN_IN_ENDINGS):
        return visible[:separator], visible[separator + 1:]
    return visible, []


def _heading_markup(segments: list[Segment], para: Para) -> str:
    text, _ = to_markup(segments, True, para.base_italic)
    return clean(text)


def _strip_leading(segments: list[Segment], char: str) -> list[Segment]:
    result = list(segments)
    while result and result[0].note is None and not result[0].text.strip():
        result.pop(0)
    if result and result[0].note is None and result[0].text.lstrip().startswith(char):
        first = result[0]
        result[0] = Segment(first.text.lstrip()[1:], first.bold, first.italic)
    return result


def _looks_like_heading(text: str) -> bool:
    return len(text) <= HEADING_MAX_CHARS and not text.rstrip("*").endswith(SENTENCE_END)


def shown(block: dict) -> Iterator[str]:
    yield block.get("heading") or ""
    yield from shown_texts(block["content"])


register(BlockReader("section", shown=shown, roles=(Role(
    HEADING, add,
    styles={style.style_id: depth for styles in (HEADINGS, NUMBERED_PARAGRAPHS)
            for depth, style in enumerate(styles, start=1)},
    labels=(L.ROMAN, L.ARABIC),
    word_headings=True,
),)))
