"""The heaviest plans the limits allow, and what they cost.

``python -m bench.heavy [--no-pdf]``

Each plan is valid and sits at one of the whole-plan caps (formatted runs,
footnotes, table cells) or at the request size limit with plain text; the
last one is at all of them at once. For each: the JSON size, validation,
DOCX render and PDF conversion time (one LibreOffice instance of the
service's own pool). The tests render and convert ``worst_plan()`` too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from schemas import PLAN_SCHEMA, limits
from schemas.workload import inline_work, table_cells

from .service import ROOT
from .stats import markdown_table

MAX_BODY = 2 * 1024 * 1024  # the service's MAX_CONTENT_LENGTH default
RUNS_PER_PARAGRAPH = limits.PARAGRAPH // 2
FILLER = "Noi dung ke hoach thuc hien nhiem vu nam 2024 cua xa. "  # ASCII: the most characters per byte


def base_plan() -> dict:
    return json.loads((ROOT / "examples" / "minimal.json").read_text(encoding="utf-8"))


def encoded(plan: dict) -> bytes:
    return json.dumps(plan, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _paragraph(text: str) -> dict:
    return {"type": "paragraph", "text": text}


def _sections(blocks: list[dict], heading: str) -> list[dict]:
    """Blocks grouped in sections of at most BLOCKS_PER_LIST."""
    size = limits.BLOCKS_PER_LIST
    return [{"type": "section", "heading": f"{heading} {index // size + 1}", "content": blocks[index:index + size]}
            for index in range(0, len(blocks), size)]


def _footnote_paragraphs(count: int) -> list[dict]:
    unit = "x^[Chú thích]"
    per_paragraph = limits.PARAGRAPH // len(unit)
    return [_paragraph(unit * min(per_paragraph, count - start)) for start in range(0, count, per_paragraph)]


def _cells_appendix(cells: int) -> list[dict]:
    """Tables of 30 columns and long row labels, ``cells`` cells in all."""
    columns = limits.TABLE_COLUMNS
    rows_per_table = limits.TABLE_CELLS // columns
    label = ("Thôn Đông Nam, xã Đại Lãnh " * 12)[:limits.NAME].strip()
    appendices, rows_left = [], cells // columns
    while rows_left:
        rows = min(rows_per_table, rows_left)
        rows_left -= rows
        appendices.append({"title": f"Bảng số liệu {len(appendices) + 1}", "table": {
            "columns": [{"key": f"c{i}", "header": f"Chỉ tiêu {i + 1}"} for i in range(columns)],
            "rows": [{"label": f"{row + 1}. {label}"[:limits.NAME], "values": {f"c{i}": 100_000 + row * 7 + i
                                                                                for i in range(columns)}}
                     for row in range(rows)]}})
    return appendices


def _runs(plan: dict) -> int:
    """Runs as the service counts them: on the plan with its defaults filled in."""
    return inline_work(PLAN_SCHEMA.load(plan))[0]


def _add_runs(plan: dict, budget: int) -> None:
    """Paragraphs of ``*a*a…`` (a run per character pair) until the plan has
    ``budget`` runs in all."""
    paragraphs: list[dict] = []
    missing = budget - _runs(plan)
    while missing > 0:
        paragraphs.append(_paragraph("*a" * min(RUNS_PER_PARAGRAPH, missing)))
        missing -= inline_work(paragraphs[-1])[0]
    plan["body"] += _sections(paragraphs, "Định dạng")
    # Section headings count too: shorten the last paragraph to land on the budget.
    while paragraphs and _runs(plan) > budget:
        last = paragraphs[-1]
        last["text"] = last["text"][: -2 * (_runs(plan) - budget)] or "a"


def _add_items(plan: dict) -> None:
    """Bullets whose one-letter sub-items (a paragraph each) fill the run budget."""
    per_item = limits.BLOCKS_PER_LIST
    count = limits.RUNS_TOTAL - _runs(plan) - 100
    items = [{"text": "Mục", "sub_items": ["a"] * min(per_item, count - start)} for start in range(0, count, per_item)]
    plan["body"] += _sections([{"type": "bullets", "items": items[index:index + per_item]}
                               for index in range(0, len(items), per_item)], "Danh sách")


def _add_text(plan: dict) -> None:
    """Plain paragraphs until the request is at its size limit (or the body
    at its block or run limit): the most text LibreOffice can be asked to lay out."""
    text = (FILLER * (limits.PARAGRAPH // len(FILLER) + 1))[:limits.PARAGRAPH].strip()
    paragraph_bytes = len(encoded(_paragraph(text))) + 1
    sections_room = 40  # headings and brackets of the sections that hold them
    room_blocks = limits.BLOCKS_TOTAL - _blocks(plan) - sections_room
    room_runs = limits.RUNS_TOTAL - _runs(plan) - sections_room
    room_bytes = MAX_BODY - len(encoded(plan)) - 100 * sections_room
    count = max(0, min(room_blocks, room_runs, room_bytes // paragraph_bytes))
    plan["body"] += _sections([_paragraph(text) for _ in range(count)], "Nội dung")


def _blocks(plan: dict) -> int:
    from schemas.outline_rules import count_blocks

    return count_blocks(plan["body"])


def heavy_plans() -> dict[str, dict]:
    plans = {}
    runs = base_plan()
    _add_runs(runs, limits.RUNS_TOTAL)
    plans["runs"] = runs
    notes = base_plan()
    notes["body"] = _sections(_footnote_paragraphs(limits.FOOTNOTES_TOTAL), "Chú thích")
    plans["footnotes"] = notes
    cells = base_plan()
    cells["appendices"] = _cells_appendix(limits.CELLS_TOTAL)
    plans["cells"] = cells
    text = base_plan()
    _add_text(text)
    plans["text"] = text
    items = base_plan()
    _add_items(items)
    plans["paragraphs"] = items
    plans["all"] = worst_plan()
    return plans


def worst_plan() -> dict:
    """Valid, and at every whole-plan cap at once and near the size limit."""
    plan = base_plan()
    plan["appendices"] = _cells_appendix(limits.CELLS_TOTAL)
    plan["body"] = _sections(_footnote_paragraphs(limits.FOOTNOTES_TOTAL), "Chú thích")
    # Room for the filler's one run per paragraph, the rest as formatted runs.
    filler_runs = 400
    _add_runs(plan, limits.RUNS_TOTAL - filler_runs)
    _add_text(plan)
    return plan


def describe(plan: dict) -> tuple[int, int, int, int]:
    runs, notes = inline_work(plan)
    return len(encoded(plan)), runs, notes, table_cells({"appendices": plan.get("appendices", [])})


def measure(pdf: bool) -> str:
    from generators import render_docx
    from schemas import load_plan

    converter = None
    if pdf:
        from converters.local_pool import UnoserverPool

        converter = UnoserverPool(1, timeout=300, recycle_after=None)
        converter.start()
        if not converter.wait_ready(120):
            raise SystemExit("LibreOffice did not start")
    rows = []
    try:
        for name, data in heavy_plans().items():
            size, runs, notes, cells = describe(data)
            start = time.perf_counter()
            plan = load_plan(data)
            validated = time.perf_counter() - start
            start = time.perf_counter()
            document = render_docx(plan)
            rendered = time.perf_counter() - start
            converted, pages = "—", "—"
            if converter:
                start = time.perf_counter()
                pdf_bytes = converter.convert(document)
                converted = f"{time.perf_counter() - start:.1f}"
                pages = str(_pages(pdf_bytes))
            rows.append([name, f"{size // 1024:,}", f"{runs:,}", f"{notes:,}", f"{cells:,}", f"{validated:.2f}",
                         f"{rendered:.2f}", converted, pages])
            print(f"[heavy] {name}: render {rendered:.2f} s, PDF {converted} s", file=sys.stderr, flush=True)
    finally:
        if converter:
            converter.close()
    return markdown_table(["plan", "JSON KiB", "runs", "footnotes", "cells", "validate (s)", "render (s)",
                           "PDF (s)", "pages"], rows)


def _pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.heavy", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-pdf", action="store_true", help="render only: no LibreOffice needed")
    args = parser.parse_args(argv)
    print("### The heaviest allowed plans\n")
    print(measure(not args.no_pdf))
    return 0


if __name__ == "__main__":
    sys.exit(main())
