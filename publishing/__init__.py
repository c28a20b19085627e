"""What an issued document needs beyond its layout: the PDF/A's description
(XMP), empty named signature fields where Decree 30 puts the signatures, and
the e-office metadata of Appendix VI.

Works on the PDF LibreOffice wrote (converter target ``pdfa``): HTTP-free, and
it converts nothing itself. See README, "PDF and signing".

    issued = issue_document(plan, pdf)          # IssuedPdf(content, signature_fields)
    issued = issue_appendix(plan, index, docx, pdf)
    document_metadata(plan, page_count(issued.content))
"""

from __future__ import annotations

import contextlib
import io
import logging
from dataclasses import dataclass

import docx
import pikepdf
import pypdfium2

from converters import ConversionFailed
from generators.front_matter import authority_lines

from .document_properties import DocumentProperties, appendix_properties, plan_properties, write_properties
from .eoffice import document_metadata
from .incremental import Update, append, updatable
from .pdf_text import page_count
from .signature_fields import ORGANIZATION, SIGNER, SignatureField, add_signature_fields, field
from .signature_places import appendix_place, signature_places

logger = logging.getLogger(__name__)

PDFA, PLAIN = "pdfa", "plain"
PDF_KINDS = (PDFA, PLAIN)
FINISH_FAILED = "Không hoàn tất được bản PDF/A của văn bản; bản Word (DOCX) vẫn tải được, hoặc yêu cầu PDF thường (pdf=plain)."


@dataclass(frozen=True)
class IssuedPdf:
    content: bytes
    signature_fields: tuple[SignatureField, ...]


def issue_document(plan: dict, pdf: bytes) -> IssuedPdf:
    """The plan's PDF/A (from LibreOffice) described by the plan, with the
    signer's field between the title lines and the name and the
    organisation's over its left third."""
    signatory = plan["signatory"]
    with _unreadable_as_failed():
        places = signature_places(pdf, authority_lines(signatory), signatory["name"])
        if places is None:
            logger.warning("signature block of %r not found in the PDF: no signature field", signatory["name"])
            fields = []
        else:
            fields = [field(SIGNER, places.signer), field(ORGANIZATION, places.seal)]
        return _finish(pdf, plan_properties(plan), fields)


def issue_appendix(plan: dict, index: int, document: bytes, pdf: bytes) -> IssuedPdf:
    """Appendix ``index`` (0-based) issued as its own file: its PDF/A with the
    organisation's field at the top right of its first page. ``document`` is
    the appendix's .docx, whose margins place the field."""
    right_margin = docx.Document(io.BytesIO(document)).sections[-1].right_margin.pt
    with _unreadable_as_failed():
        place = appendix_place(pdf, right_margin)
        if place is None:
            logger.warning("appendix %d has no text on its first page: no signature field", index + 1)
        fields = [field(ORGANIZATION, place)] if place is not None else []
        return _finish(pdf, appendix_properties(plan, index), fields)


def _finish(pdf: bytes, properties: DocumentProperties, fields: list[SignatureField]) -> IssuedPdf:
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
