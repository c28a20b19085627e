"""A rendered document as lines a person can diff: every paragraph (body,
tables, footnotes) with its style, list numbering, keep-with-next, and its
runs' text with their direct bold/italic; every section's page setup.

What a restructuring of the generators must leave unchanged, compared by
``test_golden.py`` against the files saved beside this module."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _attr(element, path: str, name: str = "val") -> str:
    found = element.find(path)
    return "" if found is None else (found.get(f"{W}{name}") or "on")


def _run(run) -> str:
    rpr = run.find(f"{W}rPr")
    marks = ""
    if rpr is not None:
        for tag in ("b", "i", "rStyle"):
            value = _attr(rpr, f"{W}{tag}")
            if value:
                marks += f"{tag}={value},"
    parts = []
    for child in run:
        if child.tag == f"{W}t":
            parts.append(child.text or "")
        elif child.tag == f"{W}br":
            parts.append("↵")
        elif child.tag == f"{W}footnoteReference":
            parts.append(f"[^{child.get(f'{W}id')}]")
        elif child.tag == f"{W}tab":
            parts.append("⇥")
    return f"<{marks}>{''.join(parts)}" if marks else "".join(parts)


def _paragraph(p) -> str:
    ppr = p.find(f"{W}pPr")
    style = num = keep = ""
    if ppr is not None:
        style = _attr(ppr, f"{W}pStyle")
        numpr = ppr.find(f"{W}numPr")
        if numpr is not None:
            num = f" num={_attr(numpr, f'{W}numId')}/{_attr(numpr, f'{W}ilvl')}"
        keep = " keep" if ppr.find(f"{W}keepNext") is not None else ""
    text = "".join(_run(r) for r in p.iter(f"{W}r"))
    return f"P {style}{num}{keep} | {text}"


def _section(sect) -> str:
    size = sect.find(f"{W}pgSz")
    start = _attr(sect, f"{W}pgNumType", "start")
    orient = "" if size is None else (size.get(f"{W}orient") or "portrait")
    return f"SECTION {orient} w={'' if size is None else size.get(f'{W}w')} start={start}"


def snapshot(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        document = etree.fromstring(package.read("word/document.xml"))
        footnotes = etree.fromstring(package.read("word/footnotes.xml"))
    lines = []
    for element in document.iter(f"{W}p", f"{W}tbl", f"{W}tr", f"{W}sectPr"):
        if element.tag == f"{W}p":
            lines.append(_paragraph(element))
        elif element.tag == f"{W}tbl":
            lines.append("TABLE")
        elif element.tag == f"{W}tr":
            trpr = element.find(f"{W}trPr")
            flags = "" if trpr is None else " ".join(child.tag.replace(W, "") for child in trpr)
            lines.append(f"ROW {flags}".rstrip())
        else:
            lines.append(_section(element))
    for note in footnotes.findall(f"{W}footnote"):
        if note.get(f"{W}type") is None:
            lines.append(f"FOOTNOTE {note.get(f'{W}id')}: " + " ".join(_paragraph(p) for p in note.iter(f"{W}p")))
    return lines
