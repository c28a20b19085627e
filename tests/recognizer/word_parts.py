"""Pieces of Word documents as offices make them, for python-docx documents
that python-docx cannot write itself: list numbering (the bullet button, a
multilevel I. / 1. / 1.1. list), styles left by other programs (a web page
pasted in: "Normal (Web)"; a PDF converted to Word: "Heading #2" …), real
footnotes, a text box drawn the way Word saves it (once for Word, once as a
fallback for older readers), and a copy saved by LibreOffice as .doc/.odt/.rtf."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

BULLETS_NUM_ID = 90
HEADINGS_NUM_ID = 77
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Styles other programs leave: (style id, name, bold, italic, centred).
WEB_STYLES = (("NormalWeb", "Normal (Web)", False, False, False),)
PDF_STYLES = (
    ("Heading10", "Heading #1", True, False, True),     # type line, summary
    ("Heading20", "Heading #2", True, False, False),    # section headings (labels typed)
    ("Bodytext0", "Body text", False, False, False),    # running text
    ("Bodytext30", "Body text (3)", False, True, False),  # legal bases
)


def add_list(document, num_id: int, levels: list[tuple[str, str]]) -> None:
    """A list definition: ``levels`` as (format, text) per level, e.g.
    ("bullet", "•") or ("decimal", "%2.%3.")."""
    numbering = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
                   for level, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
                         f'<w:multiLevelType w:val="hybridMultilevel"/>{lvls}</w:abstractNum>')
    existing = numbering.findall(qn("w:abstractNum"))
    if existing:
        existing[0].addprevious(abstract)  # abstractNum elements come before num elements
    else:
        numbering.insert(0, abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def bullet_list(document) -> None:
    add_list(document, BULLETS_NUM_ID, [("bullet", "•"), ("bullet", "o")])


def heading_list(document) -> None:
    add_list(document, HEADINGS_NUM_ID, [("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3."),
                                         ("decimal", "%2.%3.%4.")])


def number(paragraph, num_id: int, level: int) -> None:
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def add_styles(document, styles) -> None:
    root = document.styles.element
    for style_id, name, bold, italic, centred in styles:
        run = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        paragraph = '<w:jc w:val="center"/>' if centred else ""
        root.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="100" w:beforeAutospacing="1" w:after="100"'
            f' w:afterAutospacing="1"/>{paragraph}</w:pPr><w:rPr>{run}</w:rPr></w:style>'))


class Footnotes:
    """Real footnotes: a footnotes part written when the document is saved."""

    def __init__(self, document):
        self.document = document
        self.notes: list[str] = []

    def reference(self, paragraph, text: str) -> None:
        self.notes.append(text)
        paragraph._p.append(parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{len(self.notes)}"/></w:r>'))

    def write(self) -> None:
        if not self.notes:
            return
        notes = "".join(f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {_escape(text)}</w:t></w:r></w:p></w:footnote>'
                        for number, text in enumerate(self.notes, start=1))
        xml = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
               f'</w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
               f'<w:continuationSeparator/></w:r></w:p></w:footnote>{notes}</w:footnotes>')
        part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode("utf-8"),
                    self.document.part.package)
        self.document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def text_box(paragraph, text: str) -> None:
    """``text`` in a text box anchored to ``paragraph``, as Word saves one."""
    inner = f'<w:txbxContent><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{_escape(text)}</w:t></w:r></w:p></w:txbxContent>'
    paragraph._p.append(parse_xml(
        f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"'
        ' relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1143000" cy="342900"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:bodyPr/><wps:txbx>{inner}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{inner}</v:textbox></v:shape></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r>'))


def columns_section(document, columns: int) -> None:
    """End the current section (continuous) with ``columns`` text columns:
    everything written so far since the previous section break has them."""
    from docx.enum.section import WD_SECTION

    document.sections[-1]._sectPr.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="{columns}" w:space="720"/>'))
    document.add_section(WD_SECTION.CONTINUOUS)
    for old in document.sections[-1]._sectPr.findall(qn("w:cols")):
        document.sections[-1]._sectPr.remove(old)


def column_break(paragraph) -> None:
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:br w:type="column"/></w:r>'))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def saved_as(data: bytes, folder: Path, extension: str = "doc") -> Path:
    """``data`` (a .docx) saved by LibreOffice as ``extension`` in ``folder``,
    as a clerk's older Word or LibreOffice saves it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        import pytest

        pytest.skip("LibreOffice is not installed")
    source = folder / "ke-hoach.docx"
    source.write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", extension,
                    "--outdir", str(folder), str(source)], check=True, timeout=180, capture_output=True)
    return folder / f"ke-hoach.{extension}"
