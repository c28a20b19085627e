"""Hypothesis strategies for the plan's tables: table blocks with header
rows, merges across and down, group rows and an STT column, and task
matrices with groups and subgroups — valid by construction."""

from __future__ import annotations

from hypothesis import strategies as st

from nd30.parts import TASK_COLUMNS
from tests.robustness import strategies as S

ALIGNMENTS = ("left", "center", "right", "justify")
WORDS = st.sampled_from(["Sở Tư pháp", "UBND các xã", "Quý II/2026", "Hằng năm", "rà soát", "**Báo cáo**",
                         "*kết quả*", "100%", "Văn phòng", "đặc khu", "số hóa", "Đề án 06"])


def cell_text() -> st.SearchStrategy[str]:
    line = st.one_of(st.lists(WORDS, min_size=1, max_size=4).map(" ".join), S.text(40, long=False))
    return st.lists(line, min_size=1, max_size=3).map("\n".join)


def agency() -> st.SearchStrategy[str]:
    return st.one_of(WORDS, S.text(30, long=False)).filter(lambda name: ";" not in name and not name.endswith((".", ",")))


@st.composite
def tables(draw) -> dict:
    width = draw(st.integers(1, 5))
    block: dict = {"type": "table",
                   "columns": [{"header": draw(cell_text()), "width": draw(st.integers(1, 9)),
                                "align": draw(st.sampled_from(ALIGNMENTS))} for _ in range(width)]}
    if draw(st.booleans()):
        block["number_column"] = draw(st.sampled_from(["STT", "TT"]))
    if width >= 2 and draw(st.booleans()):
        # Two header rows: the first two columns under one group header, the rest over both rows.
        block["header_rows"] = [
            [{"text": draw(cell_text()), "colspan": 2}] + [{"text": draw(cell_text()), "rowspan": 2} for _ in range(width - 2)],
            [draw(cell_text()), draw(cell_text())],
        ]
    rows: list[dict] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["cells", "cells", "group", "merge_down", "merge_across"]))
        if kind == "group" and width >= 2:
            rows.append({"group": draw(S.text(60, long=False))})
        elif kind == "merge_down":
            column = draw(st.integers(0, width - 1))
            first = [draw(cell_text()) for _ in range(width)]
            first[column] = {"text": draw(cell_text()), "rowspan": 2}
            rows += [{"cells": first}, {"cells": [draw(cell_text()) for _ in range(width - 1)]}]
        elif kind == "merge_across" and width >= 2:
            rows.append({"cells": [{"text": draw(cell_text()), "colspan": 2}] + [draw(cell_text()) for _ in range(width - 2)]})
        else:
            rows.append({"cells": [draw(cell_text()) for _ in range(width)]})
    block["rows"] = rows
    return block


@st.composite
def tasks(draw, columns: list[str]) -> dict:
    """A task filling (some of) the columns the matrix prints: what it does
    not print cannot come back."""
    task = {"content": draw(cell_text())}
    for name in ("product", "deadline", "follow_up", "budget", "notes"):
        if name in columns and draw(st.booleans()):
            task[name] = draw(cell_text())
    for name in ("lead", "support"):
        if name in columns:
            task[name] = draw(st.lists(agency(), max_size=3))
    return task


@st.composite
def task_matrices(draw) -> dict:
    # A report's "Kết quả thực hiện" column is not read back yet: the
    # recognizer's header words take "kết quả" for the product (issue #20's import).
    optional = [name for name in TASK_COLUMNS if name not in ("content", "result")]
    columns = ["content"] + draw(st.lists(st.sampled_from(optional), unique=True, min_size=3, max_size=len(optional)))
    columns += [name for name in ("lead", "deadline") if name not in columns]  # what makes it a task matrix
    matrix: dict = {"type": "task_matrix", "columns": draw(st.permutations(columns))}
    some_tasks = st.lists(tasks(columns), max_size=3)
    matrix["tasks"] = draw(some_tasks)
    groups = []
    for _ in range(draw(st.integers(0, 3))):
        group = {"title": draw(S.text(60, long=False)), "tasks": draw(some_tasks)}
        if draw(st.booleans()):
            group["groups"] = [{"title": draw(S.text(60, long=False)), "tasks": draw(st.lists(tasks(columns), min_size=1, max_size=2))}]
        groups.append(group)
    matrix["groups"] = groups
    return matrix
