"""How much work a valid plan asks of the renderer and of LibreOffice.

Each field has its own limit, but their product can still be huge: 5,000
paragraphs of ``*a*a*a…`` are 15 million formatted runs, and bullets hold
sub-items by the thousand. These caps bound
the whole plan, chosen by measurement (docs/performance.md) so that the
largest plan they allow renders in well under 2 s and converts to PDF well
inside PDF_TIMEOUT on a 2-core machine.
"""

from __future__ import annotations

from . import limits
from .problems import Problem

FOOTNOTE_MARK = "^["
EMPHASIS_MARK = "*"
# A footnote adds its reference, its own text and the run after it.
RUNS_PER_FOOTNOTE = 3


def inline_work(value) -> tuple[int, int]:
    """(runs, footnotes) of every text of a parsed plan, counted from the
    marks without parsing (parsing costs about 25 µs a mark, and is what is
    being bounded): each text is one run, each ``*`` may start one more,
    each ``^[`` a footnote and three runs. An upper bound of what the
    renderer writes: escaped marks count too."""
    runs = notes = 0
    stack = [value]
    while stack:  # iterative: no recursion limit to meet, whatever the nesting
        item = stack.pop()
        if isinstance(item, str):
            marks = item.count(FOOTNOTE_MARK)
            notes += marks
            runs += 1 + item.count(EMPHASIS_MARK) + RUNS_PER_FOOTNOTE * marks
        elif isinstance(item, dict):
            stack.extend(child for key, child in item.items() if key != "type")
        elif isinstance(item, list):
            stack.extend(item)
    return runs, notes


def table_cells(plan: dict) -> int:
    return sum(len(table["rows"]) * len(table["columns"])
               for table in (appendix["table"] for appendix in plan["appendices"]) if table)


def workload_problems(plan: dict) -> dict:
    """marshmallow-style errors for a valid plan that asks too much work
    (runs and footnotes are the whole plan's: reported at its root)."""
    errors: dict = {}
    runs, notes = inline_work(plan)
    if runs > limits.RUNS_TOTAL:
        errors.setdefault("_schema", []).append(Problem("too_many_runs", count=runs, max=limits.RUNS_TOTAL))
    if notes > limits.FOOTNOTES_TOTAL:
        errors.setdefault("_schema", []).append(Problem("too_many_footnotes", count=notes, max=limits.FOOTNOTES_TOTAL))
    cells = table_cells(plan)
    if cells > limits.CELLS_TOTAL:
        errors["appendices"] = [Problem("too_many_cells_in_plan", count=cells, max=limits.CELLS_TOTAL)]
    return errors
