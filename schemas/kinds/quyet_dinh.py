"""Quyết định (a decision, Appendix III models 1.2 and 1.3): the enacting
authority, the legal bases ending with "Theo đề nghị của …", "QUYẾT ĐỊNH:"
and its articles; a decision that issues a plan (or a regulation …)
carries it as ``attachment``, printed after the decision in the same file
or as a file of its own."""

from __future__ import annotations

from marshmallow import ValidationError, validates_schema

from nd30.document_types import DOCUMENT_TYPES
from nd30.wording import AS_IN_ARTICLE

from .. import limits
from ..blocks import Block
from ..docs import doc
from ..document import (
    BodyRules,
    DocumentSchema,
    appendices_field,
    body_field,
    closing_field,
    kind_field,
    lead_in_field,
    legal_bases_field,
)
from ..fields import Choice, Integer, LinesText, List, Nested, heading_text
from ..problems import Problem
from . import register

ATTACHMENT_FILES = ("same", "separate")


class IssuedDocumentSchema(BodyRules):
    """The document a decision issues (model 1.3): its own type line and
    summary under the decision's issuer, "(Ban hành kèm theo Quyết định số
    …)", no number or date of its own, and the decision's signatory."""

    document_type = Choice(tuple(DOCUMENT_TYPES), load_default="Kế hoạch",
                           metadata=doc("Tên loại văn bản kèm theo", "Kế hoạch, Quy chế, Quy định …"))
    summary = LinesText(max_length=limits.SUMMARY, required=True,
                        metadata=doc("Trích yếu văn bản kèm theo", "Xuống dòng (\\n) để ngắt dòng"))
    lead_in = lead_in_field()
    body = body_field("Nội dung văn bản kèm theo", "Các mục I., II. … hoặc các điều")
    closing = closing_field()
    appendices = appendices_field()


@register
class DecisionSchema(DocumentSchema):
    kind_name = "quyet_dinh"

    kind = kind_field(kind_name)
    authority = heading_text(required=True, metadata=doc(
        "Thẩm quyền ban hành", "In hoa dưới trích yếu: Chủ tịch Ủy ban nhân dân huyện …"))
    legal_bases = legal_bases_field()
    proposed_by = heading_text(load_default=None, allow_none=True, metadata=doc(
        "Theo đề nghị của", "Chức vụ người đề nghị; in sau các căn cứ: Theo đề nghị của …"))
    body = List(Block(("article",)), min_items=1, max_items=limits.BLOCKS_PER_LIST, required=True,
                metadata=doc("Các điều", "Điều 1., Điều 2. …"))
    executing_article = Integer(minimum=1, maximum=limits.BLOCKS_PER_LIST, load_default=None, allow_none=True,
                                metadata=doc("Điều giao thi hành", "Nơi nhận bắt đầu “- Như Điều N;”; mặc định: điều cuối"))
    attachment = Nested(IssuedDocumentSchema, load_default=None, allow_none=True, metadata=doc(
        "Văn bản ban hành kèm theo", "Kế hoạch, quy chế … do quyết định ban hành (Mẫu 1.3)"))
    attachment_file = Choice(ATTACHMENT_FILES, load_default="same", metadata=doc(
        "Tệp văn bản kèm theo", "same: cùng tệp với quyết định; separate: tệp riêng (POST /render/attachment)"))

    def automatic_recipient(self, data):
        return AS_IN_ARTICLE

    @validates_schema
    def executing_article_exists(self, data, **kwargs):
        number, count = data.get("executing_article"), len(data.get("body", []))
        if number is not None and count and number > count:
            raise ValidationError(Problem("no_such_article", count=count, number=number), "executing_article")
