"""The task-assignment matrix ("Phân công thực hiện nhiệm vụ"), the most
common appendix of a plan, as data: each task with its content, product,
deadline (free text, as offices write it: "Hằng năm", "Quý II/2026"), lead
and coordinating agencies and optional further columns, grouped under
group headings (and at most one level of subgroups). The generator numbers
groups I, II …, subgroups 1, 2 … and tasks 1, 2 … again in each group (1.1,
1.2 … under a subgroup), and prints the columns chosen, in their order.
"""

from __future__ import annotations

from marshmallow import ValidationError, validates_schema

from nd30.parts import DEFAULT_TASK_COLUMNS, TASK_COLUMNS

from .. import limits
from ..base import StrictSchema
from ..docs import doc
from ..fields import Choice, LinesText, List, Nested, Text, heading_text
from ..problems import Problem
from . import BlockSchema, register, type_field

AGENCY_COLUMNS = ("lead", "support")


def task_text(title: str, description: str) -> LinesText:
    return LinesText(max_length=limits.PARAGRAPH, load_default=None, allow_none=True, metadata=doc(title, description))


def agencies(title: str, description: str) -> List:
    return List(heading_text(), max_items=limits.BLOCKS_PER_LIST, load_default=list, metadata=doc(title, description))


class TaskSchema(StrictSchema):
    content = LinesText(max_length=limits.PARAGRAPH, required=True,
                        metadata=doc("Nhiệm vụ", "Nội dung nhiệm vụ; **đậm**, *nghiêng*, \\n xuống dòng"))
    product = task_text("Sản phẩm", "Sản phẩm, kết quả đầu ra")
    deadline = task_text("Thời gian hoàn thành", "Ghi như văn bản: Hằng năm; Quý II/2026; Trước ngày 31/01")
    lead = agencies("Chủ trì thực hiện", "Các cơ quan chủ trì, mỗi cơ quan một mục")
    support = agencies("Phối hợp thực hiện", "Các cơ quan phối hợp, mỗi cơ quan một mục")
    follow_up = task_text("Theo dõi, kiểm tra, đôn đốc", "Cơ quan theo dõi, đôn đốc")
    budget = task_text("Kinh phí", "Nguồn, mức kinh phí")
    notes = task_text("Ghi chú", "Ghi chú khác")
    result = task_text("Kết quả thực hiện", "Kết quả, tiến độ của nhiệm vụ (trong báo cáo)")


def task_list(description: str) -> List:
    return List(Nested(TaskSchema), max_items=limits.BLOCKS_PER_LIST, load_default=list,
                metadata=doc("Các nhiệm vụ", description))


class TaskSubgroupSchema(StrictSchema):
    title = heading_text(required=True, metadata=doc("Tên nhóm con", "Đánh số 1, 2 … trong nhóm"))
    tasks = task_list("Đánh số 1.1, 1.2 …")


class TaskGroupSchema(StrictSchema):
    title = heading_text(required=True, metadata=doc("Tên nhóm", "Đánh số I, II …; in đậm suốt dòng"))
    tasks = task_list("Đánh số 1, 2 … trong nhóm")
    groups = List(Nested(TaskSubgroupSchema), max_items=limits.BLOCKS_PER_LIST, load_default=list,
                  metadata=doc("Các nhóm con", "Sau các nhiệm vụ của nhóm"))


@register
class TaskMatrixSchema(BlockSchema):
    type_name, rank = "task_matrix", 36
    type = type_field(type_name)
    title = heading_text(load_default=None, allow_none=True, metadata=doc("Tên bảng", "In đậm, giữa, trên bảng"))
    number_header = Text(max_length=limits.SHORT, load_default="STT", metadata=doc("Tiêu đề cột số thứ tự", "STT hoặc TT"))
    columns = List(Choice(tuple(TASK_COLUMNS)), min_items=1, max_items=len(TASK_COLUMNS),
                   load_default=lambda: list(DEFAULT_TASK_COLUMNS),
                   metadata=doc("Các cột in", "Theo thứ tự: content, product, deadline, lead, support, follow_up, budget, notes, result"))
    headers = List(LinesText(max_length=limits.NAME), max_items=len(TASK_COLUMNS), load_default=list,
                   metadata=doc("Tiêu đề các cột", "Theo thứ tự columns; không gửi thì in tên thường dùng"))
    tasks = task_list("Các nhiệm vụ không thuộc nhóm, in trước các nhóm")
    groups = List(Nested(TaskGroupSchema), max_items=limits.BLOCKS_PER_LIST, load_default=list,
                  metadata=doc("Các nhóm nhiệm vụ", "I. Cải cách thể chế; II. …"))

    def cells(self, block: dict) -> int:
        return (task_count(block) + group_count(block) + 1) * (len(block["columns"]) + 1)

    @validates_schema
    def columns_fit(self, data, **kwargs):
        columns = data.get("columns", [])
        if "content" not in columns:
            raise ValidationError(Problem("content_column"), "columns")
        if len(set(columns)) != len(columns):
            raise ValidationError(Problem("duplicate_column", key=next(c for c in columns if columns.count(c) > 1)), "columns")
        if data.get("headers") and len(data["headers"]) != len(columns):
            raise ValidationError(Problem("headers_count", count=len(data["headers"]), columns=len(columns)), "headers")


def task_count(matrix: dict) -> int:
    return len(matrix["tasks"]) + sum(len(group["tasks"]) + sum(len(sub["tasks"]) for sub in group["groups"])
                                      for group in matrix["groups"])


def group_count(matrix: dict) -> int:
    return sum(1 + len(group["groups"]) for group in matrix["groups"])
