"""Reading a plan and the wanted format out of an HTTP request."""

from __future__ import annotations

import json

from flask import Request
from werkzeug.exceptions import RequestEntityTooLarge

from .errors import ApiError

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"
FORMATS = {"docx": DOCX_TYPE, "pdf": PDF_TYPE}
FORMAT_MESSAGE = "Tham số format chỉ nhận 'docx' hoặc 'pdf'."


def plan_json(request: Request):
    """The parsed JSON of the plan: the body itself, or an uploaded file."""
    if request.mimetype == "application/json":
        return _parse(_whole_body(request))
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("plan") or next(iter(request.files.values()), None)
        if upload is None:
            raise ApiError(400, "missing_file", "Chưa chọn tệp kế hoạch (.json) để tải lên (trường 'plan').")
        return _parse(upload.read())
    raise ApiError(
        415,
        "unsupported_media_type",
        "Hãy gửi kế hoạch dạng application/json hoặc tải lên một tệp .json (multipart/form-data).",
    )


# No field of a plan holds a number near this long; Python refuses integers
# over 4,300 digits (and converts long ones in quadratic time) anyway.
MAX_INTEGER_DIGITS = 100


class _IntegerTooLong(ValueError):
    pass


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _IntegerTooLong(text)
    return int(text)


def _whole_body(request: Request) -> bytes:
    raw = request.get_data(cache=False)
    # A chunked body (no Content-Length) is cut at the limit without an error
    # (Werkzeug cannot tell a body of exactly that size from a longer one):
    # at the limit, it is too large rather than malformed.
    limit = request.max_content_length
    if request.content_length is None and limit is not None and len(raw) >= limit:
        raise RequestEntityTooLarge()
    return raw


def _parse(raw: bytes):
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_int=_integer)
    except _IntegerTooLong:
        message = f"Dữ liệu có một số nguyên dài hơn {MAX_INTEGER_DIGITS} chữ số; không trường nào của kế hoạch cần số lớn như vậy."
        raise ApiError(400, "number_too_long", message) from None
    except UnicodeDecodeError:
        raise ApiError(400, "malformed_json", "Tệp không phải văn bản UTF-8; hãy lưu kế hoạch dạng JSON UTF-8.") from None
    except json.JSONDecodeError as error:
        message = f"JSON không hợp lệ ở dòng {error.lineno}, cột {error.colno}: {error.msg}."
        raise ApiError(400, "malformed_json", message) from None
    except RecursionError:
        raise ApiError(400, "malformed_json", "JSON lồng nhau quá sâu; một kế hoạch không cần nhiều cấp như vậy.") from None


def wanted_format(request: Request) -> str:
    """``format`` from the query or the upload form, else the Accept header,
    else DOCX."""
    requested = request.args.get("format")
    if requested is None and request.mimetype == "multipart/form-data":
        requested = request.form.get("format")
    if requested is not None:
        if requested not in FORMATS:
            raise ApiError(400, "invalid_format", FORMAT_MESSAGE)
        return requested
    best = request.accept_mimetypes.best_match([DOCX_TYPE, PDF_TYPE], default=DOCX_TYPE)
    return "pdf" if best == PDF_TYPE else "docx"
