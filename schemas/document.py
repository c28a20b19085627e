"""The Decree 30 core every document kind shares, one source each: the
header (draft mark, issuer, number and symbol, place and date, summary),
the recipients, the archive line and the signatory (``DocumentSchema``),
and the fields several kinds carry in the same way (legal bases, body,
closing, appendices, the addressees after "Kính gửi:").

A kind (``schemas.kinds``) subclasses ``DocumentSchema``; /schema publishes
the core once (``DocumentCore``) and each kind as the core plus its own
fields.
"""

from __future__ import annotations

import re

from marshmallow import ValidationError, validates_schema

from nd30.kinds import KINDS
from nd30.wording import AS_ABOVE, names_its_addressees

from . import limits
from .appendix import AppendixSchema
from .base import StrictSchema
from .blocks import block_list
from .docs import doc
from .fields import Choice, Integer, LinesText, List, Nested, Text, heading_text, paragraph_text
from .header import (
    CONFIDENTIALITIES,
    URGENCIES,
    IssueDateSchema,
    IssuerSchema,
    RecipientSchema,
    SignatorySchema,
    code_text,
)
from .outline_rules import depth_problems
from .problems import Problem


class BodyRules(StrictSchema):
    """The rules on a body of blocks as a whole (depth, size)."""

    @validates_schema
    def body_fits(self, data, **kwargs):
        if "body" in data:
            problems = depth_problems(data["body"])
            if problems:
                raise ValidationError(problems)


class DocumentSchema(BodyRules):
    """A whole document of one kind (``kind_name``) on the shared core."""

    kind_name: str = ""

    schema_version = Integer(
        minimum=limits.SCHEMA_VERSION,
        maximum=limits.SCHEMA_VERSION,
        required=True,
        error=Problem("unsupported_version"),
        metadata=doc("Phiên bản định dạng", "Hiện hành: 1"),
    )
    draft_mark = Text(max_length=limits.SHORT, load_default=None, allow_none=True, metadata=doc("Dấu dự thảo", "Khung ở đầu trang"))
    issuer = Nested(IssuerSchema, required=True, metadata=doc("Cơ quan ban hành", "Góc trên bên trái"))
    number = Integer(minimum=1, maximum=999999, load_default=None, allow_none=True, metadata=doc("Số văn bản", "Trống: văn thư cấp số"))
    symbol = code_text(load_default=None, allow_none=True,
                       metadata=doc("Ký hiệu", "Mặc định: tên loại viết tắt - cơ quan (KH-UBND); công văn: cơ quan - đơn vị"))
    place = Text(max_length=limits.NAME, required=True, metadata=doc("Địa danh", "Trước ngày tháng"))
    date = Nested(IssueDateSchema, required=True, metadata=doc("Ngày ban hành", "Ngày, tháng có thể trống"))
    summary = LinesText(max_length=limits.SUMMARY, required=True, metadata=doc("Trích yếu nội dung", "Xuống dòng (\\n) để ngắt dòng"))
    # Stamped by the records office at issue, not printed in the draft: they
    # travel in the document's metadata (Appendix VI, field 14). Every kind
    # can be urgent or secret.
    urgency = Choice(URGENCIES, load_default=None, allow_none=True,
                     metadata=doc("Mức độ khẩn", "Văn thư đóng dấu khi ban hành; ghi vào dữ liệu văn bản điện tử"))
    confidentiality = Choice(CONFIDENTIALITIES, load_default=None, allow_none=True,
                             metadata=doc("Độ mật", "Văn thư đóng dấu khi ban hành; ghi vào dữ liệu văn bản điện tử"))
    recipients = List(Nested(RecipientSchema), max_items=limits.RECIPIENTS, load_default=list, metadata=doc("Nơi nhận", "Không gồm dòng Lưu"))
    archive = List(
        Text(max_length=limits.SHORT),
        max_items=limits.ARCHIVE_UNITS,
        load_default=lambda: ["VT"],
        metadata=doc("Lưu", "- Lưu: VT, …; VT tự thêm"),
    )
    signatory = Nested(SignatorySchema, required=True, metadata=doc("Người ký", "Chức vụ, họ tên"))

    def automatic_recipient(self, data: dict) -> str | None:
        """The line the kind prints first under "Nơi nhận:", if any ("Như
        trên" under a document that names its addressees above; a decision's
        "Như Điều 3"): typed again as a recipient it would print twice, so it
        is refused there."""
        return AS_ABOVE if names_its_addressees(data) else None

    @validates_schema
    def recipients_not_automatic(self, data, **kwargs):
        automatic = self.automatic_recipient(data)
        if not automatic:
            return
        typed = re.compile(rf"^{re.escape(automatic)}\b", re.IGNORECASE)
        errors = {index: {"name": [Problem("automatic_recipient", line=automatic)]}
                  for index, recipient in enumerate(data.get("recipients", [])) if typed.match(recipient["name"])}
        if errors:
            raise ValidationError({"recipients": errors})


def kind_field(name: str, *, optional: bool = False) -> Choice:
    """``kind``: the kind's name, which a plan (the default kind) may leave out."""
    description = f"Luôn là {name}" + ("; không gửi cũng là kế hoạch" if optional else "")
    metadata = doc("Loại văn bản", f"{KINDS[name].label}: {description}")
    if optional:
        return Choice((name,), load_default=name, metadata=metadata)
    return Choice((name,), required=True, metadata=metadata)


def legal_bases_field() -> List:
    return List(paragraph_text(), max_items=limits.LEGAL_BASES, load_default=list, metadata=doc("Căn cứ ban hành", "Tự thêm ; và ."))


def lead_in_field() -> Text:
    return paragraph_text(load_default=None, allow_none=True, metadata=doc("Câu dẫn", "Trước phần nội dung"))


def body_field(title: str, description: str, allowed: tuple[str, ...] | None = None) -> List:
    return block_list(allowed, metadata=doc(title, description))


def closing_field() -> Text:
    return paragraph_text(load_default=None, allow_none=True, metadata=doc("Đoạn kết thúc", "Trên đây là …; tự thêm ./."))


def appendices_field() -> List:
    return List(Nested(AppendixSchema), max_items=limits.APPENDICES, load_default=list,
                metadata=doc("Phụ lục", "Số trang mỗi phụ lục lại từ 1"))


def addressees_field(*, required: bool) -> List:
    """After "Kính gửi:": one on the same line, several one a line."""
    description = "Một nơi: cùng dòng; nhiều nơi: mỗi nơi một dòng; “Như trên” tự in ở Nơi nhận"
    return List(heading_text(), min_items=1 if required else 0, max_items=limits.RECIPIENTS,
                **({"required": True} if required else {"load_default": list}),
                metadata=doc("Kính gửi", description))


class TextDocumentSchema(DocumentSchema):
    """A document whose body is text — paragraphs, sections I., 1. … —
    ended by a closing and followed by appendices (models 1.4 and 1.5)."""

    body = body_field("Nội dung", "Đoạn văn, các mục I., II. …")
    closing = closing_field()
    appendices = appendices_field()
