"""What tells a document's kind, found once for every kind's ``detect``:
the type line ("TỜ TRÌNH"), the code the number's symbol starts with
("TTr-UBND"; a công văn's has none: "UBND-VX"), "V/v …" under the number,
"Kính gửi:", "QUYẾT ĐỊNH:", an article "Điều 1.", and an invitation's
"trân trọng kính mời"."""

from __future__ import annotations

from dataclasses import dataclass

from nd30.document_types import TYPE_CODES
from nd30.wording import DECIDES, INVITES

from ..labels import ARTICLE, from_numbering, parse
from ..notes import Notes
from ..reading import Document, Para
from ..text import words_of
from .addressees import is_addressees_title
from .front_matter import type_of
from .header import read_header
from .regions import find_regions, paragraphs_of

CODES = {code: name for name, code in TYPE_CODES.items()}


@dataclass(frozen=True)
class Signals:
    type_name: str | None = None        # the type line's type
    symbol_type: str | None = None      # the type the symbol's code names ("TTr" → "Tờ trình")
    symbol_without_type: bool = False   # a symbol that names no type: a công văn's (UBND-VX)
    letter_summary: bool = False        # "V/v …" under the number
    addressees: bool = False            # "Kính gửi:"
    decides: bool = False               # "QUYẾT ĐỊNH:" on a line of its own
    articles: bool = False              # "Điều 1." typed or drawn
    invites: bool = False               # "… trân trọng kính mời"


def signals_of(document: Document) -> Signals:
    regions = find_regions(document.items)
    header = read_header(paragraphs_of(regions.header), Notes())
    code = (header.symbol or "").split("-", 1)[0]
    paragraphs = [p for p in document.paragraphs() if p.cell is None]
    return Signals(
        type_name=type_of(regions.type_line) if regions.type_line is not None else None,
        symbol_type=CODES.get(code),
        symbol_without_type=bool(code) and code not in CODES,
        letter_summary=header.letter_summary is not None,
        addressees=any(is_addressees_title(p) for p in paragraphs),
        decides=any(words_of(p.text) == words_of(DECIDES) for p in paragraphs),
        articles=any(_article(p) for p in paragraphs),
        invites=any(words_of(INVITES) in words_of(p.text) for p in paragraphs),
    )


def _article(para: Para) -> bool:
    label = from_numbering(para.numbering_label, para.numbering_level, para.bullet) if para.numbering_label \
        else parse(para.text)[0]
    return label is not None and label.kind == ARTICLE
