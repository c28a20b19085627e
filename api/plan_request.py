"""Reading a plan and the wanted format out of an HTTP request."""

from __future__ import annotations

import json

from flask import Request
from werkzeug.exceptions import RequestEntityTooLarge

from .errors import ApiError, printable

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"
FORMATS = {"docx": DOCX_TYPE, "pdf": PDF_TYPE}
FORMAT_MESSAGE = "Tham số format chỉ nhận 'docx' hoặc 'pdf'."


def plan_json(request: Request):
    """The parsed JSON of the plan: the body itself, or an uploaded file."""
    if request.mimetype == "application/json":
        return parse_json(_whole_body(request))
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("plan") or next(iter(request.files.values()), None)
        if upload is None:
            raise ApiError(400, "missing_file", "Chưa chọn tệp kế hoạch (.json) để tải lên (trường 'plan').")
        return parse_json(upload.read())
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


def parse_text_json(raw: bytes):
    """Parsed JSON of a body whose strings are answered back as they are (a
    paste): a lone surrogate anywhere is refused (400), since no UTF-8 answer
    could carry it. (A plan's keys and texts go through the schema, which
    names the field holding one.)"""
    value = parse_json(raw)
    lone = lone_surrogate(value)
    if lone is not None:
        path = printable(lone)
        message = (f"Dữ liệu có một ký tự không hợp lệ (nửa cặp surrogate UTF-16, như \\ud800) ở '{path}'; "
                   "hãy sửa hoặc xóa ký tự đó.")
        raise ApiError(400, "malformed_json", message,
                       errors=[{"path": path, "code": "invalid_character", "message": message}])
    return value


def lone_surrogate(value) -> str | None:
    """The path (``a.0.b``) of a key or string holding a lone surrogate, which JSON
    escapes can carry (``"\\ud800"``) but no UTF-8 text; None if there is none."""
    pending = [("", value)]
    while pending:  # iterative: no recursion limit to meet, whatever the nesting
        path, item = pending.pop()
        if isinstance(item, str):
            if not _encodable(item):
                return path
        elif isinstance(item, dict):
            for key, child in item.items():
                child_path = f"{path}.{key}" if path else key
                if not _encodable(key):
                    return child_path
                pending.append((child_path, child))
        elif isinstance(item, list):
            pending.extend((f"{path}.{index}" if path else str(index), child) for index, child in enumerate(item))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_json(raw: bytes):
    """Parsed JSON of a body, or ApiError (400) saying what is wrong with it."""
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


def form_choice(request: Request, name: str, query: str | None, choices, message: str) -> str | None:
    """The choice ``name`` asked for: in the query (``query``, checked
    already), else in the upload form (checked here: 400 ``invalid_<name>``);
    None if neither says."""
    form = request.form.get(name) if request.mimetype == "multipart/form-data" else None
    if form is not None and form not in choices:
        raise ApiError(400, f"invalid_{name}", message)
    return form if query is None else query


def asked_format(request: Request, query: str | None) -> str | None:
    """The format asked for in the query or the upload form; None if neither says."""
    return form_choice(request, "format", query, FORMATS, FORMAT_MESSAGE)


def wanted_format(request: Request, query: str | None) -> str:
    """The format asked for (``asked_format``), else the one the Accept header prefers, else DOCX."""
    asked = asked_format(request, query)
    if asked is not None:
        return asked
    best = request.accept_mimetypes.best_match([DOCX_TYPE, PDF_TYPE], default=DOCX_TYPE)
    return "pdf" if best == PDF_TYPE else "docx"
