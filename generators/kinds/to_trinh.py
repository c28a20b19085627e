"""Tờ trình (model 1.4 with "Kính gửi:"): the shared pipeline, its
addressees under the summary and "- Như trên;" first under "Nơi nhận:"."""

from ..document import DocumentKind
from . import register


@register
class SubmissionDocument(DocumentKind):
    name = "to_trinh"
    template_name = "to-trinh.docx"
