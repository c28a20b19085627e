"""Tờ trình (a submission to a superior, Appendix III model 1.4 with
"Kính gửi:", Appendix I 9a): what it asks to approve or issue, and why."""

from ..document import TextDocumentSchema, addressees_field, kind_field
from . import register


@register
class SubmissionSchema(TextDocumentSchema):
    kind_name = "to_trinh"

    kind = kind_field(kind_name)
    addressees = addressees_field(required=True)
