"""Excel routes: the plan's task matrices as a workbook, and a sheet, a CSV
file or a range pasted from Excel or Word made into a table or a task list
the form (or another system) puts into a plan."""

from __future__ import annotations

import io

from flask import current_app, request, send_file
from marshmallow import Schema, fields

from generators.naming import download_name
from generators.spreadsheet import XLSX_TYPE, NoTaskMatrix, task_workbook
from recognizer import FileRefused
from recognizer.sheets import XLSX_MAGIC, TableRefused, from_html, from_text, from_xlsx
from schemas import load_plan
from schemas.docs import doc

from .arguments import Blueprint
from .errors import CODES, ApiError, documented
from .imports import NoteSchema, PasteSchema
from .plan_request import plan_json

blp = Blueprint("spreadsheets", __name__, description="Bảng phân công nhiệm vụ và bảng tính Excel")

MAX_SHEET_BYTES = 5 * 1024 * 1024
SHEET_NAMES = (".xlsx", ".csv", ".tsv", ".txt")
SHEET_TYPES = ("text/csv", "text/tab-separated-values", "text/plain", XLSX_TYPE)
MAX_PASTED_CHARACTERS = 2 * 1024 * 1024


class TableResultSchema(Schema):
    block = fields.Dict(metadata=doc("Bảng", "Mục nội dung loại table hoặc task_matrix, như trong /schema"))
    warnings = fields.List(fields.Nested(NoteSchema), metadata=doc("Cảnh báo", "Những gì cần xem lại"))


@blp.route("/export/tasks", methods=["POST"])
@blp.doc(summary="Tải bảng phân công nhiệm vụ của kế hoạch dạng Excel (.xlsx): mỗi nhiệm vụ một dòng, kèm nhóm",
         requestBody={"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Plan"}}}},
         responses={"200": {"description": "Tệp .xlsx", "content": {XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}}}}})
@documented(blp, "malformed_json", "too_large", "unsupported_media_type", "invalid_plan", "no_task_matrix")
def export_tasks():
    plan = load_plan(plan_json(request))
    try:
        workbook = task_workbook(plan)
    except NoTaskMatrix:
        raise ApiError(422, "no_task_matrix", "Kế hoạch chưa có bảng phân công nhiệm vụ (task_matrix) để xuất ra Excel.") from None
    name = "Phan-cong-" + download_name(plan, "xlsx")
    return send_file(io.BytesIO(workbook), mimetype=XLSX_TYPE, as_attachment=True, download_name=name)


@blp.route("/import/table", methods=["POST"])
@blp.doc(summary="Một trang tính Excel (.xlsx), tệp CSV hoặc vùng ô dán từ Excel/Word → bảng hoặc bảng phân công nhiệm vụ",
         requestBody={"required": True, "content": {
             "multipart/form-data": {"schema": {"type": "object", "properties": {
                 "file": {"type": "string", "format": "binary", "description": "Tệp .xlsx hoặc .csv"},
                 "sheet": {"type": "string", "description": "Tên trang tính (mặc định: trang đầu)"}}}},
             "application/json": {"schema": PasteSchema}}})
@blp.response(200, TableResultSchema)
@documented(blp, "missing_table", "missing_file", "no_table", "too_large", "table_too_large", "unreadable_sheet",
            "unsupported_file", "corrupt_file")
def import_table():
    try:
        return _table()
    except TableRefused as refused:
        raise ApiError(CODES[refused.code][0], refused.code, refused.message) from None
    except FileRefused as refused:
        raise ApiError(refused.status, refused.code, refused.message) from None


def _table() -> dict:
    request.max_content_length = int(current_app.config.get("TABLE_MAX_CONTENT_LENGTH", MAX_SHEET_BYTES))
    if request.mimetype == "application/json":
        pasted = request.get_json(silent=True)
        wrong = PasteSchema().validate(pasted) if isinstance(pasted, dict) else {"": ["not an object"]}
        if wrong or not any(isinstance(pasted.get(key), str) for key in ("text", "html")):
            errors = [{"path": key, "code": "invalid_type", "message": "Dữ liệu phải là chuỗi văn bản hoặc null."}
                      for key in wrong if key]
            raise ApiError(400, "missing_table", "Hãy gửi {\"text\": …} (các ô cách nhau bằng tab) hoặc {\"html\": …} (bảng HTML).",
                           errors=errors)
        html, text = pasted.get("html"), pasted.get("text")
        if sum(len(value) for value in (html, text) if isinstance(value, str)) > MAX_PASTED_CHARACTERS:
            raise TableRefused("table_too_large")
        if isinstance(html, str) and "<table" in html.lower():
            return from_html(html)
        return from_text(text if isinstance(text, str) else "")
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("file")
        data = upload.read() if upload is not None else b""
        named = upload is not None and (upload.filename or "").lower().endswith(SHEET_NAMES)
    else:
        data = request.get_data(cache=False)
        named = request.mimetype in SHEET_TYPES
    if not data:
        raise ApiError(400, "missing_file", "Chưa chọn tệp bảng tính (.xlsx, .csv) để nhập (trường 'file').")
    if data.startswith(XLSX_MAGIC):
        return from_xlsx(data, request.form.get("sheet") or request.args.get("sheet"))
    if not named:  # text is read as CSV only when it says it is a table
        raise ApiError(415, "unsupported_file", "Hãy gửi tệp .xlsx hoặc .csv (tên tệp có đuôi .xlsx, .csv), hoặc dán vùng ô dạng JSON {\"text\": …}.")
    try:
        return from_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise TableRefused("unreadable_sheet") from None
