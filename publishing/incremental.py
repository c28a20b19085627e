"""Changed and new objects appended to a PDF as an incremental update
(ISO 32000-1, 7.5.6), the way a signature itself is added.

Why not pikepdf's ``save``: qpdf writes the whole file anew, reading every
object first (for the 15-page example, 300 KB and as long as the rest of the
finishing together). The update appends a few kilobytes and leaves the bytes
LibreOffice wrote exactly as they were; pikepdf still reads the file lazily
and serializes each object (``unparse``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pikepdf

# The end of a file whose last cross-reference section is at the offset given.
_START_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TAIL = 1024


class NotUpdatable(ValueError):
    """The file's last cross-reference section is not a classic table."""


def append_update(original: bytes, document: pikepdf.Pdf, objects: Iterable[pikepdf.Object]) -> bytes:
    """``original`` followed by the indirect ``objects`` of ``document`` (opened
    from ``original``) as they are now, their cross-reference section and a
    trailer pointing back to the previous one. Raises NotUpdatable when the
    previous section is a cross-reference stream (LibreOffice writes tables)."""
    found = _START_XREF.search(original[-_TAIL:])
    if found is None or original[int(found.group(1)):int(found.group(1)) + 4] != b"xref":
        raise NotUpdatable("the last cross-reference section is not a table")
    previous = int(found.group(1))
    output = bytearray(original)
    if not output.endswith(b"\n"):
        output += b"\n"
    offsets: dict[int, tuple[int, int]] = {}
    for item in sorted({item.objgen: item for item in objects}.values(), key=lambda item: item.objgen):
        number, generation = item.objgen
        if number == 0:
            raise ValueError("only indirect objects can be written in an update")
        offsets[number] = (len(output), generation)
        output += b"%d %d obj\n%s\nendobj\n" % (number, generation, _serialized(item))
    section = len(output)
    output += b"xref\n"
    for run in _runs(sorted(offsets)):
        output += b"%d %d\n" % (run[0], len(run))
        for number in run:
            offset, generation = offsets[number]
            output += b"%010d %05d n \n" % (offset, generation)  # 20 bytes, as the format requires
    trailer = pikepdf.Dictionary(
        Size=max(int(document.trailer.Size), max(offsets) + 1),
        Root=document.Root,
        Prev=previous,
    )
    for key in ("/Info", "/ID"):
        if key in document.trailer:
            trailer[key] = document.trailer[key]
    output += b"trailer\n%s\nstartxref\n%d\n%%%%EOF\n" % (trailer.unparse(), section)
    return bytes(output)


def _serialized(item: pikepdf.Object) -> bytes:
    if isinstance(item, pikepdf.Stream):
        data = item.read_raw_bytes()  # as stored: its /Filter, if any, still applies
        dictionary = pikepdf.Dictionary({key: value for key, value in item.stream_dict.items()})
        dictionary.Length = len(data)
        return b"%s\nstream\n%s\nendstream" % (dictionary.unparse(), data)
    return item.unparse(resolved=True)  # this object's contents; the objects it refers to stay references


def _runs(numbers: list[int]) -> list[list[int]]:
    """Consecutive object numbers, one cross-reference subsection each."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs
