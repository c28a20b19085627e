"""Word tables read as the plan's tables: the mirror of
``generators/table_grid.py`` and the table and task-matrix writers.

A w:tbl becomes a ``Grid`` of slots (merged cells resolved: a cell merged
down is one slot with its ``rowspan``); a grid whose headers name a task,
its lead agency and one more column of a task-assignment matrix (in the
words offices use, in any order) is read as a ``task_matrix``; any other as
a ``table`` — header rows (those Word repeats on every page, or the bold
rows at the top), group rows, an STT column when its numbers are the ones
the generator would print, merged cells, each column's width and alignment.
Nothing is dropped: a cell that does not fit the matrix keeps its words in
another column, with a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from nd30 import styles as S
from nd30.parts import TASK_COLUMNS
from nd30.vietnamese import roman
from schemas import limits

from .labels import roman_value
from .markup import to_markup
from .notes import Notes
from .reading import Para, Table
from .text import clean, words_of

NUMBER_HEADERS = {"tt", "stt", "so tt", "so thu tu"}
OWN_STYLE_PREFIX = "ND30"
ALIGNMENTS = {"center": "center", "right": "right", "both": "justify", "distribute": "justify"}
# Words of a column's header (folded, without diacritics) → the task field it holds; the first match wins.
TASK_HEADERS = (
    ("subgroup", ("nhom con",)),   # the flat list of the Excel export: each task's group in a column
    ("group", ("nhom",)),
    ("support", ("phoi hop",)),
    ("lead", ("chu tri",)),
    ("follow_up", ("theo doi", "don doc", "kiem tra don doc")),
    ("product", ("san pham", "ket qua", "hinh thuc van ban", "hinh thuc")),
    ("deadline", ("thoi gian", "thoi han", "tien do", "thoi diem", "han hoan thanh")),
    ("budget", ("kinh phi", "nguon von", "du toan", "nguon kinh phi")),
    ("notes", ("ghi chu",)),
    ("content", ("nhiem vu", "noi dung", "cong viec", "giai phap", "hoat dong", "de an")),
)
# "Cơ quan thực hiện" names the lead agency when a "phối hợp" column says who else takes part.
LEAD_WHEN_SUPPORTED = ("co quan thuc hien", "don vi thuc hien", "trach nhiem thuc hien", "co quan chu tri")
AGENCY_SEPARATORS = re.compile(r"\s*;\s*")
NUMBERED_TITLE = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,3})\.\s+")


@dataclass
class Slot:
    """A cell of the grid: where it starts, what it covers, its paragraphs."""

    paragraphs: list[Para]
    column: int
    colspan: int = 1
    rowspan: int = 1

    @property
    def plain(self) -> str:
        return clean(" ".join(p.text for p in self.paragraphs))

    @property
    def bold(self) -> bool:
        letters = [p for p in self.paragraphs if p.text.strip()]
        return bool(letters) and all(p.bold for p in letters)

    def markup(self, plain: bool = False) -> str:
        """The cell's text, its paragraphs as lines. Header and group rows
        are bold by their style: ``plain`` drops bold there."""
        lines = []
        for para in self.paragraphs:
            text, _ = to_markup(para.segments, True if plain else para.base_bold, para.base_italic)
            lines.append(clean(text))
        return "\n".join(lines).strip("\n")


@dataclass
class Grid:
    width: int
    rows: list[list[Slot]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    repeated: int = 0

    def first_paragraph(self, row: int) -> Para | None:
        return next((p for slot in self.rows[row] for p in slot.paragraphs), None)


def grid_of(table: Table) -> Grid:
    """The table's cells on its grid, vertical merges resolved."""
    rows: list[list[Slot]] = []
    open_merges: dict[int, Slot] = {}
    width = 0
    for row in table.rows:
        slots, column = [], 0
        for cell in row:
            span = max(1, min(cell.span, limits.TABLE_COLUMNS))
            above = open_merges.get(column)
            if cell.merged and above is not None and above.colspan == span:
                above.rowspan += 1
                above.paragraphs += [p for p in cell.paragraphs if p.text.strip()]
            else:
                slot = Slot(list(cell.paragraphs), column, span)
                slots.append(slot)
                for spanned in range(column, column + span):
                    open_merges.pop(spanned, None)
                open_merges[column] = slot
            column += span
        for stale in [c for c, slot in open_merges.items() if c >= column]:
            open_merges.pop(stale)  # a short row ends the merges to its right
        width = max(width, column)
        rows.append(slots)
    widths = table.widths if len(table.widths) == width else []
    return Grid(width, rows, widths, min(table.repeated, len(rows)))


