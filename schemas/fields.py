"""marshmallow fields that speak Vietnamese and keep text clean.

Every user-typed string goes through ``Text``: it is NFC-normalised (the
decree requires Unicode NFC), trimmed, and refused when it holds control
characters or line breaks, which would corrupt the Word XML or the layout.
"""

from __future__ import annotations

import re
import unicodedata

from marshmallow import ValidationError, fields, validate

from . import limits
from .problems import Problem

BASE_MESSAGES = {
    "required": Problem("required"),
    "null": Problem("null"),
    "validator_failed": Problem("invalid_type", expected="một giá trị hợp lệ"),
}

LINE_BREAKS = {"\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85"}
# Unicode category Cc (C0 and C1 controls), the line/paragraph separators, and
# what XML cannot carry at all: lone surrogates and U+FFFE/U+FFFF.
FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
TABLE_VALUE_TEXT = f"{limits.TABLE_VALUE:,.0f}".replace(",", ".")  # 1.000.000.000.000


def _messages(**extra: Problem) -> dict:
    return {**BASE_MESSAGES, **extra}


class Text(fields.String):
    """One line of user text (a heading, a paragraph, a name)."""

    default_error_messages = _messages(
        invalid=Problem("invalid_type", expected="chuỗi văn bản"),
        invalid_utf8=Problem("invalid_type", expected="chuỗi UTF-8"),
        blank=Problem("blank"),
    )

    def __init__(self, *, max_length: int, allow_blank: bool = False, **kwargs):
        validators = [validate.Length(max=max_length, error=Problem("too_long", max=max_length))]
        super().__init__(validate=validators, **kwargs)
        self.allow_blank = allow_blank
        self.metadata.setdefault("maxLength", max_length)

    def _deserialize(self, value, attr, data, **kwargs):
        text = unicodedata.normalize("NFC", super()._deserialize(value, attr, data, **kwargs)).strip()
        forbidden = FORBIDDEN.search(text)
        if forbidden:
            char = forbidden.group()
            if char in LINE_BREAKS:
                raise _problem("line_break")
            code = "control_character" if CONTROL.match(char) else "invalid_character"
            raise _problem(code, codepoint=f"{ord(char):04X}")
        if not text and not self.allow_blank:
            raise self.make_error("blank")
        return text


class LinesText(Text):
    """Text whose line breaks are the author's: a summary broken by meaning
    ("Thực hiện Chương trình mục tiêu quốc gia\nGiảm nghèo bền vững ...").
    Each line is checked as one line of text; empty lines are refused."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise self.make_error("invalid")
        lines = value.replace("\r\n", "\n").split("\n")
        return "\n".join(super(LinesText, self)._deserialize(line, attr, data, **kwargs) for line in lines)


def _problem(code: str, **params) -> ValidationError:
    return ValidationError(Problem(code, **params))


class Choice(Text):
    """Text restricted to a fixed set of values."""

    def __init__(self, choices, **kwargs):
        super().__init__(max_length=max(len(choice) for choice in choices), **kwargs)
        # One problem for a value that is not a choice, however long it is.
        self.validators = [validate.OneOf(choices, error=Problem("invalid_choice", choices=", ".join(choices)))]
        # JSON Schema's enum must admit null when the field does.
        self.metadata["enum"] = list(choices) + ([None] if self.allow_none else [])


class Integer(fields.Integer):
    default_error_messages = _messages(
        invalid=Problem("invalid_type", expected="số nguyên"),
        too_large=Problem("invalid_type", expected="số nguyên không quá lớn"),
    )

    def __init__(self, *, minimum: int, maximum: int, error: Problem | None = None, **kwargs):
        error = error or Problem("out_of_range", min=minimum, max=maximum)
        super().__init__(strict=True, validate=validate.Range(minimum, maximum, error=error), **kwargs)


class Number(fields.Float):
    """A figure of a table or a target: finite and at most TABLE_VALUE in
    size, so that every rate and total computed from it stays exact."""

    default_error_messages = _messages(
        invalid=Problem("invalid_type", expected="số"),
        special=Problem("invalid_type", expected="số hữu hạn"),
        too_large=Problem("invalid_type", expected="số không quá lớn"),
    )

    def __init__(self, *, minimum: float | None = None, **kwargs):
        too_large = Problem("number_too_large", max=TABLE_VALUE_TEXT)
        validators = [validate.Range(min=-limits.TABLE_VALUE, max=limits.TABLE_VALUE, error=too_large)]
        if minimum is not None:
            validators.append(validate.Range(min=minimum, error=Problem("negative_value")))
        super().__init__(allow_nan=False, validate=validators, **kwargs)


class Boolean(fields.Boolean):
    default_error_messages = _messages(invalid=Problem("invalid_type", expected="true hoặc false"))

    def __init__(self, **kwargs):
        super().__init__(truthy={True}, falsy={False}, **kwargs)


class List(fields.List):
    default_error_messages = _messages(invalid=Problem("invalid_type", expected="danh sách"))

    def __init__(self, inner, *, max_items: int, min_items: int = 0, **kwargs):
        # One validator per bound, so each gets its own precise message.
        validators = [validate.Length(max=max_items, error=Problem("too_many", max=max_items))]
        if min_items:
            validators.append(validate.Length(min=min_items, error=Problem("too_few", min=min_items)))
        super().__init__(inner, validate=validators, **kwargs)


class Nested(fields.Nested):
    default_error_messages = _messages(type=Problem("invalid_type", expected="đối tượng JSON"))


class StringOrObject(fields.Field):
    """An object of ``schema``, which may be written as a string alone: the
    value of its field ``key`` ("Sở Tư pháp" for ``{"text": "Sở Tư pháp"}``)."""

    def __init__(self, schema: type, key: str, **kwargs):
        super().__init__(**kwargs)
        self.schema, self.key = schema, key

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            value = {self.key: value}
        if not isinstance(value, dict):
            raise _problem("invalid_type", expected=f"chuỗi văn bản hoặc đối tượng JSON có trường {self.key}")
        return self.schema().load(value)

    def _serialize(self, value, attr, obj, **kwargs):
        return value


class Figures(fields.Dict):
    """Numbers keyed by a table's column keys."""

    default_error_messages = _messages(invalid=Problem("invalid_type", expected="đối tượng JSON ghép mã cột với số"))

    def __init__(self, key_field: fields.Field, **kwargs):
        super().__init__(keys=key_field, values=Number(minimum=0, allow_none=True), load_default=dict, **kwargs)


def paragraph_text(**kwargs) -> Text:
    """One paragraph of running text."""
    return Text(max_length=limits.PARAGRAPH, **kwargs)


def heading_text(default: str | None = None, **kwargs) -> Text:
    """A heading, a name, a title: a default is printed when none is given."""
    if default is None:
        return Text(max_length=limits.NAME, **kwargs)
    return Text(max_length=limits.NAME, load_default=default, dump_default=default, **kwargs)
