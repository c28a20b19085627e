"""Text as a PDF lays it out: each page's runs of text with their boxes, read
with pdfium (fast C, a few milliseconds a page).

Coordinates are PDF user space in points, origin at the bottom-left corner of
the page, as a signature field's /Rect is written.
"""

from __future__ import annotations

import ctypes
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import pypdfium2
import pypdfium2.raw as pdfium_raw

T = TypeVar("T")

# pdfium is not thread-safe; the service converts in many request threads.
_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def center_x(self) -> float:
        return (self.left + self.right) / 2

    @property
    def center_y(self) -> float:
        return (self.bottom + self.top) / 2

    def overlaps_horizontally(self, other: Box) -> bool:
        return self.left < other.right and other.left < self.right


@dataclass(frozen=True)
class Segment:
    """A run of text on one line (pdfium splits a line at a wide gap, so the
    two cells of a borderless table row are two segments). Its box holds
    both the ink and the line (the font's descent to one font size above the
    baseline): "Nguyễn" inks lower than its line's top."""

    text: str  # whitespace folded, NFC
    box: Box


@dataclass(frozen=True)
class PageText:
    index: int  # 0-based
    width: float
    height: float
    segments: tuple[Segment, ...]


def fold(text: str) -> str:
    """Text as compared here: NFC, runs of whitespace as one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def find_on_pages(pdf: bytes, pages: Callable[[int], Iterable[int]], look: Callable[[PageText], T | None],
                  *, mentioning: str = "") -> T | None:
    """The first non-None answer of ``look`` over the pages ``pages(count)``
    names, in that order; None when no page answers. Pages are read only as
    far as needed, and only those whose text has ``mentioning`` (a quick
    search inside pdfium) are laid out in segments."""
    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            for index in pages(len(document)):
                found = _look_at(document, index, look, mentioning)
                if found is not None:
                    return found
            return None
        finally:
            document.close()


def page_count(pdf: bytes) -> int:
    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def _look_at(document: pypdfium2.PdfDocument, index: int, look: Callable[[PageText], T | None], mentioning: str):
    page = document[index]
    text_page = page.get_textpage()
    try:
        if mentioning and text_page.search(mentioning, match_case=True).get_next() is None:
            return None
        return look(_page_text(page, text_page, index))
    finally:
        text_page.close()
        page.close()


def _page_text(page: pypdfium2.PdfPage, text_page: pypdfium2.PdfTextPage, index: int) -> PageText:
    segments = []
    for rect in range(text_page.count_rects()):
        left, bottom, right, top = text_page.get_rect(rect)
        text = fold(text_page.get_text_bounded(left, bottom, right, top))
        if text:
            segments.append(Segment(text, _line_box(text_page, Box(left, bottom, right, top))))
    width, height = page.get_size()
    return PageText(index, width, height, tuple(segments))


def _line_box(text_page: pypdfium2.PdfTextPage, ink: Box) -> Box:
    """``ink`` (pdfium's tight rectangle) grown to the line of its first
    character: from the font's descent (its loose box) to one font size above
    the baseline, where text extractors (pdfminer) put a line's top."""
    first = text_page.get_index(ink.left + min(1.0, ink.width / 2), ink.center_y, 1.0, 1.0)
    if first is None:
        return ink
    _, descent, _, _ = text_page.get_charbox(first, loose=True)
    size = pdfium_raw.FPDFText_GetFontSize(text_page.raw, first)
    x, baseline = ctypes.c_double(), ctypes.c_double()
    if not pdfium_raw.FPDFText_GetCharOrigin(text_page.raw, first, ctypes.byref(x), ctypes.byref(baseline)):
        return ink
    return Box(ink.left, min(ink.bottom, descent), ink.right, max(ink.top, baseline.value + size))
