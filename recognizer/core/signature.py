"""After the body: recipients ("Nơi nhận:", "- … (b/c);", "- Lưu: VT, …")
and the signatory (TM./KT./TL./TUQ./Q. lines, title, name), from the
borderless table Word documents use or from plain paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nd30.styles import AUTHORITY as AUTHORITY_LINE
from nd30.styles import RECIPIENT, RECIPIENTS_TITLE, SIGNER
from nd30.vietnamese import drop_ending

from ..markup import to_markup
from ..notes import Notes
from ..outline import is_own_style
from ..reading import Para, Table
from ..text import clean, is_upper, lower, words_of
from .columns import Piece, columns, lines
from .header import restore_case

AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\s*[.:]?\s+(.+)$")
SIGNED_NOTES = re.compile(r"^\(?\s*(đã ký|ký|ký tên|ký,? đóng dấu|ký, ghi rõ họ tên|chữ ký)[^)]*\)?$", re.I)
# The generator writes "name (note)"; a bracket glued to the name is part of the name.
NOTE = re.compile(r"^(?P<name>.*?)\s+\((?P<note>[^()]{1,40})\)$")
# Academic titles before a signer's name (Decree 30 leaves them out): a title, then a dot or a space.
ACADEMIC = re.compile(r"^(?:(?:GS|PGS|TS|ThS|KS|BS|CN|Th\.S|T\.S)(?:\.\s*|\s+))+", re.I)
ARCHIVE_OFFICE = "VT"
SIGNER_STYLE, AUTHORITY_STYLE = SIGNER.style_id, AUTHORITY_LINE.style_id
RECIPIENTS_TITLE_STYLE, RECIPIENT_STYLE = RECIPIENTS_TITLE.style_id, RECIPIENT.style_id


@dataclass
class Signature:
    recipients: list[dict] = field(default_factory=list)
    archive: list[str] | None = None
    signatory: dict | None = None
    found_recipients: bool = False


def is_recipients_title(text: str) -> bool:
    return words_of(text).startswith("noi nhan")


def starts_signature(item) -> bool:
    """Whether a body item opens the recipients/signature block."""
    if isinstance(item, Table):
        return any(_opens(p) for p in item.paragraphs) and (
            any(is_recipients_title(p.text) for p in item.paragraphs) or len(item.rows) <= 3)
    return _opens(item)


def _opens(para: Para) -> bool:
    """"Nơi nhận:" or an authority line ("TM. ỦY BAN NHÂN DÂN", "KT CHỦ TỊCH");
    in our own template, only the recipients' and the authority's styles."""
    if is_own_style(para):
        return para.style_id in (RECIPIENTS_TITLE_STYLE, AUTHORITY_STYLE)
    text = clean(para.text)
    return is_recipients_title(text) or is_authority_line(text)


def is_authority_line(text: str) -> bool:
    """An authority line: its abbreviation with a dot, or before a title in capitals."""
    match = AUTHORITY.match(text)
    return bool(match) and (text[len(match.group(1)):].lstrip()[:1] in ".:" or is_upper(match.group(2)))


def read_signature(items: list, notes: Notes) -> Signature:
    sides = _Sides()
    for item in items:
        if isinstance(item, Table):
            _table(item, sides)
        else:
            for line in lines(item):
                # Two columns typed on one line: the left is read in order, the right is the signatory's.
                left, *right = columns(line)
                sides.in_order(left)
                sides.right += [piece for piece in right if piece.text]
    signature = Signature()
    _recipients(signature, sides.left, notes)
    signature.signatory = _signatory(sides.right, notes)
    return signature


class _Sides:
    """The recipients' lines (left) and the signatory's (right)."""

    def __init__(self):
        self.left: list[Piece] = []
        self.right: list[Piece] = []
        self.listing = False  # after "Nơi nhận:", until the "Lưu" line or a line that lists nothing

    def in_order(self, piece: Piece) -> None:
        text = piece.text
        if not text:
            return
        if is_recipients_title(text) or piece.para.style_id == RECIPIENTS_TITLE_STYLE:
            self.left.append(piece)
            self.listing = True
        elif self.listing and not is_authority_line(text) and (_lists(piece) or _is_archive(text)):
            self.left.append(piece)
            self.listing = not _is_archive(text)
        else:
            self.listing = False
            self.right.append(piece)


def _table(table: Table, sides: _Sides) -> None:
    """The recipients' column read in order (the signatory may follow in its
    cell), every other column the signatory's, column by column."""
    width = max((len(row) for row in table.rows), default=0)
    cells = [[row[column] for row in table.rows if column < len(row)] for column in range(width)]
    listing = next((column for column, column_cells in enumerate(cells)
                    if any(_holds_recipients(cell) for cell in column_cells)), None)
    for column, column_cells in enumerate(cells):
        for cell in column_cells:
            for para in cell.paragraphs:
                for line in lines(para):
                    if column == listing:
                        sides.in_order(line)
                    elif line.text:
                        sides.right.append(line)


def _holds_recipients(cell) -> bool:
    return any(is_recipients_title(p.text) or p.style_id in (RECIPIENTS_TITLE_STYLE, RECIPIENT_STYLE)
               for p in cell.paragraphs)


