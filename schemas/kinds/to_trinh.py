"""Tờ trình (a submission to a superior, Appendix III model 1.4 with
"Kính gửi:", Appendix I 9a): what it asks to approve or issue, and why."""

from nd30.wording import AS_ABOVE

from ..document import DocumentSchema, addressees_field, appendices_field, body_field, closing_field, kind_field
from . import register


@register
class SubmissionSchema(DocumentSchema):
    kind_name = "to_trinh"

    kind = kind_field(kind_name)
    addressees = addressees_field(required=True)
    body = body_field("Nội dung tờ trình", "Các mục I., II. …, đoạn văn")
    closing = closing_field()
    appendices = appendices_field()

    def automatic_recipient(self, data):
        return AS_ABOVE
