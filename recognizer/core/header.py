"""The header block: parent and issuing body, "Số: …/KH-UBND", the
national title and motto (recognized and dropped), place and date, and a
"DỰ THẢO" mark, and a công văn's summary "V/v …" under the number (its
lines in the same cell, or the lines typed under it before the date). Read from the header table's cells or from the first
paragraphs (two columns typed on one line with tabs are split)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nd30.document_types import TYPE_CODES
from nd30.styles import ISSUER, PARENT_BODY
from nd30.wording import LETTER_SUMMARY
from schemas.header import CODE_PATTERN

from ..notes import Notes
from ..reading import Para
from ..text import clean, fold, is_upper, lower, words_of
from .columns import Piece, columns, lines
from .front_matter import document_type_of, summary_text

COLLECTIVES = {"uy ban nhan dan": "Ủy ban nhân dân", "hoi dong nhan dan": "Hội đồng nhân dân"}
ADMIN_UNITS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")
KEEP_CAPITALS = {"UBND", "HĐND", "MTTQ", "TP", "TP.", "TW"}
NUMBER_LINE = re.compile(r"^\s*Số\s*[:.]?\s*(?P<number>[^/]*?)\s*/\s*(?P<symbol>.*?)\s*$", re.I)
DATE_LINE = re.compile(
    r"^(?P<place>.*?)\s*(?P<comma>,)?\s*ngày\s*(?P<day>[\d.…_ ]*?)\s*tháng\s*(?P<month>[\d.…_ ]*?)\s*năm\s*(?P<year>\d{4})",
    re.I)
BLANKS = re.compile(r"^[\s._…-]*$")
LETTER_SUMMARY_LINE = re.compile(rf"^\s*{re.escape(LETTER_SUMMARY)}\s*[:.]?\s*", re.I)
ISSUER_STYLE, PARENT_STYLE = ISSUER.style_id, PARENT_BODY.style_id


@dataclass
class Header:
    parent: str | None = None
    name: str | None = None
    number: int | None = None
    symbol: str | None = None
    place: str | None = None
    date: dict = field(default_factory=dict)
    draft_mark: str | None = None
    letter_summary: str | None = None   # "V/v …" without its prefix
    found: bool = False


def pieces(paragraphs: list[Para]) -> list[Piece]:
    """Each line of the header, a paragraph split into its columns when a
    clerk typed both on one line (with tabs or spaces) and into its lines."""
    return [column for para in paragraphs for line in lines(para) for column in columns(line) if column.text]


def is_national_title(text: str) -> bool:
    return "cong hoa xa hoi chu nghia viet nam" in words_of(text)


def is_motto(text: str) -> bool:
    words = words_of(text)
    return "doc lap" in words and "hanh phuc" in words


def read_header(paragraphs: list[Para], notes: Notes) -> Header:
    header = Header()
    issuer_lines: list[Piece] = []
    letter: list[Piece] = []
    for piece in pieces(paragraphs):
        text = piece.text
        if letter and _continues(letter, piece):
            letter.append(piece)
            continue
        own_style = piece.para.style_id in (ISSUER_STYLE, PARENT_STYLE)
        if BLANKS.match(text) and not own_style:
            continue
        if own_style:
            issuer_lines.append(piece)
            continue
        if is_national_title(text):
            header.found = True
            if not is_upper(text):
                notes.fix("national_title_case", piece.para.index, text)
            continue
        if is_motto(text):
            header.found = True
            if text != "Độc lập - Tự do - Hạnh phúc":
                notes.fix("motto_hyphens", piece.para.index, text)
            continue
        if words_of(text).startswith("du thao"):
            header.draft_mark = clean(text[:1].upper() + lower(text[1:]))
            continue
        if LETTER_SUMMARY_LINE.match(text) and not letter and header.found:
            letter.append(piece)
            continue
        number = NUMBER_LINE.match(text)
        if number and words_of(text).startswith("so"):
            header.found = True
            _number_symbol(header, number, piece.para, notes)
            continue
        date = DATE_LINE.match(text)
        if date:
            header.found = True
            _place_date(header, date, piece.para, notes)
            continue
        if header.number is None and header.symbol is None and not header.place:
            issuer_lines.append(piece)
    _issuer(header, issuer_lines, notes)
    if letter:
        header.letter_summary = _letter_summary(letter)
    return header


def _continues(letter: list[Piece], piece: Piece) -> bool:
    """A line of the "V/v …" summary: in its cell (or its paragraph), not a field of its own."""
    first = letter[0].para
    same_place = piece.para is first or (first.cell is not None and piece.para.cell == first.cell)
    text = piece.text
    return same_place and not (DATE_LINE.match(text) or is_national_title(text) or is_motto(text))


def _letter_summary(letter: list[Piece]) -> str:
    """The summary as typed after "V/v", its lines joined as the words run on
    (the generator breaks it to the column's width itself)."""
    paragraphs = list(dict.fromkeys(piece.para.index for piece in letter))
    by_index = {piece.para.index: piece.para for piece in letter}
    text = " ".join(summary_text(by_index[index]) for index in paragraphs)
    return clean(LETTER_SUMMARY_LINE.sub("", text, count=1))


def _number_symbol(header: Header, match: re.Match, para: Para, notes: Notes) -> None:
    number = match.group("number").strip()
    if number.isdigit() and 0 < int(number) < 1_000_000:
        header.number = int(number)
        if int(number) < 10 and len(number) == 1:
            notes.fix("number_leading_zero", para.index, para.text, "number", found=number, fixed=f"{int(number):02d}")
    elif number and not BLANKS.match(number):
        notes.warn("unreadable_number", para.index, para.text, "number", found=number)
    symbol = match.group("symbol")
    if " " in symbol.strip():
        fixed = re.sub(r"\s+", "", symbol)
        notes.fix("symbol_spaces", para.index, para.text, "symbol", found=symbol, fixed=fixed)
        symbol = fixed
    parts = symbol.split("/")
    if len(parts) > 1 and any(re.fullmatch(r"(19|20)\d\d", p) for p in parts):
        fixed = "/".join(p for p in parts if not re.fullmatch(r"(19|20)\d\d", p))
        notes.fix("symbol_year", para.index, para.text, "symbol", found=symbol, fixed=fixed)
        symbol = fixed
    symbol = symbol.strip().strip(".")
    if re.match(CODE_PATTERN, symbol):
        header.symbol = symbol
    elif symbol:
        notes.warn("unreadable_symbol", para.index, para.text, "symbol", found=symbol)


def _place_date(header: Header, match: re.Match, para: Para, notes: Notes) -> None:
    place = clean(match.group("place"))  # before the comma the generator writes: "," may be the place's own
    if place:
        header.place = place
        if not match.group("comma"):
            notes.fix("place_comma", para.index, para.text, "place")
    date = {"year": int(match.group("year"))}
    day, month = match.group("day").strip(), match.group("month").strip()
    if month.isdigit() and 1 <= int(month) <= 12:
        date["month"] = int(month)
        wanted = f"{int(month):02d}" if int(month) <= 2 else str(int(month))
        if month != wanted:
            notes.fix("month_leading_zero", para.index, para.text, "date.month", found=month, fixed=wanted)
    if day.isdigit() and 1 <= int(day) <= 31 and "month" in date:
        date["day"] = int(day)
        if len(day) == 1:
            notes.fix("day_leading_zero", para.index, para.text, "date.day", found=day, fixed=f"{int(day):02d}")
    header.date = date


def _issuer(header: Header, found: list[Piece], notes: Notes) -> None:
    # A type line ("KẾ HOẠCH") in the header's cells is no issuer; in our
    # template's issuer styles it is the issuer's own name.
    found = [p for p in found if p.para.style_id in (ISSUER_STYLE, PARENT_STYLE) or not _is_type_line(p.text)]
    if not found:
        return
    header.found = True
    texts = [p.text for p in found]
    bolds = [p.bold for p in found]
    styles = [p.para.style_id for p in found]
    if ISSUER_STYLE in styles:  # our own template names the lines
        parent = [t for t, style in zip(texts, styles) if style == PARENT_STYLE]
        name = [t for t, style in zip(texts, styles) if style == ISSUER_STYLE]
    elif any(bolds) and not all(bolds) and not bolds[0]:
        first_bold = bolds.index(True)
        parent, name = texts[:first_bold], texts[first_bold:]
    elif len(texts) == 1:
        parent, name = [], texts
    elif words_of(texts[-2]) in COLLECTIVES:
        parent, name = texts[:-2], texts[-2:]
    elif len(texts) == 2 and words_of(texts[0]) in COLLECTIVES:
        parent, name = [], texts
    else:
        parent, name = texts[:-1], texts[-1:]
    if not all(is_upper(t) for t in name) or not all(bolds[len(parent):]):
        notes.fix("issuer_case", found[0].para.index, " ".join(name), "issuer.name")
    header.parent = restore_case(" ".join(parent), header.place) if parent else None
    header.name = restore_case(" ".join(name), header.place)


def _is_type_line(text: str) -> bool:
    return document_type_of(text) is not None


def restore_case(text: str, place: str | None = None) -> str:
    """"ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG" → "Ủy ban nhân dân huyện Tam Đường":
    the collective and the unit words in lower case, the place name in
    title case (spelled as in the place-and-date line when it is that place);
    a name without a known beginning stays in capitals."""
    text = clean(text)
    if not is_upper(text):
        return text
    result = []
    rest = text
    first_word = rest.split(" ")[0]
    if first_word in KEEP_CAPITALS:
        result.append(first_word)
        rest = rest[len(first_word):].strip()
    for folded, proper in COLLECTIVES.items():
        if fold(rest) == folded or fold(rest).startswith(folded + " "):
            words = len(folded.split())
            result.append(proper)
            rest = " ".join(rest.split(" ")[words:]).strip()
            break
    while rest:
        lowered = lower(rest)
        unit = next((u for u in ADMIN_UNITS if lowered == u or lowered.startswith(u + " ")), None)
        if unit is None:
            break
        result.append(unit)
        rest = rest[len(unit):].strip()
    if not result:
        return text  # no known body name: the capitals stay (the generator writes them anyway)
    if rest:
        if place and rest == place.upper():
            result.append(place)
        else:
            result.append(" ".join(w if w in KEEP_CAPITALS else w[:1] + lower(w[1:]) for w in rest.split(" ")))
    return " ".join(result)


def abbreviation(name: str) -> str:
    words = words_of(name)
    if words.startswith("uy ban nhan dan"):
        return "UBND"
    if words.startswith("hoi dong nhan dan"):
        return "HĐND"
    initials = "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()[:10]
    # Initials a symbol cannot hold ("Ē") give the usual one: the abbreviation is required.
    return initials if re.match(CODE_PATTERN, initials) else "UBND"


def type_code(document_type: str) -> str:
    return TYPE_CODES[document_type]
