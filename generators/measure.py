"""Widths of text as Word and LibreOffice set it, from the font's own metrics.

Layout decisions that depend on where lines break (does the place and date
fit on one line, is the closing paragraph two lines long) measure the text
with the advance widths of Liberation Serif, which is metric-compatible
with Times New Roman (the template's font) and is what LibreOffice uses to
make the PDF. Without the font files (a machine that only makes .docx),
an average width per character stands in.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/msttcorefonts"),
)
FONT_FILES = {
    (False, False): ("LiberationSerif-Regular.ttf", "Times_New_Roman.ttf"),
    (True, False): ("LiberationSerif-Bold.ttf", "Times_New_Roman_Bold.ttf"),
    (False, True): ("LiberationSerif-Italic.ttf", "Times_New_Roman_Italic.ttf"),
    (True, True): ("LiberationSerif-BoldItalic.ttf", "Times_New_Roman_Bold_Italic.ttf"),
}
# Average advance of Times New Roman on Vietnamese text, in ems.
AVERAGE_EM = 0.47


@lru_cache(maxsize=4)
def _advances(bold: bool, italic: bool) -> dict[str, float] | None:
    """Advance width in ems of every character the font maps, or None."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        return None
    for directory in FONT_DIRS:
        for name in FONT_FILES[(bold, italic)]:
            path = directory / name
            if path.is_file():
                font = TTFont(path, lazy=True)
                per_em = font["head"].unitsPerEm
                metrics = font["hmtx"].metrics
                return {chr(code): metrics[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}
    return None


def text_width(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width of ``text`` on one line, in points."""
    advances = _advances(bold, italic)
    if advances is None:
        return len(text) * AVERAGE_EM * size_pt
    return sum(advances.get(char, AVERAGE_EM) for char in text) * size_pt
