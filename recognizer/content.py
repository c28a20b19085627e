"""How much a .docx holds, counted from its XML before the recognizer reads
it, against a plan's caps (``schemas.limits``): a document a plan could not
hold is refused at once, with a code naming what is too much, instead of
being read at length (581,000 paragraphs took minutes and gigabytes).

First the sizes the zip directory declares for the XML parts that are read
(none may exceed ``MAX_XML_PART``), then one streaming pass over the main
part and the footnotes that stops at the first cap exceeded, keeping no
tree. The counts bound a plan's from above, so the caps follow from the
plan's:

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

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from schemas import limits

from .refusals import FileRefused, figure

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
MAIN_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
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
PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False}


class _Counts:
    def __init__(self) -> None:
        self.values = dict.fromkeys(CAPS, 0)

    def add(self, code: str, amount: int = 1) -> None:
        self.values[code] += amount
        if self.values[code] > CAPS[code]:
            raise FileRefused(code, count=figure(self.values[code]), max=figure(CAPS[code]))


def check_content(docx: bytes) -> None:
    """Raise FileRefused when the .docx holds more than a plan may (see the module's docstring)."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            for info in package.infolist():
                if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART:
                    raise FileRefused("part_too_large", part=info.filename, count=f"{info.file_size / MEGABYTE:.0f}",
                                      max=MAX_XML_PART // MEGABYTE)  # fmt: skip
            main = _target(package, "_rels/.rels", MAIN_DOCUMENT) or "word/document.xml"
            counts = _Counts()
            _count(package, main, counts)
            footnotes = _target(package, _rels_of(main), FOOTNOTES)
            if footnotes is not None:
                _count_text(package, footnotes, counts)
    except FileRefused:
        raise
    except (*UNREADABLE_PACKAGE, etree.XMLSyntaxError):
        raise FileRefused("corrupt_file") from None


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _target(package: zipfile.ZipFile, rels: str, kind: str) -> str | None:
    """The part a relationship of ``kind`` in ``rels`` points to, if any."""
    if rels not in package.namelist():
        return None
    root = etree.fromstring(package.read(rels), etree.XMLParser(**PARSER_OPTIONS))
    for relationship in root.iter(RELS):
        if relationship.get("Type") == kind and relationship.get("TargetMode") != "External":
            target = relationship.get("Target", "")
            if target.startswith("/"):
                return target[1:]
            return posixpath.normpath(posixpath.join(posixpath.dirname(posixpath.dirname(rels)), target))
    return None


def _events(package: zipfile.ZipFile, part: str, tags: tuple[str, ...]):
    """(event, element) of ``tags`` in a part, start and end, freeing what was read."""
    with package.open(part) as stream:
        for event, element in etree.iterparse(stream, events=("start", "end"), tag=tags, **PARSER_OPTIONS):
            yield event, element
            if event == "end" and element.tag == W + "p":
                element.clear(keep_tail=True)


def _count(package: zipfile.ZipFile, part: str, counts: _Counts) -> None:
    paragraph_text = run_text = False
    rows: list[int] = []  # for each open row, the cells counted when it opened
    tags = (W + "p", W + "r", W + "t", W + "tc", W + "tr", W + "tbl", W + "footnoteReference")
    for event, element in _events(package, part, tags):
        tag = element.tag
        if event == "start":
            if tag == W + "p":
                paragraph_text = False
            elif tag == W + "r":
                run_text = False
            elif tag == W + "tr":
                rows.append(counts.values["too_many_cells"])
            continue
        if tag == W + "t" and element.text:
            counts.add("too_much_text", len(element.text))
            paragraph_text = run_text = True
        elif tag == W + "r":
            counts.add("too_many_runs" if run_text else "too_many_empty")
        elif tag == W + "p":
            counts.add("too_many_paragraphs" if paragraph_text else "too_many_empty")
        elif tag == W + "tc":
            counts.add("too_many_cells")
        elif tag == W + "tr" and rows and rows.pop() == counts.values["too_many_cells"]:
            counts.add("too_many_empty")  # a row without cells
        elif tag == W + "tbl":
            counts.add("too_many_tables")
        elif tag == W + "footnoteReference":
            counts.add("too_many_footnotes")


def _count_text(package: zipfile.ZipFile, part: str, counts: _Counts) -> None:
    for event, element in _events(package, part, (W + "t", W + "p")):
        if event == "end" and element.tag == W + "t" and element.text:
            counts.add("too_much_text", len(element.text))
