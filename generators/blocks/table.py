"""A table of text: its title and unit note, then the grid — header rows
(from the columns' headers, or the block's own header rows with merged
cells), group rows spanning the table, and the automatic STT column that
numbers groups I, II … and rows 1, 2 … again in each group."""

from __future__ import annotations

from nd30 import styles as S
from nd30.vietnamese import roman

from ..table_grid import NUMBER_COLUMN_WEIGHT, Grid, GridCell, GridRow, grid_xml
from . import printed_columns, writes


def table_grid(block: dict) -> Grid:
    numbered = block["number_column"] is not None
    columns = block["columns"]
    data_weight = sum(column["width"] for column in columns)
    weights = ([data_weight * NUMBER_COLUMN_WEIGHT / (1 - NUMBER_COLUMN_WEIGHT)] if numbered else [])
    grid = Grid(weights + [column["width"] for column in columns])
    header_rows = block["header_rows"] or ([[{"text": c["header"], "colspan": 1, "rowspan": 1} for c in columns]]
                                           if any(c["header"] for c in columns) else [])
    for index, cells in enumerate(header_rows):
        row = [GridCell(cell["text"], S.TABLE_HEAD, cell["colspan"], cell["rowspan"]) for cell in cells]
        if numbered and index == 0:
            row.insert(0, GridCell(block["number_column"], S.TABLE_HEAD, rowspan=len(header_rows)))
        grid.rows.append(GridRow(row, header=True))
    groups = number = 0
    covered = [0] * len(columns)  # rows a merge from above still covers, per column
    for row in block["rows"]:
        if row["group"] is not None:
            groups, number = groups + 1, 0
            cells = [GridCell(row["group"], S.TABLE_GROUP, colspan=len(columns))]
            if numbered:
                cells.insert(0, GridCell(roman(groups), S.TABLE_HEAD))
            grid.rows.append(GridRow(cells, keep=True))
            continue
        number += 1
        cells, column = [], 0
        for cell in row["cells"]:
            while column < len(columns) - 1 and covered[column]:
                column += 1
            align = cell["align"] or columns[column]["align"]
            cells.append(GridCell(cell["text"], S.TABLE_CELL_BY_ALIGNMENT[align], cell["colspan"], cell["rowspan"]))
            for spanned in range(column, min(len(columns), column + cell["colspan"])):
                covered[spanned] = cell["rowspan"]
            column = min(len(columns) - 1, column + cell["colspan"])
        covered = [max(0, count - 1) for count in covered]
        if numbered:
            cells.insert(0, GridCell(str(number), S.TABLE_CELL_CENTER))
        grid.rows.append(GridRow(cells))
    return grid


@printed_columns("table")
def table_columns(block: dict) -> int:
    return len(block["columns"]) + (block["number_column"] is not None)


@writes("table")
def write_table(writer, block: dict, depth: int):
    if block["title"]:
        yield writer.paragraph(S.TABLE_TITLE, block["title"])
    if block["unit_note"]:
        yield writer.paragraph(S.TABLE_NOTE, block["unit_note"])
    yield grid_xml(table_grid(block), writer.text_width, writer.footnotes)
