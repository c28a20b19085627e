"""Appendices: a title and a table of figures whose rates and totals the
generator computes (and checks, where the author typed them too)."""

from __future__ import annotations

from marshmallow import ValidationError, validate, validates_schema

from nd30.table_math import COMPUTED_KINDS, agrees, computed_table, too_large

from . import limits
from .base import StrictSchema
from .blocks import block_list
from .docs import doc
from .fields import Boolean, Choice, Figures, Integer, List, Nested, Text, heading_text
from .problems import Problem

KEY_PATTERN = r"^[A-Za-z][A-Za-z0-9_]*$"
KEY_HINT = "chữ cái không dấu, chữ số hoặc dấu gạch dưới, bắt đầu bằng chữ cái (ví dụ: poor_rate)"


def column_key(**kwargs) -> Text:
    field = Text(max_length=limits.SHORT, **kwargs)
    field.validators.append(validate.Regexp(KEY_PATTERN, error=Problem("invalid_pattern", hint=KEY_HINT)))
    return field


class ColumnSchema(StrictSchema):
    key = column_key(required=True, metadata=doc("Mã cột", "Dùng trong values, of"))
    header = Text(max_length=limits.NAME, required=True, metadata=doc("Tên cột", "In ở dòng tiêu đề"))
    group = Text(max_length=limits.NAME, load_default=None, allow_none=True,
                 metadata=doc("Nhóm cột", "Tiêu đề chung các cột liền nhau"))
    kind = Choice(("input",) + COMPUTED_KINDS, load_default="input",
                  metadata=doc("Loại cột", "input nhập; rate tỷ lệ; difference hiệu; sum tổng"))
    of = List(column_key(), max_items=limits.TABLE_COLUMNS, load_default=list,
              metadata=doc("Tính từ cột", "Mã các cột đứng trước"))
    decimals = Integer(minimum=0, maximum=6, load_default=2, metadata=doc("Số chữ số thập phân", "Của cột tỷ lệ"))

    @validates_schema
    def operands_fit_kind(self, data, **kwargs):
        wanted = {"input": (0, 0), "rate": (2, 2), "difference": (2, 2), "sum": (2, limits.TABLE_COLUMNS)}
        low, high = wanted[data.get("kind", "input")]
        count = len(data.get("of", []))
        if count < low:
            raise ValidationError(Problem("too_few", min=low), "of")
        if count > high:
            raise ValidationError(Problem("too_many", max=high), "of")


class RowSchema(StrictSchema):
    label = Text(max_length=limits.NAME, required=True, metadata=doc("Tên dòng", "Cột B, ví dụ tên thôn"))
    values = Figures(column_key(), metadata=doc("Số liệu", "Mã cột → số; null: ô để trống, chưa có số liệu"))


class TotalSchema(StrictSchema):
    label = Text(max_length=limits.NAME, load_default="Tổng cộng", metadata=doc("Tên dòng tổng", "Cột B của dòng tổng"))
    values = Figures(column_key(), metadata=doc("Tổng đã nhập", "Để đối chiếu với tổng tính được"))


