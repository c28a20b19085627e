"""What an issued document needs beyond its layout: the PDF/A's description
(XMP), empty named signature fields where Decree 30 puts the signatures, and
the e-office metadata of Appendix VI.

Works on the PDF LibreOffice wrote (converter target ``pdfa``): HTTP-free, and
it converts nothing itself. See README, "PDF and signing".

    issued = issue_document(document, docx, pdf)   # IssuedPdf(content, signature_fields)
    issued = issue_appendix(document, index, appendix_docx, pdf)
    document_metadata(document, page_count(issued.content))
"""

from __future__ import annotations

import contextlib
import io
import logging
from dataclasses import dataclass

import docx as docx_reader
import pikepdf
import pypdfium2

from converters import ConversionFailed
from generators.appendix_file import printed_appendices
from generators.front_matter import Properties, authority_lines
from generators.kinds import renderer
from generators.kinds.quyet_dinh import ISSUED
from nd30.kinds import kind_of

from .document_properties import (
    appendix_properties,
    document_properties,
    write_properties,
)
from .eoffice import document_metadata
from .incremental import Update, append, updatable
from .pdf_text import page_count
from .signature_fields import (
    ORGANIZATION,
    SIGNER,
    SignatureField,
    add_signature_fields,
    field,
)
from .signature_places import appendix_place, signature_places

logger = logging.getLogger(__name__)

PDFA, PLAIN = "pdfa", "plain"
PDF_KINDS = (PDFA, PLAIN)
FINISH_FAILED = "Không hoàn tất được bản PDF/A của văn bản; bản Word (DOCX) vẫn tải được, hoặc yêu cầu PDF thường (pdf=plain)."


@dataclass(frozen=True)
class IssuedPdf:
    content: bytes
    signature_fields: tuple[SignatureField, ...]


def issue_document(document: dict, docx: bytes, pdf: bytes) -> IssuedPdf:
    """The document's PDF/A (``pdf``, from LibreOffice, of ``docx``)
    described by the document, with the signer's field between the title
    lines and the name of its signature block and the organisation's over
    its left third. A file that holds a document issued with it (a
    decision's plan) is signed once, at the main document's block (Appendix
    I, II.8.b); a document issued with a decision as a file of its own is
    signed by the organisation only, as an appendix file is."""
    if kind_of(document) == ISSUED:
        return _issue_accompanying(document_properties(document), docx, pdf)
    signatory = document["signatory"]
    with _unreadable_as_failed():
        blocks = renderer(kind_of(document)).signature_blocks(document)
        places = signature_places(pdf, authority_lines(signatory), signatory["name"], blocks=blocks)
        if places is None:
            logger.warning("signature block of %r not found in the PDF: no signature field", signatory["name"])
            fields = []
        else:
            fields = [field(SIGNER, places.signer), field(ORGANIZATION, places.seal)]
        return _finish(pdf, document_properties(document), fields)


def issue_appendix(document: dict, index: int, docx: bytes, pdf: bytes) -> IssuedPdf:
    """Appendix ``index`` (0-based, of those the document prints) issued as
    its own file (``docx``, cut by ``generators.appendix_file``): its PDF/A
    with the organisation's field at the top right of its first page."""
    properties = appendix_properties(document, printed_appendices(document), index)
    return _issue_accompanying(properties, docx, pdf)


def _issue_accompanying(properties: Properties, docx: bytes, pdf: bytes) -> IssuedPdf:
    """A file sent with the main document: the organisation's field at the
    top right of its first page, inside the margin ``docx`` sets."""
    right_margin = docx_reader.Document(io.BytesIO(docx)).sections[-1].right_margin.pt
    with _unreadable_as_failed():
        place = appendix_place(pdf, right_margin)
        if place is None:
            logger.warning("%r has no text on its first page: no signature field", properties.title)
        fields = [field(ORGANIZATION, place)] if place is not None else []
        return _finish(pdf, properties, fields)


def _finish(pdf: bytes, properties: Properties, fields: list[SignatureField]) -> IssuedPdf:
    """The description and the fields, appended to LibreOffice's bytes as an
    incremental update."""
    original = updatable(pdf)
    with pikepdf.open(io.BytesIO(original), inherit_page_attributes=False) as document:
        update = Update(document)
        write_properties(update, properties)
        add_signature_fields(update, fields)
        return IssuedPdf(append(original, update), tuple(fields))


@contextlib.contextmanager
def _unreadable_as_failed():
    """A PDF the converter returned that cannot be read is a failed conversion (502), never a 500."""
    try:
        yield
    except (pikepdf.PdfError, pypdfium2.PdfiumError) as error:
        raise ConversionFailed(FINISH_FAILED, detail=f"the converter's PDF could not be finished: {error}") from error


__all__ = [
    "ORGANIZATION",
    "PDFA",
    "PDF_KINDS",
    "PLAIN",
    "SIGNER",
    "IssuedPdf",
    "document_metadata",
    "issue_appendix",
    "issue_document",
    "page_count",
]
