"""The plan's task matrices as an Excel workbook (openpyxl), for the office
that follows the plan up: one sheet per matrix, one row per task with its
group and subgroup, agencies separated by "; " so that a filter on a column
finds every task of an agency. Text without markup."""

from __future__ import annotations

import io
from typing import Iterator

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from nd30.markup import plain
from nd30.parts import TASK_COLUMNS
from nd30.vietnamese import appendix_label, roman

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WIDTHS = {"STT": 7, "group": 28, "subgroup": 24, "content": 60, "product": 30, "deadline": 18, "lead": 28,
          "support": 32, "follow_up": 24, "budget": 18, "notes": 20}
SHEET_TITLE = 31  # Excel's limit


class NoTaskMatrix(ValueError):
    """The plan holds no task matrix to export."""


def task_matrices(plan: dict) -> Iterator[tuple[str, dict]]:
    """(where, matrix) for each task matrix, in the plan's order."""
    yield from ((f"Nội dung {index}", block) for index, block in enumerate(_matrices(plan["body"]), start=1))
    count = len(plan["appendices"])
    for index, appendix in enumerate(plan["appendices"]):
        label = appendix["label"] or appendix_label(index, count)
        for number, block in enumerate(_matrices(appendix["content"]), start=1):
            yield (label if number == 1 else f"{label} ({number})"), block


def _matrices(value) -> Iterator[dict]:
    """The task matrices inside ``value``, in document order."""
    if isinstance(value, dict):
        if value.get("type") == "task_matrix":
            yield value
            return
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from _matrices(item)


def task_rows(matrix: dict) -> Iterator[list[str]]:
    """One row per task: its number in its group, group, subgroup, columns."""
    def row(number: str, group: str, subgroup: str, task: dict) -> list[str]:
        return [number, group, subgroup] + [_value(task.get(column)) for column in matrix["columns"]]

    for number, task in enumerate(matrix["tasks"], start=1):
        yield row(str(number), "", "", task)
    for g, group in enumerate(matrix["groups"], start=1):
        group_name = f"{roman(g)}. {plain(group['title'])}"
        for number, task in enumerate(group["tasks"], start=1):
            yield row(str(number), group_name, "", task)
        for s, subgroup in enumerate(group["groups"], start=1):
            sub_name = f"{s}. {plain(subgroup['title'])}"
            for number, task in enumerate(subgroup["tasks"], start=1):
                yield row(f"{s}.{number}", group_name, sub_name, task)


def _value(value) -> str:
    if isinstance(value, list):
        return "; ".join(plain(item) for item in value)
    return plain(value).replace("\n", " ") if value else ""


def task_workbook(plan: dict) -> bytes:
    found = list(task_matrices(plan))
    if not found:
        raise NoTaskMatrix("the plan has no task matrix")
    workbook = Workbook()
    workbook.remove(workbook.active)
    for where, matrix in found:
        sheet = workbook.create_sheet(where[:SHEET_TITLE])
        headers = [plain(h).replace("\n", " ") for h in matrix["headers"]] or [TASK_COLUMNS[c] for c in matrix["columns"]]
        sheet.append([matrix["number_header"], "Nhóm", "Nhóm con", *headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for values in task_rows(matrix):
            sheet.append(values)
        for index, key in enumerate(["STT", "group", "subgroup", *matrix["columns"]], start=1):
            sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[key]
            for cell in sheet[get_column_letter(index)][1:]:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    workbook.properties.title = plain(plan["summary"]).replace("\n", " ")[:255]
    workbook.properties.creator = plan["issuer"]["name"][:255]
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
