"""The coverage figure of an import: the share of the original's words that
reach the recognized document, and the places whose words did not.

The original's words are those of every paragraph in reading order — the
body, table cells, text boxes, footnotes, the header, the recipients and
the signatory — but for the labels that number a paragraph (I., 1.1., a),
-) and the national title and motto, which the generator writes itself. A
word reaches the document when its JSON shows it (the kind says what its
JSON shows: ``Kind.shown``, as markup or as ``Literal`` text). Words are compared folded (case, diacritics,
leading zeros of numbers), as many times as they occur.

One function (``measure``) makes the figure for the API, the command line
and the form alike.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import chain
from typing import Iterable, Iterator

from nd30.markup import Footnote, Run, parse

from . import labels
from .reading import Document, Para, Segment
from .text import fold

WORD = re.compile(r"\w+")
# Columns a clerk typed on one line: a tab, a line break or a run of spaces.
COLUMN_GAP = re.compile(r"[\t\n]| {4,}")
NATIONAL_TITLE = "cong hoa xa hoi chu nghia viet nam"
MOTTO = "doc lap tu do hanh phuc"
TITLE_CHARS = 80   # the national title and the motto are short lines


class Literal(str):
    """A text the document shows as it is, not as markup (the header's and
    the signatory's fields): a kind's ``shown`` marks them so."""


# What the inline markup reads as more than itself (nd30/markup.py).
MARKUP = re.compile(r"[*^\[\]\\_]")
TITLE_WORDS = {len(line.split()) for line in (NATIONAL_TITLE, MOTTO)}


def keys(text: str) -> Iterator[str]:
    """The keys of the words of ``text``, as they are compared."""
    return map(_key, WORD.findall(text))


@lru_cache(maxsize=1 << 16)  # a document's words repeat: folding each once
def _key(token: str) -> str:
    # Through capitals: a word the document shows in capitals ("ı" → "I") is the same word.
    return str(int(token)) if token.isdecimal() and len(token) < 50 else fold(token.upper())


def original_words(document: Document) -> list[tuple[int, list[str]]]:
    """(paragraph number, its words as typed) for every paragraph that has words."""
    result = []
    for para in document.paragraphs():
        found = _para_words(para)
        if found:
            result.append((para.index, found))
    return result


def _para_words(para: Para) -> list[str]:
    found: list[str] = []
    for number, piece in enumerate(COLUMN_GAP.split(para.text)):
        if number == 0:
            _, offset = labels.parse(piece)
            piece = piece[offset:]
        typed = WORD.findall(piece)
        if not _title_line(piece, typed):
            found += typed
    for segment in para.segments:
        if segment.note is not None:
            found += WORD.findall(_note_text(segment.note))
    return found


def _title_line(piece: str, typed: list[str]) -> bool:
    """The national title or the motto, which the generator writes itself
    (compared on the words' keys: a short line of just those words)."""
    return (len(piece) < TITLE_CHARS and len(typed) in TITLE_WORDS
            and " ".join(map(_key, typed)) in (NATIONAL_TITLE, MOTTO))


def _markup_keys(text: str) -> Iterator[str]:
    """The keys of the words a text in markup shows: its runs (emphasis may
    start inside a word), then each footnote's."""
    if not MARKUP.search(text):
        return keys(text)  # no emphasis, escape or footnote: the text is what it shows
    items = parse(text)
    shown = ["".join(item.text for item in items if isinstance(item, Run))]
    shown += ["".join(run.text for run in item.runs) for item in items if isinstance(item, Footnote)]
    return keys("\n".join(shown))


def _note_text(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.note is None)


def measure(document: Document, shown: Iterable[str]) -> dict:
    """``{"words", "kept", "share", "places", "message"}``: how many words the
    original has, how many reach the document that ``shown`` lists, their
    share (1 when there are none), and each paragraph some of whose words
    did not, with those words (``{"paragraph", "excerpt"}``)."""
    original = original_words(document)
    kept_words: Counter = Counter()
    for text in shown:
        kept_words.update(keys(text) if isinstance(text, Literal) else _markup_keys(text))
    total = Counter(map(_key, chain.from_iterable(typed for _, typed in original)))
    missing = total - kept_words
    count = sum(total.values())
    lost = sum(missing.values())
    places = _places(original, missing)
    share = (count - lost) / count if count else 1.0
    return {"words": count, "kept": count - lost, "share": round(share, 4), "places": places,
            "message": message(share, places)}


def _places(original: list[tuple[int, list[str]]], missing: Counter) -> list[dict]:
    """The missing words given back to the paragraphs that hold them, the
    paragraphs most of whose words are missing first (a paragraph left out
    entirely rather than a word that also stands elsewhere)."""
    left = Counter(missing)
    if not left:
        return []

    def suspicion(entry):
        index, typed = entry
        return (-sum(1 for word in typed if _key(word) in missing) / len(typed), index)

    taken: dict[int, list[str]] = {}
    for index, typed in sorted(original, key=suspicion):
        for word in typed:
            key = _key(word)
            if left[key] > 0:
                left[key] -= 1
                taken.setdefault(index, []).append(word)
    return [{"paragraph": index, "excerpt": " ".join(taken[index])} for index in sorted(taken)]


def message(share: float, places: list) -> str:
    """"Đã giữ 99,6 % nội dung; 2 chỗ cần xem lại" (never rounded up to 100)."""
    if not places:
        return "Đã giữ toàn bộ nội dung."
    tenths = min(int(share * 1000), 999)
    return f"Đã giữ {tenths // 10},{tenths % 10} % nội dung; {len(places)} chỗ cần xem lại."
