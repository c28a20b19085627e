"""Thông báo (a notice, Appendix III model 1.4)."""

from ..document import TextDocumentSchema, kind_field
from . import register


@register
class NoticeSchema(TextDocumentSchema):
    kind_name = "thong_bao"

    kind = kind_field(kind_name)
