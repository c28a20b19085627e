"""Clauses "1.", "2." … of an article: typed like the letters of points,
each list starting again at 1, each clause with its own points and bullets."""

from .. import limits
from ..base import StrictSchema
from ..docs import doc
from ..fields import List, Nested, paragraph_text
from . import BlockSchema, content_list, register, type_field


class ClauseSchema(StrictSchema):
    text = paragraph_text(required=True, metadata=doc("Nội dung khoản", "In sau số 1., 2. …"))
    content = content_list("Điểm a), gạch đầu dòng, đoạn văn, bảng in dưới khoản", ("paragraph", "points", "bullets", "table"))


@register
class ClausesSchema(BlockSchema):
    type_name, rank = "clauses", 111
    type = type_field(type_name)
    items = List(Nested(ClauseSchema), min_items=1, max_items=limits.BLOCKS_PER_LIST, required=True,
                 metadata=doc("Các khoản", "Đánh số 1., 2. … trong mỗi danh sách"))
