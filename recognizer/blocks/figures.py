"""A table of figures (an appendix's ``table``; in the body it becomes an
appendix): header rows with column groups, the column-code row (A, B, 1, 2,
4=3/1, 11=3-7) that tells input from computed columns, rows with a label and
Vietnamese figures, and the "Tổng cộng" row.

It claims a Word table with a code row surely, one whose rows hold figures
less surely, and gives it up (to the next claimant) when the table does not
fit a plan's table: too many columns, rows or cells, a header or a label
longer than a name, a figure out of range. A cell of an input column that
holds no figure keeps its words in a note under the table."""

from __future__ import annotations

import re
from decimal import Decimal

from schemas import limits

from ..markup import to_markup
from ..reading import Table
from ..text import clean, parse_figure, words_of
from . import BlockReader, TableClaim, TableReading, register

CODE = re.compile(r"^(?P<own>\d{1,2})(?:\s*=\s*(?P<formula>\d{1,2}(?:\s*[-+/x*:]\s*\d{1,2})+)(?:\s*[x*]\s*100)?)?$")
LETTER_CODE = re.compile(r"^[A-Z]$")
NUMBER_HEADERS = {"tt", "stt", "so tt", "so thu tu"}
TOTAL_LABELS = ("tong cong", "tong so", "cong", "tong", "toan xa", "toan huyen", "toan tinh")
OPERATORS = {"/": "rate", ":": "rate", "-": "difference", "+": "sum"}
NO_FIGURE = ("", "-", "–", "—", "x")
SURE, LIKELY = 0.9, 0.6


def grid(table: Table) -> list[list[tuple[str, int, bool]]]:
    """Each row as grid columns: (text, span of its cell, continues a merge);
    a spanned cell fills every column it covers."""
    rows = []
    for row in table.rows:
        cells = []
        for cell in row:
            # Bold in a table marks header and total rows, not the text: no bold markup.
            text = " ".join(t for t in (clean(to_markup(p.segments, True, p.base_italic)[0]) for p in cell.paragraphs) if t)
            for _ in range(max(1, min(cell.span, limits.TABLE_COLUMNS + 2))):
                cells.append((text, cell.span, cell.merged))
        rows.append(cells)
    return rows


def score(table: Table) -> float:
    rows = grid(table)
    if len(rows) < 2:
        return 0
    if any(_is_code_row(row) for row in rows):
        return SURE
    return LIKELY if _first_data_row(rows) else 0


class _NotFigures(Exception):
    """The table does not fit a plan's table of figures."""


def read(table: Table, notes) -> TableReading | None:
    try:
        return _read(table, notes)
    except _NotFigures:
        return None


def _read(table: Table, notes) -> TableReading | None:
    rows = grid(table)
    code_row = next((i for i, r in enumerate(rows) if _is_code_row(r)), None)
    start = code_row + 1 if code_row is not None else _first_data_row(rows)
    if not start:
        return None
    header_rows = rows[: code_row if code_row is not None else start]
    width = max(len(r) for r in rows)
    number_column = words_of(header_rows[0][0][0]) in NUMBER_HEADERS if header_rows and header_rows[0] else False
    label_at = 1 if number_column else 0
    first_value = label_at + 1
    if width <= first_value or width - first_value > limits.TABLE_COLUMNS:
        return None
    codes = [clean(c[0]) for c in rows[code_row]] if code_row is not None else []
    columns = _columns(header_rows, codes, first_value, width)
    data: dict = {"columns": columns}
    if number_column:
        data["number_header"] = _fits(clean(header_rows[0][0][0]) or "TT", limits.SHORT)
        if data["number_header"] == "TT":
            del data["number_header"]
    label_header = clean(header_rows[0][label_at][0]) if len(header_rows[0]) > label_at else ""
    if label_header and label_header != "Đơn vị":
        data["label_header"] = _fits(label_header, limits.NAME)
    body_rows, total, kept = [], None, []
    first = next((p for p in table.paragraphs if p.text.strip()), None)
    for row in rows[start:]:
        if len(row) <= label_at:
            continue
        label = clean(row[label_at][0])
        if not label and not any(clean(c[0]) for c in row):
            continue
        if words_of(label) in TOTAL_LABELS or words_of(label).startswith("tong cong"):
            total = _fits(label, limits.NAME)
            continue
        values = {}
        for column in columns:
            if column.get("kind", "input") != "input":
                continue
            position = first_value + column["_position"]
            cell = clean(row[position][0]) if position < len(row) else ""
            value = parse_figure(cell)
            if value is None:
                if cell not in NO_FIGURE:
                    notes.warn("unreadable_cell", first.index if first else None, cell, found=cell)
                    kept.append({"type": "paragraph", "text": f"{label or '…'} – {column['header']}: {cell}"})
                value = Decimal(0)
            if abs(value) > Decimal(limits.TABLE_VALUE):
                raise _NotFigures
            values[column["key"]] = _json_number(value)
        body_rows.append({"label": _fits(label, limits.NAME) or "…", "values": values})
    if len(body_rows) > limits.TABLE_ROWS or len(body_rows) * len(columns) > limits.TABLE_CELLS:
        return None
    for column in columns:
        column.pop("_position", None)
    data["rows"] = body_rows
    if total is None:
        data["show_total"] = False
    elif total != "Tổng cộng":
        data["total"] = {"label": total}
    _rate_decimals(data, rows[start:], first_value)
    return TableReading(blocks=kept, figures=data)


