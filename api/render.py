"""POST /render: plan JSON in, Word draft or PDF out."""

from __future__ import annotations

import io
import unicodedata
from urllib.parse import quote

from flask import current_app, jsonify, request, send_file
from flask_smorest import Blueprint

from generators.naming import download_name
from schemas import load_plan

from .errors import ErrorResponseSchema
from .pdf_options import PDF_PARAMETER, document_pdf, requested_pdf_kind
from .plan_request import DOCX_TYPE, FORMATS, PDF_TYPE, plan_json, wanted_format

blp = Blueprint("render", __name__, description="Tạo văn bản Kế hoạch")

PLAN_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/Plan"}},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "plan": {"type": "string", "format": "binary", "description": "Tệp kế hoạch .json"},
                    "format": {"type": "string", "enum": list(FORMATS)},
                },
                "required": ["plan"],
            }
        },
    },
}
FILE_RESPONSES = {
    "200": {
        "description": "Tệp văn bản, tải về dạng đính kèm",
        "content": {DOCX_TYPE: {"schema": {"type": "string", "format": "binary"}},
                    PDF_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    }
}


@blp.route("/render", methods=["POST"])
@blp.doc(
    summary="Kiểm tra kế hoạch và tạo bản Word (DOCX) hoặc PDF",
    requestBody=PLAN_BODY,
    parameters=[{"name": "format", "in": "query", "schema": {"type": "string", "enum": list(FORMATS)},
                 "description": "docx (mặc định) hoặc pdf; cũng có thể chọn bằng header Accept"}, PDF_PARAMETER],
    responses=FILE_RESPONSES,
)
@blp.alt_response(400, schema=ErrorResponseSchema, description="JSON hỏng hoặc tham số sai")
@blp.alt_response(413, schema=ErrorResponseSchema, description="Dữ liệu quá lớn")
@blp.alt_response(415, schema=ErrorResponseSchema, description="Sai kiểu nội dung")
@blp.alt_response(422, schema=ErrorResponseSchema, description="Kế hoạch không hợp lệ: danh sách lỗi theo trường")
@blp.alt_response(503, schema=ErrorResponseSchema, description="Máy chủ đang bận hoặc chưa chuyển được sang PDF lúc này (xem Retry-After)")
@blp.alt_response(504, schema=ErrorResponseSchema, description="Soạn văn bản hoặc chuyển sang PDF quá thời gian cho phép")
def render():
    output_format = wanted_format(request)
    return document_response(load_plan(plan_json(request)), output_format)


def document_response(plan: dict, output_format: str):
    """The attachment response for a validated plan, as DOCX or PDF: the one
    way every endpoint that hands out a document builds it."""
    pdf_kind = requested_pdf_kind()  # refused before any work, whatever the format
    document = current_app.extensions["renderer"].render(plan)
    headers = {}
    if output_format == "pdf":
        document, headers = document_pdf(plan, document, pdf_kind)
    return file_response(document, download_name(plan, output_format), output_format, headers)


def file_response(document: bytes, name: str, output_format: str, headers: dict):
    response = send_file(io.BytesIO(document), mimetype=FORMATS[output_format], as_attachment=True, download_name=name)
    response.headers.update(headers)
    if not name.isascii():
        # Werkzeug's ASCII fallback drops "Đ"; old clients get "D" instead (RFC 6266/5987).
        response.headers.set(
            "Content-Disposition", "attachment", filename=ascii_fallback(name), **{"filename*": f"UTF-8''{quote(name)}"}
        )
    return response


@blp.route("/validate", methods=["POST"])
@blp.doc(
    summary="Chỉ kiểm tra kế hoạch, không tạo văn bản",
    requestBody=PLAN_BODY,
    responses={"200": {"description": "Kế hoạch hợp lệ", "content": {"application/json": {"schema": {
        "type": "object", "properties": {"valid": {"type": "boolean"}}}}}}},
)
@blp.alt_response(400, schema=ErrorResponseSchema, description="JSON hỏng")
@blp.alt_response(413, schema=ErrorResponseSchema, description="Dữ liệu quá lớn")
@blp.alt_response(415, schema=ErrorResponseSchema, description="Sai kiểu nội dung")
@blp.alt_response(422, schema=ErrorResponseSchema, description="Kế hoạch không hợp lệ: danh sách lỗi theo trường")
def validate():
    load_plan(plan_json(request))
    return jsonify({"valid": True})


def ascii_fallback(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    return decomposed.encode("ascii", "ignore").decode("ascii")
