"""Thông báo (a notice, Appendix III model 1.4)."""

from ..document import DocumentSchema, appendices_field, body_field, closing_field, kind_field
from . import register


@register
class NoticeSchema(DocumentSchema):
    kind_name = "thong_bao"

    kind = kind_field(kind_name)
    body = body_field("Nội dung thông báo", "Đoạn văn, các mục I., II. …")
    closing = closing_field()
    appendices = appendices_field()
