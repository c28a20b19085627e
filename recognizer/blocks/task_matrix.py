"""``task_matrix``: the task-assignment matrix ("Phân công thực hiện nhiệm
vụ"), read by ``recognizer/tables.py``: it claims a Word table whose headers
name a task, its lead agency and one more column of the matrix, as surely
as those headers say."""

from __future__ import annotations

from typing import Iterator

from marshmallow import ValidationError

from nd30.parts import TASK_COLUMNS
from nd30.vietnamese import roman
from schemas.blocks import BLOCKS

from ..tables import read_task_matrix, task_matrix_score
from . import BlockReader, TableClaim, TableReading, register


def read(table, notes) -> TableReading | None:
    block = read_task_matrix(table, notes)
    try:
        BLOCKS["task_matrix"].load(block or {})
    except ValidationError:
        return None  # the next claimant (a table) keeps it
    return TableReading(blocks=[block])


def shown(block: dict) -> Iterator[str]:
    columns = block["columns"]
    yield from (block.get("title") or "", block["number_header"])
    yield from block["headers"] or [TASK_COLUMNS[column] for column in columns]
    yield from _tasks(block["tasks"], columns)
    for group_number, group in enumerate(block["groups"], start=1):
        yield from (roman(group_number), group["title"])
        yield from _tasks(group["tasks"], columns)
        for sub_number, subgroup in enumerate(group["groups"], start=1):
            yield from (str(sub_number), subgroup["title"])
            yield from _tasks(subgroup["tasks"], columns, f"{sub_number}.")


def _tasks(tasks: list[dict], columns: list[str], prefix: str = "") -> Iterator[str]:
    for number, task in enumerate(tasks, start=1):
        yield f"{prefix}{number}"
        for column in columns:
            value = task.get(column)
            yield from value if isinstance(value, list) else (value or "",)


register(BlockReader("task_matrix", table=TableClaim(task_matrix_score, read), shown=shown))
