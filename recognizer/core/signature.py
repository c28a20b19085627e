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
from ..reading import Para, Table
from ..text import clean, is_upper, lower, words_of
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
        texts = [clean(p.text) for p in item.paragraphs]
        return any(is_recipients_title(t) for t in texts) or sum(bool(AUTHORITY.match(t)) for t in texts) >= 1 and len(item.rows) <= 3
    return is_recipients_title(clean(item.text)) or bool(AUTHORITY.match(clean(item.text)))


def read_signature(items: list, notes: Notes) -> Signature:
    left: list[Para] = []
    right: list[Para] = []
    for item in items:
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row:
                    _cell_side(cell.paragraphs, left, right).extend(cell.paragraphs)
        else:
            _sequential(item, left, right)
    signature = Signature()
    _recipients(signature, left, notes)
    signature.signatory = _signatory(right, notes)
    return signature


def _cell_side(paragraphs: list[Para], left: list[Para], right: list[Para]) -> list[Para]:
    """Which column a cell of the signature table belongs to."""
    texts = [clean(p.text) for p in paragraphs]
    styles = {p.style_id for p in paragraphs}
    if styles & {RECIPIENTS_TITLE_STYLE, RECIPIENT_STYLE} or any(is_recipients_title(t) for t in texts):
        return left
    if styles & {SIGNER_STYLE, AUTHORITY_STYLE} or any(AUTHORITY.match(t) for t in texts):
        return right
    return left if left and not right and _list_like(texts) else right


def _list_like(texts: list[str]) -> bool:
    return any(t.startswith(("-", "–", "+", "•")) for t in texts)


def _sequential(para: Para, left: list[Para], right: list[Para]) -> None:
    text = clean(para.text)
    if not text:
        return
    in_recipients = bool(left) and not right
    if is_recipients_title(text):
        left.append(para)
    elif in_recipients and (para.bullet or text.startswith(("-", "–", "+", "•")) or words_of(text).startswith("luu")):
        left.append(para)
    else:
        right.append(para)


def _recipients(signature: Signature, paragraphs: list[Para], notes: Notes) -> None:
    formatted = True
    for para in paragraphs:
        text = clean(to_markup(para.segments, para.base_bold, para.base_italic)[0])
        if not text:
            continue
        if is_recipients_title(para.text):
            signature.found_recipients = True
            if not (para.bold and para.italic) or (para.size is not None and para.size != 12):
                notes.fix("recipients_title_format", para.index, para.text)
            rest = re.sub(r"^nơi nhận\s*:?\s*", "", clean(para.text), flags=re.I)
            if not rest:
                continue
            text = rest
        typed_dash = text[:1] in "-–+•" and not para.numbering_label
        line = re.sub(r"^[-–+•]\s*", "", text).strip() if typed_dash else text
        if words_of(line).startswith("luu"):
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
        notes.fix("recipient_format", paragraphs[0].index, paragraphs[0].text, "recipients")


def _archive(units: list[str], para: Para, notes: Notes) -> list[str]:
    units = [u[:40] for u in units][:10]
    if not units or not units[0].startswith(ARCHIVE_OFFICE):
        notes.fix("archive_office", para.index, para.text, "archive")
        return units or [ARCHIVE_OFFICE]
    if units[0] == ARCHIVE_OFFICE and len(units) > 1:
        return units[1:]  # the generator writes VT first itself
    return units


def _signatory(paragraphs: list[Para], notes: Notes) -> dict | None:
    signers = [p for p in paragraphs if p.style_id == SIGNER_STYLE and clean(p.text)]
    if signers:  # our own template says which line is which
        titles_lines = [(p, clean(p.text)) for p in paragraphs if p.style_id == AUTHORITY_STYLE and clean(p.text)]
        name_para, name = signers[-1], clean(signers[-1].text)
    else:
        lines = [(p, clean(p.text)) for p in paragraphs]
        lines = [(p, t) for p, t in lines if t and not SIGNED_NOTES.match(t) and not re.fullmatch(r"[\s_.…-]*", t)]
        if not lines:
            return None
        name_para, name = lines[-1]
        if len(lines) == 1 and AUTHORITY.match(name) or (is_upper(name) and AUTHORITY.match(name)):
            titles_lines, name = lines, None
        else:
            titles_lines = lines[:-1]
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
