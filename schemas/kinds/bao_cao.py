"""Báo cáo (a report, Appendix III model 1.4); one to a superior is
addressed after "Kính gửi:" (Appendix I, 9a)."""

from ..document import TextDocumentSchema, addressees_field, kind_field
from . import register


@register
class ReportSchema(TextDocumentSchema):
    kind_name = "bao_cao"

    kind = kind_field(kind_name)
    addressees = addressees_field(required=False)
