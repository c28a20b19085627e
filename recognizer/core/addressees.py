""""Kính gửi:" (Appendix I, 9a): one addressee on the same line, or the
words alone and each addressee on a line of its own ("- …;", the last
"- … ."), typed as a list, drawn by Word's bullets, or as line breaks in one
paragraph. Read between the front matter and the body of a Tờ trình, a
Báo cáo to a superior, a Công văn."""

from __future__ import annotations

import re

from nd30.styles import ADDRESSEES_ITEM
from nd30.vietnamese import drop_ending

from ..markup import to_markup
from ..reading import Para
from ..text import clean, words_of
from .columns import lines

TITLE = re.compile(r"^\s*kính\s+gửi\s*[:.]?\s*", re.I)
DASH = re.compile(r"^[-–+•]\s*")
SEARCH = 6   # "Kính gửi" is among the first paragraphs after the summary


def is_addressees_title(para: Para) -> bool:
    return words_of(para.text).startswith("kinh gui")


def take_addressees(items: list) -> tuple[list[str], list]:
    """(the addressees, ``items`` without their paragraphs); none found:
    ([], ``items``)."""
    paragraphs = [(index, item) for index, item in enumerate(items[:SEARCH + 1]) if isinstance(item, Para)]
    start = next((index for index, para in paragraphs if is_addressees_title(para)), None)
    if start is None:
        return [], items
    title = items[start]
    names, taken = [], [start]
    for number, piece in enumerate(lines(title)):
        text = clean(to_markup(piece.segments, title.base_bold, title.base_italic)[0])
        text = TITLE.sub("", text, count=1) if number == 0 else text
        if text:
            names.append(text)
    listing = not names or len(lines(title)) > 1
    for index in range(start + 1, len(items)):
        item = items[index]
        if not listing or not isinstance(item, Para) or not _listed(item) or (names and names[-1].endswith(".")):
            break
        names.append(clean(to_markup(item.segments, item.base_bold, item.base_italic)[0]))
        taken.append(index)
    names = [_name(name) for name in names] if len(names) > 1 else [DASH.sub("", name, count=1) for name in names]
    return [n for n in names if n], [item for index, item in enumerate(items) if index not in taken]


def _listed(para: Para) -> bool:
    """A line of the list: a dash typed or drawn, our list style, or a line ending ";" or "."."""
    text = clean(para.text)
    return bool(text) and (para.bullet or para.style_id == ADDRESSEES_ITEM.style_id or bool(DASH.match(text))
                           or (para.numbering_label != "" and not para.numbering_label[:1].isalnum()))


def _name(text: str) -> str:
    """An addressee of several without its dash and the ";" or "." the list ends it with."""
    text = DASH.sub("", text, count=1).strip()
    for ending in (";", ".", ","):
        if text.endswith(ending) and not text.endswith("./."):
            return drop_ending(text, ending).strip()
    return text
