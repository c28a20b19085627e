"""Word list numbering: the label Word draws before a paragraph ("II.",
"1.2.", "a)", "-", "•"), from the paragraph's or its style's w:numPr,
resolved through numbering.xml with running counters."""

from __future__ import annotations

import re

from nd30.vietnamese import roman

from .styles import Styles, W

BULLET = "bullet"
# Word's own alphabet, as it draws a lettered list (no đ).
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _letter(value: int) -> str:
    value = max(1, value)
    return _LETTERS[(value - 1) % 26] * ((value - 1) // 26 + 1)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": roman,
    "lowerRoman": lambda n: roman(n).lower(),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "none": lambda n: "",
}


class Numbering:
    def __init__(self, root, styles: Styles):
        self.styles = styles
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstract → ilvl → (format, text, start)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.findall(W.abstractNum):
            self.levels[abstract.get(W.abstractNumId)] = {
                _int(lvl.get(W.ilvl), 0): _level(lvl) for lvl in abstract.findall(W.lvl)
            }
        for num in root.findall(W.num):
            abstract = num.find(W.abstractNumId)
            if abstract is None:
                continue
            starts = {}
            for override in num.findall(W.lvlOverride):
                start = override.find(W.startOverride)
                if start is not None:
                    starts[_int(override.get(W.ilvl), 0)] = _int(start.get(W.val), 1)
            self.nums[num.get(W.numId)] = (abstract.get(W.val), starts)

    def label(self, ppr: dict, style_id: str) -> tuple[str, int, bool]:
        """(label text, list level, is a bullet) of the paragraph whose direct
        properties are ``ppr``; ("", 0, False) without numbering."""
        num_pr = self.styles.paragraph_property(ppr, style_id, W.numPr)
        if num_pr is None:
            return "", 0, False
        num_id_el, ilvl_el = num_pr.find(W.numId), num_pr.find(W.ilvl)
        num_id = num_id_el.get(W.val) if num_id_el is not None else None
        if not num_id or num_id == "0" or num_id not in self.nums:
            return "", 0, False
        ilvl = _int(ilvl_el.get(W.val), 0) if ilvl_el is not None else 0
        abstract, starts = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return "", ilvl, False
        fmt, text, start = levels[ilvl]
        if fmt == BULLET:
            return text.strip(), ilvl, True
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, starts.get(ilvl, start) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def value(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            level_format = levels.get(level, ("decimal", "", 1))[0]
            count = counters.get(level, levels.get(level, ("", "", 1))[2])
            return FORMATS.get(level_format, str)(count)

        return re.sub(r"%(\d)", value, text).strip(), ilvl, False


def _level(lvl) -> tuple[str, str, int]:
    fmt = lvl.find(W.numFmt)
    text = lvl.find(W.lvlText)
    start = lvl.find(W.start)
    return (
        fmt.get(W.val, "decimal") if fmt is not None else "decimal",
        text.get(W.val, "") if text is not None else "",
        _int(start.get(W.val), 1) if start is not None else 1,
    )


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
