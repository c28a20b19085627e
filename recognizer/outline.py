"""Body paragraphs → the plan's block tree: numbered sections (I., 1.,
1.1., 1.1.1.) with headings and run-in text, points a) b), bullets - and
sub-bullets +, paragraphs.

Each paragraph's role comes from, in this order: the ND30 style of our own
template when it has one (exact), else the label Word draws (list
numbering) or the label typed at the start of the text, with Word's heading
styles and bold text as signals for headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nd30 import styles
from nd30.vietnamese import POINT_LETTERS
from schemas import limits

from . import labels as L
from .markup import drop_prefix, flatten, to_markup
from .notes import Notes
from .reading import Para, Segment
from .text import clean, sentence_case

# Our template's styles → role and heading depth.
STYLE_ROLES = {
    **{style.style_id: ("heading", depth) for depth, style in enumerate(styles.HEADINGS, start=1)},
    # Numbered paragraphs that carry running text: a heading run in, or a section without heading.
    **{style.style_id: ("heading", depth) for depth, style in enumerate(styles.NUMBERED_PARAGRAPHS, start=1)},
    styles.POINT.style_id: ("point", 0), styles.BULLET.style_id: ("bullet", 0),
    styles.SUB_BULLET.style_id: ("sub_bullet", 0), styles.BODY.style_id: ("paragraph", 0),
}
NUMBERED_STYLE_IDS = {style.style_id for style in styles.NUMBERED_PARAGRAPHS}
OWN_STYLE_PREFIX = "ND30"
TYPED_KINDS = {"heading": (L.ROMAN, L.ARABIC), "point": (L.LETTER,), "bullet": (L.DASH,), "sub_bullet": (L.PLUS,)}
WORD_HEADING = re.compile(r"^heading ([1-9])$", re.I)
HEADING_MAX_CHARS = 200
RUN_IN_HEADING_CHARS = 120
SENTENCE_END = (".", ";", "!", "?", "…")
RUN_IN_ENDINGS = (":", ".", "?", "!")


@dataclass
class Line:
    """One body paragraph with its role decided."""

    para: Para
    role: str                      # heading | point | bullet | sub_bullet | paragraph
    rank: int = 0                  # for headings: 0 = I., 1 = 1., 2 = 1.1., 3 = 1.1.1. …
    label: L.Label | None = None
    typed: bool = False            # the label was typed, not drawn by Word
    segments: list[Segment] = field(default_factory=list)   # the text after the label
    exact: bool = False            # our own style: bold means heading text, nothing else
    label_bold: bool = False       # the typed label is bold (then plain text after it is no heading)


def classify(para: Para) -> Line:
    role, depth = STYLE_ROLES.get(para.style_id, (None, 0))
    if role is None and para.style_id.startswith(OWN_STYLE_PREFIX):
        role = "paragraph"  # another part of our template (a legal basis, the closing): no typed labels
    if role is not None:
        segments = para.segments
        label = L.from_numbering(para.numbering_label, para.numbering_level, para.bullet) if para.numbering_label else None
        if label is None and role in TYPED_KINDS:
            # Our style with the label typed as text (a generator that letters points "đ)" itself).
            typed, offset = L.parse(_leading_text(segments))
            if typed is not None and typed.kind in TYPED_KINDS[role]:
                return Line(para, role, depth - 1, typed, True, drop_prefix(segments, offset), exact=True)
        return Line(para, role, depth - 1, label, False, segments, exact=True)
    segments = para.segments
    label, typed, label_bold = None, False, False
    if para.numbering_label:
        label = L.from_numbering(para.numbering_label, para.numbering_level, para.bullet)
    if label is None:
        label, offset = L.parse(_leading_text(segments))
        if label is not None:
            typed = True
            label_bold = any(s.bold for s in segments if s.note is None and s.text.strip())
            label_bold = label_bold and all(s.bold for s in _prefix(segments, offset))
            segments = drop_prefix(segments, offset)
    heading_style = WORD_HEADING.match(para.style_name or "")
    if label is None:
        if heading_style:
            return Line(para, "heading", int(heading_style.group(1)), None, False, segments)
        return Line(para, "paragraph", 0, None, False, segments)
    if label.kind == L.ROMAN:
        return Line(para, "heading", 0, label, typed, segments, label_bold=label_bold)
    if label.kind == L.ARABIC:
        return Line(para, "heading", label.depth, label, typed, segments, label_bold=label_bold)
    if label.kind == L.LETTER:
        return Line(para, "point", 0, label, typed, segments)
    if label.kind == L.PLUS:
        return Line(para, "sub_bullet", 0, label, typed, segments)
    return Line(para, "bullet", 0, label, typed, segments)


def _leading_text(segments: list[Segment]) -> str:
    """The text before the first footnote: a label is read there, and the
    offset it gives counts characters of these segments only."""
    text = []
    for segment in segments:
        if segment.note is not None:
            break
        text.append(segment.text)
    return "".join(text)


def _prefix(segments: list[Segment], count: int) -> list[Segment]:
    """The segments that hold the first ``count`` characters (the label)."""
    result = []
    for segment in segments:
        if count <= 0:
            break
        if segment.note is None and segment.text:
            if segment.text[:count].strip():
                result.append(segment)
            count -= len(segment.text)
    return result


def is_heading(para: Para) -> bool:
    return classify(para).role == "heading"


class OutlineBuilder:
    """Builds the block tree from classified lines, reporting as it goes."""

    def __init__(self, notes: Notes):
        self.notes = notes
        self.root: list[dict] = []
        self.stack: list[tuple[int, dict]] = []      # open sections: (rank, block)
        self.point_item: dict | None = None
        self.previous_letter: L.Label | None = None
        # Sections our generator wrote with a heading style and no heading:
        # a paragraph that follows is not their run-in text.
        self.held_apart: set[int] = set()

    @property
    def container(self) -> list[dict]:
        if self.point_item is not None:
            return self.point_item["content"]
        return self.stack[-1][1]["content"] if self.stack else self.root

    def add(self, line: Line) -> None:
        handler = getattr(self, f"_{line.role}")
        handler(line)

    def blocks(self) -> list[dict]:
        return self.root

    # --- roles ----------------------------------------------------------------

    def _heading(self, line: Line) -> None:
        while self.stack and self.stack[-1][0] >= line.rank:
            self.stack.pop()
        depth = len(self.stack) + 1
        if depth > limits.HEADING_DEPTH:
            self.notes.warn("heading_too_deep", line.para.index, line.para.visible)
            label = line.label.text + " " if line.label else ""
            self._paragraph(Line(line.para, "paragraph", segments=[Segment(label)] + line.segments))
            return
        self.point_item = None
        self.previous_letter = None
        heading, run_in_text = split_heading(line)
        section: dict = {"type": "section"}
        if heading:
            section["heading"] = sentence_case(heading) if depth == 1 else heading
        content: list[dict] = []
        if run_in_text:
            content.append({"type": "paragraph", "text": run_in_text})
            if heading:
                section["run_in"] = True
        section["content"] = content
        if line.exact and not heading and not content and line.para.style_id not in NUMBERED_STYLE_IDS:
            self.held_apart.add(id(section))
        self.container.append(section)
        self.stack.append((line.rank, section))

    def _point(self, line: Line) -> None:
        text = self._markup(line)
        if not text:
            return
        container = self.stack[-1][1]["content"] if self.stack else self.root
        label = line.label
        restart = label is not None and label.value == 1
        if container and container[-1]["type"] == "points" and not restart:
            points = container[-1]
        else:
            points = {"type": "points", "items": []}
            container.append(points)
            self.previous_letter = None
        if line.typed and label is not None:
            self._check_letter(line, label)
        item = {"text": text, "content": []}
        points["items"].append(item)
        self.point_item = item

    def _check_letter(self, line: Line, label: L.Label) -> None:
        previous = self.previous_letter
        if previous is not None and not label.follows(previous):
            expected = POINT_LETTERS[previous.value] if previous.value < len(POINT_LETTERS) else None
            if expected:
                self.notes.fix("point_letter", line.para.index, line.para.visible,
                               found=label.text, previous=previous.text, fixed=expected + ")")
                label = L.Label(L.LETTER, expected + ")", 1, previous.value + 1)
        self.previous_letter = label

    def _bullet(self, line: Line) -> None:
        self._add_bullet(line, sub=False)

    def _sub_bullet(self, line: Line) -> None:
        self._add_bullet(line, sub=True)

    def _add_bullet(self, line: Line, sub: bool) -> None:
        text = self._markup(line)
        if not text:
            return
        container = self.container
        if not (container and container[-1]["type"] == "bullets"):
            container.append({"type": "bullets", "items": [{"text": text}]})  # a "+" with no "-" above it
        elif sub:
            container[-1]["items"][-1].setdefault("sub_items", []).append(text)
        else:
            container[-1]["items"].append({"text": text})

    def _paragraph(self, line: Line) -> None:
        text = self._markup(line)
        if not text:
            return
        if self.point_item is None and self.stack and not self.container and id(self.stack[-1][1]) in self.held_apart \
                and len(self.stack) < limits.HEADING_DEPTH:
            # The exact inverse: only a first block that prints nothing kept it from running in.
            self.container.append({"type": "section", "content": []})
        self.container.append({"type": "paragraph", "text": text})

    def _markup(self, line: Line) -> str:
        text, exact = to_markup(line.segments, *base_emphasis(line.para))
        if not exact:
            self.notes.warn("formatting_lost", line.para.index, line.para.visible)
        return text


def base_emphasis(para: Para) -> tuple[bool, bool]:
    """Bold/italic that the paragraph's style gives every run (not markup)."""
    return para.base_bold, para.base_italic


def split_heading(line: Line) -> tuple[str, str]:
    """(heading text, run-in text): the bold start of the paragraph is the
    heading; what follows it on the same line is its first paragraph."""
    if line.exact:
        head, rest = _split_rendered(line.segments, numbered=line.para.style_id in NUMBERED_STYLE_IDS)
    else:
        segments = flatten(line.segments)
        split = next((i for i, s in enumerate(segments) if s.note is None and s.text.strip() and not s.bold), len(segments))
        head, rest = segments[:split], segments[split:]
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
