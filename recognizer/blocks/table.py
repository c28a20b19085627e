"""``table``: a table of text, in the body or in an appendix — header rows,
group rows, merged cells, an STT column, widths and alignment — read by
``recognizer/tables.py``. It claims any Word table, below a table of figures
and a task matrix, and gives it up (to the paragraphs) when the result does
not fit the table block's schema."""

from __future__ import annotations

from typing import Iterator

from marshmallow import ValidationError

from nd30.vietnamese import roman
from schemas.blocks import BLOCKS

from ..tables import read_table
from . import BlockReader, TableClaim, TableReading, register

# Above the paragraphs' fallback, below a task matrix and a table of figures.
SCORE = 0.3


def read(table, notes) -> TableReading | None:
    block = read_table(table, notes)
    try:
        BLOCKS["table"].load(block)
    except ValidationError:
        return None
    return TableReading(blocks=[block])


def shown(block: dict) -> Iterator[str]:
    yield from (block.get("title") or "", block.get("unit_note") or "", block.get("number_column") or "")
    for column in block["columns"]:
        yield column.get("header") or ""
    for row in block.get("header_rows") or []:
        yield from (_text(cell) for cell in row)
    numbered, groups, number = block.get("number_column") is not None, 0, 0
    for row in block["rows"]:
        if row.get("group") is not None:
            groups, number = groups + 1, 0
            yield from (roman(groups) if numbered else "", row["group"])
            continue
        number += 1
        yield str(number) if numbered else ""
        yield from (_text(cell) for cell in row["cells"])


def _text(cell) -> str:
    return cell if isinstance(cell, str) else cell.get("text") or ""


register(BlockReader("table", table=TableClaim(lambda table: SCORE, read), shown=shown))
