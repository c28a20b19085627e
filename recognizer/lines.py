"""One body paragraph with its role decided: what the outline builder and
the block readers pass between them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .labels import Label
from .reading import Para, Segment

HEADING, POINT, BULLET, SUB_BULLET, PARAGRAPH = "heading", "point", "bullet", "sub_bullet", "paragraph"


@dataclass
class Line:
    para: Para
    role: str                      # HEADING | POINT | BULLET | SUB_BULLET | PARAGRAPH
    rank: int = 0                  # for headings: 0 = I., 1 = 1., 2 = 1.1., 3 = 1.1.1. …
    label: Label | None = None
    typed: bool = False            # the label was typed, not drawn by Word
    segments: list[Segment] = field(default_factory=list)   # the text after the label
    exact: bool = False            # our own style: bold means heading text, nothing else
    label_bold: bool = False       # the typed label is bold (then plain text after it is no heading)


def leading_text(segments: list[Segment]) -> str:
    """The text before the first footnote: a label is read there, and the
    offset it gives counts characters of these segments only."""
    text = []
    for segment in segments:
        if segment.note is not None:
            break
        text.append(segment.text)
    return "".join(text)

