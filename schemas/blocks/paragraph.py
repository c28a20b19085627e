"""A paragraph of running text."""

from ..docs import doc
from ..fields import paragraph_text
from . import BlockSchema, register, type_field


@register
class ParagraphSchema(BlockSchema):
    type_name, rank = "paragraph", 10
    type = type_field(type_name)
    text = paragraph_text(required=True, metadata=doc("Văn bản", "Một đoạn; **đậm**, *nghiêng*, ^[chú thích]"))
