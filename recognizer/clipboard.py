"""Text pasted from Word into one body field → body blocks, with the same
outline rules as a whole document: labels become levels, bold stays bold.

Word puts HTML on the clipboard: ``<p class=MsoNormal>``, list paragraphs
``<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'>`` whose label
sits in ``<span style='mso-list:Ignore'>``, ``<b>``/``<strong>``,
``<i>``/``<em>`` and inline styles. Plain text is read line by line."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from schemas import load_plan

from .blocks import name_parts
from .fitting import TooMuchContent, fit
from .notes import Notes
from .outline import OutlineBuilder, classify
from .reading import Para, Segment
from .text import clean

BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "td", "th", "dt", "dd", "blockquote"}
BOLD_TAGS = {"b", "strong"}
ITALIC_TAGS = {"i", "em"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
IGNORED_TAGS = {"script", "style", "head", "title", "meta", "xml", "o:p"}
MSO_LEVEL = re.compile(r"mso-list\s*:\s*l\d+\s+level(\d+)", re.I)
MAX_HTML = 2 * 1024 * 1024


def recognize_clipboard(html: str | None, text: str | None) -> dict:
    notes = Notes()
    paragraphs = _from_html(html) if html and html.strip() else []
    if not any(p.text.strip() for p in paragraphs):
        paragraphs = _from_text(text or "")
    if not any(p.text.strip() for p in paragraphs):
        notes.warn("clipboard_empty")
        return {"blocks": [], "warnings": notes.warnings}
    builder = OutlineBuilder(notes)
    for para in paragraphs:
        if para.text.strip():
            builder.add(classify(para))
    blocks = name_parts(builder.blocks())
    return {"blocks": _valid(blocks, notes), "warnings": notes.warnings}


def _from_text(text: str) -> list[Para]:
    return [Para(index, [Segment(line)]) for index, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _from_html(source: str) -> list[Para]:
    try:
        root = lxml_html.fromstring(source[:MAX_HTML])
    except (ValueError, TypeError, Exception):  # lxml raises ParserError subclasses of several kinds
        return []
    paragraphs: list[Para] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag.lower() not in BLOCK_TAGS:
            continue
        if any(isinstance(child.tag, str) and child.tag.lower() in BLOCK_TAGS for child in element.iterdescendants()):
            continue  # only the innermost blocks hold the text
        label, segments = _segments(element)
        para = Para(len(paragraphs) + 1, segments)
        style = element.get("style") or ""
        level = MSO_LEVEL.search(style)
        if label:
            para.numbering_label = label
            para.numbering_level = int(level.group(1)) - 1 if level else 0
            para.bullet = not re.search(r"[0-9A-Za-zđ]", label)
        if element.tag.lower() in HEADING_TAGS:
            para.style_name = f"heading {element.tag[1]}"
        paragraphs.append(para)
    return paragraphs


def _segments(element) -> tuple[str, list[Segment]]:
    """The list label Word marks with mso-list:Ignore, and the text runs."""
    label_parts: list[str] = []
    segments: list[Segment] = []

    def walk(node, bold: bool, italic: bool, in_label: bool) -> None:
        if not isinstance(node.tag, str):
            # A comment: Word's conditional markers (<![if !supportLists]>,
            # <![endif]>) reach the parser as comments; their tails are text.
            return
        tag = node.tag.lower()
        if tag in IGNORED_TAGS:
            return
        style = (node.get("style") or "").lower().replace(" ", "")
        bold = bold or tag in BOLD_TAGS or "font-weight:bold" in style or "font-weight:700" in style
        italic = italic or tag in ITALIC_TAGS or "font-style:italic" in style
        in_label = in_label or "mso-list:ignore" in style
        if tag == "br":
            segments.append(Segment(" ", bold, italic))
        if node.text:
            (label_parts.append(node.text) if in_label else segments.append(Segment(node.text, bold, italic)))
        for child in node:
            walk(child, bold, italic, in_label)
            if child.tail:
                (label_parts.append(child.tail) if in_label else segments.append(Segment(child.tail, bold, italic)))

    walk(element, False, False, False)
    label = clean("".join(label_parts).replace("\u00a0", " "))
    return _bullet_char(label), [Segment(s.text.replace("\r", " ").replace("\n", " "), s.bold, s.italic) for s in segments]


def _bullet_char(label: str) -> str:
    # Word's Symbol-font bullet arrives as "·" or "§"; "o" is its second level.
    return {"·": "•", "§": "▪", "o": "◦", "Ø": "➢"}.get(label, label)


def _valid(blocks: list[dict], notes: Notes) -> list[dict]:
    """The blocks made to fit a plan's body (split, never cut), or none with
    a warning when they hold more than a plan's body may."""
    probe = {"schema_version": 1, "issuer": {"name": "x", "abbreviation": "X"}, "place": "x", "date": {"year": 2024},
             "summary": "x", "signatory": {"title": "x", "name": "x"}, "body": blocks}
    try:
        return fit(probe, notes, load_plan)[0]["body"]
    except TooMuchContent:
        notes.warn("clipboard_too_large")
        return []
