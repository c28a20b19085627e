"""The whole plan: the single source of truth for validation and for the
published JSON Schema."""

from __future__ import annotations

from marshmallow import ValidationError, validates_schema

from nd30.document_types import DOCUMENT_TYPES

from . import limits
from .appendix import AppendixSchema
from .base import StrictSchema
from .body import block_list, paragraph_text
from .docs import doc
from .fields import Choice, Integer, List, Nested, Text
from .header import (
    CONFIDENTIALITIES,
    URGENCIES,
    IssueDateSchema,
    IssuerSchema,
    LinesText,
    RecipientSchema,
    SignatorySchema,
    code_text,
)
from .outline_rules import depth_problems
from .problems import Problem


class PlanSchema(StrictSchema):
    schema_version = Integer(
        minimum=limits.SCHEMA_VERSION,
        maximum=limits.SCHEMA_VERSION,
        required=True,
        error=Problem("unsupported_version"),
        metadata=doc("Phiên bản định dạng", "Hiện hành: 1"),
    )
    draft_mark = Text(max_length=limits.SHORT, load_default=None, allow_none=True, metadata=doc("Dấu dự thảo", "Khung ở đầu trang"))

    issuer = Nested(IssuerSchema, required=True, metadata=doc("Cơ quan ban hành", "Góc trên bên trái"))
    document_type = Choice(tuple(DOCUMENT_TYPES), load_default="Kế hoạch", metadata=doc("Tên loại văn bản", "Kế hoạch → KH"))
    number = Integer(minimum=1, maximum=999999, load_default=None, allow_none=True, metadata=doc("Số văn bản", "Trống: văn thư cấp số"))
    symbol = code_text(load_default=None, allow_none=True, metadata=doc("Ký hiệu", "Mặc định: KH-UBND"))
    place = Text(max_length=limits.NAME, required=True, metadata=doc("Địa danh", "Trước ngày tháng"))
    date = Nested(IssueDateSchema, required=True, metadata=doc("Ngày ban hành", "Ngày, tháng có thể trống"))
    summary = LinesText(max_length=limits.SUMMARY, required=True, metadata=doc("Trích yếu nội dung", "Xuống dòng (\\n) để ngắt dòng"))
    # Stamped by the records office at issue, not printed in the draft: they
    # travel in the document's metadata (Appendix VI, field 14).
    urgency = Choice(URGENCIES, load_default=None, allow_none=True,
                     metadata=doc("Mức độ khẩn", "Văn thư đóng dấu khi ban hành; ghi vào dữ liệu văn bản điện tử"))
    confidentiality = Choice(CONFIDENTIALITIES, load_default=None, allow_none=True,
                             metadata=doc("Độ mật", "Văn thư đóng dấu khi ban hành; ghi vào dữ liệu văn bản điện tử"))

    legal_bases = List(paragraph_text(), max_items=limits.LEGAL_BASES, load_default=list, metadata=doc("Căn cứ ban hành", "Tự thêm ; và ."))
    lead_in = paragraph_text(load_default=None, allow_none=True, metadata=doc("Câu dẫn", "Trước phần nội dung"))
    body = block_list(metadata=doc("Nội dung kế hoạch", "Các mục I., II. …"))
    closing = paragraph_text(load_default=None, allow_none=True, metadata=doc("Đoạn kết thúc", "Trên đây là …; tự thêm ./."))

    recipients = List(Nested(RecipientSchema), max_items=limits.RECIPIENTS, load_default=list, metadata=doc("Nơi nhận", "Không gồm dòng Lưu"))
    archive = List(
        Text(max_length=limits.SHORT),
        max_items=limits.ARCHIVE_UNITS,
        load_default=lambda: ["VT"],
        metadata=doc("Lưu", "- Lưu: VT, …; VT tự thêm"),
    )
    signatory = Nested(SignatorySchema, required=True, metadata=doc("Người ký", "Chức vụ, họ tên"))
    appendices = List(Nested(AppendixSchema), max_items=limits.APPENDICES, load_default=list, metadata=doc("Phụ lục", "Số trang mỗi phụ lục lại từ 1"))

    @validates_schema
    def body_fits(self, data, **kwargs):
        problems = depth_problems(data.get("body", []))
        if problems:
            raise ValidationError(problems)


PLAN_SCHEMA = PlanSchema()
