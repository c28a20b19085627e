"""Which PDF a caller gets: PDF/A-2b ready for signing (the default) or
LibreOffice's plain PDF (``pdf=plain``), for every endpoint that hands out a
PDF (``/render``, ``/import``, ``/render/appendices/…``)."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app, request
from marshmallow import Schema, ValidationError, fields, validate
from webargs.flaskparser import FlaskParser

from publishing import PDF_KINDS, PDFA, PLAIN, IssuedPdf, issue_document
from schemas.docs import doc

from .errors import ApiError

# Names of the signature fields a PDF carries, for a signing tool that wants
# to know without opening it; empty when none could be placed.
SIGNATURE_FIELDS_HEADER = "Signature-Fields"
PDF_KIND_DESCRIPTION = ("Khi format=pdf: pdfa (mặc định) là PDF/A-2b có ô chữ ký số đặt đúng vị trí theo "
                        "Nghị định 30; plain là PDF thường")
PDF_KIND_MESSAGE = "Tham số pdf chỉ nhận 'pdfa' (PDF/A-2b có ô chữ ký số, mặc định) hoặc 'plain' (PDF thường)."


class PdfOptionsSchema(Schema):
    pdf = fields.String(
        load_default=PDFA,
        validate=validate.OneOf(PDF_KINDS, error=PDF_KIND_MESSAGE),
        metadata={**doc("Loại PDF", PDF_KIND_DESCRIPTION), "enum": list(PDF_KINDS)},
    )


# The same parameter in hand-written OpenAPI parameter lists (/render, /import).
PDF_PARAMETER = {
    "name": "pdf",
    "in": "query",
    "schema": {"type": "string", "enum": list(PDF_KINDS), "default": PDFA},
    "description": PDF_KIND_DESCRIPTION,
}


class ParameterParser(FlaskParser):
    """webargs refusing a parameter in the API's own error shape (400, a
    Vietnamese message per parameter) instead of its 422."""

    def handle_error(self, error, req, schema, *, error_status_code, error_headers):
        raise invalid_parameters(error)


def invalid_parameters(error: ValidationError) -> ApiError:
    """400 naming each refused parameter; the code says which (``invalid_pdf``,
    ``invalid_format`` as /render has always answered for a wrong format)."""
    messages = error.messages
    # webargs nests the messages under their location ("query"); a schema's own load does not.
    if set(messages) <= {"query", "form", "json", "headers"}:
        messages = {name: problem for located in messages.values() for name, problem in located.items()}
    problems = [{"path": name, "code": "invalid_choice", "message": " ".join(texts)} for name, texts in messages.items()]
    return ApiError(400, f"invalid_{problems[0]['path']}", " ".join(problem["message"] for problem in problems),
                    errors=problems)


def requested_pdf_kind() -> str:
    """``pdf`` from the query, or from the upload form as ``format`` may be."""
    given = {}
    if "pdf" in request.args:
        given["pdf"] = request.args["pdf"]
    elif request.mimetype == "multipart/form-data" and "pdf" in request.form:
        given["pdf"] = request.form["pdf"]
    try:
        return PdfOptionsSchema().load(given)["pdf"]
    except ValidationError as error:
        raise invalid_parameters(error) from None


def document_pdf(plan: dict, document: bytes, kind: str) -> tuple[bytes, dict]:
    """The PDF of a rendered plan and the response headers that go with it."""
    return pdf_of(document, kind, lambda pdf: issue_document(plan, pdf))


def pdf_of(document: bytes, kind: str, issue: Callable[[bytes], IssuedPdf]) -> tuple[bytes, dict]:
    """``document`` (a .docx) as the PDF of ``kind``: plain, or the PDF/A that
    ``issue`` finishes (description, signature fields)."""
    converter = current_app.extensions["converter"]
    if kind == PLAIN:
        return converter.convert(document), {}
    issued = issue(converter.convert(document, to="pdfa"))
    return issued.content, signature_headers(issued)


def signature_headers(issued: IssuedPdf) -> dict:
    return {SIGNATURE_FIELDS_HEADER: ", ".join(item.name for item in issued.signature_fields)}
