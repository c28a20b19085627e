"""Kế hoạch (a plan): the first document kind. Detected by its type line;
read on the Decree 30 core (header, front matter, closing, signature block,
appendices) with a body of numbered sections, points, bullets and the
plan's named parts; made to fit the plan schema without losing a word."""

from __future__ import annotations

from typing import Iterator

from nd30.vietnamese import END_OF_TEXT, drop_ending
from schemas import load_plan

from .. import blocks
from ..core import checks
from ..core.appendix import appendix_texts, read_appendices
from ..core.closing import read_closing
from ..core.fields import (
    foot_fields,
    foot_texts,
    head_fields,
    head_texts,
    issuer_as_written,
    symbol_of,
)
from ..core.front_matter import read_front_matter, type_of
from ..core.header import read_header
from ..core.regions import find_regions, paragraphs_of
from ..core.signature import read_signature
from ..fitting import fit
from ..notes import Notes
from ..outline import OutlineBuilder, classify, is_own_style
from ..reading import Document, Table
from . import Kind, Reading, register

DOCUMENT_TYPE = "Kế hoạch"
# A plan's type line names it surely; another type of Appendix III is still
# read as a plan (the plan schema takes every type) until its own kind exists.
SURE, OTHER_TYPE, NO_TYPE = 1.0, 0.5, 0.1
POINT_BLOCKS = ("paragraph", "bullets", "table")   # what a point may hold (schemas/blocks/points.py)


def detect(document: Document) -> float:
    regions = find_regions(document.items)
    if regions.type_line is None:
        return NO_TYPE
    return SURE if type_of(regions.type_line) == DOCUMENT_TYPE else OTHER_TYPE


def build(document: Document) -> Reading:
    notes = Notes()
    if not any(p.text.strip() for p in document.paragraphs()):
        notes.warn("empty_document")
    regions = find_regions(document.items)
    header = read_header(paragraphs_of(regions.header), notes)
    if not header.found:
        notes.warn("no_header")
    front = read_front_matter(regions.front, notes)
    body_items = list(front.extra) + regions.body
    if _one_paragraph_body(front, body_items):
        body_items, front.lead_in = [front.lead_in_para], None
    closing, body_items = read_closing(body_items, notes)
    body, table_appendices = _body(body_items, notes)
    signature = read_signature(regions.signature, notes)
    appendices = table_appendices + read_appendices(regions.appendices, notes)
    checks.check(document, notes)
    issuer_as_written(header, appendices)

    plan: dict = {"schema_version": 1, **head_fields(header, front, notes)}
    if front.lead_in:
        plan["lead_in"] = front.lead_in
    plan["body"] = body
    if closing:
        plan["closing"] = closing
    plan.update(foot_fields(signature, notes))
    if appendices:
        plan["appendices"] = appendices
    return Reading(fit(plan, notes, load_plan), notes)


def _one_paragraph_body(front, body_items: list) -> bool:
    """Our generator's body of one paragraph, taken for the lead-in: nothing
    follows it, and it ends with the "./." the generator puts on the body's end."""
    para = front.lead_in_para
    return (para is not None and is_own_style(para) and drop_ending(front.lead_in, END_OF_TEXT) != front.lead_in
            and not any(isinstance(item, Table) or item.text.strip() for item in body_items))


def _body(items: list, notes: Notes) -> tuple[list[dict], list[dict]]:
    """The body's blocks, and the tables of figures in it as appendices."""
    builder = OutlineBuilder(notes)
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
    body = blocks.name_parts(builder.blocks())
    if not body:
        notes.warn("no_body")
    return body, appendices


def shown(plan_json: dict) -> Iterator[str]:
    """The texts a plan's document shows (labels and the national title and
    motto aside): what the coverage figure counts as kept."""
    plan = load_plan(plan_json)
    yield from head_texts(plan)
    yield plan["lead_in"] or ""
    yield from blocks.shown_texts(plan["body"])
    yield plan["closing"] or ""
    yield from foot_texts(plan)
    yield from appendix_texts(plan, symbol_of(plan))


register(Kind("ke_hoach", detect, build, shown))
