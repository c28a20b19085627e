"""Between the header and the body: the document type ("KẾ HOẠCH"), the
summary (one or several lines), the legal bases ("Căn cứ …", "Thực hiện …")
and the lead-in sentence ("… xây dựng Kế hoạch … như sau:")."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from nd30.document_types import DOCUMENT_TYPES
from nd30.kinds import KINDS
from nd30.styles import LEGAL_BASIS, SUMMARY
from nd30.vietnamese import drop_ending
from schemas import limits

from ..markup import to_markup
from ..notes import Notes
from ..outline import is_own_style
from ..reading import Para, Segment
from ..text import clean, words_of
from .columns import lines

BASIS_STARTS = ("can cu", "thuc hien", "theo de nghi", "xet de nghi", "trien khai", "theo")
BASIS_STYLE = LEGAL_BASIS.style_id
SUMMARY_STYLE = SUMMARY.style_id
LEAD_IN_HINTS = ("nhu sau", "xay dung ke hoach", "ban hanh ke hoach", "ke hoach thuc hien", "cu the nhu sau")
RULE = re.compile(r"^[\s_\-–—=.*]*$")


@dataclass
class FrontMatter:
    document_type: str | None = None
    summary_lines: list[str] = field(default_factory=list)
    legal_bases: list[str] = field(default_factory=list)
    lead_in: str | None = None
    lead_in_para: Para | None = None
    extra: list[Para] = field(default_factory=list)   # paragraphs before the body that are body text


# The type lines read: those a plan may carry and every kind's own (Giấy mời).
TYPE_LINES = tuple(dict.fromkeys([*DOCUMENT_TYPES, *(kind.type_name for kind in KINDS.values() if kind.type_name)]))


def document_type_of(text: str) -> str | None:
    words = words_of(text)
    return next((name for name in TYPE_LINES if words == words_of(name)), None)


def type_of(para: Para) -> str | None:
    """The document type the paragraph's first line names, if it is a type
    line ("QUYẾT ĐỊNH:", which opens a decision's articles, is none)."""
    first = para.text.split("\n", 1)[0]
    return None if first.rstrip().endswith(":") else document_type_of(first)


def _after_first_line(para: Para) -> Para | None:
    """What follows the first line break of ``para``, as a paragraph of its own."""
    _, *more = lines(para)
    segments = [segment for number, piece in enumerate(more)
                for segment in ([Segment("\n")] if number else []) + piece.segments]
    if not "".join(s.text for s in segments).strip() and not any(s.note is not None for s in segments):
        return None
    return dataclasses.replace(para, segments=segments)


def _plain_summary(para: Para) -> bool:
    """A summary set like body text: the paragraph right after the type line
    when it is no legal basis, no lead-in and no longer than a summary."""
    text = clean(para.text)
    return bool(text) and not is_basis(para) and not text.endswith(":") and len(text) <= limits.SUMMARY


def is_basis(para: Para) -> bool:
    if para.style_id == BASIS_STYLE:
        return True
    words = words_of(para.text.lstrip("-–•+ \t"))
    return any(words.startswith(start + " ") for start in BASIS_STARTS)


def read_front_matter(paragraphs: list[Para], notes: Notes, *, bases: bool = True) -> FrontMatter:
    """The type line, the summary and, for a kind that has them (``bases``),
    the legal bases and the lead-in; what follows is body text (``extra``)."""
    front = FrontMatter()
    rest = list(paragraphs)
    while rest and not rest[0].text.strip():
        rest.pop(0)
    if rest and type_of(rest[0]):
        front.document_type = type_of(rest[0])
        after_type = _after_first_line(rest.pop(0))  # "KẾ HOẠCH<br>Thực hiện …": a web page's one paragraph
        if after_type is not None:
            rest.insert(0, after_type)
        while rest and not clean(rest[0].text) and not _summary_line(rest[0]):
            rest.pop(0)  # a web page's empty paragraphs (<p>&nbsp;</p>)
        while rest and _summary_line(rest[0]):
            front.summary_lines.append(summary_text(rest[0]))
            rest.pop(0)
        if not front.summary_lines and rest and _plain_summary(rest[0]):
            front.summary_lines.append(summary_text(rest.pop(0)))
    if not bases:
        front.extra = rest
        return front
    found: list[tuple[Para, str]] = []
    for para in rest:
        text = clean(para.text)
        if not text or (RULE.match(text) and not is_own_style(para)):
            continue
        if front.lead_in is None and is_basis(para) and not _is_lead_in(text):
            body = _basis_text(para, notes)
            for piece in re.split(r";\s+(?=(?:Căn cứ|Thực hiện)\s)", body):
                found.append((para, piece))
            continue
        if front.lead_in is None and not front.extra:
            front.lead_in, front.lead_in_para = _markup(para, notes), para
            continue
        front.extra.append(para)
    _split_lead_in(front, found, notes)
    _check_endings(front, found, notes)
    return front


def _summary_line(para: Para) -> bool:
    text = clean(para.text)
    if para.style_id == SUMMARY_STYLE:
        return bool(text) or any(s.note is not None for s in para.segments)  # a summary of a footnote only
    if not text or RULE.match(text):
        return False
    if is_basis(para):
        # "Thực hiện Chương trình …" under the type line is a summary when centred
        # (a legal basis is justified text, bold or not).
        return para.align == "center"
    return para.align == "center" or para.bold


def summary_text(para: Para) -> str:
    """The summary as its author broke it. A Word line break after a space
    is the generator's own, put where the last line would be too short (the
    space stays at the end of the line above): the text runs on. Any other
    line break is the author's: a new line of the summary."""
    lines: list[list[Segment]] = [[]]
    for segment in para.segments:
        pieces = segment.text.split("\n") if segment.note is None else [segment.text]
        for number, piece in enumerate(pieces):
            if number:
                lines.append([])
            if piece or segment.note is not None:
                lines[-1].append(dataclasses.replace(segment, text=piece))
    text, runs_on = "", False
    for line in lines:
        markup = clean(to_markup(line, True, para.base_italic)[0])
        if markup:
            text += (" " if runs_on else "\n") + markup if text else markup
        runs_on = bool(line) and line[-1].note is None and line[-1].text[-1:].isspace()
    return text


def _is_lead_in(text: str) -> bool:
    words = words_of(text)
    return text.rstrip().endswith(":") and any(hint in words for hint in LEAD_IN_HINTS)


def _basis_text(para: Para, notes: Notes) -> str:
    # Legal bases set in italics throughout (the decree's own templates do) carry no markup.
    text, exact = to_markup(para.segments, para.base_bold, para.base_italic or para.italic)
    if not exact:
        notes.warn("formatting_lost", para.index, para.text)
    if para.style_id == BASIS_STYLE:
        return clean(text)
    return re.sub(r"^[-–•+]\s*", "", clean(text))  # "- Căn cứ …" typed as a list


def _markup(para: Para, notes: Notes) -> str:
    text, exact = to_markup(para.segments, para.base_bold, para.base_italic)
    if not exact:
        notes.warn("formatting_lost", para.index, para.text)
    return clean(text)


def _split_lead_in(front: FrontMatter, bases: list[tuple[Para, str]], notes: Notes) -> None:
    """"Căn cứ …; Ủy ban nhân dân … xây dựng Kế hoạch … như sau:" typed as one
    paragraph: the lead-in is split off the last basis."""
    if not bases or front.lead_in is not None:
        return
    para, last = bases[-1]
    match = re.search(r"[;.]\s+(?P<lead>[^;]+:)\s*$", last)
    if match and _is_lead_in(match.group("lead")):
        bases[-1] = (para, last[: match.start()] + last[match.start()])
        front.lead_in = match.group("lead").strip()
        notes.fix("lead_in_split", para.index, para.text, "lead_in")


def _check_endings(front: FrontMatter, bases: list[tuple[Para, str]], notes: Notes) -> None:
    for index, (para, text) in enumerate(bases):
        last = index == len(bases) - 1
        wanted = "." if last else ";"
        stripped = text.rstrip()
        if not stripped.endswith(wanted):
            code = "last_legal_basis_ending" if last else "legal_basis_ending"
            notes.fix(code, para.index, text, f"legal_bases.{index}")
        front.legal_bases.append(drop_ending(stripped, wanted) if stripped.endswith(wanted) else stripped.rstrip(".;,:").rstrip() or stripped)
