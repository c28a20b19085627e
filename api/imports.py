"""POST /import: a plan typed in Word in, the plan (with what was wrong in
the original) out, or at once re-rendered in the correct layout.
POST /import/clipboard: text pasted from Word → body blocks."""

from __future__ import annotations

from flask import current_app, jsonify, request
from flask_smorest import Blueprint

import recognizer
from schemas import PlanInvalid, load_plan

from .errors import ApiError, ErrorResponseSchema
from .pdf_options import PDF_PARAMETER
from .plan_request import FORMATS
from .render import document_response

blp = Blueprint("imports", __name__, description="Nhập kế hoạch từ tệp Word")

# A Word file with pictures is larger than a plan's JSON: its own limit.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
FILE_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/msword",
    "application/vnd.oasis.opendocument.text",
    "application/rtf",
    "application/octet-stream",
)
NOTE_SCHEMA = {
    "type": "object",
    "properties": {
        "code": {"type": "string", "description": "Mã ổn định"},
        "message": {"type": "string", "description": "Thông báo tiếng Việt"},
        "paragraph": {"type": ["integer", "null"], "description": "Đoạn thứ mấy trong tệp gốc (từ 1)"},
        "excerpt": {"type": ["string", "null"], "description": "Những chữ đầu của đoạn đó"},
        "path": {"type": ["string", "null"], "description": "Trường của kế hoạch, ví dụ date.day"},
    },
}
IMPORT_RESULT = {
    "type": "object",
    "properties": {
        "plan": {"$ref": "#/components/schemas/Plan"},
        "warnings": {"type": "array", "items": NOTE_SCHEMA, "description": "Những gì chưa xếp được"},
        "fixes": {"type": "array", "items": NOTE_SCHEMA, "description": "Những chỗ sai thể thức đã sửa"},
    },
}
FILE_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "file": {"type": "string", "format": "binary", "description": "Tệp .docx, .doc, .odt hoặc .rtf"}},
            "required": ["file"]}},
        **{kind: {"schema": {"type": "string", "format": "binary"}} for kind in FILE_TYPES},
    },
}


def max_bytes() -> int:
    return int(current_app.config.get("IMPORT_MAX_CONTENT_LENGTH", DEFAULT_MAX_BYTES))


@blp.before_request
def larger_limit():
    request.max_content_length = max_bytes()


@blp.route("/import", methods=["POST"])
@blp.doc(
    summary="Nhập kế hoạch từ tệp Word (.docx, .doc, .odt): kế hoạch JSON, cảnh báo và các chỗ đã sửa theo Nghị định 30",
    requestBody=FILE_BODY,
    parameters=[{"name": "format", "in": "query", "schema": {"type": "string", "enum": list(FORMATS)},
                 "description": "Có thì trả luôn tệp đã trình bày lại đúng thể thức (docx hoặc pdf)"}, PDF_PARAMETER],
    responses={"200": {"description": "Kế hoạch nhận được; hoặc tệp đã trình bày lại khi có format",
                       "content": {"application/json": {"schema": IMPORT_RESULT},
                                   **{kind: {"schema": {"type": "string", "format": "binary"}}
                                      for kind in FORMATS.values()}}}},
)
@blp.alt_response(400, schema=ErrorResponseSchema, description="Chưa gửi tệp (missing_file) hoặc format sai")
@blp.alt_response(413, schema=ErrorResponseSchema, description="Tệp quá lớn (too_large)")
@blp.alt_response(415, schema=ErrorResponseSchema, description="Không phải văn bản Word/ODF, hoặc tệp có macro (unsupported_file)")
@blp.alt_response(422, schema=ErrorResponseSchema, description="Tệp có mật khẩu (encrypted_file), hỏng (corrupt_file), hoặc kế hoạch nhận được chưa hợp lệ")
@blp.alt_response(503, schema=ErrorResponseSchema, description="Chưa chuyển được .doc/.odt hoặc PDF lúc này")
def import_file():
    output_format = _format()
    result = _recognize(_uploaded())
    if output_format is None:
        return jsonify(result)
    try:
        plan = load_plan(result["plan"])
    except PlanInvalid as invalid:
        return _not_valid(invalid, result)
    return document_response(plan, output_format)


