"""Text helpers shared by the recognizer: accent-insensitive folding for
matching what clerks type, case restoration, Vietnamese figures."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

# Characters the plan schema refuses inside one line of text (controls, line
# and paragraph separators, what XML cannot carry).
REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0]+")


class _WithoutMarks(dict):
    """A ``str.translate`` table that drops combining marks, filled as
    characters are met (the marks are many, a document uses a few)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _WithoutMarks()
_NOT_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lower case, no diacritics, đ → d, single spaces: what two spellings of
    one heading have in common ("TỔ CHỨC THỰC HIỆN" ~ "Tổ chức thực hiện")."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return _SPACES.sub(" ", decomposed.translate(_WITHOUT_MARKS).casefold()).strip()


def words_of(text: str) -> str:
    """``fold`` with punctuation turned into spaces, for keyword matching."""
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


def clean(text: str) -> str:
    """One line of plan text: NFC, tabs as spaces,
    characters the schema refuses removed, trimmed."""
    text = unicodedata.normalize("NFC", text).replace("\t", " ")
    return REFUSED.sub("", text).strip()



def excerpt(text: str, words: int = 8) -> str:
    parts = clean(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def lower(text: str) -> str:
    """Lower case, but only letters whose capital comes back the same, so
    the generator's capitals reproduce the text exactly (not "İ" → "i̇")."""
    return "".join(c.lower() if c.lower().upper() == c else c for c in text)


def sentence_case(text: str) -> str:
    """"MỤC ĐÍCH, YÊU CẦU" → "Mục đích, yêu cầu"; mixed-case text is kept
    (the generator writes Roman-level headings in capitals again), and so are
    abbreviations of a few capitals (UBND, MTQG)."""
    if not is_upper(text):
        return text
    lowered = []
    for index, word in enumerate(text.split(" ")):
        letters = [c for c in word if c.isalpha()]
        if index and _abbreviation(word, letters):
            lowered.append(word)
        else:
            lowered.append(lower(word))
    result = " ".join(lowered)
    return result[:1].upper() + result[1:]


# Capitals that stay capitals in sentence case: abbreviations clerks write.
ABBREVIATIONS = {"UBND", "HĐND", "MTTQ", "MTTQVN", "UBMTTQVN", "MTQG", "BHXH", "BHYT", "THCS", "THPT", "KT-XH",
                 "TB&XH", "LĐ-TB&XH", "CNTT", "ĐBKK", "HTX", "NN&PTNT", "VH-XH", "TW", "CP", "QĐ", "NQ"}


def _abbreviation(word: str, letters: list[str]) -> bool:
    bare = word.strip("(),.;:")
    if bare in ABBREVIATIONS or re.fullmatch(r"[IVXLC]+", bare):
        return True
    # No vowel at all: an abbreviation (HĐND, TTCP), not a Vietnamese word.
    base = fold("".join(letters))
    return 2 <= len(letters) <= 6 and not any(c in "aeiouy" for c in base)


def parse_figure(text: str) -> Decimal | None:
    """A figure written the Vietnamese way ("3.022", "0,36", "12,83%", "-")
    as a Decimal, or None when the cell holds no number."""
    value = text.strip().replace(" ", "").rstrip("%")
    if not value or not re.fullmatch(r"[-+]?[\d.,]+", value):
        return None
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", value):
        value = value.replace(".", "")  # "3.022": thousands
    try:
        return Decimal(value)
    except InvalidOperation:
        return None
