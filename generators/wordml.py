"""WordprocessingML fragments for text that varies per plan.

The template's styles carry all formatting; fragments only name a style,
mark bold/italic runs and place footnote references. Text is XML-escaped
here, so anything a user typed (``<``, ``&``, ``{{ }}``) stays literal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from lxml import etree

from nd30.markup import Footnote, Inline, Run, parse

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Tri-state run formatting: None keeps the paragraph style's own value.
INHERIT = None


@dataclass(frozen=True)
class RunFormat:
    bold: bool | None = INHERIT
    italic: bool | None = INHERIT


def _toggle(tag: str, value: bool | None) -> str:
    if value is None:
        return ""
    return f"<w:{tag}/><w:{tag}Cs/>" if value else f'<w:{tag} w:val="0"/><w:{tag}Cs w:val="0"/>'


# After rendering, docxtpl turns "{_{", "}_}", "{_%", "%_}" of the XML into
# Jinja delimiters; character references keep user text out of its reach.
_DOCXTPL_SAFE = {"{": "&#123;", "}": "&#125;", "%": "&#37;"}


def xml_text(text: str) -> str:
    """``text`` escaped for XML content, immune to docxtpl's rewriting."""
    return escape(text, _DOCXTPL_SAFE)


def run_xml(text: str, fmt: RunFormat = RunFormat(), style_id: str | None = None) -> str:
    props = (f'<w:rStyle w:val="{style_id}"/>' if style_id else "") + _toggle("b", fmt.bold) + _toggle("i", fmt.italic)
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


def _merge(base: RunFormat, run: Run) -> RunFormat:
    # Markup switches formatting on; elsewhere the base (often INHERIT) holds.
    return RunFormat(bold=True if run.bold else base.bold, italic=True if run.italic else base.italic)


@dataclass
class Footnotes:
    """Collects the footnotes of one document and numbers them in order."""

    notes: list[str] = field(default_factory=list)

    def reference_xml(self, note: Footnote) -> str:
        note_id = len(self.notes) + 1
        body = "".join(run_xml(run.text, _merge(RunFormat(), run)) for run in note.runs)
        self.notes.append(
            f'<w:footnote xmlns:w="{W_NS}" w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{body}</w:p></w:footnote>'
        )
        return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'

    def write_to(self, footnotes_part) -> None:
        """Append the collected notes to the document's footnotes part."""
        if not self.notes:
            return
        root = etree.fromstring(footnotes_part.blob)
        for note in self.notes:
            root.append(etree.fromstring(note))
        footnotes_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def inline_xml(items: tuple[Inline, ...], footnotes: Footnotes, base: RunFormat = RunFormat()) -> str:
    parts = []
    for item in items:
        if isinstance(item, Footnote):
            parts.append(footnotes.reference_xml(item))
        else:
            parts.append(run_xml(item.text, _merge(base, item)))
    return "".join(parts)


def numbering_xml(num_id: int | None, level: int = 0) -> str:
    if num_id is None:
        return ""
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def paragraph_xml(style_id: str, runs: str, num_id: int | None = None, level: int = 0, *, keep_next: bool = False) -> str:
    keep = "<w:keepNext/>" if keep_next else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}{numbering_xml(num_id, level)}</w:pPr>{runs}</w:p>'


class Markup(str):
    """Ready-made XML for docxtpl: Jinja's autoescape leaves it alone."""

    def __html__(self) -> str:
        return self


def literal(text: str) -> Markup:
    """Plain text for a ``{{ ... }}`` field of the template."""
    return Markup(xml_text(text))


def text_runs(text: str, footnotes: Footnotes, base: RunFormat = RunFormat()) -> Markup:
    """Runs for a ``{{r ...}}`` field of the template."""
    return Markup(inline_xml(parse(text), footnotes, base))
