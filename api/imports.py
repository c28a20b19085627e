"""POST /import: a plan typed in Word in, the plan (with what was wrong in
the original) out, or at once re-rendered in the correct layout.
POST /import/clipboard: text pasted from Word → body blocks."""

from __future__ import annotations

from flask import current_app, jsonify, request
from flask_smorest.fields import Upload
from marshmallow import EXCLUDE, Schema, fields

import recognizer
from converters import ConversionFailed, ConversionTimeout
from recognizer.refusals import CONTENT_CODES
from schemas import PlanSchema, block_union
from schemas.docs import doc

from .arguments import Blueprint
from .errors import ApiError, ErrorResponseSchema, documented, error_response, too_large
from .pdf_options import pdf_field, wanted_pdf
from .plan_request import asked_format
from .render import (
    BINARY,
    DOCUMENT_ERRORS,
    FormatQuery,
    document_answer,
    document_response,
    format_field,
)

blp = Blueprint("imports", __name__, description="Nhập kế hoạch từ tệp Word")
PREFIX = "/import"

# A Word file with pictures is larger than a plan's JSON: its own limit.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# What a multipart upload adds around the file (boundaries, part headers, the format field).
MULTIPART_ALLOWANCE = 64 * 1024
FILE_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/msword",
    "application/vnd.oasis.opendocument.text",
    "application/rtf",
    "application/octet-stream",
)
# The files the recognizer refuses: unreadable ones, then more than a plan holds.
REFUSALS = ("unsupported_file", "encrypted_file", "corrupt_file", *CONTENT_CODES, "too_much_content")


class FileUploadSchema(Schema):
    file = Upload(required=True, metadata=doc("Tệp Word", "Tệp .docx, .doc, .odt hoặc .rtf"))
    format = format_field("Có thì trả luôn tệp đã trình bày lại đúng thể thức (docx hoặc pdf)")
    pdf = pdf_field()


class NoteSchema(Schema):
    """A warning (what was not placed) or a fix (a Decree 30 deviation corrected)."""

    code = fields.String(metadata=doc("Mã", "Mã ổn định"))
    message = fields.String(metadata=doc("Thông báo", "Thông báo tiếng Việt"))
    paragraph = fields.Integer(allow_none=True, metadata=doc("Đoạn", "Đoạn thứ mấy trong tệp gốc (từ 1)"))
    excerpt = fields.String(allow_none=True, metadata=doc("Trích đoạn", "Những chữ đầu của đoạn đó"))
    path = fields.String(allow_none=True, metadata=doc("Trường", "Trường của kế hoạch, ví dụ date.day"))


class PlaceSchema(Schema):
    """A paragraph of the original some of whose words did not reach the plan."""

    paragraph = fields.Integer(allow_none=True, metadata=doc("Đoạn", "Đoạn thứ mấy trong tệp gốc (từ 1)"))
    excerpt = fields.String(metadata=doc("Những chữ chưa giữ", "Các chữ của đoạn đó không có trong kế hoạch"))


class CoverageSchema(Schema):
    """How much of the original's text the plan keeps (recognizer/coverage.py)."""

    words = fields.Integer(metadata=doc("Số chữ", "Số chữ của tệp gốc (trừ số thứ tự, quốc hiệu và tiêu ngữ)"))
    kept = fields.Integer(metadata=doc("Số chữ đã giữ", "Số chữ đó có trong kế hoạch"))
    share = fields.Float(metadata=doc("Tỷ lệ", "kept / words, từ 0 đến 1"))
    places = fields.List(fields.Nested(PlaceSchema), metadata=doc("Chỗ cần xem lại", "Các đoạn có chữ chưa giữ được"))
    message = fields.String(metadata=doc("Thông báo", "Ví dụ: Đã giữ 99,6 % nội dung; 2 chỗ cần xem lại."))


class ImportResultSchema(Schema):
    plan = fields.Nested(PlanSchema, metadata=doc("Kế hoạch", "Kế hoạch nhận được, luôn hợp lệ"))
    warnings = fields.List(fields.Nested(NoteSchema), metadata=doc("Cảnh báo", "Những gì chưa xếp được"))
    fixes = fields.List(fields.Nested(NoteSchema), metadata=doc("Đã sửa", "Những chỗ sai thể thức đã sửa"))
    coverage = fields.Nested(CoverageSchema, metadata=doc("Độ giữ nội dung", "Tỷ lệ chữ của tệp gốc có trong kế hoạch"))


class ImportNotValidSchema(ErrorResponseSchema, ImportResultSchema):
    """422 ``invalid_plan`` of an import: the errors, and the plan as recognized (nothing is lost)."""


class PasteSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    html = fields.String(allow_none=True, load_default=None, error_messages={"invalid": "Dữ liệu phải là chuỗi văn bản hoặc null."},
                         metadata=doc("HTML", "text/html của clipboard (Word)"))  # fmt: skip
    text = fields.String(allow_none=True, load_default=None, error_messages={"invalid": "Dữ liệu phải là chuỗi văn bản hoặc null."},
                         metadata=doc("Văn bản", "text/plain của clipboard"))  # fmt: skip


