"""Decree 30 writing conventions: numbers, dates, symbols, capitals, endings."""

from __future__ import annotations

import datetime
import unicodedata
from decimal import Decimal

from babel.numbers import format_decimal

from .table_math import round_to

LOCALE = "vi_VN"
MAX_PLACES = 6
# What a records office leaves blank in a draft, to fill in by hand at issue.
BLANK_NUMBER = " " * 5
BLANK_DAY_MONTH = " " * 2

# The closing mark of a document's text.
END_OF_TEXT = "./."
# A collective's name stands on two lines: "ỦY BAN NHÂN DÂN" / "HUYỆN TAM ĐƯỜNG".
COLLECTIVE_PREFIXES = ("Ủy ban nhân dân", "Uỷ ban nhân dân", "Hội đồng nhân dân")

# Letters of points in Vietnamese drafting: "đ" after "d"; no f, j, w, z.
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"

# Python's weekday() (Monday 0) as Vietnamese writes it.
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")

ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def two_digits(value: int) -> str:
    """Day and document number below 10 take a leading zero: 05."""
    return f"{value:02d}"


def month_text(month: int) -> str:
    """Only January and February take a leading zero: 01, 02, 3 … 12."""
    return two_digits(month) if month <= 2 else str(month)


def date_text(date: dict) -> str:
    """"ngày 05 tháng 3 năm 2021", with blanks for a missing day or month."""
    day = two_digits(date["day"]) if date.get("day") else BLANK_DAY_MONTH
    month = month_text(date["month"]) if date.get("month") else BLANK_DAY_MONTH
    return f"ngày {day} tháng {month} năm {date['year']}"


def weekday(year: int, month: int, day: int) -> str:
    return WEEKDAYS[datetime.date(year, month, day).weekday()]


def clock_text(hour: int, minute: int) -> str:
    """"08 giờ 00 phút", "14 giờ 30 phút"."""
    return f"{two_digits(hour)} giờ {two_digits(minute)} phút"


def meeting_time(time: dict) -> str:
    """"08 giờ 00 phút, thứ Sáu, ngày 15 tháng 3 năm 2024", or "Từ 08 giờ 00
    phút đến 11 giờ 30 phút, …" when it ends at a given time."""
    start = clock_text(time["hour"], time["minute"])
    if time.get("end_hour") is not None:
        start = f"Từ {start} đến {clock_text(time['end_hour'], time['end_minute'])}"
    day = weekday(time["year"], time["month"], time["day"])
    return f"{start}, {day}, {date_text(time)}"


def number_symbol(number: int | None, symbol: str) -> str:
    """"05/KH-UBND", or a blank number for the records office."""
    shown = two_digits(number) if number is not None else BLANK_NUMBER
    return f"{shown}/{symbol}"


def figure(value, decimals: int | None = None) -> str:
    """A number the Vietnamese way: 3.022; 0,36; 1.100 (rounded half-up, as
    the tables' rates are; at most 6 places when ``decimals`` is None)."""
    if value is None:
        return "-"
    places = MAX_PLACES if decimals is None else decimals
    rounded = round_to(Decimal(str(value)), places)
    if rounded == 0:
        rounded = abs(rounded)  # a negative value that rounds to zero is 0,00, not -0,00
    pattern = "#,##0." + ("#" * MAX_PLACES if decimals is None else "0" * decimals)
    return format_decimal(rounded, format=pattern.rstrip("."), locale=LOCALE)


def target_text(target: dict) -> str:
    """A target with its figure: "Giảm tỷ lệ hộ nghèo 0,2%/năm", "… 1.100 lao
    động" (no space before a unit that starts with a percent sign)."""
    if target["value"] is None:
        return target["text"]
    unit = target["unit"] or ""
    joiner = "" if unit.startswith("%") or not unit else " "
    return f"{target['text']} {figure(target['value'])}{joiner}{unit}"


def roman(value: int) -> str:
    parts = []
    for amount, letters in ROMAN:
        count, value = divmod(value, amount)
        parts.append(letters * count)
    return "".join(parts)


def point_label(index: int) -> str:
    """"a)" … "y)" for the first 23 points, then the letters doubled as Word
    does past "z": "aa)" … "yy)", "aaa)" …"""
    rounds, position = divmod(index, len(POINT_LETTERS))
    return POINT_LETTERS[position] * (rounds + 1) + ")"


def appendix_label(index: int, count: int) -> str:
    """"Phụ lục" when a document has one appendix, "Phụ lục I", "II" … when more."""
    return f"Phụ lục {roman(index + 1)}" if count > 1 else "Phụ lục"


def upper(text: str) -> str:
    return text.upper()


def ensure_ending(text: str, ending: str, replaceable: str = ".;,:") -> str:
    """``text`` ending with exactly ``ending``, replacing a stray final mark."""
    text = text.rstrip()
    if text.endswith(ending):
        return text
    return text.rstrip(replaceable).rstrip() + ending


def drop_ending(shown: str, ending: str) -> str:
    """The text that ``ensure_ending(text, ending)`` turns into ``shown``,
    without the ending when that is possible (its exact inverse)."""
    shown = shown.rstrip()
    if shown.endswith(ending):
        shorter = shown[: -len(ending)].rstrip()
        if shorter and ensure_ending(shorter, ending) == shown:
            return shorter
    return shown


def issuer_lines(name: str) -> list[str]:
    """The issuer as the header prints it: a collective on two lines
    ("ỦY BAN NHÂN DÂN" / "HUYỆN TAM ĐƯỜNG"), anything else on one."""
    folded = unicodedata.normalize("NFC", name).casefold()
    for prefix in COLLECTIVE_PREFIXES:
        rest = name[len(prefix):].strip()
        if folded.startswith(prefix.casefold()) and rest:
            return [upper(name[: len(prefix)]), upper(rest)]
    return [upper(name)]
