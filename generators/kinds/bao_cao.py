"""Báo cáo (model 1.4): the shared pipeline; one sent to a superior names
it after "Kính gửi:", and "Nơi nhận:" then starts "- Như trên;"."""

from ..document import DocumentKind
from . import register


@register
class ReportDocument(DocumentKind):
    name = "bao_cao"
    template_name = "bao-cao.docx"
