"""Appendices after the signature block: each starts at its label ("Phụ lục
I", "Biểu số 01") or at a table that follows another; the paragraphs
before its table name it (label, title, "(Kèm theo …)", unit note), those
after the table are its notes. The table goes to the block claimants
(``recognizer/blocks``): a table of figures is the appendix's table, any
other keeps its words as notes."""

from __future__ import annotations

import re
from typing import Iterator

from nd30.kinds import issuing_body, name_of, symbol
from nd30.styles import APPENDIX_ATTACHED, APPENDIX_LABEL, APPENDIX_TITLE, TABLE_NOTE
from nd30.table_math import computed_table
from nd30.vietnamese import appendix_label, date_text, figure, number_symbol

from .. import blocks
from ..markup import to_markup
from ..notes import Notes
from ..outline import OutlineBuilder, classify, is_own_style
from ..reading import Para, Table
from ..text import clean, sentence_case
from .body import only

UNIT_NOTE = re.compile(r"^\(?\s*(đơn vị tính|đvt|đơn vị)\s*[:.]", re.I)
ATTACHED = re.compile(r"^\(\s*kèm theo", re.I)
APPENDIX_LABEL_TEXT = re.compile(r"^(phụ lục|biểu|biểu số|phụ biểu)\b", re.I)
LABEL_MAX_CHARS = 40
DEFAULT_TITLE = "Phụ lục"


def is_label(text: str) -> bool:
    return bool(APPENDIX_LABEL_TEXT.match(clean(text))) and len(clean(text)) <= LABEL_MAX_CHARS


def starts_appendix(para: Para) -> bool:
    return para.style_id == APPENDIX_LABEL.style_id or (not is_own_style(para) and is_label(para.text))


def is_title(para: Para) -> bool:
    if para.style_id == APPENDIX_TITLE.style_id:
        return True
    return not is_own_style(para) and (para.bold or para.align == "center") and not is_label(para.text)


def read_appendices(items: list, notes: Notes) -> list[dict]:
    """The appendices in ``items`` (what follows the signature block)."""
    groups: list[dict] = []
    for item in items:
        starts = isinstance(item, Table) and (not groups or groups[-1]["table"] is not None)
        starts = starts or (isinstance(item, Para) and starts_appendix(item) and (
            not groups or groups[-1]["table"] is not None or groups[-1]["after"] or _named(groups[-1])))
        if starts or not groups:
            groups.append({"before": [], "table": None, "after": []})
        group = groups[-1]
        if isinstance(item, Table):
            group["table"] = item
        elif item.text.strip() or any(s.note is not None for s in item.segments):
            (group["after"] if group["table"] is not None else group["before"]).append(item)
    appendices = []
    for group in groups:
        if not group["before"] and group["table"] is None:
            continue
        appendix, content, note_blocks = appendix_from(group["before"], group["table"], notes)
        note_blocks += notes_blocks(group["after"], notes)
        if content:
            appendix["content"] = content
        if note_blocks:
            appendix["notes"] = note_blocks
        appendices.append(appendix)
    for index, appendix in enumerate(appendices):
        if appendix.get("label") == appendix_label(index, len(appendices)):
            del appendix["label"]
    return appendices


def _named(group: dict) -> bool:
    return any(starts_appendix(p) for p in group["before"]) and any(is_title(p) for p in group["before"])


def appendix_from(paragraphs: list[Para], table: Table | None, notes: Notes) -> tuple[dict, list[dict], list[dict]]:
    """One appendix from the paragraphs before its table and the table: the
    appendix, its content (the table when it is no table of figures: a task
    matrix, a table of text) and the note blocks of what is neither label,
    title, "(Kèm theo …)" nor unit note (the "_attached" line is read by the caller)."""
    appendix: dict = {}
    title_parts, rest = [], []
    for para in paragraphs:
        text = clean(para.text)
        if not text and not any(s.note is not None for s in para.segments):
            continue
        if starts_appendix(para) and "label" not in appendix and not title_parts:
            appendix["label"] = sentence_case(text)
        elif para.style_id == APPENDIX_ATTACHED.style_id or ATTACHED.match(text):
            appendix["_attached"] = clean(to_markup(para.segments, para.base_bold, para.base_italic or para.italic)[0])
        elif (para.style_id == TABLE_NOTE.style_id or UNIT_NOTE.match(text)) and "_unit_note" not in appendix:
            appendix["_unit_note"] = text
        elif is_title(para) and not rest:
            title_parts.append(clean(to_markup(para.segments, True, para.base_italic)[0]))
        else:
            rest.append(para)
    appendix["title"] = sentence_case(" ".join(title_parts)) if title_parts else DEFAULT_TITLE
    unit = appendix.pop("_unit_note", None)
    note_blocks, content = notes_blocks(rest, notes), []
    if table is not None:
        reading = blocks.read_table(table, notes)
        if reading.figures is not None:
            if unit:
                reading.figures["unit_note"] = unit
                unit = None
            appendix["table"] = reading.figures
            note_blocks += reading.blocks  # a cell that held no figure
        else:
            content = reading.blocks
    if unit:
        note_blocks.insert(0, {"type": "paragraph", "text": unit})
    return appendix, content, note_blocks


def notes_blocks(paragraphs: list[Para], notes: Notes) -> list[dict]:
    """Paragraphs under an appendix as its notes: paragraphs and bullets (the
    schema's notes hold no sections or points: their texts become paragraphs)."""
    builder = OutlineBuilder(notes)
    for para in paragraphs:
        builder.add(classify(para))
    return only(("paragraph", "bullets"), builder.blocks())


def appendix_texts(data: dict, attached_to: str | None = None) -> Iterator[str]:
    """The texts the appendices of a (validated) document show, with the
    "(Kèm theo …)" line (``attached_to``: the document they are attached to,
    cited in full by default) and the tables' computed figures."""
    appendices = data["appendices"]
    for index, appendix in enumerate(appendices):
        yield from (appendix["label"] or appendix_label(index, len(appendices)), appendix["title"], "Kèm theo")
        if attached_to is not None:
            yield attached_to
        else:
            yield from (name_of(data), "số", number_symbol(data["number"], symbol(data)), date_text(data["date"]), "của",
                        issuing_body(data))
        if appendix["table"]:
            yield from _table_texts(appendix["table"])
        yield from blocks.shown_texts(appendix["content"])
        yield from blocks.shown_texts(appendix["notes"])


def _table_texts(table: dict) -> Iterator[str]:
    columns = table["columns"]
    yield from (table["number_header"], table["label_header"], table["unit_note"] or "", "A", "B")
    position = {column["key"]: str(index + 1) for index, column in enumerate(columns)}
    for column in columns:
        yield from (column["group"] or "", column["header"], position[column["key"]], *(position[k] for k in column["of"]))
    rows, total = computed_table(table)
    for number, (row, values) in enumerate(zip(table["rows"], rows), start=1):
        yield from (str(number), row["label"], *_figures(columns, values))
    if total is not None:
        yield from (table["total"]["label"], *_figures(columns, total))


def _figures(columns: list[dict], values: dict) -> Iterator[str]:
    for column in columns:
        yield figure(values[column["key"]], column["decimals"] if column["kind"] == "rate" else None)
