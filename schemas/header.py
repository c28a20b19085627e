"""Who issues the plan, its number and date, and who signs and receives it."""

from __future__ import annotations

import datetime
import re
import string

from marshmallow import ValidationError, validate, validates_schema

from . import limits
from .base import StrictSchema
from .docs import doc
from .fields import Choice, Integer, Text
from .problems import Problem

SIGNING_AUTHORITIES = ("KT", "TL", "TUQ", "Q")
# Decree 30, Appendix I, II.10: the marks of urgency (box 10b) and of
# confidentiality (box 10a), as the stamps spell them.
URGENCIES = ("Khẩn", "Thượng khẩn", "Hỏa tốc")
CONFIDENTIALITIES = ("Mật", "Tối mật", "Tuyệt mật")
CODE_HINT = "chữ cái, chữ số và dấu gạch nối, không có khoảng trắng (ví dụ: UBND, KH-UBND)"
# Letters of the Vietnamese alphabet (NFC), besides ASCII: a range such as
# À-ỹ would also admit "×", Cyrillic, Arabic and invisible marks.
VIETNAMESE_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


def character_class(characters: str) -> str:
    """A regex character class admitting exactly ``characters``, with each run
    of consecutive code points written as a range (all of U+1EA0-U+1EF9 is
    Vietnamese letters): the same set, but a pattern /schema publishes twice
    stays short."""
    points = sorted(set(map(ord, characters)))
    runs: list[list[int]] = []
    for point in points:
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    parts = (chr(first) + ("-" if last > first + 1 else "") + (chr(last) if last > first else "")
             for first, last in runs)
    return "[" + "".join(parts) + "]"


_CODE_CHARACTER = character_class(string.digits + string.ascii_letters + VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper())
CODE_PATTERN = rf"^{_CODE_CHARACTER}+(-{_CODE_CHARACTER}+)*$"


def code_text(**kwargs) -> Text:
    field = Text(max_length=limits.SHORT, **kwargs)
    field.validators.append(validate.Regexp(CODE_PATTERN, error=Problem("invalid_pattern", hint=CODE_HINT)))
    return field


class IssuerSchema(StrictSchema):
    parent = Text(max_length=limits.NAME, load_default=None, allow_none=True,
                  metadata=doc("Cơ quan chủ quản", "In hoa, không đậm, trên tên cơ quan"))
    name = Text(max_length=limits.NAME, required=True, metadata=doc("Tên cơ quan ban hành", "In hoa, đậm"))
    abbreviation = code_text(required=True, metadata=doc("Tên viết tắt", "Của cơ quan, cho ký hiệu: KH-UBND"))


class IssueDateSchema(StrictSchema):
    """A full date, or only the year (and month) in a draft: the records
    office fills the blanks at issue."""

    year = Integer(minimum=1945, maximum=2200, required=True, metadata=doc("Năm", "Bắt buộc"))
    month = Integer(minimum=1, maximum=12, load_default=None, allow_none=True,
                    metadata=doc("Tháng", "Trống: văn thư điền"))
    day = Integer(minimum=1, maximum=31, load_default=None, allow_none=True,
                  metadata=doc("Ngày", "Trống: văn thư điền"))

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


# "Lưu: VT, PLĐ" typed as a recipient would print a second "Lưu" line.
ARCHIVE_LINE = re.compile(r"^lưu\s*:", re.IGNORECASE)


class RecipientSchema(StrictSchema):
    name = Text(max_length=limits.NAME, required=True, metadata=doc("Nơi nhận", "In: - tên (ghi chú);"))
    note = Text(max_length=limits.SHORT, load_default=None, allow_none=True, metadata=doc("Ghi chú", "Trong ngoặc, ví dụ b/c"))

    @validates_schema
    def not_the_archive_line(self, data, **kwargs):
        if ARCHIVE_LINE.match(data.get("name", "")):
            raise ValidationError(Problem("archive_in_recipients"), "name")


class SignatorySchema(StrictSchema):
    collective = Text(max_length=limits.NAME, load_default=None, allow_none=True,
                      metadata=doc("Tập thể lãnh đạo", "In: TM. ỦY BAN NHÂN DÂN"))
    authority = Choice(SIGNING_AUTHORITIES, load_default=None, allow_none=True,
                       metadata=doc("Thẩm quyền ký", "KT., TL., TUQ., Q."))
    principal_title = Text(max_length=limits.NAME, load_default=None, allow_none=True,
                           metadata=doc("Chức vụ người đứng đầu", "Khi ký KT., TL., TUQ."))
    title = Text(max_length=limits.NAME, required=True, metadata=doc("Chức vụ người ký", "In hoa, đậm"))
    name = Text(max_length=limits.NAME, required=True, metadata=doc("Họ tên người ký", "In đậm"))

    @validates_schema
    def principal_matches_authority(self, data, **kwargs):
        needs_principal = data.get("authority") in ("KT", "TL", "TUQ")
        if needs_principal and not data.get("principal_title"):
            raise ValidationError(Problem("authority_needs_principal"), "principal_title")
        if data.get("principal_title") and not needs_principal:
            raise ValidationError(Problem("principal_without_authority"), "principal_title")
