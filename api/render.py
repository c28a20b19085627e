"""POST /render: plan JSON in, Word draft or PDF out; POST /validate: only the check."""

from __future__ import annotations

import io
import unicodedata
from urllib.parse import quote

from flask import current_app, request, send_file
from flask_smorest.fields import Upload
from marshmallow import Schema, fields
from marshmallow.validate import OneOf

from generators.naming import download_name
from publishing import issue_document
from schemas import PlanSchema
from schemas.docs import doc

from .arguments import Blueprint
from .errors import documented
from .pdf_options import pdf_field, pdf_of, wanted_pdf
from .plan_request import DOCX_TYPE, FORMAT_MESSAGE, FORMATS, PDF_TYPE, wanted_format

blp = Blueprint("render", __name__, description="Tạo văn bản Kế hoạch")

# A document is bytes: no schema of fields describes it.
BINARY = {"type": "string", "format": "binary"}
# What every operation that reads a plan may answer besides its own errors.
PLAN_ERRORS = ("malformed_json", "number_too_long", "missing_file", "too_large", "unsupported_media_type",
               "invalid_plan")  # fmt: skip
# What every operation that hands out a document may answer.
DOCUMENT_ERRORS = ("invalid_format", "invalid_pdf", "render_too_large", "conversion_failed", "render_unavailable",
                   "conversion_unavailable", "render_timeout", "conversion_timeout")  # fmt: skip


def format_field(description: str, **kwargs) -> fields.String:
    return fields.String(validate=OneOf(list(FORMATS), error=FORMAT_MESSAGE), metadata=doc("Định dạng", description),
                         **kwargs)  # fmt: skip


class FormatQuery(Schema):
    output = format_field("docx (mặc định) hoặc pdf; cũng có thể chọn bằng header Accept", data_key="format")
    pdf_kind = pdf_field(data_key="pdf")


class PlanUploadSchema(Schema):
    """A plan sent as a file from a form."""

    plan = Upload(required=True, metadata=doc("Tệp kế hoạch", "Tệp .json của kế hoạch"))
    format = format_field("docx (mặc định) hoặc pdf")
    pdf = pdf_field()


class ValidSchema(Schema):
    valid = fields.Boolean(metadata=doc("Hợp lệ", "Luôn true: kế hoạch không hợp lệ được trả lời 422"))


def plan_body(view):
    """The document argument: JSON (a plan, or any kind the ``Document``
    union names) or an uploaded .json file; read and validated by
    ``schemas.load_plan``, which dispatches on ``kind``."""
    view = blp.arguments(PlanSchema, location="plan", description="Văn bản (JSON), hoặc tệp .json tải lên")(view)
    return blp.doc(requestBody={"content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/Document"}},
        "multipart/form-data": {"schema": PlanUploadSchema}}})(view)


def document_answer(view):
    """The 200 of an operation that hands out a document, DOCX or PDF."""
    view = blp.alt_response(200, schema=BINARY, content_type=PDF_TYPE, success=True)(view)
    return blp.response(200, schema=BINARY, content_type=DOCX_TYPE, description="Tệp văn bản, tải về dạng đính kèm")(view)


@blp.route("/render", methods=["POST"])
@blp.doc(summary="Kiểm tra kế hoạch và tạo bản Word (DOCX) hoặc PDF")
@blp.arguments(FormatQuery, location="query", as_kwargs=True)
@plan_body
@document_answer
@documented(blp, *PLAN_ERRORS, *DOCUMENT_ERRORS)
def render(plan: dict, output: str | None = None, pdf_kind: str | None = None):
    return document_response(plan, wanted_format(request, output), wanted_pdf(request, pdf_kind))


def document_response(plan: dict, output_format: str, pdf_kind: str):
    """The attachment response for a validated plan, as DOCX or PDF (of
    ``pdf_kind``): the one way every endpoint that hands out a whole
    document builds it."""
    docx = current_app.extensions["workers"].run("render", plan)
    if output_format == "pdf":
        pdf, headers = pdf_of(docx, pdf_kind, lambda made: issue_document(plan, docx, made))
        return file_response(pdf, download_name(plan, output_format), output_format, headers)
    return file_response(docx, download_name(plan, output_format), output_format, {})


def file_response(document: bytes, name: str, output_format: str, headers: dict):
    """``document`` as an attachment named ``name``, with ``headers``."""
    response = send_file(io.BytesIO(document), mimetype=FORMATS[output_format], as_attachment=True, download_name=name)
    response.headers.update(headers)
    if not name.isascii():
        # Werkzeug's ASCII fallback drops "Đ"; old clients get "D" instead (RFC 6266/5987).
        response.headers.set(
            "Content-Disposition", "attachment", filename=ascii_fallback(name), **{"filename*": f"UTF-8''{quote(name)}"}
        )
    return response


@blp.route("/validate", methods=["POST"])
@blp.doc(summary="Chỉ kiểm tra kế hoạch, không tạo văn bản")
@plan_body
@blp.response(200, ValidSchema, description="Kế hoạch hợp lệ")
@documented(blp, *PLAN_ERRORS)
def validate(plan: dict):
    return {"valid": True}


def ascii_fallback(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    return decomposed.encode("ascii", "ignore").decode("ascii")
