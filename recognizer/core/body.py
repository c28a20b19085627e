"""The body between the front matter and the signature block, read with
the block readers into a kind's blocks: paragraphs by their roles, Word
tables by the best claim (a table of figures in the body becomes an
appendix). A plan names its parts ("Mục đích, yêu cầu" …); a decision's
body is its articles."""

from __future__ import annotations

from .. import blocks
from ..notes import Notes
from ..outline import OutlineBuilder, classify
from ..reading import Table

POINT_BLOCKS = ("paragraph", "bullets", "table")   # what a point may hold (schemas/blocks/points.py)


def read_body(items: list, notes: Notes, *, named_parts: bool = False, articles: bool = False) -> tuple[list[dict], list[dict]]:
    """The body's blocks, and the tables of figures in it as appendices."""
    builder = OutlineBuilder(notes, articles=articles)
    appendices = []
    for item in items:
        if isinstance(item, Table):
            reading = blocks.read_table(item, notes)
            if reading.figures is not None:
                first = next((p for p in item.paragraphs if p.text.strip()), None)
                notes.warn("table_in_body", first.index if first else None, first.text if first else None)
                appendix = {"title": "Phụ lục", "table": reading.figures}
                if reading.blocks:
                    appendix["notes"] = reading.blocks
                appendices.append(appendix)
            elif any(block["type"] not in POINT_BLOCKS for block in reading.blocks):
                builder.point_item = None  # a task matrix ends a point: it stands in the section
                builder.section_content.extend(reading.blocks)
            else:
                # A table after a point is the point's own (it explains it, as
                # "a) … như sau:" then the table), as the paragraphs after it are.
                builder.container.extend(reading.blocks)
            continue
        if not item.text.strip() and not item.numbering_label and not any(s.note for s in item.segments):
            continue  # an empty line; an empty numbered heading still is a section
        builder.add(classify(item))
    body = blocks.name_parts(builder.blocks()) if named_parts else builder.blocks()
    if not body:
        notes.warn("no_body")
    return body, appendices


def block_texts(block: dict) -> list[str]:
    """Every text of a block, in order: what it keeps when it must become paragraphs."""
    texts = [block[key] for key in ("heading", "text") if block.get(key)]
    for item in block.get("items", []):
        texts.append(item["text"] if isinstance(item, dict) else item)
        for sub in item.get("sub_items", []) if isinstance(item, dict) else []:
            texts.append(sub)
        for child in item.get("content", []) if isinstance(item, dict) else []:
            texts.extend(block_texts(child))
    for child in block.get("content", []):
        texts.extend(block_texts(child))
    return texts


def only(allowed: tuple[str, ...], found: list[dict]) -> list[dict]:
    """``found`` with every block of a type ``allowed`` does not hold as paragraphs of its texts."""
    result = []
    for block in found:
        if block["type"] in allowed:
            result.append(block)
        else:
            result.extend({"type": "paragraph", "text": text} for text in block_texts(block))
    return result