def header_count(grid: Grid) -> int:
    """Rows Word repeats on every page, else the bold rows at the top (not all of them)."""
    if grid.repeated:
        return grid.repeated
    count = 0
    for row in grid.rows[:limits.TABLE_HEADER_ROWS]:
        filled = [slot for slot in row if slot.plain]
        if not filled or not all(slot.bold for slot in filled):
            break
        first = row[0].plain if row[0].column == 0 else ""
        if is_number(first) or is_number(first, group=True):
            break  # "I | Cải cách thể chế": a bold group row, not a header
        count += 1
    return count if count < len(grid.rows) else 0


def is_number(text: str, *, group: bool = False) -> bool:
    if group:
        bare = text.rstrip(".")
        return bool(re.fullmatch(r"[IVXLC]{1,6}", bare)) and roman_value(bare) is not None
    return bool(re.fullmatch(r"\d{1,3}(\.\d{1,3})?\.?", text))


def spans_rest(row: list[Slot], width: int, first: int) -> bool:
    """One cell from column ``first`` to the last (the rest of the row is one text)."""
    rest = [slot for slot in row if slot.column >= first]
    return len(rest) == 1 and rest[0].column == first and rest[0].column + rest[0].colspan == width


def weights(grid: Grid, start: int = 0) -> list[int]:
    widths = grid.widths[start:] if grid.widths else []
    if not widths or not all(widths):
        return [1] * (grid.width - start)
    total = sum(widths)
    return [max(1, min(100, round(100 * width / total))) for width in widths]


# --- general tables ---------------------------------------------------------------------------


def read_table(table: Table, notes: Notes) -> dict:
    """Any Word table as a ``table`` block: nothing it holds is dropped."""
    grid = grid_of(table)
    headers = header_count(grid)
    numbered = _numbered(grid, headers)
    start = 1 if numbered else 0
    block: dict = {"type": "table"}
    if numbered:
        block["number_column"] = grid.rows[0][0].plain
    header_rows = [[_cell(slot, start, plain=True) for slot in row if slot.column >= start] for row in grid.rows[:headers]]
    simple = len(header_rows) == 1 and all(cell.get("colspan", 1) == 1 and cell.get("rowspan", 1) == 1
                                           for cell in header_rows[0] if isinstance(cell, dict))
    columns = [{"width": weight} for weight in weights(grid, start)]
    if simple:
        for column, cell in zip(columns, header_rows[0]):
            column["header"] = cell if isinstance(cell, str) else cell["text"]
    for column, align in zip(columns, _alignments(grid, headers, start)):
        if align != "left":
            column["align"] = align
    block["columns"] = columns
    if header_rows and not simple:
        block["header_rows"] = header_rows
    aligns = [column.get("align", "left") for column in columns]
    rows = []
    for row in grid.rows[headers:]:
        if _is_group(row, grid.width, start):
            rows.append({"group": row[-1].markup(plain=True)})
        else:
            rows.append({"cells": [_cell(slot, start, align=aligns[slot.column - start]) for slot in row
                                   if slot.column >= start]})
    block["rows"] = rows
    return block


