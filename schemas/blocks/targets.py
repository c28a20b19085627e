"""Mục tiêu: general targets, and specific targets that may carry figures
("Giảm tỷ lệ hộ nghèo 0,2%/năm")."""

from .. import limits
from ..base import StrictSchema
from ..docs import doc
from ..fields import Choice, List, Nested, Number, Text, paragraph_text
from . import block_list, content_list, headings, register, type_field
from .section import (
    NamedPartSchema,
    PartSchema,
    more_sections,
    named_heading,
    part,
    part_headings,
)


class TargetSchema(StrictSchema):
    text = paragraph_text(required=True, metadata=doc("Chỉ tiêu", "Tên chỉ tiêu, in trước giá trị"))
    value = Number(allow_none=True, load_default=None, metadata=doc("Giá trị", "In kiểu Việt Nam: 0,2; 1.100"))
    unit = Text(max_length=limits.SHORT, load_default=None, allow_none=True,
                metadata=doc("Đơn vị tính", "0,2%/năm; 1.100 lao động"))
    content = content_list("Đoạn văn, gạch đầu dòng in dưới chỉ tiêu", ("paragraph", "bullets"))


class SpecificTargetsSchema(PartSchema):
    heading = named_heading("specific")
    items = List(Nested(TargetSchema), max_items=limits.BLOCKS_PER_LIST, load_default=list,
                 metadata=doc("Các chỉ tiêu", "In sau nội dung của mục"))
    style = Choice(("numbered", "bullets", "points"), load_default="numbered",
                   metadata=doc("Kiểu chỉ tiêu", "numbered: 1.1.; bullets: -; points: a)"))
    notes = block_list(metadata=doc("Phần sau các chỉ tiêu", "Các khối in sau các chỉ tiêu"))


@register
class TargetsSchema(NamedPartSchema):
    type_name, rank = "targets", 60
    type = type_field(type_name)
    heading = named_heading(type_name)
    general = part("GeneralTargets", "general")
    specific = Nested(SpecificTargetsSchema(), load_default=None, allow_none=True,
                      metadata=doc("Mục tiêu cụ thể", "Có thể kèm các chỉ tiêu"))
    sections = more_sections()

    def headings(self, block, depth, path):
        yield from part_headings(block, depth, path)
        if block.get("general"):
            yield from part_headings(block["general"], depth + 1, path + ("general",))
        specific = block.get("specific")
        if specific:
            at = path + ("specific",)
            yield from part_headings(specific, depth + 1, at)
            if specific.get("style") == "numbered":  # each target is a numbered paragraph
                for index, _ in enumerate(specific.get("items", [])):
                    yield depth + 2, at + ("items", index)
            yield from headings(specific.get("notes", []), depth + 2, at + ("notes",))
        yield from headings(block.get("sections", []), depth + 1, path + ("sections",))
