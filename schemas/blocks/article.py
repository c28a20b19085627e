"""Articles, "Điều 1.", "Điều 2." …: the body of a decision (and of a
regulation laid out by articles). Word numbers them; the label is bold. An
article with a title prints "Điều 1. Title" in bold on a line of its own;
one without prints its first paragraph after the label."""

from .. import limits
from ..docs import doc
from ..fields import List, heading_text
from . import Block, BlockSchema, register, type_field

ARTICLE_CONTENT = ("paragraph", "clauses", "points", "bullets", "table")


@register
class ArticleSchema(BlockSchema):
    type_name, rank = "article", 110
    type = type_field(type_name)
    heading = heading_text(load_default=None, allow_none=True,
                           metadata=doc("Tiêu đề điều", "In đậm sau “Điều N.”; không có thì đoạn đầu in liền sau"))
    content = List(Block(ARTICLE_CONTENT), min_items=1, max_items=limits.BLOCKS_PER_LIST, required=True,
                   metadata=doc("Nội dung điều", "Đoạn văn, các khoản 1., 2., điểm a), gạch đầu dòng, bảng"))
