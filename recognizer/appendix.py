"""Appendix tables: label ("Phụ lục I"), title, "(Kèm theo …)", unit note,
and a table of figures: header rows (with column groups), the column-code
row (A, B, 1, 2, 4=3/1, 11=3-7) that tells input from computed columns,
rows with a label and Vietnamese figures, and the "Tổng cộng" row."""

from __future__ import annotations

import re
from decimal import Decimal

from schemas import limits

from .markup import to_markup
from .notes import Notes
from .reading import Para, Table
from .text import clean, parse_figure, sentence_case, words_of

CODE = re.compile(r"^(?P<own>\d{1,2})(?:\s*=\s*(?P<formula>\d{1,2}(?:\s*[-+/x*:]\s*\d{1,2})+)(?:\s*[x*]\s*100)?)?$")
LETTER_CODE = re.compile(r"^[A-Z]$")
NUMBER_HEADERS = {"tt", "stt", "so tt", "so thu tu"}
TOTAL_LABELS = ("tong cong", "tong so", "cong", "tong", "toan xa", "toan huyen", "toan tinh")
UNIT_NOTE = re.compile(r"^\(?\s*(đơn vị tính|đvt|đơn vị)\s*[:.]", re.I)
ATTACHED = re.compile(r"^\(\s*kèm theo", re.I)
APPENDIX_LABEL = re.compile(r"^(phụ lục|biểu|biểu số|phụ biểu)\b", re.I)
OPERATORS = {"/": "rate", ":": "rate", "-": "difference", "+": "sum"}


def is_label(text: str) -> bool:
    return bool(APPENDIX_LABEL.match(clean(text))) and len(clean(text)) <= 40


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


def read_table(table: Table, notes: Notes, first_para: int | None) -> dict | None:
    rows = grid(table)
    if len(rows) < 2:
        return None
    code_row = next((i for i, r in enumerate(rows) if _is_code_row(r)), None)
    start = code_row + 1 if code_row is not None else _first_data_row(rows)
    if start is None or start == 0:
        return None
    header_rows = rows[: code_row if code_row is not None else start]
    width = max(len(r) for r in rows)
    number_column = words_of(header_rows[0][0][0]) in NUMBER_HEADERS if header_rows and header_rows[0] else False
    label_at = 1 if number_column else 0
    first_value = label_at + 1
    if width <= first_value:
        return None
    codes = [clean(c[0]) for c in rows[code_row]] if code_row is not None else []
    columns = _columns(header_rows, codes, first_value, width, table, notes)
    if not columns:
        return None
    data: dict = {"columns": columns}
    if number_column:
        data["number_header"] = clean(header_rows[0][0][0]) or "TT"
        if data["number_header"] == "TT":
            del data["number_header"]
    label_header = clean(header_rows[0][label_at][0]) if len(header_rows[0]) > label_at else ""
    if label_header and label_header != "Đơn vị":
        data["label_header"] = label_header
    body_rows, total = [], None
    for row in rows[start:]:
        if len(row) <= label_at:
            continue
        label = clean(row[label_at][0])
        if not label and not any(clean(c[0]) for c in row):
            continue
        if words_of(label) in TOTAL_LABELS or words_of(label).startswith("tong cong"):
            total = label
            continue
        values = {}
        for index, column in enumerate(columns):
            if column.get("kind", "input") != "input":
                continue
            position = first_value + column["_position"]
            cell = clean(row[position][0]) if position < len(row) else ""
            value = parse_figure(cell)
            if value is None:
                if cell and cell not in ("-", "–", "—", "x"):
                    notes.warn("unreadable_cell", first_para, cell, found=cell)
                value = Decimal(0)
            values[column["key"]] = _json_number(value)
        body_rows.append({"label": label or "…", "values": values})
    for column in columns:
        column.pop("_position", None)
    data["rows"] = body_rows[: limits.TABLE_ROWS]
    if total is None:
        data["show_total"] = False
    elif total != "Tổng cộng":
        data["total"] = {"label": total}
    _rate_decimals(data, rows[start:], first_value)
    return data


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


def _columns(header_rows, codes, first_value, width, table, notes) -> list[dict]:
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
        column = {"key": key, "header": header[: limits.NAME]}
        if group:
            column["group"] = group[: limits.NAME]
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
        if len(columns) >= limits.TABLE_COLUMNS:
            break
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


LABEL_STYLE, TITLE_STYLE, ATTACHED_STYLE, UNIT_STYLE = "ND30AppendixLabel", "ND30AppendixTitle", "ND30AppendixAttached", "ND30TableNote"


def starts_appendix(para: Para) -> bool:
    return para.style_id == LABEL_STYLE or (not para.style_id.startswith("ND30") and is_label(para.text))


def is_title(para: Para) -> bool:
    if para.style_id == TITLE_STYLE:
        return True
    return not para.style_id.startswith("ND30") and (para.bold or para.align == "center") and not is_label(para.text)


def appendix_from(paragraphs: list[Para], table: Table | None, notes: Notes) -> dict:
    """One appendix from the paragraphs before its table and the table;
    paragraphs that are neither label, title, "(Kèm theo …)" nor unit note
    come back under "_notes"."""
    appendix: dict = {}
    title_parts, rest = [], []
    for para in paragraphs:
        text = clean(para.text)
        if not text:
            continue
        if starts_appendix(para) and "label" not in appendix and not title_parts:
            appendix["label"] = sentence_case(text)
        elif para.style_id == ATTACHED_STYLE or ATTACHED.match(text):
            appendix["_attached"] = clean(to_markup(para.segments, para.base_bold, para.base_italic or para.italic)[0])
        elif para.style_id == UNIT_STYLE or UNIT_NOTE.match(text):
            appendix.setdefault("_unit_note", text)
        elif is_title(para) and not rest:
            title_parts.append(clean(to_markup(para.segments, True, para.base_italic)[0]))
        else:
            rest.append(para)
    appendix["title"] = sentence_case(" ".join(title_parts))[: limits.NAME] if title_parts else "Phụ lục"
    unit = appendix.pop("_unit_note", None)
    if table is not None:
        first = table.paragraphs[0] if table.paragraphs else None
        data = read_table(table, notes, first.index if first else None)
        if data is None:
            notes.warn("unreadable_table", first.index if first else None, first.text if first else None)
        else:
            if unit:
                data["unit_note"] = unit
            appendix["table"] = data
    if rest:
        appendix["_notes"] = rest
    return appendix
