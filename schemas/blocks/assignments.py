"""Tổ chức thực hiện: one numbered heading per agency with its duties."""

from .. import limits
from ..base import StrictSchema
from ..docs import doc
from ..fields import Boolean, List, Nested, heading_text
from . import block_list, content_list, headings, register, type_field
from .section import NamedPartSchema, named_heading, part_headings


class AgencySchema(StrictSchema):
    name = heading_text(required=True, metadata=doc("Tên cơ quan, đơn vị", "Đề mục đánh số của cơ quan"))
    lead = Boolean(load_default=False, metadata=doc("Chủ trì", "In “(cơ quan chủ trì)” sau tên"))
    request = Boolean(load_default=False, metadata=doc("Đề nghị", "Cơ quan ngoài thẩm quyền: in “Đề nghị …”"))
    run_in = Boolean(load_default=False, metadata=doc("Liền đoạn", "Tên và đoạn đầu trên một dòng"))
    duties = content_list("Nhiệm vụ của cơ quan")


@register
class AssignmentsSchema(NamedPartSchema):
    type_name, rank = "assignments", 80
    type = type_field(type_name)
    heading = named_heading(type_name)
    agencies = List(Nested(AgencySchema), max_items=limits.BLOCKS_PER_LIST, load_default=list,
                    metadata=doc("Các cơ quan, đơn vị", "Mỗi cơ quan một mục đánh số"))
    closing = block_list(metadata=doc("Phần sau các cơ quan", "Đoạn văn hoặc mục tiếp theo"))

    def headings(self, block, depth, path):
        yield from part_headings(block, depth, path)
        for index, agency in enumerate(block.get("agencies", [])):
            at = path + ("agencies", index)
            yield depth + 1, at
            yield from headings(agency.get("duties", []), depth + 2, at + ("duties",))
        yield from headings(block.get("closing", []), depth + 1, path + ("closing",))
