"""Points "a)", "b)" … "đ)" …, each with optional paragraphs and bullets."""

from .. import limits
from ..base import StrictSchema
from ..docs import doc
from ..fields import List, Nested, paragraph_text
from . import BlockSchema, content_list, register, type_field


class PointItemSchema(StrictSchema):
    text = paragraph_text(required=True, metadata=doc("Văn bản", "In sau chữ a), b) … đ) …"))
    content = content_list("Đoạn văn, gạch đầu dòng, bảng in dưới điểm", ("paragraph", "bullets", "table"))


@register
class PointsSchema(BlockSchema):
    type_name, rank = "points", 30
    type = type_field(type_name)
    items = List(Nested(PointItemSchema), min_items=1, max_items=limits.BLOCKS_PER_LIST, required=True,
                 metadata=doc("Các điểm", "Đánh chữ a) b) c) d) đ) e) … y)"))