def _numbered(grid: Grid, headers: int) -> bool:
    """An STT column whose numbers are exactly those the generator prints:
    groups I, II …, rows 1, 2 … again in each group; the header cell covers
    every header row and no cell of the column is merged with its neighbour."""
    if not headers or not grid.rows[0] or words_of(grid.rows[0][0].plain) not in NUMBER_HEADERS:
        return False
    if grid.rows[0][0].colspan != 1 or grid.rows[0][0].rowspan != headers:
        return False
    groups = number = 0
    for row in grid.rows[headers:]:
        if not row or row[0].column != 0 or row[0].colspan != 1 or row[0].rowspan != 1:
            return False
        if _is_group(row, grid.width, 1):
            groups, number = groups + 1, 0
            expected = roman(groups)
        else:
            number += 1
            expected = str(number)
        if row[0].plain != expected:
            return False
    return True


def _is_group(row: list[Slot], width: int, start: int) -> bool:
    """A group row: one bold text across the table (after the STT cell) —
    in our template's group style when the table is ours."""
    if not spans_rest(row, width, start) or width - start < 2:
        return False
    text = row[-1]
    own = _own_style(text)
    if own is not None:
        return own == S.TABLE_GROUP.style_id
    return text.bold and "\n" not in text.markup(plain=True)


def _own_style(slot: Slot) -> str | None:
    """The style of our template a cell is in, if the table is ours."""
    return next((p.style_id for p in slot.paragraphs if p.style_id.startswith(OWN_STYLE_PREFIX)), None)


def _cell(slot: Slot, start: int, plain: bool = False, align: str | None = None):
    """A cell as short as it can be written: its text alone unless merged,
    or aligned unlike its column."""
    text = slot.markup(plain=plain)
    own = _alignment(slot)
    differs = align is not None and own is not None and own != align
    if slot.colspan == 1 and slot.rowspan == 1 and not differs:
        return text
    cell: dict = {"text": text}
    if differs:
        cell["align"] = own
    if slot.colspan > 1:
        cell["colspan"] = slot.colspan
    if slot.rowspan > 1:
        cell["rowspan"] = slot.rowspan
    return cell


def _alignment(slot: Slot) -> str | None:
    aligned = [ALIGNMENTS.get(p.align, "left") for p in slot.paragraphs if p.text.strip()]
    return aligned[0] if aligned else None


def _alignments(grid: Grid, headers: int, start: int) -> list[str]:
    """Each column's alignment: the most common among its single cells."""
    found: list[Counter] = [Counter() for _ in range(grid.width)]
    for row in grid.rows[headers:]:
        for slot in row:
            if slot.colspan == 1 and _alignment(slot) is not None:
                found[slot.column][_alignment(slot)] += 1
    return [counter.most_common(1)[0][0] if counter else "left" for counter in found[start:]]


# --- task-assignment matrices -----------------------------------------------------------------


def task_columns(grid: Grid, headers: int) -> list[str] | None:
    """The task field of each column after the STT column, or None when the
    headers do not name a task matrix (a task, its lead, and one more)."""
    if headers != 1 or len(grid.rows[0]) != grid.width or grid.width < 4:
        return None
    if words_of(grid.rows[0][0].plain) not in NUMBER_HEADERS:
        return None
    titles = [words_of(slot.plain) for slot in grid.rows[0][1:]]
    fields: list[str | None] = [next((name for name, words in TASK_HEADERS if any(w in title for w in words)), None)
                                for title in titles]
    if "support" in fields and "lead" not in fields:
        fields = ["lead" if field is None and any(title.startswith(w) for w in LEAD_WHEN_SUPPORTED) else field
                  for field, title in zip(fields, titles)]
    if "notes" not in fields and fields.count(None) == 1:
        fields[fields.index(None)] = "notes"  # a column of its own: kept, with its header
    fields = [None if field == "group" and title != "nhom" else field for field, title in zip(fields, titles)]
    if None in fields or len(set(fields)) != len(fields) or not {"content", "lead"} <= set(fields):
        return None
    if not {"support", "deadline", "product"} & set(fields):
        return None
    return fields  # type: ignore[return-value]


def task_matrix_score(table: Table) -> float:
    grid = grid_of(table)
    return 0.9 if task_columns(grid, header_count(grid) or 1) else 0.0


