"""How much work a valid plan asks of the renderer and of LibreOffice.

Each field has its own limit, but their product can still be huge: 5,000
paragraphs of ``*a*a*a…`` are 15 million formatted runs, and bullets hold
sub-items by the thousand. These caps bound the whole plan, chosen by
measurement (docs/performance.md, ``python -m bench.heavy``) so that the
largest plan they allow renders in well under 2 s and converts to PDF well
inside PDF_TIMEOUT on a 2-core machine. /validate and /render both check
them (through ``schemas.load_plan``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from . import limits
from .blocks import BLOCKS
from .problems import Problem

FOOTNOTE_MARK = "^["
EMPHASIS_MARK = "*"
# A footnote adds its reference, its own text and the run after it.
RUNS_PER_FOOTNOTE = 3


@dataclass
class Work:
    """What the texts of a plan ask: characters, runs and footnotes."""

    characters: int = 0
    runs: int = 0
    footnotes: int = 0


def text_work(value) -> Work:
    """The work of every text of a parsed plan, counted from its marks
    without parsing (parsing costs about 25 µs a mark, and is part of what
    is bounded): each text is one run, each ``*`` may start one more, each
    ``^[`` is a footnote and three runs. An upper bound of what the renderer
    writes: escaped marks count too."""
    work = Work()
    stack = [value]
    while stack:  # iterative: no recursion limit to meet, whatever the nesting
        item = stack.pop()
        if isinstance(item, str):
            marks = item.count(FOOTNOTE_MARK)
            work.characters += len(item)
            work.footnotes += marks
            work.runs += 1 + item.count(EMPHASIS_MARK) + RUNS_PER_FOOTNOTE * marks
        elif isinstance(item, dict):
            stack.extend(child for key, child in item.items() if key != "type")
        elif isinstance(item, list):
            stack.extend(item)
    return work


def table_cells(plan: dict) -> int:
    """The cells of every table the document prints: appendices' tables of
    figures (its own, or those of the plan a decision issues) and every
    block that prints one (tables, task matrices), wherever they stand."""
    figures = sum(len(item["table"]["rows"]) * len(item["table"]["columns"])
                  for item in objects_in(plan) if isinstance(item.get("table"), dict))
    return figures + sum(BLOCKS[item["type"]].cells(item) for item in objects_in(plan) if item.get("type") in BLOCKS)


def objects_in(value) -> Iterator[dict]:
    """Every JSON object of a validated document: an appendix has a
    ``table``, a block a ``type`` that is a block type."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


# Plans up to about three times the largest real one: rendered in a few
# milliseconds. Heavier ones (up to the caps) go to workers of their own.
LIGHT = Work(characters=100_000, runs=2_000, footnotes=20)
LIGHT_CELLS = 1_000


def is_heavy(plan: dict) -> bool:
    work = text_work(plan)
    return (work.characters > LIGHT.characters or work.runs > LIGHT.runs or work.footnotes > LIGHT.footnotes
            or table_cells(plan) > LIGHT_CELLS)


def workload_problems(plan: dict) -> dict:
    """marshmallow-style errors for a valid plan that asks too much work
    (runs and footnotes are the whole plan's: reported at its root)."""
    work = text_work(plan)
    whole_plan = []
    for code, count, maximum in (("too_much_text", work.characters, limits.CHARACTERS_TOTAL),
                                 ("too_many_runs", work.runs, limits.RUNS_TOTAL),
                                 ("too_many_footnotes", work.footnotes, limits.FOOTNOTES_TOTAL)):
        if count > maximum:
            whole_plan.append(Problem(code, count=f"{count:,}".replace(",", "."), max=f"{maximum:,}".replace(",", ".")))
    errors: dict = {"_schema": whole_plan} if whole_plan else {}
    cells = table_cells(plan)
    if cells > limits.CELLS_TOTAL:
        # At the appendices of a document that has them, else at its root.
        problem = Problem("too_many_cells_in_plan", count=f"{cells:,}".replace(",", "."),
                          max=f"{limits.CELLS_TOTAL:,}".replace(",", "."))
        errors.setdefault("appendices" if "appendices" in plan else "_schema", []).append(problem)
    return errors
