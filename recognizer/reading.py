"""The document as the recognizer sees it: paragraphs and tables in reading
order, each paragraph with its runs' effective bold/italic (direct
formatting, character style, paragraph style and document defaults), its
alignment and size, the label Word draws for it (list numbering resolved
through numbering.xml) and its footnotes.

Read straight from the OOXML parts with lxml: python-docx's object layer
costs more than the whole recognition and knows nothing of effective
formatting or numbering labels.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .content import check_sizes, read_counted
from .numbering import Numbering
from .styles import EMPTY, Styles, W, on, properties

PACKAGE_ROOT_RELS = "_rels/.rels"
MAIN_DOCUMENT_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
PART_TYPES = {
    "styles": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
    "numbering": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering",
    "footnotes": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
}
# A text box Word writes twice: for Word (mc:Choice) and for older readers (mc:Fallback).
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text with one formatting, or a footnote (``note`` holds
    the footnote's own segments and ``text`` is empty)."""

    text: str
    bold: bool = False
    italic: bool = False
    note: tuple["Segment", ...] | None = None
    direct_bold: bool | None = None     # bold set on the run itself (not by a style)


@dataclass(slots=True)
class Para:
    index: int                      # 1-based, in reading order, table cells included
    segments: list[Segment]
    style_id: str = ""
    style_name: str = ""
    numbering_label: str = ""       # what Word draws before the text ("1.1.", "a)", "•")
    numbering_level: int = 0
    bullet: bool = False            # the label comes from a bullet list
    align: str = ""                 # left/center/right/both (effective)
    size: float | None = None       # pt, of the text (effective)
    font: str | None = None
    border_bottom: bool = False     # a drawn rule (the short line under a heading block)
    base_bold: bool = False         # what the paragraph style itself gives every run
    base_italic: bool = False
    cell: tuple[int, int, int] | None = None   # (table, row, column) when inside a table

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)

    @property
    def visible(self) -> str:
        """The text a reader sees, Word's label included."""
        text = self.text
        return f"{self.numbering_label} {text}".strip() if self.numbering_label else text.strip()

    @property
    def bold(self) -> bool:
        """Every visible letter is bold."""
        letters = [s for s in self.segments if s.text.strip()]
        return bool(letters) and all(s.bold for s in letters)

    @property
    def italic(self) -> bool:
        letters = [s for s in self.segments if s.text.strip()]
        return bool(letters) and all(s.italic for s in letters)


@dataclass
class Cell:
    paragraphs: list[Para]
    span: int = 1
    merged: bool = False            # continues a vertical merge from the row above

    @property
    def text(self) -> str:
        return " ".join(p.text.strip() for p in self.paragraphs if p.text.strip())


@dataclass
class Table:
    index: int                      # its position among the document's tables
    rows: list[list[Cell]]
    widths: list[int] = field(default_factory=list)   # the grid's column widths (twips)
    repeated: int = 0               # leading rows that repeat on every page (header rows)

    @property
    def paragraphs(self) -> list[Para]:
        return [p for row in self.rows for cell in row for p in cell.paragraphs]

    def column_paragraphs(self, column: int) -> list[Para]:
        return [p for row in self.rows if column < len(row) for p in row[column].paragraphs]


@dataclass
class PageSetup:
    width_mm: float | None = None
    height_mm: float | None = None
    margins_mm: dict = field(default_factory=dict)   # top/bottom/left/right
    landscape: bool = False


@dataclass
class Document:
    items: list[Para | Table]
    pages: list[PageSetup]
    styles: Styles

    def paragraphs(self):
        for item in self.items:
            if isinstance(item, Table):
                yield from item.paragraphs
            else:
                yield item


class NotWordprocessing(ValueError):
    """The package holds no WordprocessingML main document."""


