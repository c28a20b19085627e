"""Công văn (an official letter, Appendix III model 1.5): no type line, its
summary "V/v …" under the number, "Kính gửi:" one or several addressees;
its symbol is the issuer's abbreviation and the drafting unit's (UBND-VX)."""

from marshmallow import ValidationError, validates_schema

from nd30.wording import LETTER_SUMMARY

from .. import limits
from ..docs import doc
from ..document import TextDocumentSchema, addressees_field, kind_field
from ..fields import LinesText
from ..header import code_text
from ..problems import Problem
from . import register


@register
class OfficialLetterSchema(TextDocumentSchema):
    kind_name = "cong_van"

    kind = kind_field(kind_name)
    summary = LinesText(max_length=limits.SUMMARY, required=True,
                        metadata=doc("Trích yếu nội dung", "In sau “V/v” dưới số, ký hiệu; không gõ “V/v”"))
    drafting_unit = code_text(load_default=None, allow_none=True,
                              metadata=doc("Đơn vị soạn thảo", "Viết tắt, sau ký hiệu cơ quan: 12/UBND-VX"))
    addressees = addressees_field(required=True)

    @validates_schema
    def summary_without_prefix(self, data, **kwargs):
        if data.get("summary", "").casefold().startswith(LETTER_SUMMARY.casefold()):
            raise ValidationError(Problem("automatic_prefix", prefix=LETTER_SUMMARY), "summary")