def _fits(text: str, limit: int) -> str:
    if len(text) > limit:
        raise _NotFigures
    return text


def _is_code_row(row) -> bool:
    texts = [clean(c[0]) for c in row]
    if len(texts) < 2 or not texts[0]:
        return False
    letters = sum(bool(LETTER_CODE.match(t)) for t in texts)
    numbers = sum(bool(CODE.match(t.replace(" ", ""))) for t in texts)
    return letters >= 1 and letters + numbers == len([t for t in texts if t]) and numbers >= 1


def _first_data_row(rows) -> int | None:
    for index, row in enumerate(rows):
        values = [clean(c[0]) for c in row[1:]]
        if sum(parse_figure(v) is not None for v in values) >= max(1, len(values) // 2):
            return index
    return None


def _columns(header_rows, codes, first_value, width) -> list[dict]:
    columns: list[dict] = []
    keys: set[str] = set()
    position_of_code: dict[str, str] = {}
    for position in range(first_value, width):
        texts = [clean(r[position][0]) if position < len(r) else "" for r in header_rows]
        merged = [r[position][2] if position < len(r) else False for r in header_rows]
        header = next((t for t in reversed(texts) if t), "") or f"Cột {position - first_value + 1}"
        group = None
        # A group heads the cells below it; a header merged down over the rows is no group.
        if len(texts) > 1 and texts[0] and not merged[-1] and texts[-1] and texts[0] != header:
            group = texts[0]
        key = _key(header, group, keys)
        column = {"key": key, "header": _fits(header, limits.NAME)}
        if group:
            column["group"] = _fits(group, limits.NAME)
        column["_position"] = position - first_value
        code = codes[position] if position < len(codes) else ""
        match = CODE.match(code.replace(" ", "")) if code else None
        if match:
            position_of_code[match.group("own")] = key
            formula = match.group("formula")
            if formula:
                operands = re.split(r"[-+/x*:]", formula)
                operator = next(c for c in formula if c in "-+/x*:")
                kind = OPERATORS.get(operator)
                of = [position_of_code.get(o) for o in operands]
                if kind and all(of) and (kind == "sum" or len(of) == 2):
                    column["kind"] = kind
                    column["of"] = of
        columns.append(column)
    return columns


def _key(header: str, group: str | None, taken: set[str]) -> str:
    base = "_".join(words_of(f"{group or ''} {header}").split())[:30] or "cot"
    base = re.sub(r"[^A-Za-z0-9_]", "", base) or "cot"
    if not base[0].isalpha():
        base = "c_" + base
    key, suffix = base, 2
    while key in taken:
        key, suffix = f"{base}_{suffix}", suffix + 1
    taken.add(key)
    return key


def _json_number(value: Decimal):
    return int(value) if value == value.to_integral_value() and abs(value) < 10**15 else float(value)


def _rate_decimals(data: dict, rows, first_value: int) -> None:
    for index, column in enumerate(data["columns"]):
        if column.get("kind") != "rate":
            continue
        places = []
        for row in rows:
            position = first_value + index
            if position < len(row):
                text = clean(row[position][0]).rstrip("%")
                if parse_figure(text) is not None and "," in text:
                    places.append(len(text.split(",")[-1]))
        if places and max(places) != 2:
            column["decimals"] = min(6, max(places))


register(BlockReader("figures", table=TableClaim(score, read)))
