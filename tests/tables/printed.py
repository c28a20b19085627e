"""What a table or a task matrix prints, whatever JSON spells it: the form
in which a block read back from Word is compared with the block it was
(tests/tables/test_reading.py, tests/recognizer/canonical.py)."""

from __future__ import annotations

import copy

from nd30.markup import Footnote, parse
from schemas import load_plan
from tests.plans import plan


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
