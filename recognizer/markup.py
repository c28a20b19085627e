"""Runs back to the plan's inline markup: bold → ``**…**``, italic →
``*…*``, footnotes → ``^[…]``, literal ``*`` and ``\\`` escaped. Formatting
the paragraph style gives anyway (a bold heading style) is not markup."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from nd30.markup import Footnote, Run, parse

from .reading import Segment
from .text import REFUSED, clean, sentence_case

WHITESPACE = " \t\n\u00a0"


def escape(text: str, in_note: bool = False) -> str:
    text = text.replace("\\", "\\\\").replace("*", "\\*")
    if in_note:
        return text.replace("[", "\\[").replace("]", "\\]")
    return text.replace("^[", "^\\[")


def flatten(segments: list[Segment]) -> list[Segment]:
    """Tabs and line breaks as spaces; neighbours of one formatting merged."""
    merged: list[Segment] = []
    for segment in segments:
        if segment.note is not None:
            merged.append(segment)
            continue
        text = segment.text.replace("\t", " ").replace("\n", " ")
        if not text:
            continue
        last = merged[-1] if merged else None
        if last is not None and last.note is None and not text.strip() and not last.text.strip() == "":
            merged[-1] = Segment(last.text + text, last.bold, last.italic)
        elif last is not None and last.note is None and (last.bold, last.italic) == (segment.bold, segment.italic):
            merged[-1] = Segment(last.text + text, last.bold, last.italic)
        else:
            merged.append(Segment(text, segment.bold, segment.italic))
    return merged


# A footnote in markup: "^[", its text (brackets inside escaped), "]".
FOOTNOTE = re.compile(r"\^\[(?:\\.|[^\\\]])*\]")
PLACEHOLDER = "\ue000"   # a private-use character: no letter, no space


def sentence_case_markup(text: str) -> str:
    """``sentence_case`` of a markup text, its footnotes left as typed (the
    generator writes a heading in capitals, never its footnotes)."""
    notes = FOOTNOTE.findall(text)
    hidden = FOOTNOTE.sub(lambda match: PLACEHOLDER * len(match.group()), text)
    cased = sentence_case(hidden)
    if len(cased) != len(hidden):
        return text
    for note in notes:
        at = cased.index(PLACEHOLDER * len(note))
        cased = cased[:at] + note + cased[at + len(note):]
    return cased


def cut(segments: list[Segment], count: int) -> tuple[list[Segment], list[Segment]]:
    """``segments`` split after their first ``count`` characters (a footnote
    counts none and stays before the cut when the text goes on after it)."""
    before: list[Segment] = []
    for index, segment in enumerate(segments):
        if count <= 0:
            return before, segments[index:]
        if segment.note is None and len(segment.text) > count:
            return (before + [dataclasses.replace(segment, text=segment.text[:count])],
                    [dataclasses.replace(segment, text=segment.text[count:])] + segments[index + 1:])
        before.append(segment)
        count -= len(segment.text)
    return before, []


def plain_text(segments: list[Segment]) -> str:
    """The visible text of ``segments``, footnotes aside."""
    return "".join(s.text for s in segments if s.note is None)


def to_markup(segments: list[Segment], base_bold: bool = False, base_italic: bool = False,
              bold_markup: bool = True) -> tuple[str, bool]:
    """(markup, exact): the markup of ``segments``; ``exact`` is False when
    their formatting could not be expressed and was dropped."""
    wanted = _wanted(segments, base_bold, base_italic, bold_markup)
    if not wanted or len(wanted) == 1 and _is_inert(wanted[0]):
        return clean(wanted[0].text if wanted else ""), True  # plain text is its own markup: no parse needed
    target = _runs_of(wanted)
    # Text as typed when it reads the same (most text, and the shortest),
    # else with "*", "\\" and "^[" escaped. A literal "^[" is always escaped:
    # the schema counts every "^[" as a footnote against its limit.
    notes = sum(1 for s in wanted if s.note is not None)
    for escaping in (False, True):
        text = clean(_build(wanted, escaping=escaping))
        if _runs_of(parse(text)) == target and (escaping or text.count("^[") == notes):
            return text, True
    plain = [Segment(s.text) if s.note is None else s for s in wanted]
    return clean(_build(plain)), False


# Characters the inline markup reads as more than themselves (emphasis,
# escapes, footnotes; nd30/markup.py's parser knows no other rule).
_INERT = re.compile(r"[^*^\[\]\\_\n]*")


def _is_inert(segment: Segment) -> bool:
    """Plain text that ``clean`` keeps as it is and the markup reads as
    itself: most paragraphs and cells of a document."""
    return (segment.note is None and not segment.bold and not segment.italic and _INERT.fullmatch(segment.text)
            and unicodedata.is_normalized("NFC", segment.text) and not REFUSED.search(segment.text))


def _wanted(segments, base_bold, base_italic, bold_markup) -> list[Segment]:
    result = []
    for segment in flatten(segments):
        if segment.note is not None:
            note = tuple(_wanted(list(segment.note), False, False, True))
            result.append(Segment("", note=note))
        else:
            bold = segment.bold and not base_bold and bold_markup
            italic = segment.italic and not base_italic
            result.append(Segment(segment.text, bold and bool(segment.text.strip()), italic and bool(segment.text.strip())))
    return _merge_same(result)


def _merge_same(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        last = merged[-1] if merged else None
        if last is not None and last.note is None and segment.note is None and (
                (last.bold, last.italic) == (segment.bold, segment.italic) or not segment.text.strip()):
            merged[-1] = Segment(last.text + segment.text, last.bold, last.italic)
        else:
            merged.append(segment)
    return merged


def _build(segments: list[Segment], in_note: bool = False, escaping: bool = True) -> str:
    parts = []
    for segment in segments:
        if segment.note is not None:
            parts.append("^[" + _build(list(segment.note), True, escaping).strip() + "]")
            continue
        text = segment.text
        marker = "***" if segment.bold and segment.italic else "**" if segment.bold else "*" if segment.italic else ""
        if not marker:
            parts.append(escape(text, in_note) if escaping else text)
            continue
        core = text.strip(WHITESPACE)
        lead = text[: len(text) - len(text.lstrip(WHITESPACE))]
        trail = text[len(text.rstrip(WHITESPACE)):]
        parts.append(f"{lead}{marker}{escape(core, in_note) if escaping else core}{marker}{trail}")
    return "".join(parts)


def _runs_of(items) -> list:
    """Comparable form: visible characters with their formatting, footnotes in place."""
    result = []
    for item in items:
        if isinstance(item, Footnote):
            result.append(("note", tuple(_runs_of(item.runs))))
        elif isinstance(item, Segment) and item.note is not None:
            result.append(("note", tuple(_runs_of(item.note))))
        else:
            bold, italic = item.bold, item.italic
            for char in item.text:
                if char.isspace():
                    result.append((" ", False, False))
                else:
                    result.append((char, bold, italic))
    while result and result[0] == (" ", False, False):
        result.pop(0)
    while result and result[-1] == (" ", False, False):
        result.pop()
    return _squash_spaces(result)


def _squash_spaces(chars: list) -> list:
    out = []
    for char in chars:
        if char == (" ", False, False) and out and out[-1] == char:
            continue
        out.append(char)
    return out


SPLIT_AFTER = (". ", "; ", "! ", "? ", ": ")
SPLIT_CANDIDATES = 50   # tried nearest the middle first; each is spelled and parsed again


def split_markup(text: str) -> tuple[str, str] | None:
    """``text`` (markup) in two halves that read as the whole, split nearest
    the middle of what it shows after a sentence's end, else at a space,
    else anywhere, emphasis and footnotes kept on their side; None when it
    shows fewer than two characters."""
    segments = [_segment(item) for item in parse(text)]
    visible = plain_text(segments)
    middle = len(visible) // 2
    sentence_ends = [at + 2 for separator in SPLIT_AFTER for at in _find_all(visible, separator)]
    spaces = [at + 1 for at, char in enumerate(visible) if char in WHITESPACE]
    for candidates in (sentence_ends, spaces, range(1, len(visible))):
        for position in sorted(candidates, key=lambda at: abs(at - middle))[:SPLIT_CANDIDATES]:
            before, after = cut(segments, position)
            (first, first_exact), (second, second_exact) = to_markup(before), to_markup(after)
            if first and second and first_exact and second_exact:
                return first, second
    return None


def _segment(item) -> Segment:
    if isinstance(item, Footnote):
        return Segment("", note=tuple(_segment(run) for run in item.runs))
    return Segment(item.text, item.bold, item.italic)


def _find_all(text: str, separator: str):
    at = text.find(separator)
    while at >= 0:
        yield at
        at = text.find(separator, at + 1)


__all__ = ["Run", "cut", "escape", "flatten", "plain_text", "sentence_case_markup", "split_markup", "to_markup"]