def _lists(piece: Piece) -> bool:
    """A line of a list: a dash, a bullet, our recipients' style, or a ";" at its end."""
    text = piece.text
    return (piece.para.bullet or piece.para.style_id == RECIPIENT_STYLE or text.startswith(("-", "–", "+", "•"))
            or text.endswith(";"))


def _is_archive(text: str) -> bool:
    return words_of(text.lstrip("-–+• ")).startswith("luu")


def _recipients(signature: Signature, pieces: list[Piece], notes: Notes) -> None:
    formatted = True
    for piece in pieces:
        para = piece.para
        text = clean(to_markup(piece.segments, para.base_bold, para.base_italic)[0])
        if not text:
            continue
        if is_recipients_title(piece.text):
            signature.found_recipients = True
            if not (piece.bold and piece.italic) or (para.size is not None and para.size != 12):
                notes.fix("recipients_title_format", para.index, para.text)
            rest = re.sub(r"^nơi nhận\s*:?\s*", "", piece.text, flags=re.I)
            if not rest:
                continue
            text = rest
        typed_dash = text[:1] in "-–+•" and not para.numbering_label
        line = re.sub(r"^[-–+•]\s*", "", text).strip() if typed_dash else text
        if _is_archive(line):
            units = re.sub(r"^lưu\s*:?\s*", "", line, flags=re.I).rstrip(" .;")
            signature.archive = _archive([u.strip() for u in re.split(r"[,;]", units) if u.strip()], para, notes)
            if not line.endswith("."):
                formatted = False
            continue
        if not (typed_dash or para.bullet) or not line.endswith(";"):
            formatted = False
        name = drop_ending(line, ";")
        match = NOTE.match(name)
        recipient = {"name": clean(match.group("name")), "note": clean(match.group("note"))} if match and match.group("name") else {"name": name}
        if recipient["name"]:
            signature.recipients.append(recipient)
    if signature.found_recipients and not formatted:
        notes.fix("recipient_format", pieces[0].para.index, pieces[0].para.text, "recipients")


def _archive(units: list[str], para: Para, notes: Notes) -> list[str]:
    if not units or not units[0].startswith(ARCHIVE_OFFICE):
        notes.fix("archive_office", para.index, para.text, "archive")
        return units or [ARCHIVE_OFFICE]
    if units[0] == ARCHIVE_OFFICE and len(units) > 1:
        return units[1:]  # the generator writes VT first itself
    return units


def _signatory(pieces: list[Piece], notes: Notes) -> dict | None:
    signers = [p for p in pieces if p.para.style_id == SIGNER_STYLE and p.text]
    if signers:  # our own template says which line is which
        titles_lines = [(p.para, p.text) for p in pieces if p.para.style_id == AUTHORITY_STYLE and p.text]
        name_para, name = signers[-1].para, signers[-1].text
    else:
        found = [(p.para, p.text) for p in pieces]
        found = [(p, t) for p, t in found if t and not SIGNED_NOTES.match(t) and not re.fullmatch(r"[\s_.…-]*", t)]
        if not found:
            return None
        name_para, name = found[-1]
        if len(found) == 1 and AUTHORITY.match(name) or (is_upper(name) and AUTHORITY.match(name)):
            titles_lines, name = found, None
        else:
            titles_lines = found[:-1]
    signatory: dict = {}
    titles: list[str] = []
    for para, text in titles_lines:
        match = AUTHORITY.match(text)
        if match:
            authority, rest = match.groups()
            if not re.match(rf"^{authority}\.\s", text):
                notes.fix("authority_dot", para.index, text, "signatory.authority", found=text, fixed=f"{authority}. {rest}")
            if authority == "TM":
                signatory["collective"] = restore_case(rest)
            elif authority == "Q":
                signatory["authority"] = "Q"
                titles.append(rest)
            else:
                signatory["authority"] = authority
                signatory["principal_title"] = title_case(rest)
        else:
            titles.append(text)
    if titles:
        signatory["title"] = title_case(titles[-1])
    elif signatory.get("authority") in ("KT", "TL", "TUQ"):
        signatory["title"] = signatory["principal_title"]
    if name:
        # Our own template writes the name as its author gave it.
        bare = name if name_para.style_id == SIGNER_STYLE else ACADEMIC.sub("", name).strip() or name
        if bare != name:
            notes.fix("signer_title", name_para.index, name, "signatory.name", found=name, fixed=bare)
        signatory["name"] = bare
    return signatory


def title_case(text: str) -> str:
    """"PHÓ CHỦ TỊCH" → "Phó Chủ tịch": a title in capitals back to how it is written."""
    text = clean(text)
    if not is_upper(text):
        return text
    words = lower(text).split(" ")
    first = 1 if words[0] == "phó" and len(words) > 1 else 0  # "Phó Chủ tịch": the title after "Phó" is capitalised
    words[first] = words[first][:1] + words[first][1:]
    words[0] = words[0][:1].upper() + words[0][1:]
    words[first] = words[first][:1].upper() + words[first][1:]
    return " ".join(words)