class PasteResultSchema(Schema):
    blocks = fields.List(block_union().field(), metadata=doc("Các mục nội dung", "Đề mục, điểm, gạch đầu dòng, đoạn văn"))
    warnings = fields.List(fields.Nested(NoteSchema), metadata=doc("Cảnh báo", "Những gì chưa xếp được"))


def import_limit(config) -> int:
    """The largest file ``POST /import`` accepts (``IMPORT_MAX_CONTENT_LENGTH``)."""
    return int(config.get("IMPORT_MAX_CONTENT_LENGTH") or DEFAULT_MAX_BYTES)


@blp.before_request
def larger_limit():
    request.max_content_length = import_limit(current_app.config) + MULTIPART_ALLOWANCE


@blp.route("/import", methods=["POST"])
@blp.doc(
    summary="Nhập kế hoạch từ tệp Word (.docx, .doc, .odt, .rtf): kế hoạch JSON, cảnh báo và các chỗ đã sửa "
            "theo Nghị định 30, hoặc văn bản trình bày lại khi có format",
    requestBody={"required": True, "content": {"multipart/form-data": {"schema": FileUploadSchema},
                                               **{kind: {"schema": BINARY} for kind in FILE_TYPES}}},
)  # fmt: skip
@blp.arguments(FormatQuery, location="query", as_kwargs=True)
@document_answer
@blp.alt_response(200, schema=ImportResultSchema, content_type="application/json", success=True,
                  description="Kế hoạch nhận được (JSON); với format: văn bản trình bày lại (DOCX hoặc PDF)")  # fmt: skip
@blp.alt_response(422, schema=ImportNotValidSchema, description="`invalid_plan`: kế hoạch nhận được còn lỗi "
                  "(có kèm plan, warnings, fixes)")  # fmt: skip
@documented(blp, "missing_file", "too_large", *REFUSALS, "import_too_large", "import_unavailable", "import_timeout",
            *DOCUMENT_ERRORS)  # fmt: skip
def import_file(output: str | None = None, pdf_kind: str | None = None):
    output_format, pdf = asked_format(request, output), wanted_pdf(request, pdf_kind)
    found = _recognize(_uploaded())
    if found["errors"]:
        return _not_valid(found["errors"], found["result"])
    if output_format is None:
        return jsonify(found["result"])
    return document_response(found["plan"], output_format, pdf)


@blp.route("/import/clipboard", methods=["POST"])
@blp.doc(summary="Tách nội dung dán từ Word thành các mục nội dung (đề mục, điểm, gạch đầu dòng, đoạn văn)")
@blp.arguments(PasteSchema, location="paste")
@blp.response(200, PasteResultSchema, description="Các mục nội dung")
@documented(blp, "malformed_json", "bad_request", "too_large", "unsupported_media_type")
def import_clipboard(paste: dict):
    # Answered as the recognizer gives it (documented by the schema, not filtered through it).
    return jsonify(recognizer.recognize_clipboard(paste["html"], paste["text"]))


def _uploaded() -> bytes:
    limit = import_limit(current_app.config)
    if request.content_length is not None and request.content_length > limit + MULTIPART_ALLOWANCE:
        raise too_large(limit)
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("file") or next(iter(request.files.values()), None)
        if upload is None:
            raise ApiError(400, "missing_file", "Chưa chọn tệp Word để nhập (trường 'file').")
        data = upload.read(limit + 1)
        if not data:
            raise ApiError(400, "missing_file", "Tệp Word gửi lên không có nội dung (0 byte).")
    else:
        data = request.get_data(cache=False)
        if not data:
            raise ApiError(400, "missing_file", "Chưa gửi tệp Word: gửi tệp trong trường 'file' (multipart/form-data) hoặc làm nội dung yêu cầu.")
    if len(data) > limit:
        raise too_large(limit)
    return data


def _convert(data: bytes) -> bytes:
    """A .doc, .odt or .rtf as .docx, by the LibreOffice pool's lane for uploads
    (run in the service when the worker reading the upload asks for it)."""
    try:
        return current_app.extensions["converter"].convert(data, to="docx")
    except ConversionTimeout:
        raise
    except ConversionFailed:  # LibreOffice could not read it: the file's fault
        raise recognizer.FileRefused("corrupt_file", "unconvertible") from None


def _recognize(data: bytes) -> dict:
    try:
        return current_app.extensions["workers"].run("import", data, callbacks={"convert": _convert})
    except recognizer.FileRefused as refused:
        raise ApiError(refused.status, refused.code, refused.message) from None


def _not_valid(errors: list[dict], result: dict):
    """422 in the API's error shape, with the recognized plan so nothing is lost."""
    message = f"Kế hoạch nhận được từ tệp còn {len(errors)} lỗi; xem errors, sửa rồi tạo lại văn bản."
    return error_response(ApiError(422, "invalid_plan", message, errors=errors), **result)
