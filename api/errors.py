"""One JSON shape for every error the API returns:

    {"status": 422, "code": "invalid_plan", "message": "...", "errors": [{"path", "code", "message"}]}

``message`` is Vietnamese for people, ``code`` is stable for programs,
``errors`` lists field problems (empty unless the plan was invalid).
"""

from __future__ import annotations

from flask import Flask, jsonify
from marshmallow import Schema, fields
from werkzeug.exceptions import HTTPException

from converters import ConversionFailed
from schemas import PlanInvalid
from workers import JobTooLarge, TimedOut, Unavailable

HTTP_CODES = {
    400: ("bad_request", "Yêu cầu không hợp lệ."),
    404: ("not_found", "Không tìm thấy địa chỉ này."),
    405: ("method_not_allowed", "Phương thức HTTP không được hỗ trợ ở địa chỉ này."),
    413: ("too_large", "Dữ liệu gửi lên quá lớn (tối đa {limit})."),
    415: ("unsupported_media_type", "Hãy gửi kế hoạch dạng application/json hoặc tải lên một tệp .json (multipart/form-data)."),
    500: ("internal_error", "Lỗi máy chủ; dữ liệu của bạn không bị mất, hãy thử lại."),
}


class FieldErrorSchema(Schema):
    path = fields.String(metadata={"description": "Đường dẫn tới trường lỗi, ví dụ body.2.content.0.text"})
    code = fields.String(metadata={"description": "Mã lỗi ổn định cho máy đọc"})
    message = fields.String(metadata={"description": "Thông báo tiếng Việt"})


class ErrorResponseSchema(Schema):
    status = fields.Integer()
    code = fields.String()
    message = fields.String()
    errors = fields.List(fields.Nested(FieldErrorSchema))


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, *, errors: list | None = None, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.errors = errors or []
        self.headers = headers or {}


def error_response(error: ApiError):
    body = {"status": error.status, "code": error.code, "message": error.message, "errors": error.errors}
    response = jsonify(body)
    response.status_code = error.status
    response.headers.update(error.headers)
    return response


def _from_http(exception: HTTPException, app: Flask) -> ApiError:
    code, message = HTTP_CODES.get(exception.code, ("http_error", exception.description or ""))
    limit = f"{app.config['MAX_CONTENT_LENGTH'] // (1024 * 1024)} MB" if app.config.get("MAX_CONTENT_LENGTH") else ""
    allowed = getattr(exception, "valid_methods", None)
    headers = {"Allow": ", ".join(allowed)} if allowed else None
    return ApiError(exception.code or 500, code, message.format(limit=limit), headers=headers)


def init_app(app: Flask) -> None:
    app.register_error_handler(ApiError, error_response)

    @app.errorhandler(HTTPException)
    def http_error(exception: HTTPException):
        return error_response(_from_http(exception, app))

    @app.errorhandler(PlanInvalid)
    def invalid_plan(invalid: PlanInvalid):
        message = f"Kế hoạch có {len(invalid.errors)} lỗi; xem danh sách errors."
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
        return error_response(ApiError(500, *HTTP_CODES[500]))
