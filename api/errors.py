"""One JSON shape for every error the API returns:

    {"status": 422, "code": "invalid_plan", "message": "...", "errors": [{"path", "code", "message"}]}

``message`` is Vietnamese for people, ``code`` is stable for programs,
``errors`` lists field problems (empty unless the plan was invalid).

Every code is declared once, in ``CODES``, with its status and when it is
answered; an operation documents the codes it may answer with
``documented(blp, *codes)``. The production server answers the errors it
raises itself (a body over its limit) in the same shape (``body_of``).
"""

from __future__ import annotations

from flask import Flask, jsonify, request
from marshmallow import Schema, fields
from werkzeug.exceptions import HTTPException

from converters import ConversionFailed
from schemas import PlanInvalid
from schemas.docs import doc
from workers import JobTooLarge, TimedOut, Unavailable

MEGABYTE = 1024 * 1024

# code: (status, when — for the OpenAPI document)
CODES = {
    "bad_request": (400, "yêu cầu không đúng dạng"),
    "malformed_json": (400, "JSON hỏng, không phải UTF-8, hoặc có ký tự không hợp lệ (nửa cặp surrogate)"),
    "number_too_long": (400, "một số nguyên dài hơn 100 chữ số"),
    "missing_file": (400, "chưa gửi tệp"),
    "invalid_format": (400, "tham số format không phải docx hay pdf"),
    "invalid_pdf": (400, "tham số pdf không phải pdfa hay plain"),
    "not_found": (404, "không có địa chỉ hoặc mẫu này"),
    "appendix_not_found": (404, "văn bản không có phụ lục số này"),
    "method_not_allowed": (405, "phương thức HTTP không dùng ở địa chỉ này"),
    "too_large": (413, "dữ liệu hoặc tệp gửi lên quá giới hạn"),
    "unsupported_media_type": (415, "sai kiểu nội dung"),
    "unsupported_file": (415, "không phải văn bản Word, OpenDocument hay RTF, hoặc tệp có macro"),
    "invalid_plan": (422, "kế hoạch không hợp lệ: mọi lỗi theo trường trong errors"),
    "no_attachment": (422, "văn bản gửi lên không phải quyết định có văn bản ban hành kèm theo"),
    "no_task_matrix": (422, "kế hoạch chưa có bảng phân công nhiệm vụ để xuất ra Excel"),
    "missing_table": (400, "chưa gửi vùng ô dán (text) hoặc bảng HTML (html), hoặc chúng không phải chuỗi văn bản"),
    "no_table": (400, "dữ liệu gửi lên không có bảng nào"),
    "table_too_large": (413, "bảng quá giới hạn số dòng, số cột của một bảng"),
    "unreadable_sheet": (422, "tệp bảng tính hỏng hoặc không đọc được"),
    "encrypted_file": (422, "tệp có mật khẩu"),
    "corrupt_file": (422, "tệp hỏng hoặc không đọc được"),
    "part_too_large": (422, "một phần XML của tệp quá lớn"),
    "too_many_footnotes": (422, "văn bản có nhiều chú thích hơn một kế hoạch"),
    "too_much_text": (422, "văn bản có nhiều chữ hơn một kế hoạch"),
    "too_many_paragraphs": (422, "văn bản có nhiều đoạn hơn một kế hoạch"),
    "too_many_runs": (422, "văn bản có nhiều đoạn định dạng hơn một kế hoạch"),
    "too_many_cells": (422, "các bảng có nhiều ô hơn một kế hoạch"),
    "too_many_tables": (422, "văn bản có nhiều bảng hơn một kế hoạch"),
    "too_many_empty": (422, "văn bản có quá nhiều đoạn, đoạn định dạng hoặc dòng bảng trống"),
    "too_much_content": (422, "văn bản vẫn nhiều hơn một kế hoạch có thể chứa sau khi đã sắp xếp lại (nơi nhận, dòng, mục …)"),
    "render_too_large": (422, "soạn văn bản cần quá nhiều bộ nhớ"),
    "import_too_large": (422, "đọc tệp cần quá nhiều bộ nhớ"),
    "internal_error": (500, "lỗi máy chủ"),
    "conversion_failed": (502, "LibreOffice không chuyển được văn bản sang PDF"),
    "not_ready": (503, "dịch vụ đang khởi động: chưa có LibreOffice sẵn sàng (xem Retry-After)"),
    "render_unavailable": (503, "mọi tiến trình soạn văn bản đang bận (xem Retry-After)"),
    "import_unavailable": (503, "mọi tiến trình đọc tệp đang bận (xem Retry-After)"),
    "conversion_unavailable": (503, "chưa chuyển được sang PDF hoặc đọc được .doc/.odt/.rtf lúc này (xem Retry-After)"),
    "render_timeout": (504, "soạn văn bản quá thời gian cho phép"),
    "import_timeout": (504, "đọc tệp quá thời gian cho phép"),
    "conversion_timeout": (504, "chuyển đổi bằng LibreOffice quá thời gian cho phép"),
}
HTTP_MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    404: "Không tìm thấy địa chỉ này.",
    405: "Phương thức HTTP không được hỗ trợ ở địa chỉ này.",
    415: "Hãy gửi kế hoạch dạng application/json hoặc tải lên một tệp .json (multipart/form-data).",
    500: "Lỗi máy chủ; dữ liệu của bạn không bị mất, hãy thử lại.",
}
# Werkzeug's errors: the code answered for each status.
HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 415: "unsupported_media_type",
              500: "internal_error"}  # fmt: skip


