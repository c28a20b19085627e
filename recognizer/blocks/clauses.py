"""``clauses``: an article's "1.", "2." … (Decree 30 numbers clauses like
the points' letters: typed, each list starting again at 1), each with the
points, bullets and paragraphs under it. In a body of articles a numbered
line ("1.", typed or drawn by Word) is a clause, not a heading; outside an
article it stays text."""

from __future__ import annotations

from typing import Iterator

from nd30.styles import CLAUSE

from .. import labels as L
from ..lines import Line, leading_text
from ..markup import cut
from . import BlockReader, Role, register, shown_texts
from .article import as_text

CLAUSE_ROLE = "clause"


def is_clause(line: Line) -> bool:
    """A heading line that is a clause in a body of articles: "1." (not "I.", "1.1.")."""
    return line.label is not None and line.label.kind == L.ARABIC and line.label.depth == 1


def add(builder, line: Line) -> None:
    article = builder.stack[0][1] if builder.stack and builder.stack[0][1]["type"] == "article" else None
    if article is None:
        as_text(builder, line)
        return
    label = line.label
    if label is None:  # our style: the number typed as text
        label, offset = L.parse(leading_text(line.segments))
        line = Line(line.para, line.role, segments=cut(line.segments, offset)[1] if label else line.segments,
                    exact=line.exact)
    text = builder.markup(line)
    if not text:
        return
    del builder.stack[1:]
    container = article["content"]
    restart = label is not None and label.value == 1
    if container and container[-1]["type"] == "clauses" and not restart:
        clauses = container[-1]
    else:
        clauses = {"type": "clauses", "items": []}
        container.append(clauses)
    item = {"text": text, "content": []}
    clauses["items"].append(item)
    builder.stack.append((1, item))
    builder.point_item = None
    builder.previous_letter = None


def shown(block: dict) -> Iterator[str]:
    for item in block["items"]:
        yield item["text"]
        yield from shown_texts(item["content"])


register(BlockReader("clauses", shown=shown, roles=(Role(CLAUSE_ROLE, add, styles={CLAUSE.style_id: 0}),)))
