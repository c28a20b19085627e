"""Decree 30 checks on the page and the type: what the re-rendered
document corrects (margins, paper size, body size, font), reported as fixes."""

from __future__ import annotations

from collections import Counter

from ..notes import Notes
from ..outline import classify
from ..reading import Document

# Decree 30, Appendix I: allowed ranges (mm) and what our template uses.
MARGINS = {"top": (20, 25, 20), "bottom": (20, 25, 20), "left": (30, 35, 30), "right": (15, 20, 15)}
SIDE_NAMES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
A4 = (210, 297)
BODY_SIZES = (13, 14)
FONT = "Times New Roman"
TOLERANCE_MM = 0.6


def check(document: Document, notes: Notes) -> None:
    if document.pages:
        _page(document.pages[0], notes)
    _type(document, notes)


def _page(page, notes: Notes) -> None:
    if page.width_mm and page.height_mm:
        size = sorted((page.width_mm, page.height_mm))
        if abs(size[0] - A4[0]) > 2 or abs(size[1] - A4[1]) > 2:
            notes.fix("page_size", found=f"{_decimal(page.width_mm)} × {_decimal(page.height_mm)} mm")
    for side, (low, high, used) in MARGINS.items():
        value = page.margins_mm.get(side)
        if value is None:
            continue
        if value < low - TOLERANCE_MM or value > high + TOLERANCE_MM:
            notes.fix("margin", side=SIDE_NAMES[side], found=_decimal(value), fixed=_decimal(used))


def _decimal(value: float) -> str:
    return f"{value:g}".replace(".", ",")  # the Vietnamese decimal comma


def _type(document: Document, notes: Notes) -> None:
    sizes: Counter = Counter()
    fonts: Counter = Counter()
    for para in document.paragraphs():
        if para.cell is not None or not para.text.strip():
            continue
        if classify(para).role in ("paragraph", "bullet", "sub_bullet", "point"):
            if para.size:
                sizes[para.size] += len(para.text)
            if para.font:
                fonts[para.font] += len(para.text)
    if sizes:
        size = sizes.most_common(1)[0][0]
        if not BODY_SIZES[0] <= size <= BODY_SIZES[1]:
            notes.fix("body_size", found=_decimal(size))
    if fonts:
        font = fonts.most_common(1)[0][0]
        if font.casefold() != FONT.casefold():
            notes.fix("font", found=font)
