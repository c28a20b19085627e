"""Labels clerks type (or Word draws) before a paragraph: "I.", "1.",
"1.1.", "1.2.1.", "a)", "đ)", "-", "+", "•", and a decision's "Điều 1.",
followed by a space or a tab."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nd30.vietnamese import POINT_LETTERS, roman

ROMAN = "roman"
ARABIC = "arabic"
LETTER = "letter"
DASH = "dash"
PLUS = "plus"
ARTICLE = "article"

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PATTERNS = (
    # "Điều 1." (its dot or colon required: "Điều 5 Luật …" is text).
    (ARTICLE, re.compile(r"^Điều\s+(\d{1,3})\s*[.:](?=[\s\u00a0]|$)", re.I)),
    (ROMAN, re.compile(r"^([IVXLC]{1,6})\s*[.):-](?=[\s\u00a0]|$)")),
    (ROMAN, re.compile(r"^(?:PHẦN|Phần|MỤC|Mục)\s+([IVXLC]{1,6})\s*[.):-]?(?=[\s\u00a0]|$)")),
    (ARABIC, re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(\.|\))?(?=[\s\u00a0]|$)")),
    (LETTER, re.compile(r"^([a-zđ])\)(?=[\s\u00a0]|$|\S)")),
    (DASH, re.compile(r"^[-–—‐−](?=[\s\u00a0]|$|[^-–—\s])")),
    (PLUS, re.compile(r"^\+(?=[\s\u00a0]|$|\S)")),
    (DASH, re.compile(r"^[•·●▪◦○■□➢➤✓√§](?=[\s\u00a0]|$|\S)")),
)
# Any of them: most paragraphs have no label, and are told so by one match, not eight.
_ANY = re.compile("|".join(f"(?{'i' if pattern.flags & re.I else ''}:{pattern.pattern})" for _, pattern in _PATTERNS))


@dataclass(frozen=True)
class Label:
    kind: str
    text: str               # as shown: "1.2.", "đ)", "-"
    depth: int = 1          # components of an arabic label: "1.2.1." → 3
    value: int = 0          # Roman/arabic last component, letter position

    @property
    def rank(self) -> int:
        """Heading rank: 0 for a Roman numeral, the components of an arabic label."""
        return self.depth if self.kind == ARABIC else 0

    def follows(self, previous: "Label | None") -> bool:
        """Whether this point letter comes right after ``previous`` (đ after d)."""
        return previous is not None and self.value == previous.value + 1


def roman_value(text: str) -> int | None:
    total, previous = 0, 0
    for char in reversed(text):
        value = _ROMAN_VALUES[char]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if total and roman(total) == text else None


def parse(text: str) -> tuple[Label | None, int]:
    """The label at the start of ``text`` and where the text after it (and
    its spaces or tab) starts; (None, 0) without a label."""
    stripped = text.lstrip(" \u00a0")
    if not _ANY.match(stripped):
        return None, 0
    offset = len(text) - len(stripped)
    for kind, pattern in _PATTERNS:
        match = pattern.match(stripped)
        if not match:
            continue
        label = _label(kind, match)
        if label is None:
            continue
        end = match.end()
        rest = stripped[end:]
        if kind == ARABIC and not match.group(2) and label.depth == 1:
            continue  # "5 xã", "2021 ...": a number, not a label
        if kind == LETTER and rest[:1] not in (" ", "\t", "\u00a0", ""):
            continue  # "a)b" is text
        spaces = len(rest) - len(rest.lstrip(" \t\u00a0"))
        return label, offset + end + spaces
    return None, 0


def _label(kind: str, match: re.Match) -> Label | None:
    if kind == ROMAN:
        value = roman_value(match.group(1))
        return Label(ROMAN, match.group(1) + ".", 1, value) if value else None
    if kind == ARABIC:
        parts = match.group(1).split(".")
        return Label(ARABIC, match.group(1) + ".", len(parts), int(parts[-1]))
    if kind == LETTER:
        letter = match.group(1)
        return Label(LETTER, letter + ")", 1, POINT_LETTERS.find(letter) + 1)
    if kind == PLUS:
        return Label(PLUS, "+")
    if kind == ARTICLE:
        return Label(ARTICLE, f"Điều {int(match.group(1))}.", 1, int(match.group(1)))
    return Label(DASH, "-")


def from_numbering(text: str, level: int, bullet: bool) -> Label | None:
    """The label Word draws, read like a typed one; bullets of Word's bullet
    button ("•", "o", "▪") are dashes at the first level, pluses below."""
    if bullet:
        if text in ("+",):
            return Label(PLUS, "+")
        return Label(PLUS, "+") if level >= 1 and text not in ("-", "–", "—") else Label(DASH, "-")
    label, _ = parse(text + " ")
    if label is None and re.fullmatch(r"\d{1,2}(\.\d{1,2})*", text):
        parts = text.split(".")
        return Label(ARABIC, text + ".", len(parts), int(parts[-1]))
    return label
