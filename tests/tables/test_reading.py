"""Tables read back from Word: every table the generator writes (tables of
text with header rows, merges, groups and an STT column; task matrices with
groups and subgroups) comes back as the block it was, and tables typed the
way offices type them are read as what they are."""

from __future__ import annotations

import copy

from hypothesis import given

from generators import render_docx
from nd30.markup import Footnote, parse
from recognizer.notes import Notes
from recognizer.reading import Table, read
from recognizer.tables import read_table, read_task_matrix, task_matrix_score
from schemas import load_plan
from tests.plans import plan
from tests.robustness.profiles import fuzz_settings

from . import strategies as T


def word_tables(block: dict) -> list[Table]:
    """The Word tables a block renders to, in a plan of its own (the header
    and signature tables left out)."""
    document = read(render_docx(load_plan(plan(body=[{"type": "section", "heading": "Bảng", "content": [block]}]))))
    tables = [item for item in document.items if isinstance(item, Table)]
    return tables[1:-1]


def shown(text: str, bold_style: bool = False) -> tuple:
    """A cell's text as printed, per line: the text, the emphasis of each
    letter (bold does not show in a bold style; a space shows none) and
    the footnotes."""
    lines = []
    for line in text.strip("\n").split("\n"):
        plain, styles = "", []
        for item in parse(line):
            if isinstance(item, Footnote):  # spaces alone in a footnote show as nothing
                styles.append(("note", "".join(run.text for run in item.runs).strip()))
                continue
            plain += item.text
            styles += [(item.bold and not bold_style, item.italic) for char in item.text if not char.isspace()]
        lines.append((plain, tuple(styles)))
    return tuple(lines)


def effective(block: dict) -> dict:
    """What a table prints: cells with their merges and alignment, headers,
    groups, the STT column — not how the JSON spells it (a cell as a string
    or an object, an alignment on the column or on the cell), nor widths."""
    table = load_plan(plan(body=[{"type": "section", "heading": "x", "content": [copy.deepcopy(block)]}]))["body"][0]["content"][0]
    columns = table["columns"]
    headers = table["header_rows"] or ([[{"text": c["header"], "colspan": 1, "rowspan": 1, "align": None} for c in columns]]
                                       if any(c["header"] for c in columns) else [])
    rows = []
    for row in table["rows"]:
        if row["group"] is not None:
            rows.append(("group", shown(row["group"], bold_style=True)))
            continue
        column, cells = 0, []
        for cell in row["cells"]:
            cells.append((shown(cell["text"]), cell["colspan"], cell["rowspan"],
                          (cell["align"] or columns[min(column, len(columns) - 1)]["align"]) if cell["text"].strip() else None))
            column += cell["colspan"]
        rows.append(("cells", tuple(cells)))
    return {"number_column": table["number_column"],
            "headers": [[(shown(c["text"], bold_style=True), c["colspan"], c["rowspan"]) for c in row] for row in headers],
            "rows": rows}


@fuzz_settings("heavy")
@given(T.tables())
def test_tables_come_back_as_written(block):
    (table,) = word_tables(block)
    read_back = read_table(table, Notes())
    assert effective(read_back) == effective(block)


@fuzz_settings("heavy")
@given(T.task_matrices())
def test_task_matrices_come_back_as_written(matrix):
    (table,) = word_tables(matrix)
    assert task_matrix_score(table) > 0.5
    notes = Notes()
    read_back = read_task_matrix(table, notes)
    assert printed(read_back) == printed(matrix)
    assert not notes.warnings


def printed(matrix: dict):
    """The matrix as it prints: each text as ``shown`` (markup spelled
    either way), group titles in their bold style."""
    loaded = load_plan(plan(body=[{"type": "section", "heading": "x", "content": [copy.deepcopy(matrix)]}]))
    matrix = loaded["body"][0]["content"][0]

    def visible(value, key=""):
        if isinstance(value, str):
            return shown(value, bold_style=key == "title")
        if isinstance(value, list):
            return [visible(item, key) for item in value]
        if isinstance(value, dict):
            return {k: visible(v, k) for k, v in value.items()}
        return value

    return visible(matrix)
