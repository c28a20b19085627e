"""Who issues the plan, its number and date, and who signs and receives it."""

from __future__ import annotations

import datetime

from marshmallow import ValidationError, validate, validates_schema

from . import limits
from .base import StrictSchema
from .fields import Choice, Integer, List, Nested, Text
from .problems import Problem

# Decree 30/2020, Appendix III: document type names and their abbreviations.
DOCUMENT_TYPES = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC",
    "Quy định": "QyĐ", "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD",
    "Chương trình": "CTr", "Kế hoạch": "KH", "Phương án": "PA", "Đề án": "ĐA",
    "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr",
}

SIGNING_AUTHORITIES = ("KT", "TL", "TUQ", "Q")
CODE_HINT = "chữ cái, chữ số và dấu gạch nối, không có khoảng trắng (ví dụ: UBND, KH-UBND)"
# Letters of the Vietnamese alphabet (NFC), besides ASCII: a range such as
# À-ỹ would also admit "×", Cyrillic, Arabic and invisible marks.
VIETNAMESE_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_CODE_CHARACTER = f"[0-9A-Za-z{VIETNAMESE_LETTERS}{VIETNAMESE_LETTERS.upper()}]"
CODE_PATTERN = rf"^{_CODE_CHARACTER}+(-{_CODE_CHARACTER}+)*$"


def code_text(**kwargs) -> Text:
    field = Text(max_length=limits.SHORT, **kwargs)
    field.validators.append(validate.Regexp(CODE_PATTERN, error=Problem("invalid_pattern", hint=CODE_HINT)))
    return field


class IssuerSchema(StrictSchema):
    parent = Text(max_length=limits.NAME, load_default=None, allow_none=True, metadata={"title": "Cơ quan chủ quản"})
    name = Text(max_length=limits.NAME, required=True, metadata={"title": "Tên cơ quan ban hành"})
    abbreviation = code_text(required=True, metadata={"title": "Tên viết tắt của cơ quan (ví dụ: UBND)"})


class IssueDateSchema(StrictSchema):
    """A full date, or only the year (and month) in a draft: the records
    office fills the blanks at issue."""

    year = Integer(minimum=1945, maximum=2200, required=True, metadata={"title": "Năm"})
    month = Integer(minimum=1, maximum=12, load_default=None, allow_none=True, metadata={"title": "Tháng"})
    day = Integer(minimum=1, maximum=31, load_default=None, allow_none=True, metadata={"title": "Ngày"})

    @validates_schema
    def real_date(self, data, **kwargs):
        year, month, day = data["year"], data.get("month"), data.get("day")
        if day is not None and month is None:
            raise ValidationError(Problem("day_without_month"), "day")
        if day is not None:
            try:
                datetime.date(year, month, day)
            except ValueError:
                raise ValidationError(Problem("invalid_date", day=day, month=month, year=year), "day")


class RecipientSchema(StrictSchema):
    name = Text(max_length=limits.NAME, required=True)
    note = Text(max_length=limits.SHORT, load_default=None, allow_none=True, metadata={"title": "Ghi chú (ví dụ: b/c)"})


class SignatorySchema(StrictSchema):
    collective = Text(max_length=limits.NAME, load_default=None, allow_none=True, metadata={"title": "Tập thể lãnh đạo (TM.)"})
    authority = Choice(SIGNING_AUTHORITIES, load_default=None, allow_none=True, metadata={"title": "Thẩm quyền ký: KT., TL., TUQ., Q."})
    principal_title = Text(max_length=limits.NAME, load_default=None, allow_none=True, metadata={"title": "Chức vụ người đứng đầu (khi ký KT., TL., TUQ.)"})
    title = Text(max_length=limits.NAME, required=True, metadata={"title": "Chức vụ người ký"})
    name = Text(max_length=limits.NAME, required=True)

    @validates_schema
    def principal_matches_authority(self, data, **kwargs):
        needs_principal = data.get("authority") in ("KT", "TL", "TUQ")
        if needs_principal and not data.get("principal_title"):
            raise ValidationError(Problem("authority_needs_principal"), "principal_title")
        if data.get("principal_title") and not needs_principal:
            raise ValidationError(Problem("principal_without_authority"), "principal_title")
