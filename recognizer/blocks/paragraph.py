"""``paragraph``: running text. It is also the last claimant of every Word
table: a table no other block reads keeps its words as one paragraph per
row (its cells joined by " – "), where the table stood."""

from __future__ import annotations

from nd30.styles import BODY
from schemas import limits

from ..lines import PARAGRAPH, Line
from ..markup import to_markup
from ..reading import Table
from ..text import clean
from . import BlockReader, Role, TableClaim, TableReading, register

CELL_SEPARATOR = " – "
# Below every other claimant: it reads any table, and only when nothing else does.
FALLBACK_SCORE = 0.01


def add(builder, line: Line) -> None:
    text = builder.markup(line)
    if not text:
        return
    if builder.point_item is None and builder.stack and not builder.container \
            and id(builder.stack[-1][1]) in builder.held_apart and len(builder.stack) < limits.HEADING_DEPTH:
        # The exact inverse of our generator: only a first block that prints
        # nothing kept this paragraph from running in after the number.
        builder.container.append({"type": "section", "content": []})
    builder.container.append({"type": "paragraph", "text": text})


def rows_as_paragraphs(table: Table, notes) -> TableReading:
    paragraphs = []
    for row in table.rows:
        cells = []
        for cell in row:
            if cell.merged:
                continue  # a vertical merge shows the text of the cell above once
            text = " ".join(t for t in (clean(to_markup(p.segments, p.base_bold, p.base_italic)[0])
                                        for p in cell.paragraphs) if t)
            if text:
                cells.append(text)
        if cells:
            paragraphs.append({"type": "paragraph", "text": CELL_SEPARATOR.join(cells)})
    first = next((p for p in table.paragraphs if p.text.strip()), None)
    if first is not None:
        notes.warn("table_as_paragraphs", first.index, first.text)
    return TableReading(blocks=paragraphs)


register(BlockReader(
    "paragraph",
    roles=(Role(PARAGRAPH, add, styles={BODY.style_id: 0}),),
    table=TableClaim(score=lambda table: FALLBACK_SCORE, read=rows_as_paragraphs),
    shown=lambda block: (block["text"],),
))
