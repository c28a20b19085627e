"""Thông báo (model 1.4): the shared pipeline as it is."""

from ..document import DocumentKind
from . import register


@register
class NoticeDocument(DocumentKind):
    name = "thong_bao"
    template_name = "thong-bao.docx"
