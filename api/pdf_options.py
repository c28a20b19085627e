"""Which PDF a caller gets: PDF/A-2b ready for signing (the default) or
LibreOffice's plain PDF (``pdf=plain``), for every operation that hands out
a PDF (``/render``, ``/import``, ``/render/attachment``,
``/render/appendices/…``)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Request, current_app
from marshmallow import fields
from marshmallow.validate import OneOf

from publishing import PDF_KINDS, PDFA, PLAIN, IssuedPdf
from schemas.docs import doc

from .plan_request import form_choice

# Names of the signature fields a PDF carries, for a signing tool that wants
# to know without opening it; empty when none could be placed.
SIGNATURE_FIELDS_HEADER = "Signature-Fields"
PDF_KIND_MESSAGE = "Tham số pdf chỉ nhận 'pdfa' (PDF/A-2b có ô chữ ký số, mặc định) hoặc 'plain' (PDF thường)."


def pdf_field(**kwargs) -> fields.String:
    description = "Khi format=pdf: pdfa (mặc định) là PDF/A-2b có ô chữ ký số đặt đúng vị trí theo Nghị định 30; plain là PDF thường"
    return fields.String(validate=OneOf(PDF_KINDS, error=PDF_KIND_MESSAGE), metadata=doc("Loại PDF", description),
                         **kwargs)  # fmt: skip


def wanted_pdf(request: Request, query: str | None) -> str:
    """The PDF asked for in the query or the upload form, else PDF/A."""
    return form_choice(request, "pdf", query, PDF_KINDS, PDF_KIND_MESSAGE) or PDFA


def pdf_of(document: bytes, kind: str, issue: Callable[[bytes], IssuedPdf]) -> tuple[bytes, dict]:
    """``document`` (a .docx) as the PDF of ``kind`` and the response headers
    that go with it: plain, or the PDF/A that ``issue`` finishes
    (description, signature fields)."""
    converter = current_app.extensions["converter"]
    if kind == PLAIN:
        return converter.convert(document), {}
    issued = issue(converter.convert(document, to="pdfa"))
    return issued.content, {SIGNATURE_FIELDS_HEADER: ", ".join(item.name for item in issued.signature_fields)}