def read(docx: bytes) -> Document:
    """What a .docx shows, in reading order; FileRefused when it holds more
    than a plan may (``content.read_counted``: counted as it is parsed)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        check_sizes(package)
        main = _main_part(package)
        related = _relations(package, main)
        root, footnotes_root = read_counted(package, main, related.get("footnotes"))  # refused when too much
        styles = Styles(_xml(package, related.get("styles")))
        numbering = Numbering(_xml(package, related.get("numbering")), styles)
        footnotes = _footnotes(footnotes_root, styles)
    if root is None or root.find(W.body) is None:
        raise NotWordprocessing(main)
    return _Reader(styles, numbering, footnotes).document(root.find(W.body))


def _xml(package: zipfile.ZipFile, name: str | None):
    if not name or name not in package.namelist():
        return None
    return etree.fromstring(package.read(name), PARSER)


def _main_part(package: zipfile.ZipFile) -> str:
    names = set(package.namelist())
    if PACKAGE_ROOT_RELS in names:
        rels = etree.fromstring(package.read(PACKAGE_ROOT_RELS), PARSER)
        for rel in rels:
            if rel.get("Type") == MAIN_DOCUMENT_TYPE:
                return rel.get("Target", "").lstrip("/")
    if "word/document.xml" in names:
        return "word/document.xml"
    raise NotWordprocessing("no main document")


def _relations(package: zipfile.ZipFile, main: str) -> dict[str, str]:
    folder, _, name = main.rpartition("/")
    rels_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    if rels_name not in package.namelist():
        return {}
    rels = etree.fromstring(package.read(rels_name), PARSER)
    found = {}
    for rel in rels:
        for key, rel_type in PART_TYPES.items():
            if rel.get("Type") == rel_type and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                found[key] = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
    return found


def _footnotes(root, styles: Styles) -> dict[str, tuple[Segment, ...]]:
    if root is None:
        return {}
    notes = {}
    for note in root.findall(W.footnote):
        if note.get(W.type) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        segments: list[Segment] = []
        for p in note.iter(W.p):
            style_id = styles.paragraph_style_id(properties(p, W.pPr))
            if segments:
                segments.append(Segment(" "))
            segments.extend(s for s in _segments(p, styles, style_id, {})[0] if s.note is None)
        notes[note.get(W.id)] = tuple(_trim(segments))
    return notes


def _trim(segments: list[Segment]) -> list[Segment]:
    # Word puts a space after the footnote mark; the text starts after it.
    while segments and not segments[0].text.strip():
        segments.pop(0)
    if segments:
        segments[0] = Segment(segments[0].text.lstrip(), segments[0].bold, segments[0].italic)
    return segments


RUN_CONTAINERS = {W.hyperlink, W.smartTag, W.ins, W.fldSimple, W.sdt, W.sdtContent, W.customXml, W.moveTo}


def _runs(p):
    """The paragraph's runs in order, inside hyperlinks, insertions, fields
    and content controls, but not deleted text nor nested text boxes."""
    for child in p:
        if child.tag == W.r:
            yield child
        elif child.tag in RUN_CONTAINERS:
            yield from _runs(child)


def _segments(p, styles: Styles, style_id: str, footnotes: dict) -> tuple[list[Segment], dict]:
    """The paragraph's text as segments of one emphasis, and the direct
    properties of its first run with text (what its size and font are read from)."""
    segments: list[Segment] = []
    first = None
    for run in _runs(p):
        rpr = properties(run, W.rPr)
        bold, italic = styles.run_emphasis(rpr, style_id)
        direct_bold = on(rpr.get(W.b))
        text = []
        for child in run:
            tag = child.tag
            if tag == W.t:
                text.append(child.text or "")
                if first is None:
                    first = rpr
            elif tag == W.tab or tag == W.ptab:
                text.append("\t")
            elif tag in (W.br, W.cr):
                text.append("\n")
            elif tag == W.noBreakHyphen:
                text.append("-")
            elif tag == W.footnoteReference:
                if text:
                    segments.append(Segment(_nfc(text), bold, italic, direct_bold=direct_bold))
                    text = []
                note = footnotes.get(child.get(W.id))
                if note is not None:  # an empty footnote still shows its number
                    segments.append(Segment("", note=note))
        if text:
            segments.append(Segment(_nfc(text), bold, italic, direct_bold=direct_bold))
    return segments, EMPTY if first is None else first


def _nfc(pieces: list[str]) -> str:
    # Text typed with combining accents (Unikey's "Unicode tổ hợp") reads as
    # the same letters precomposed: the decree's NFC, what the schema keeps.
    return unicodedata.normalize("NFC", "".join(pieces))


class _Reader:
    def __init__(self, styles: Styles, numbering: Numbering, footnotes: dict):
        self.styles = styles
        self.numbering = numbering
        self.footnotes = footnotes
        self.count = 0
        self.tables = 0
        self.pages: list[PageSetup] = []

    def document(self, body) -> Document:
        items: list[Para | Table] = []
        for child in body:
            if child.tag == W.p:
                for box in _text_boxes(child):  # what a text box holds stands before its anchor
                    items.extend(self.document(box).items)
                items.append(self.paragraph(child))
                sect = properties(child, W.pPr).get(W.sectPr)
                if sect is not None:
                    self.pages.append(page_setup(sect))
            elif child.tag == W.tbl:
                items.append(self.table(child))
            elif child.tag == W.sectPr:
                self.pages.append(page_setup(child))
            elif child.tag in (W.sdt, W.customXml):
                content = child.find(W.sdtContent) if child.tag == W.sdt else child
                if content is not None:
                    items.extend(self.document(content).items)
        return Document(items, self.pages, self.styles)

    def paragraph(self, p, cell: tuple[int, int, int] | None = None) -> Para:
        self.count += 1
        ppr = properties(p, W.pPr)
        style_id = self.styles.paragraph_style_id(ppr)
        label, level, bullet = self.numbering.label(ppr, style_id)
        segments, first_run = _segments(p, self.styles, style_id, self.footnotes)
        base_bold, base_italic = self.styles.run_emphasis(EMPTY, style_id)
        return Para(
            index=self.count,
            segments=segments,
            style_id=style_id,
            style_name=self.styles.name(style_id),
            numbering_label=label,
            numbering_level=level,
            bullet=bullet,
            align=self.styles.alignment(ppr, style_id),
            size=self.styles.run_size(first_run, style_id),
            font=self.styles.run_font(first_run, style_id),
            border_bottom=self.styles.border_bottom(ppr, style_id),
            base_bold=base_bold,
            base_italic=base_italic,
            cell=cell,
        )

    def cell_paragraphs(self, container, cell: tuple[int, int, int]) -> list[Para]:
        """A cell's paragraphs in reading order: its text boxes' and nested tables' too."""
        paragraphs = []
        for child in container:
            if child.tag == W.p:
                for box in _text_boxes(child):
                    paragraphs += self.cell_paragraphs(box, cell)
                paragraphs.append(self.paragraph(child, cell))
            elif child.tag in (W.tbl, W.tr, W.tc, W.sdt, W.sdtContent, W.customXml):
                paragraphs += self.cell_paragraphs(child, cell)
        return paragraphs

    def table(self, tbl) -> Table:
        number = self.tables
        self.tables += 1
        rows = []
        repeated, leading = 0, True
        for row_index, tr in enumerate(tbl.iter(W.tr)):
            if _owner_table(tr) is not tbl:
                continue
            leading = leading and bool(on(properties(tr, W.trPr).get(W.tblHeader)))
            repeated += leading
            cells = []
            for column, tc in enumerate(c for c in tr if c.tag == W.tc or c.tag == W.sdt):
                tc = tc if tc.tag == W.tc else tc.find(f".//{W.tc}")
                if tc is None:
                    continue
                props = properties(tc, W.tcPr)
                span, merge = props.get(W.gridSpan), props.get(W.vMerge)
                paragraphs = self.cell_paragraphs(tc, (number, row_index, column))
                cells.append(Cell(
                    paragraphs,
                    span=int(span.get(W.val, "1")) if span is not None and span.get(W.val, "1").isdigit() else 1,
                    merged=merge is not None and merge.get(W.val) != "restart",
                ))
            rows.append(cells)
        widths = [_twips(col.get(W.w)) for col in tbl.findall(f"{W.tblGrid}/{W.gridCol}")]
        return Table(number, rows, widths, repeated)


