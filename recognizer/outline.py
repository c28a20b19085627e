"""Body paragraphs → the plan's block tree, through the line roles the
block modules register (``recognizer/blocks``).

Each paragraph's role comes from, in this order: the style of our own
template when it has one (exact), else the label Word draws (list
numbering) or the label typed at the start of the text, with Word's heading
styles as a signal for headings. The builder keeps the open sections and the
current point; each role's block module builds its lines into the tree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import blocks
from . import labels as L
from .blocks.clauses import CLAUSE_ROLE, is_clause
from .lines import HEADING, PARAGRAPH, Line, leading_text
from .markup import cut, to_markup
from .notes import Notes
from .reading import Para

# Every style of our template is named so (nd30/styles.py).
OWN_STYLE_PREFIX = "ND30"
WORD_HEADING = re.compile(r"^heading ([1-9])$", re.I)


@lru_cache(maxsize=1)
def _claims() -> tuple[dict, dict, str | None]:
    """(style id → (role, depth), label kind → role, role of Word's heading styles)."""
    by_style, by_label, word_headings = {}, {}, None
    for role in blocks.roles().values():
        by_style.update({style_id: (role.name, depth) for style_id, depth in role.styles.items()})
        by_label.update({kind: role.name for kind in role.labels})
        if role.word_headings:
            word_headings = role.name
    return by_style, by_label, word_headings


def is_own_style(para: Para) -> bool:
    """The paragraph has a style of our template: it says exactly what the paragraph is."""
    return para.style_id.startswith(OWN_STYLE_PREFIX)


def classify(para: Para) -> Line:
    by_style, by_label, word_headings = _claims()
    role, depth = by_style.get(para.style_id, (None, 0))
    if role is None and is_own_style(para):
        role = PARAGRAPH  # another part of our template (a legal basis, the closing): no typed labels
    label = L.from_numbering(para.numbering_label, para.numbering_level, para.bullet) if para.numbering_label else None
    segments = para.segments
    if role is not None:
        if label is None:
            # Our style with the label typed as text (a generator that letters points "đ)" itself).
            typed, offset = L.parse(leading_text(segments))
            if typed is not None and by_label.get(typed.kind) == role:
                return Line(para, role, depth - 1, typed, True, cut(segments, offset)[1], exact=True)
        return Line(para, role, depth - 1, label, False, segments, exact=True)
    typed, label_bold = False, False
    if label is None:
        label, offset = L.parse(leading_text(segments))
        if label is not None:
            typed = True
            label_bold = any(s.bold for s in segments if s.note is None and s.text.strip())
            label_bold = label_bold and all(s.bold for s in cut(segments, offset)[0] if s.note is None and s.text.strip())
            segments = cut(segments, offset)[1]
    if label is None or label.kind not in by_label:
        heading_style = WORD_HEADING.match(para.style_name or "")
        if heading_style and word_headings:
            return Line(para, word_headings, int(heading_style.group(1)), None, False, segments)
        return Line(para, PARAGRAPH, 0, None, False, segments)
    return Line(para, by_label[label.kind], label.rank, label, typed, segments, label_bold=label_bold)


class OutlineBuilder:
    """Builds the block tree from classified lines, reporting as it goes."""

    def __init__(self, notes: Notes, articles: bool = False):
        self.notes = notes
        # A decision's body: "Điều 1." opens an article, and in an article a
        # numbered line ("1.") is one of its clauses, not a heading.
        self.articles = articles
        self.root: list[dict] = []
        self.stack: list[tuple[int, dict]] = []      # open sections: (rank, block)
        self.point_item: dict | None = None
        self.previous_letter: L.Label | None = None
        # Sections our generator wrote in a heading style without a heading:
        # a paragraph that follows is not their run-in text.
        self.held_apart: set[int] = set()

    @property
    def container(self) -> list[dict]:
        if self.point_item is not None:
            return self.point_item["content"]
        return self.section_content

    @property
    def section_content(self) -> list[dict]:
        return self.stack[-1][1]["content"] if self.stack else self.root

    def add(self, line: Line) -> None:
        role = line.role
        if self.articles and role == HEADING and self.stack:
            role = CLAUSE_ROLE if is_clause(line) else PARAGRAPH
            line = line if role == CLAUSE_ROLE else Line(line.para, PARAGRAPH, segments=line.para.segments)
        blocks.roles()[role].add(self, line)

    def blocks(self) -> list[dict]:
        return self.root

    def markup(self, line: Line) -> str:
        """The line's text as plan markup (emphasis its style gives is not markup)."""
        text, exact = to_markup(line.segments, line.para.base_bold, line.para.base_italic)
        if not exact:
            self.notes.warn("formatting_lost", line.para.index, line.para.visible)
        return text


__all__ = ["Line", "OutlineBuilder", "classify", "is_own_style"]