class TableSchema(StrictSchema):
    number_header = Text(max_length=limits.SHORT, load_default="TT", metadata=doc("Tiêu đề cột A", "Cột số thứ tự"))
    label_header = Text(max_length=limits.NAME, load_default="Đơn vị", metadata=doc("Tiêu đề cột B", "Cột tên dòng"))
    unit_note = Text(max_length=limits.NAME, load_default=None, allow_none=True,
                     metadata=doc("Ghi chú đơn vị", "Ví dụ (Đơn vị: hộ)"))
    columns = List(Nested(ColumnSchema), min_items=1, max_items=limits.TABLE_COLUMNS, required=True,
                   metadata=doc("Các cột số liệu", "Sau cột A, B; theo thứ tự in"))
    rows = List(Nested(RowSchema), max_items=limits.TABLE_ROWS, load_default=list, metadata=doc("Các dòng", "Theo thứ tự in"))
    show_total = Boolean(load_default=True, metadata=doc("Có dòng tổng", "Dòng Tổng cộng ở cuối bảng"))
    total = Nested(TotalSchema, load_default=lambda: {"label": "Tổng cộng", "values": {}},
                   metadata=doc("Dòng tổng", "Tự tính"))

    @validates_schema
    def figures_agree(self, data, **kwargs):
        if "columns" not in data:
            return
        cells = len(data["rows"]) * len(data["columns"])
        if cells > limits.TABLE_CELLS:
            problem = Problem("too_many_cells", rows=len(data["rows"]), columns=len(data["columns"]), max=limits.TABLE_CELLS)
            raise ValidationError({"rows": [problem]})
        errors: dict = {}
        self._check_columns(data["columns"], errors)
        if not errors:
            self._check_rows(data, errors)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _check_columns(columns: list[dict], errors: dict) -> None:
        seen: set[str] = set()
        for index, column in enumerate(columns):
            problems = []
            if column["key"] in seen:
                problems.append(("key", Problem("duplicate_column", key=column["key"])))
            for operand in column["of"]:
                if operand not in seen:
                    problems.append(("of", Problem("computed_column_order", key=operand)))
            seen.add(column["key"])
            for field, problem in problems:
                errors.setdefault("columns", {}).setdefault(index, {}).setdefault(field, []).append(problem)

    @staticmethod
    def _check_rows(data: dict, errors: dict) -> None:
        columns = {column["key"]: column for column in data["columns"]}
        completed, total = computed_table(data)
        given_rows = [row["values"] for row in data["rows"]]
        for index, (given, computed) in enumerate(zip(given_rows, completed)):
            row_errors = _row_problems(columns, given, computed, require_inputs=True)
            if row_errors:
                errors.setdefault("rows", {})[index] = {"values": row_errors}
        if total is not None:
            total_errors = _row_problems(columns, data["total"]["values"], total, require_inputs=False)
            if total_errors:
                errors["total"] = {"values": total_errors}


def _row_problems(columns: dict, given: dict, computed: dict, *, require_inputs: bool) -> dict:
    problems: dict = {}
    for key, column in columns.items():
        if too_large(computed[key]):
            problems[key] = [Problem("computed_too_large", formula=formula_text(column), computed=f"{computed[key]:.3E}")]
            continue
        if key not in given:
            if require_inputs and column["kind"] == "input":
                problems[key] = [Problem("missing_value", key=key)]
            continue
        if given[key] is None:  # left blank on purpose: a figure not known yet
            continue
        if column["kind"] == "input" and require_inputs:
            continue
        if not agrees(given[key], computed[key]):
            formula = formula_text(column)
            code = "value_contradicts" if require_inputs else "total_contradicts"
            problems[key] = [Problem(code, given=given[key], formula=formula, computed=computed[key])]
    for key in given:
        if key not in columns:
            problems[key] = [Problem("unknown_column", key=key)]
    return problems


def formula_text(column: dict) -> str:
    symbol = {"rate": " / ", "difference": " - ", "sum": " + "}.get(column["kind"], "")
    formula = symbol.join(column["of"]) or column["key"]
    return f"({formula}) × 100" if column["kind"] == "rate" else formula


class AppendixSchema(StrictSchema):
    label = Text(max_length=limits.NAME, load_default=None, allow_none=True,
                 metadata=doc("Số phụ lục", "Mặc định: Phụ lục I, II…"))
    title = heading_text(required=True, metadata=doc("Tên phụ lục", "In chữ in hoa"))
    orientation = Choice(("auto", "portrait", "landscape"), load_default="auto",
                         metadata=doc("Hướng trang", "auto: trang ngang khi bảng từ 8 cột số"))
    table = Nested(TableSchema, load_default=None, allow_none=True, metadata=doc("Bảng số liệu", "Không bắt buộc"))
    content = block_list(("table", "task_matrix", "paragraph", "bullets", "points"),
                         metadata=doc("Nội dung", "Bảng, bảng phân công nhiệm vụ, đoạn văn; in sau bảng số liệu"))
    notes = block_list(("paragraph", "bullets"), metadata=doc("Ghi chú", "Đoạn văn sau bảng"))
