"""The task-assignment matrix as a table: "STT" and the chosen columns in
their order, group rows numbered I, II …, subgroup rows 1, 2 …, and tasks
1, 2 … again in each group (1.1, 1.2 … under a subgroup); each agency of a
task on its own line of its cell."""

from __future__ import annotations

from nd30 import styles as S
from nd30.parts import TASK_COLUMNS
from nd30.vietnamese import roman

from ..table_grid import NUMBER_COLUMN_WEIGHT, Grid, GridCell, GridRow, grid_xml
from . import printed_columns, writes

WEIGHTS = {"content": 10, "product": 5, "deadline": 3.5, "lead": 4.5, "support": 5, "follow_up": 4, "budget": 3,
           "notes": 3, "result": 7}
ALIGNMENT = {"content": "justify", "deadline": "center"}


def task_grid(matrix: dict) -> Grid:
    columns = matrix["columns"]
    weights = [WEIGHTS[column] for column in columns]
    grid = Grid([sum(weights) * NUMBER_COLUMN_WEIGHT / (1 - NUMBER_COLUMN_WEIGHT)] + weights)
    headers = matrix["headers"] or [TASK_COLUMNS[column] for column in columns]
    grid.rows.append(GridRow([GridCell(matrix["number_header"], S.TABLE_HEAD)]
                             + [GridCell(header, S.TABLE_HEAD) for header in headers], header=True))

    def group_row(number: str, title: str) -> GridRow:
        return GridRow([GridCell(number, S.TABLE_HEAD), GridCell(title, S.TABLE_GROUP, colspan=len(columns))], keep=True)

    def task_rows(tasks: list[dict], prefix: str = "") -> list[GridRow]:
        return [GridRow([GridCell(f"{prefix}{index}", S.TABLE_CELL_CENTER)]
                        + [GridCell(cell_text(task, column), S.TABLE_CELL_BY_ALIGNMENT[ALIGNMENT.get(column, "left")])
                           for column in columns])
                for index, task in enumerate(tasks, start=1)]

    grid.rows += task_rows(matrix["tasks"])
    for group_number, group in enumerate(matrix["groups"], start=1):
        grid.rows.append(group_row(roman(group_number), group["title"]))
        grid.rows += task_rows(group["tasks"])
        for sub_number, subgroup in enumerate(group["groups"], start=1):
            grid.rows.append(group_row(str(sub_number), subgroup["title"]))
            grid.rows += task_rows(subgroup["tasks"], f"{sub_number}.")
    return grid


def cell_text(task: dict, column: str) -> str:
    value = task.get(column)
    if isinstance(value, list):
        return "\n".join(value)
    return value or ""


@printed_columns("task_matrix")
def matrix_columns(matrix: dict) -> int:
    return len(matrix["columns"]) + 1


@writes("task_matrix")
def write_task_matrix(writer, matrix: dict, depth: int):
    if matrix["title"]:
        yield writer.paragraph(S.TABLE_TITLE, matrix["title"])
    yield grid_xml(task_grid(matrix), writer.text_width, writer.footnotes)
