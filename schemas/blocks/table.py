"""A table of text, in the body between paragraphs or in an appendix:
columns with their width and alignment, one or more header rows (cells may
be merged across and down), rows of cells with inline markup and line
breaks, merged cells, group rows ("I | Cơ quan chuyên môn cấp tỉnh"), and
an optional automatic STT column that numbers groups I, II … and rows 1,
2 … again in each group.

A cell is a string, or an object with its text and how many columns
(``colspan``) and rows (``rowspan``) it covers; the positions a merged cell
covers are left out of the rows below or beside it, as in HTML.
"""

from __future__ import annotations

from marshmallow import ValidationError, validates_schema

from .. import limits
from ..base import StrictSchema
from ..docs import doc
from ..fields import (
    Choice,
    Integer,
    LinesText,
    List,
    Nested,
    StringOrObject,
    Text,
    heading_text,
)
from ..problems import Problem
from . import BlockSchema, register, type_field

ALIGNMENTS = ("left", "center", "right", "justify")


def cell_text(**kwargs) -> LinesText:
    return LinesText(max_length=limits.PARAGRAPH, allow_blank=True, **kwargs)


class TableCellSchema(StrictSchema):
    text = cell_text(load_default="", metadata=doc("Nội dung ô", "**đậm**, *nghiêng*; xuống dòng (\\n) là đoạn mới trong ô"))
    colspan = Integer(minimum=1, maximum=limits.TABLE_COLUMNS, load_default=1,
                      metadata=doc("Gộp cột", "Số cột ô này chiếm"))
    rowspan = Integer(minimum=1, maximum=limits.TABLE_ROWS, load_default=1,
                      metadata=doc("Gộp dòng", "Số dòng ô này chiếm"))
    align = Choice(ALIGNMENTS, load_default=None, allow_none=True,
                   metadata=doc("Căn lề", "Khác căn lề của cột: left, center, right, justify"))


def cells(**kwargs) -> List:
    """A row's cells: each a string (its text) or an object (text and merges)."""
    return List(StringOrObject(TableCellSchema, "text"), max_items=limits.TABLE_COLUMNS, **kwargs)


class TableColumnSchema(StrictSchema):
    header = LinesText(max_length=limits.NAME, load_default="", allow_blank=True,
                       metadata=doc("Tiêu đề cột", "In ở dòng tiêu đề (khi không có header_rows); \\n xuống dòng"))
    width = Integer(minimum=1, maximum=100, load_default=1,
                    metadata=doc("Độ rộng", "Tỷ lệ so với các cột khác (1–100)"))
    align = Choice(ALIGNMENTS, load_default="left", metadata=doc("Căn lề", "left, center, right, justify"))


class TableRowSchema(StrictSchema):
    cells = cells(load_default=None, allow_none=True, metadata=doc("Các ô", "Theo thứ tự cột; ô gộp chỉ ghi một lần"))
    group = heading_text(load_default=None, allow_none=True,
                         metadata=doc("Dòng nhóm", "Tên nhóm, in đậm suốt dòng (I, II … khi có cột STT)"))

    @validates_schema
    def one_kind(self, data, **kwargs):
        if (data.get("cells") is None) == (data.get("group") is None):
            raise ValidationError(Problem("row_kind"), "cells")


@register
class TableBlockSchema(BlockSchema):
    type_name, rank = "table", 35
    type = type_field(type_name)
    title = heading_text(load_default=None, allow_none=True, metadata=doc("Tên bảng", "In đậm, giữa, trên bảng"))
    unit_note = Text(max_length=limits.NAME, load_default=None, allow_none=True,
                     metadata=doc("Ghi chú đơn vị", "Ví dụ (Đơn vị: triệu đồng), in trên bảng bên phải"))
    number_column = Text(max_length=limits.SHORT, load_default=None, allow_none=True,
                         metadata=doc("Cột STT tự đánh", "Tiêu đề cột (STT, TT); nhóm I, II…, dòng 1, 2… theo nhóm"))
    columns = List(Nested(TableColumnSchema), min_items=1, max_items=limits.TABLE_COLUMNS, required=True,
                   metadata=doc("Các cột", "Không gồm cột STT tự đánh"))
    header_rows = List(cells(), max_items=limits.TABLE_HEADER_ROWS, load_default=list,
                       metadata=doc("Các dòng tiêu đề", "Khi tiêu đề có ô gộp; lặp lại ở mỗi trang"))
    rows = List(Nested(TableRowSchema), max_items=limits.TABLE_ROWS, load_default=list, metadata=doc("Các dòng", "Theo thứ tự in"))

    def cells(self, block: dict) -> int:
        return (len(block["rows"]) + len(block["header_rows"]) + 1) * len(block["columns"])

    @validates_schema
    def grid_fits(self, data, **kwargs):
        if "columns" not in data:
            return
        width = len(data["columns"])
        cell_count = (len(data.get("rows", [])) + len(data.get("header_rows", []))) * width
        if cell_count > limits.TABLE_CELLS:
            raise ValidationError(Problem("too_many_cells", rows=len(data["rows"]), columns=width,
                                          max=limits.TABLE_CELLS), "rows")
        errors: dict = {}
        for key, rows in (("header_rows", data.get("header_rows", [])),
                          ("rows", [row["cells"] for row in data.get("rows", [])])):
            for index, problem in grid_problems(rows, width):
                errors.setdefault(key, {})[index] = [problem]
        if errors:
            raise ValidationError(errors)


def grid_problems(rows: list[list[dict] | None], width: int):
    """(row index, problem) for each row whose cells, with the merged cells
    of the rows above, do not fill the columns exactly. A row of ``None``
    (a group row) spans the table: no merge may cross it."""
    covered = [0] * width  # per column: how many more rows a merge above covers
    for index, row in enumerate(rows):
        if row is None:
            if any(covered):
                yield index, Problem("merge_across_group")
            continue
        used = sum(1 for count in covered if count) + sum(cell["colspan"] for cell in row)
        column, overflow = 0, False
        for cell in row:
            while column < width and covered[column]:
                column += 1
            if column + cell["colspan"] > width:
                overflow = True
                break
            for spanned in range(column, column + cell["colspan"]):
                covered[spanned] = cell["rowspan"]
            column += cell["colspan"]
        if overflow or used != width:
            yield index, Problem("row_width", count=used, columns=width)
        covered = [max(0, count - 1) for count in covered]
    if any(covered):
        yield len(rows) - 1, Problem("merge_past_end")