@blp.route("/import/clipboard", methods=["POST"])
@blp.doc(
    summary="Tách nội dung dán từ Word thành các mục nội dung (đề mục, điểm, gạch đầu dòng, đoạn văn)",
    requestBody={"required": True, "content": {"application/json": {"schema": {"type": "object", "properties": {
        "html": {"type": ["string", "null"], "description": "text/html của clipboard (Word)"},
        "text": {"type": ["string", "null"], "description": "text/plain của clipboard"}}}}}},
    responses={"200": {"description": "Các mục nội dung", "content": {"application/json": {"schema": {
        "type": "object", "properties": {"blocks": {"type": "array", "items": {"type": "object"}},
                                         "warnings": {"type": "array", "items": NOTE_SCHEMA}}}}}}},
)
@blp.alt_response(400, schema=ErrorResponseSchema, description="Dữ liệu gửi lên không đúng dạng")
@blp.alt_response(413, schema=ErrorResponseSchema, description="Dữ liệu quá lớn")
@blp.alt_response(415, schema=ErrorResponseSchema, description="Không phải application/json")
def import_clipboard():
    if request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", "Hãy gửi nội dung dán dạng application/json: {\"html\": …, \"text\": …}.")
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ApiError(400, "malformed_json", "Hãy gửi một đối tượng JSON {\"html\": …, \"text\": …}.")
    html, text = data.get("html"), data.get("text")
    wrong = [{"path": key, "code": "invalid_type", "message": "Dữ liệu phải là chuỗi văn bản hoặc null."}
             for key, value in (("html", html), ("text", text)) if value is not None and not isinstance(value, str)]
    if wrong:
        raise ApiError(400, "bad_request", "Nội dung dán không đúng dạng.", errors=wrong)
    return jsonify(recognizer.recognize_clipboard(html, text))


def _format() -> str | None:
    requested = request.args.get("format") or (request.form.get("format") if request.mimetype == "multipart/form-data" else None)
    if requested is None:
        return None
    if requested not in FORMATS:
        raise ApiError(400, "invalid_format", "Tham số format chỉ nhận 'docx' hoặc 'pdf'.")
    return requested


def _uploaded() -> bytes:
    limit = max_bytes()
    if request.content_length is not None and request.content_length > limit:
        raise ApiError(413, "too_large", f"Tệp quá lớn (tối đa {limit // (1024 * 1024)} MB).")
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("file") or next(iter(request.files.values()), None)
        if upload is None:
            raise ApiError(400, "missing_file", "Chưa chọn tệp Word để nhập (trường 'file').")
        data = upload.read(limit + 1)
    else:
        data = request.get_data(cache=False)
        if not data:
            raise ApiError(400, "missing_file", "Chưa gửi tệp Word: gửi tệp trong trường 'file' (multipart/form-data) hoặc làm nội dung yêu cầu.")
    if len(data) > limit:
        raise ApiError(413, "too_large", f"Tệp quá lớn (tối đa {limit // (1024 * 1024)} MB).")
    return data


def _convert(data: bytes) -> bytes:
    return current_app.extensions["converter"].convert(data, to="docx")


def _recognize(data: bytes) -> dict:
    try:
        return recognizer.recognize(data, _convert)
    except recognizer.FileRefused as refused:
        raise ApiError(refused.status, refused.code, refused.message) from None


def _not_valid(invalid: PlanInvalid, result: dict):
    """422 in the API's error shape, with the recognized plan so nothing is lost."""
    body = {"status": 422, "code": "invalid_plan",
            "message": f"Kế hoạch nhận được từ tệp còn {len(invalid.errors)} lỗi; xem errors, sửa rồi tạo lại văn bản.",
            "errors": invalid.errors, **result}
    response = jsonify(body)
    response.status_code = 422
    return response
