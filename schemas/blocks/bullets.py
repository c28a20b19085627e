"""Bullets: "-" items, each with optional "+" sub-items."""

from .. import limits
from ..base import StrictSchema
from ..docs import doc
from ..fields import List, Nested, paragraph_text
from . import BlockSchema, register, type_field


class BulletItemSchema(StrictSchema):
    text = paragraph_text(required=True, metadata=doc("Văn bản", "In sau dấu -"))
    sub_items = List(paragraph_text(), max_items=limits.BLOCKS_PER_LIST, load_default=list,
                     metadata=doc("Ý con", "Mỗi ý in sau dấu +"))


@register
class BulletsSchema(BlockSchema):
    type_name, rank = "bullets", 20
    type = type_field(type_name)
    items = List(Nested(BulletItemSchema), min_items=1, max_items=limits.BLOCKS_PER_LIST, required=True,
                 metadata=doc("Các gạch đầu dòng", "Mỗi mục một đoạn bắt đầu bằng dấu -"))
