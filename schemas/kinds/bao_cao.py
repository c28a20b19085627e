"""Báo cáo (a report, Appendix III model 1.4); one to a superior is
addressed after "Kính gửi:" (Appendix I, 9a)."""

from nd30.wording import AS_ABOVE

from ..document import DocumentSchema, addressees_field, appendices_field, body_field, closing_field, kind_field
from . import register


@register
class ReportSchema(DocumentSchema):
    kind_name = "bao_cao"

    kind = kind_field(kind_name)
    addressees = addressees_field(required=False)
    body = body_field("Nội dung báo cáo", "Các mục I., II. …: kết quả, tồn tại, phương hướng")
    closing = closing_field()
    appendices = appendices_field()

    def automatic_recipient(self, data):
        return AS_ABOVE if data.get("addressees") else None
