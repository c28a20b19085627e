"""How much a .docx holds, counted from its XML as it is parsed, before the
recognizer reads anything from it, against a plan's caps
(``schemas.limits``): a document a plan could not hold is refused at once,
with a code naming what is too much, instead of being read at length
(581,000 paragraphs took minutes and gigabytes).

First the sizes the zip directory declares for the XML parts that are read
(none may exceed ``MAX_XML_PART``), then the main part and the footnotes
parsed once, as a stream that stops at the first cap exceeded: what passes
is the tree the recognizer reads (``read_counted``), never parsed twice.
The counts bound a plan's from above, so the caps follow from the plan's:

- footnote references: a plan's footnotes (each becomes one);
- characters of text: a plan's characters (labels and the national motto
  are dropped on the way, never added);
- paragraphs with text: a plan's runs plus its table cells (each printed
  paragraph of a plan holds at least one of its runs, or is a cell);
- runs with text: twice a plan's runs plus its cells (Word splits one
  formatting into several runs as a text is edited; each figure of a table
  is a run);
- table cells: twice a plan's cells (label, number and code columns hold no
  figures);
- tables: a plan's blocks (each table is one);
- paragraphs, runs and table rows without text or cells (blank lines, tabs,
  breaks, fields' codes): as many as paragraphs with text. They are no part
  of a plan, but reading each costs as much: 175,000 empty paragraphs, 6 KB
  zipped, held a worker for 10 s before this cap.

A document within these caps may still give a plan over one of its own
caps; the import then answers with the plan and its errors (nothing lost).
"""

from __future__ import annotations

import zipfile
import zlib

from lxml import etree

from schemas import limits

from .refusals import FileRefused, figure

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MEGABYTE = 1024 * 1024
# Our largest allowed plan writes 2 MB of document.xml; Word's own markup
# (revision ids, language tags) takes a few times more.
MAX_XML_PART = 16 * MEGABYTE

CAPS = {
    "too_many_footnotes": limits.FOOTNOTES_TOTAL,
    "too_much_text": limits.CHARACTERS_TOTAL,
    "too_many_paragraphs": limits.RUNS_TOTAL + limits.CELLS_TOTAL,
    "too_many_runs": 2 * limits.RUNS_TOTAL + limits.CELLS_TOTAL,
    "too_many_cells": 2 * limits.CELLS_TOTAL,
    "too_many_empty": limits.RUNS_TOTAL + limits.CELLS_TOTAL,
    "too_many_tables": limits.BLOCKS_TOTAL,
}
# What reading a broken package raises: the file is corrupt.
UNREADABLE_PACKAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, KeyError, OSError, EOFError,
                      ValueError, RuntimeError, zlib.error)  # fmt: skip
# What the main part's count looks at.
P, R, T, TC, TR, TBL, FOOTNOTE_REFERENCE = BODY_TAGS = tuple(
    W + name for name in ("p", "r", "t", "tc", "tr", "tbl", "footnoteReference"))
PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False}


class _Counts:
    def __init__(self) -> None:
        self.values = dict.fromkeys(CAPS, 0)

    def add(self, code: str, amount: int = 1) -> None:
        self.values[code] += amount
        if self.values[code] > CAPS[code]:
            raise FileRefused(code, count=figure(self.values[code]), max=figure(CAPS[code]))


def check_sizes(package: zipfile.ZipFile) -> None:
    """FileRefused when an XML part is larger than any document's: before any part is read."""
    for info in package.infolist():
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART:
            raise FileRefused("part_too_large", part=info.filename, count=f"{info.file_size / MEGABYTE:.0f}",
                              max=MAX_XML_PART // MEGABYTE)  # fmt: skip


def read_counted(package: zipfile.ZipFile, main: str, footnotes: str | None):
    """The XML trees of the main part and of the footnotes (None without
    them), each counted as it is parsed; FileRefused when the package holds
    more than a plan may (see the module's docstring) or is unreadable.
    The parts' sizes were checked first (``check_sizes``)."""
    try:
        counts = _Counts()
        root = _parsed(package, main, BODY_TAGS, lambda events: _count(events, counts))
        notes = None
        if footnotes is not None and footnotes in package.namelist():
            notes = _parsed(package, footnotes, (T,), lambda events: _count_text(events, counts))
        return root, notes
    except FileRefused:
        raise
    except (*UNREADABLE_PACKAGE, etree.XMLSyntaxError):
        raise FileRefused("corrupt_file") from None


def _parsed(package: zipfile.ZipFile, part: str, tags: tuple[str, ...], count):
    """The part's tree, ``count`` given its (event, element) of ``tags`` as they are parsed."""
    with package.open(part) as stream:
        parsing = etree.iterparse(stream, events=("start", "end"), tag=tags, **PARSER_OPTIONS)
        count(parsing)
        return parsing.root


def _count(events, counts: _Counts) -> None:
    paragraph_text = run_text = False
    rows: list[int] = []  # for each open row, the cells counted when it opened
    for event, element in events:
        tag = element.tag
        if event == "start":
            if tag == P:
                paragraph_text = False
            elif tag == R:
                run_text = False
            elif tag == TR:
                rows.append(counts.values["too_many_cells"])
            continue
        if tag == T:
            if element.text:
                counts.add("too_much_text", len(element.text))
                paragraph_text = run_text = True
        elif tag == R:
            counts.add("too_many_runs" if run_text else "too_many_empty")
        elif tag == P:
            counts.add("too_many_paragraphs" if paragraph_text else "too_many_empty")
        elif tag == TC:
            counts.add("too_many_cells")
        elif tag == TR:
            if rows and rows.pop() == counts.values["too_many_cells"]:
                counts.add("too_many_empty")  # a row without cells
        elif tag == TBL:
            counts.add("too_many_tables")
        elif tag == FOOTNOTE_REFERENCE:
            counts.add("too_many_footnotes")


def _count_text(events, counts: _Counts) -> None:
    for event, element in events:
        if event == "end" and element.text:
            counts.add("too_much_text", len(element.text))
