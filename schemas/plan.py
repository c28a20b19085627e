"""The whole plan: the single source of truth for validation and for the
published JSON Schema."""

from __future__ import annotations

from marshmallow import ValidationError, validates_schema

from . import limits
from .appendix import AppendixSchema
from .base import StrictSchema
from .body import block_list, paragraph_text
from .fields import Choice, Integer, List, Nested, Text
from .header import DOCUMENT_TYPES, IssueDateSchema, IssuerSchema, LinesText, RecipientSchema, SignatorySchema, code_text
from .outline_rules import depth_problems
from .problems import Problem


class PlanSchema(StrictSchema):
    schema_version = Integer(
        minimum=limits.SCHEMA_VERSION,
        maximum=limits.SCHEMA_VERSION,
        required=True,
        error=Problem("unsupported_version"),
        metadata={"title": "Phiên bản định dạng"},
    )
    draft_mark = Text(max_length=limits.SHORT, load_default=None, allow_none=True, metadata={"title": "Dấu dự thảo (ví dụ: Dự thảo), không bắt buộc"})

    issuer = Nested(IssuerSchema, required=True, metadata={"title": "Cơ quan ban hành"})
    document_type = Choice(tuple(DOCUMENT_TYPES), load_default="Kế hoạch", metadata={"title": "Tên loại văn bản"})
    number = Integer(minimum=1, maximum=999999, load_default=None, allow_none=True, metadata={"title": "Số văn bản (để trống cho văn thư cấp số)"})
    symbol = code_text(load_default=None, allow_none=True, metadata={"title": "Ký hiệu (mặc định: tên loại viết tắt - cơ quan viết tắt)"})
    place = Text(max_length=limits.NAME, required=True, metadata={"title": "Địa danh"})
    date = Nested(IssueDateSchema, required=True, metadata={"title": "Ngày ban hành"})
    summary = LinesText(max_length=limits.SUMMARY, required=True, metadata={"title": "Trích yếu nội dung"})

    legal_bases = List(paragraph_text(), max_items=limits.LEGAL_BASES, load_default=list, metadata={"title": "Căn cứ ban hành"})
    lead_in = paragraph_text(load_default=None, allow_none=True, metadata={"title": "Câu dẫn (… xây dựng Kế hoạch … như sau:)"})
    body = block_list(metadata={"title": "Nội dung kế hoạch"})
    closing = paragraph_text(load_default=None, allow_none=True, metadata={"title": "Đoạn kết thúc (tự thêm ./.)"})

    recipients = List(Nested(RecipientSchema), max_items=limits.RECIPIENTS, load_default=list, metadata={"title": "Nơi nhận"})
    archive = List(
        Text(max_length=limits.SHORT),
        max_items=limits.ARCHIVE_UNITS,
        load_default=lambda: ["VT"],
        metadata={"title": "Lưu (đơn vị lưu; VT được thêm đầu tiên)"},
    )
    signatory = Nested(SignatorySchema, required=True, metadata={"title": "Người ký"})
    appendices = List(Nested(AppendixSchema), max_items=limits.APPENDICES, load_default=list, metadata={"title": "Phụ lục"})

    @validates_schema
    def body_fits(self, data, **kwargs):
        problems = depth_problems(data.get("body", []))
        if problems:
            raise ValidationError(problems)


PLAN_SCHEMA = PlanSchema()
