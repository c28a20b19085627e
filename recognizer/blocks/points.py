"""``points``: a) b) c) … đ) … lists, typed letters checked against the
Vietnamese alphabet (e) after d) is read as đ)). Paragraphs and bullets
after a point belong to it; a list starts again at a)."""

from __future__ import annotations

from typing import Iterator

from nd30.styles import POINT
from nd30.vietnamese import POINT_LETTERS

from .. import labels as L
from ..lines import POINT as POINT_ROLE
from ..lines import Line
from . import BlockReader, Role, register, shown_texts


def add(builder, line: Line) -> None:
    text = builder.markup(line)
    if not text:
        return
    container = builder.section_content
    label = line.label
    restart = label is not None and label.value == 1
    if container and container[-1]["type"] == "points" and not restart:
        points = container[-1]
    else:
        points = {"type": "points", "items": []}
        container.append(points)
        builder.previous_letter = None
    if line.typed and label is not None:
        _check_letter(builder, line, label)
    item = {"text": text, "content": []}
    points["items"].append(item)
    builder.point_item = item


def _check_letter(builder, line: Line, label: L.Label) -> None:
    previous = builder.previous_letter
    if previous is not None and not label.follows(previous):
        expected = POINT_LETTERS[previous.value] if previous.value < len(POINT_LETTERS) else None
        if expected:
            builder.notes.fix("point_letter", line.para.index, line.para.visible,
                              found=label.text, previous=previous.text, fixed=expected + ")")
            label = L.Label(L.LETTER, expected + ")", 1, previous.value + 1)
    builder.previous_letter = label


def shown(block: dict) -> Iterator[str]:
    for item in block["items"]:
        yield item["text"]
        yield from shown_texts(item["content"])


register(BlockReader("points", shown=shown, roles=(Role(POINT_ROLE, add, styles={POINT.style_id: 0}, labels=(L.LETTER,)),)))
