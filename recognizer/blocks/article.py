"""``article``: a decision's "Điều 1.", "Điều 2." … (the label drawn by Word
or typed). An article whose text after the label is all bold and reads as a
title ("Điều 2. Tổ chức thực hiện") has that title as its heading; otherwise
that text is its first paragraph, run in after the label. Articles are read
only in a body of articles (``OutlineBuilder(articles=True)``); elsewhere a
paragraph that starts "Điều 1." is text, kept as typed."""

from __future__ import annotations

from typing import Iterator

from nd30.styles import ARTICLE, ARTICLE_HEADING

from .. import labels as L
from ..lines import PARAGRAPH, Line
from ..markup import to_markup
from ..text import clean
from . import BlockReader, Role, register, roles, shown_texts
from .section import HEADING_MAX_CHARS, SENTENCE_END

ARTICLE_ROLE = "article"


def add(builder, line: Line) -> None:
    if not builder.articles:
        as_text(builder, line)
        return
    heading, first = _split(line)
    article: dict = {"type": "article", "content": []}
    if heading:
        article["heading"] = heading
    if first:
        article["content"].append({"type": "paragraph", "text": first})
    builder.stack.clear()
    builder.root.append(article)
    builder.stack.append((-1, article))
    builder.point_item = None
    builder.previous_letter = None


def as_text(builder, line: Line) -> None:
    """The paragraph as typed, its label included (Word's drawn label is not text)."""
    roles()[PARAGRAPH].add(builder, Line(line.para, PARAGRAPH, segments=line.para.segments))


def _split(line: Line) -> tuple[str, str]:
    """(heading, first paragraph) of an article line."""
    para = line.para
    if line.exact:
        if para.style_id == ARTICLE_HEADING.style_id:
            return clean(to_markup(line.segments, True, para.base_italic)[0]), ""
        return "", clean(to_markup(line.segments, para.base_bold, para.base_italic)[0])
    letters = [s for s in line.segments if s.note is None and s.text.strip()]
    shown = clean("".join(s.text for s in line.segments if s.note is None))
    if letters and all(s.bold for s in letters) and len(shown) <= HEADING_MAX_CHARS \
            and not shown.endswith(SENTENCE_END + (":",)):
        return clean(to_markup(line.segments, True, para.base_italic)[0]), ""
    return "", clean(to_markup(line.segments, para.base_bold, para.base_italic)[0])


def shown(block: dict) -> Iterator[str]:
    yield block.get("heading") or ""
    yield from shown_texts(block["content"])


register(BlockReader("article", shown=shown, roles=(
    Role(ARTICLE_ROLE, add, styles={ARTICLE.style_id: 0, ARTICLE_HEADING.style_id: 0}, labels=(L.ARTICLE,)),)))