def read_task_matrix(table: Table, notes: Notes) -> dict | None:
    grid = grid_of(table)
    fields = task_columns(grid, header_count(grid) or 1)
    if fields is None:
        return None
    matrix: dict = {"type": "task_matrix"}
    number_header = grid.rows[0][0].plain
    if number_header != "STT":
        matrix["number_header"] = number_header
    printed = [name for name in fields if name in TASK_COLUMNS]
    matrix["columns"] = printed
    headers = [slot.markup(plain=True) for slot, name in zip(grid.rows[0][1:], fields) if name in TASK_COLUMNS]
    if headers != [TASK_COLUMNS[name] for name in printed]:
        matrix["headers"] = headers
    tasks: list[dict] = []
    groups: list[dict] = []
    container = tasks
    for index, row in enumerate(grid.rows[1:], start=1):
        number = row[0].plain if row and row[0].column == 0 else ""
        if spans_rest(row, grid.width, 1) and (row[-1].bold or _own_style(row[-1]) == S.TABLE_GROUP.style_id
                                              or is_number(number, group=True) or not number):
            title = row[-1].markup(plain=True).replace("\n", " ")
            if "." not in number.rstrip(".") and is_number(number) and groups:
                subgroup = {"title": title, "tasks": []}
                groups[-1]["groups"].append(subgroup)
                container = subgroup["tasks"]
            else:
                group = {"title": title, "tasks": [], "groups": []}
                groups.append(group)
                container = group["tasks"]
            continue
        task = _task(row, fields, grid, notes, index)
        if task is None:
            continue
        group_title, subgroup_title = task.pop("group", None), task.pop("subgroup", None)
        if group_title is not None and (not groups or groups[-1]["title"] != group_title):
            groups.append({"title": group_title, "tasks": [], "groups": []})
            container = groups[-1]["tasks"]
        if subgroup_title is not None and groups and (not groups[-1]["groups"] or groups[-1]["groups"][-1]["title"] != subgroup_title):
            groups[-1]["groups"].append({"title": subgroup_title, "tasks": []})
            container = groups[-1]["groups"][-1]["tasks"]
        container.append(task)
    for group in groups:
        if not group["groups"]:
            del group["groups"]
    if tasks:
        matrix["tasks"] = tasks
    if groups:
        matrix["groups"] = groups
    return matrix


def _task(row: list[Slot], fields: list[str], grid: Grid, notes: Notes, index: int) -> dict | None:
    values: dict[str, list[str]] = {}
    for slot in row:
        if slot.column == 0:
            continue
        field = fields[slot.column - 1]
        text = slot.markup()
        if slot.colspan > 1 and text:
            covered = ", ".join(TASK_COLUMNS[name] for name in fields[slot.column - 1: slot.column - 1 + slot.colspan])
            para = grid.first_paragraph(index)
            notes.warn("merged_task_cells", para.index if para else None, text, columns=covered)
        if text:
            values.setdefault(field, []).append(text)
    if not values:
        return None
    task: dict = {}
    content = "\n".join(values.pop("content", []))
    if not content:
        content = "\n".join(values.pop(next(iter(values))))  # a task is its content: the first text there is
    task["content"] = content
    for name in ("product", "deadline", "lead", "support", "follow_up", "budget", "notes"):
        if name in values:
            text = "\n".join(values[name])
            task[name] = _agencies(text) if name in ("lead", "support") else text
    for name in ("group", "subgroup"):  # "II. Cải cách thủ tục hành chính" in the exported list
        if name in values:
            task[name] = NUMBERED_TITLE.sub("", " ".join(values[name]))
    return task


def _agencies(text: str) -> list[str]:
    """One agency a line; "Sở Tư pháp; UBND các xã" on one line are two."""
    names = []
    for line in text.split("\n"):
        names += [name.rstrip(".,;").strip() for name in AGENCY_SEPARATORS.split(line)]
    return [name for name in names if name]
