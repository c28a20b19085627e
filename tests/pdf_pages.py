"""A PDF read back as a reader sees its pages: lines of text with their
positions (pdfplumber), in points from the top-left corner of each page."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber

MM = 72 / 25.4
# The template's margins (templates_docx/ke-hoach.docx): 20 mm top and
# bottom, 30 mm left, 15 mm right.
TOP_MARGIN = 20 * MM
BOTTOM_MARGIN = 20 * MM
LEFT_MARGIN = 30 * MM
RIGHT_MARGIN = 15 * MM
# Words further apart than this on one baseline are in different cells.
COLUMN_GAP = 20
# A line of body text: 14 pt at 1.15 line spacing (ND30 Nội dung).
BODY_LINE = 14 * 1.15


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True)
class Page:
    number: int  # 1-based position in the file
    width: float
    height: float
    lines: tuple[Line, ...]

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def header_lines(self) -> list[Line]:
        """Lines in the top margin: the page number."""
        return [line for line in self.lines if line.bottom <= TOP_MARGIN]

    @property
    def body_lines(self) -> list[Line]:
        return [line for line in self.lines if line.bottom > TOP_MARGIN]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def find(self, text: str) -> Line | None:
        return next((line for line in self.lines if text in line.text), None)

    def free_space_at_bottom(self) -> float:
        """Empty height between the last line and the bottom margin."""
        body = self.body_lines
        last = max(line.bottom for line in body) if body else TOP_MARGIN
        return self.height - BOTTOM_MARGIN - last


def read_pages(pdf: bytes) -> list[Page]:
    pages = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for index, page in enumerate(document.pages):
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"])
            pages.append(Page(index + 1, float(page.width), float(page.height), tuple(_lines(words))))
    return pages


def _lines(words: list[dict]) -> list[Line]:
    """Words on one baseline (within 2 pt) are one line; separate columns of
    a table row (Số | place and date, Nơi nhận | signatory) come out as
    separate lines."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        row = rows[-1] if rows else None
        # A word left of the row's last one is in another column (the Nơi nhận
        # list beside a signature block's title line on the same baseline).
        if row and abs(row[-1]["bottom"] - word["bottom"]) <= 2 and -1 < word["x0"] - row[-1]["x1"] < COLUMN_GAP:
            row.append(word)
        else:
            rows.append([word])
    lines = [
        Line(" ".join(w["text"] for w in row), row[0]["x0"], row[-1]["x1"], min(w["top"] for w in row),
             max(w["bottom"] for w in row), max(w["size"] for w in row))
        for row in rows
    ]
    return sorted(lines, key=lambda line: (line.top, line.x0))


def reading_text(pdf: bytes) -> str:
    """The text of a PDF in the order a person reads it: each ruled table
    row by row, every cell whole (its lines joined, merged cells once), a
    header row repeated atop a continued table read once, the text around
    the tables line by line from the top of each page, page numbers (in the
    top margin) left out. Two layouts of one document (other column widths,
    other line breaks in a cell) read the same."""
    out: list[str] = []
    header_row = None  # the first row of the last table read
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            pieces: list[tuple[float, str]] = []
            tables = page.find_tables()
            for table in tables:
                rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
                if rows and rows[0] == header_row:
                    rows = rows[1:]  # the header Word repeats on the next page
                elif rows:
                    header_row = rows[0]
                pieces.append((table.bbox[1], "\n".join(text for row in rows for text in row if text)))
            words = [word for word in page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"])
                     if word["bottom"] > TOP_MARGIN and not any(_inside(word, table.bbox) for table in tables)]
            pieces += [(line.top, line.text) for line in _lines(words)]
            out += [text for _, text in sorted(pieces, key=lambda piece: piece[0])]
    return "\n".join(out)


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    """Whether a word's centre lies in a box (a line touching a table's
    border is not the table's)."""
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]
