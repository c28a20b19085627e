"""One appendix of a document as a .docx of its own: an appendix issued as a
separate file (Decree 30, Appendix I, Part I, III.1.d), which the records
office signs on its own.

The whole document is rendered as usual (by whatever renders documents:
the service's worker pool, ``render_docx``) and everything but that appendix's
section is cut away, so the file is the appendix exactly as it stands in the
full document: the same label ("Phụ lục II"), title, "(Kèm theo …)" line,
table, notes, styles, orientation and page numbers restarting at 1.
"""

from __future__ import annotations

import io
import zipfile

from docx.oxml.ns import qn
from lxml import etree

from nd30.kinds import kind_of

from .kinds import renderer

DOCUMENT_PART = "word/document.xml"


def printed_appendices(document: dict) -> list[dict]:
    """The appendices the document's file prints, in order (a plan's own; a
    decision's, those of the plan it issues in the same file)."""
    return renderer(kind_of(document)).printed_appendices(document)


def appendix_docx(rendered: bytes, document: dict, index: int) -> bytes:
    """The .docx of appendix ``index`` (0-based) of ``printed_appendices``
    alone, cut from ``rendered``, the document's .docx; IndexError when there
    is no such appendix. Appendices are the file's last sections."""
    count = len(printed_appendices(document))
    if not 0 <= index < count:
        raise IndexError(f"the document prints {count} appendices, not #{index + 1}")
    return only_section(rendered, index - count)


def only_section(document: bytes, section: int) -> bytes:
    """``document`` keeping only its section number ``section`` (0-based;
    negative counts from the last, as Python's indexes do).

    A section ends at a paragraph holding its w:sectPr, the last one at the
    body's own w:sectPr. The kept section's w:sectPr becomes the body's; the
    paragraph that held it stays, empty, so that a table ending the section is
    still followed by a paragraph (Word wants one there)."""
    with zipfile.ZipFile(io.BytesIO(document)) as source:
        root = etree.fromstring(source.read(DOCUMENT_PART))
        body = root.find(qn("w:body"))
        _keep_section(body, section)
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = source.read(item)
                if item.filename == DOCUMENT_PART:
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                target.writestr(item, data)
    return output.getvalue()


def _keep_section(body: etree._Element, section: int) -> None:
    children = list(body)
    body_sect_pr = children.pop()  # the body's w:sectPr always comes last
    if body_sect_pr.tag != qn("w:sectPr"):
        raise ValueError("the document body does not end with its section properties")
    ends = [position for position, element in enumerate(children) if _section_break(element) is not None]
    if section < 0:
        section += len(ends) + 1
    if not 0 <= section <= len(ends):
        raise IndexError(f"the document has {len(ends) + 1} sections, not #{section + 1}")
    first = ends[section - 1] + 1 if section > 0 else 0
    last = ends[section] if section < len(ends) else len(children) - 1
    for element in children[:first] + children[last + 1:]:
        body.remove(element)
    if section < len(ends):
        closing = children[last]
        own = _section_break(closing)
        own.getparent().remove(own)
        body.replace(body_sect_pr, own)


def _section_break(element: etree._Element):
    """The w:sectPr a paragraph carries when it ends a section, else None."""
    if element.tag != qn("w:p"):
        return None
    return element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