class FieldErrorSchema(Schema):
    path = fields.String(metadata=doc("Trường", "Đường dẫn tới trường lỗi, ví dụ body.2.content.0.text"))
    code = fields.String(metadata=doc("Mã lỗi", "Mã lỗi ổn định cho máy đọc"))
    message = fields.String(metadata=doc("Thông báo", "Thông báo tiếng Việt"))


class ErrorResponseSchema(Schema):
    status = fields.Integer(metadata=doc("Mã HTTP", "Như mã trạng thái của câu trả lời"))
    code = fields.String(metadata=doc("Mã lỗi", "Mã lỗi ổn định cho máy đọc"))
    message = fields.String(metadata=doc("Thông báo", "Thông báo tiếng Việt cho người dùng"))
    errors = fields.List(fields.Nested(FieldErrorSchema), metadata=doc("Các lỗi theo trường", "Rỗng nếu không có"))


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, *, errors: list | None = None, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.errors = errors or []
        self.headers = headers or {}


def too_large(limit: int) -> ApiError:
    """413 for a body or file over ``limit`` bytes."""
    return ApiError(413, "too_large", f"Dữ liệu hoặc tệp gửi lên quá lớn (tối đa {limit / MEGABYTE:g} MB).")


def printable(value):
    """``value`` with any lone surrogate (which UTF-8 cannot carry) written as its escape, ``\\ud800``."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {printable(key): printable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [printable(item) for item in value]
    return value


def body_of(error: ApiError) -> dict:
    return printable({"status": error.status, "code": error.code, "message": error.message, "errors": error.errors})


def error_response(error: ApiError, **extra):
    """The JSON answer for ``error``; ``extra`` fields go after its own (what an import kept)."""
    response = jsonify({**body_of(error), **extra})
    response.status_code = error.status
    response.headers.update(error.headers)
    return response


def documented(blp, *codes: str):
    """Decorator documenting the error answers of an operation, one per status, from ``CODES``."""
    statuses: dict[int, list[str]] = {}
    for code in codes:
        statuses.setdefault(CODES[code][0], []).append(code)

    def decorate(view):
        for status, grouped in statuses.items():
            description = "; ".join(f"`{code}`: {CODES[code][1]}" for code in grouped)
            headers = {"Retry-After": {"description": "Số giây nên chờ trước khi thử lại",
                                       "schema": {"type": "integer"}}} if status == 503 else None  # fmt: skip
            view = blp.alt_response(status, schema=ErrorResponseSchema, description=description, headers=headers)(view)
        return view

    return decorate


def _from_http(exception: HTTPException, app: Flask) -> ApiError:
    if exception.code == 413:
        from . import body_limit  # noqa: PLC0415 - the routes' limits live with the routes

        return too_large(body_limit(app.config, request.path))
    status = exception.code or 500
    code = HTTP_CODES.get(status, "http_error")
    allowed = getattr(exception, "valid_methods", None)
    headers = {"Allow": ", ".join(allowed)} if allowed else None
    return ApiError(status, code, HTTP_MESSAGES.get(status, exception.description or ""), headers=headers)


def init_app(app: Flask) -> None:
    app.register_error_handler(ApiError, error_response)

    @app.errorhandler(HTTPException)
    def http_error(exception: HTTPException):
        return error_response(_from_http(exception, app))

    @app.errorhandler(PlanInvalid)
    def invalid_plan(invalid: PlanInvalid):
        message = f"{invalid.called} có {len(invalid.errors)} lỗi; xem danh sách errors."
        return error_response(ApiError(422, "invalid_plan", message, errors=invalid.errors))

    # The worker pool's and LibreOffice's supervisors turn callers away alike.
    @app.errorhandler(Unavailable)
    def unavailable(error: Unavailable):
        retry_after = str(max(1, int(error.retry_after)))
        return error_response(ApiError(503, error.code, error.message, headers={"Retry-After": retry_after}))

    @app.errorhandler(TimedOut)
    def timed_out(error: TimedOut):
        return error_response(ApiError(504, error.code, error.message))

    @app.errorhandler(ConversionFailed)
    def conversion_failed(error: ConversionFailed):
        return error_response(ApiError(502, error.code, error.message))

    @app.errorhandler(JobTooLarge)
    def too_large_for_a_worker(error: JobTooLarge):
        return error_response(ApiError(422, error.code, error.message))

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("unexpected error")
        return error_response(ApiError(500, "internal_error", HTTP_MESSAGES[500]))
