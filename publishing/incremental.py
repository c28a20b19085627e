"""Changed and new objects appended to a PDF as an incremental update
(ISO 32000-1, 7.5.6), the way a signature itself is added.

Why not pikepdf's ``save``: qpdf writes the whole file anew, reading every
object first (for the 15-page example, 300 KB and as long as the rest of the
finishing together). The update appends a few kilobytes and leaves the bytes
LibreOffice wrote exactly as they were. pikepdf reads the file lazily and
serializes the objects that change (``unparse``); objects that are new are
given their numbers here and written as text, because making one in qpdf
makes it read every object of the file first (12 ms of the 15-page example).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pikepdf

# The end of a file whose last cross-reference section is at the offset given.
_START_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TAIL = 1024


@dataclass(frozen=True)
class Written:
    """One object of the update: its number, generation and serialized body."""

    number: int
    generation: int
    body: bytes


class Update:
    """The objects appended to one file, new ones numbered after its last."""

    def __init__(self, document: pikepdf.Pdf):
        self.document = document
        self.written: dict[int, Written] = {}
        self._next = int(document.trailer.Size)

    def new_number(self) -> int:
        number, self._next = self._next, self._next + 1
        return number

    def write(self, number: int, body: bytes, generation: int = 0) -> None:
        self.written[number] = Written(number, generation, body)

    def rewrite(self, item: pikepdf.Object, body: bytes | None = None) -> None:
        """An object of the file as it is now (or with ``body`` instead)."""
        number, generation = item.objgen
        if number == 0:
            raise ValueError("only indirect objects can be rewritten in an update")
        self.write(number, serialized(item) if body is None else body, generation)


def serialized(item: pikepdf.Object) -> bytes:
    if isinstance(item, pikepdf.Stream):
        data = item.read_raw_bytes()  # as stored: its /Filter, if any, still applies
        dictionary = pikepdf.Dictionary({key: value for key, value in item.stream_dict.items()})
        dictionary.Length = len(data)
        return b"%s\nstream\n%s\nendstream" % (dictionary.unparse(), data)
    return item.unparse(resolved=True)  # this object's contents; the objects it refers to stay references


def with_entries(dictionary: pikepdf.Dictionary, entries: bytes, *, without: Iterable[str] = ()) -> bytes:
    """The dictionary serialized, less the keys ``without``, plus ``entries``
    (``b"/Annots [ 12 0 R 96 0 R ]"``): how an object of the file is made to
    refer to a new one, which pikepdf cannot name before qpdf made it."""
    kept = pikepdf.Dictionary({key: value for key, value in dictionary.items() if key not in set(without)})
    text = kept.unparse()
    if not text.endswith(b">>"):
        raise ValueError("a dictionary serializes as << … >>")
    return text[:-2].rstrip() + b" " + entries + b" >>"


def reference(number: int, generation: int = 0) -> bytes:
    return b"%d %d R" % (number, generation)


def updatable(original: bytes) -> bytes:
    """``original`` when it can take an update as LibreOffice writes it (its
    last cross-reference section a table, an information dictionary and an
    XMP stream of their own), otherwise the file rewritten whole so that it
    can: an update keeps the kind of cross-reference before it, and edits
    those two objects in place."""
    with pikepdf.open(io.BytesIO(original), inherit_page_attributes=False) as document:
        if (_previous_table(original) is not None and _indirect(document.trailer.get("/Info"))
                and _indirect(document.Root.get("/Metadata"))):
            return original
        if "/DocChecksum" in document.trailer:
            del document.trailer.DocChecksum  # LibreOffice's checksum of its own bytes, which change
        if not _indirect(document.trailer.get("/Info")):
            document.trailer.Info = document.make_indirect(pikepdf.Dictionary(document.trailer.get("/Info", {})))
        if not _indirect(document.Root.get("/Metadata")):
            with document.open_metadata(set_pikepdf_as_editor=False):
                pass  # an empty XMP packet of its own
        output = io.BytesIO()
        document.save(output, object_stream_mode=pikepdf.ObjectStreamMode.disable)
        return output.getvalue()


def _indirect(item: pikepdf.Object | None) -> bool:
    return item is not None and item.is_indirect


def append(original: bytes, update: Update) -> bytes:
    """``original`` followed by the update's objects, their cross-reference
    section and a trailer pointing back to the previous one. ``original``
    must be ``updatable``."""
    previous = _previous_table(original)
    if previous is None:
        raise ValueError("the last cross-reference section is not a table: see updatable()")
    output = bytearray(original)
    if not output.endswith(b"\n"):
        output += b"\n"
    offsets: dict[int, tuple[int, int]] = {}
    for number in sorted(update.written):
        item = update.written[number]
        offsets[number] = (len(output), item.generation)
        output += b"%d %d obj\n%s\nendobj\n" % (number, item.generation, item.body)
    section = len(output)
    output += b"xref\n"
    for run in _runs(sorted(offsets)):
        output += b"%d %d\n" % (run[0], len(run))
        for number in run:
            offset, generation = offsets[number]
            output += b"%010d %05d n \n" % (offset, generation)  # 20 bytes, as the format requires
    document = update.document
    trailer = pikepdf.Dictionary(
        Size=max(int(document.trailer.Size), max(offsets, default=0) + 1),
        Root=document.Root,
        Prev=previous,
    )
    for key in ("/Info", "/ID"):
        if key in document.trailer:
            trailer[key] = document.trailer[key]
    output += b"trailer\n%s\nstartxref\n%d\n%%%%EOF\n" % (trailer.unparse(), section)
    return bytes(output)


def _previous_table(original: bytes) -> int | None:
    found = _START_XREF.search(original[-_TAIL:])
    if found is None:
        return None
    offset = int(found.group(1))
    return offset if original[offset:offset + 4] == b"xref" else None


def _runs(numbers: list[int]) -> list[list[int]]:
    """Consecutive object numbers, one cross-reference subsection each."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs
