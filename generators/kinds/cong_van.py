"""Công văn (model 1.5): no type line; "V/v …" under the number in the
header's left column (the template's), "Kính gửi:" one addressee on its
line or several one a line, "- Như trên;" first under "Nơi nhận:"."""

from ..document import DocumentKind
from . import register


@register
class OfficialLetterDocument(DocumentKind):
    name = "cong_van"
    template_name = "cong-van.docx"