def _text_boxes(p):
    """The text boxes drawn in paragraph ``p`` (once each, not those nested in another)."""
    for box in p.iter(W.txbxContent):
        parent = box.getparent()
        while parent is not None and parent is not p and parent.tag not in (FALLBACK, W.txbxContent):
            parent = parent.getparent()
        if parent is p:
            yield box


def _owner_table(tr):
    parent = tr.getparent()
    while parent is not None and parent.tag != W.tbl:
        parent = parent.getparent()
    return parent


TWIPS_PER_MM = 1440 / 25.4


def page_setup(sect) -> PageSetup:
    setup = PageSetup()
    size = sect.find(W.pgSz)
    if size is not None:
        setup.width_mm = _mm(size.get(W.w))
        setup.height_mm = _mm(size.get(W.h))
        setup.landscape = size.get(W.orient) == "landscape" or (
            setup.width_mm is not None and setup.height_mm is not None and setup.width_mm > setup.height_mm)
    margins = sect.find(W.pgMar)
    if margins is not None:
        for side in ("top", "bottom", "left", "right"):
            value = _mm(margins.get(f"{{{W.ns}}}{side}"))
            if value is not None:
                setup.margins_mm[side] = abs(value)
    return setup


def _twips(value: str | None) -> int:
    try:
        return max(0, int(float(value)))
    except (TypeError, ValueError):
        return 0


def _mm(twips: str | None) -> float | None:
    try:
        return round(int(float(twips)) / TWIPS_PER_MM, 1)
    except (TypeError, ValueError):
        return None


__all__ = ["Cell", "Document", "NotWordprocessing", "PageSetup", "Para", "Segment", "Table", "on", "read"]
