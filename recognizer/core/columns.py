"""Columns and lines a clerk typed inside one paragraph: the header's two
columns and the recipients beside the signatory are often typed on one
line, the columns apart by tabs or a run of spaces, and a cell's lines
apart by line breaks."""

from __future__ import annotations

import dataclasses
import re

from ..reading import Para, Segment
from ..text import clean

LINE_BREAK = re.compile(r"(\n)")
TAB_GAP = re.compile(r"(\t+)")
GAP = re.compile(r"(\t+| {4,})")
# The blanks a records office leaves in "Số:      /KH-UBND" and "ngày    tháng
# năm" for the number and the date are no gap between columns.
BLANK_BEFORE = re.compile(r"(?:^|\s)(?:số\s*[:.]?|ngày|tháng)\s*$", re.I)
BLANK_AFTER = re.compile(r"^\s*(?:/|tháng|năm)", re.I)


@dataclasses.dataclass
class Piece:
    """A line or a column of a paragraph: its segments, and the paragraph."""

    para: Para
    segments: list[Segment]

    @property
    def text(self) -> str:
        return clean("".join(s.text for s in self.segments if s.note is None))

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self._letters) and bool(self._letters)

    @property
    def italic(self) -> bool:
        return all(s.italic for s in self._letters) and bool(self._letters)

    @property
    def _letters(self) -> list[Segment]:
        return [s for s in self.segments if s.note is None and s.text.strip()]


def split(segments: list[Segment], separator: re.Pattern) -> list[list[Segment]]:
    """``segments`` split where ``separator`` matches; footnotes stay with the text before them."""
    pieces: list[list[Segment]] = [[]]
    for segment in segments:
        if segment.note is not None:
            pieces[-1].append(segment)
            continue
        parts = separator.split(segment.text)
        for index, part in enumerate(parts):
            if index % 2 == 0:
                if part:
                    pieces[-1].append(dataclasses.replace(segment, text=part))
                continue
            before = "".join(s.text for s in pieces[-1] if s.note is None)
            after = parts[index + 1] if index + 1 < len(parts) else ""
            if part.startswith(" ") and BLANK_BEFORE.search(before) and BLANK_AFTER.match(after):
                pieces[-1].append(dataclasses.replace(segment, text=" "))  # a blank left for the records office
            else:
                pieces.append([])
    return pieces


def lines(para: Para) -> list[Piece]:
    """The paragraph's lines (apart by line breaks)."""
    return [Piece(para, segments) for segments in split(para.segments, LINE_BREAK)]


def columns(piece: Piece) -> list[Piece]:
    """A line's columns, apart by tabs and, outside a table's cells, by runs of
    spaces; the first is the left column (empty when the line starts with a gap)."""
    separator = TAB_GAP if piece.para.cell is not None else GAP
    return [Piece(piece.para, segments) for segments in split(piece.segments, separator)]
