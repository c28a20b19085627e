"""A table of text as WordprocessingML, shared by the table block and the
task matrix: header rows that repeat on every page, rows that never split
across pages (Word and LibreOffice still split a row taller than a page),
group rows that keep with the next row, merged cells (``w:gridSpan``
across, ``w:vMerge`` down), and a cell's lines as paragraphs of its style.

Rows come in the block's own model: a merged cell is given once, and the
positions it covers are left out of the rows below (as in HTML); the
continuation cells Word needs there are written here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nd30 import styles as S
from nd30.markup import parse

from .wordml import W_NS, Footnotes, inline_xml, paragraph_xml

NUMBER_COLUMN_WEIGHT = 0.075  # of the width: "STT", "II", "12.3"
MIN_COLUMN_TWIPS = 454  # 0.8 cm


@dataclass
class GridCell:
    text: str
    style: S.Style
    colspan: int = 1
    rowspan: int = 1


@dataclass
class GridRow:
    cells: list[GridCell]
    header: bool = False   # repeats at the top of every page
    keep: bool = False     # keeps with the next row (a group row)


@dataclass
class Grid:
    weights: list[float]   # relative column widths
    rows: list[GridRow] = field(default_factory=list)


def column_twips(weights: list[float], width_twips: int) -> list[int]:
    total = sum(weights)
    return [max(MIN_COLUMN_TWIPS, int(width_twips * weight / total)) for weight in weights]


def grid_xml(grid: Grid, width_twips: int, footnotes: Footnotes) -> str:
    widths = column_twips(grid.weights, width_twips)
    columns = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    properties = (f'<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
                  '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr>')
    rows = []
    below: dict[int, GridCell] = {}  # first column → a cell merged down from above, still covering rows
    remaining: dict[int, int] = {}
    for row in grid.rows:
        cells, column, queue = [], 0, list(row.cells)
        while column < len(widths):
            if remaining.get(column):
                cell = below[column]
                cells.append(_cell_xml(cell, widths, column, footnotes, "continue", row.keep))
                remaining[column] -= 1
                column += cell.colspan
                continue
            if not queue:
                break  # validated rows fill the width; nothing to pad
            cell = queue.pop(0)
            merge = None
            if cell.rowspan > 1:
                below[column], remaining[column] = cell, cell.rowspan - 1
                merge = "restart"
            cells.append(_cell_xml(cell, widths, column, footnotes, merge, row.keep))
            column += cell.colspan
        flags = "<w:cantSplit/>" + ("<w:tblHeader/>" if row.header else "")
        rows.append(f"<w:tr><w:trPr>{flags}</w:trPr>{''.join(cells)}</w:tr>")
    return f'<w:tbl xmlns:w="{W_NS}">{properties}<w:tblGrid>{columns}</w:tblGrid>{"".join(rows)}</w:tbl>'


def cell_properties(widths: list[int], column: int, span: int, merge: str | None) -> str:
    """A cell's w:tcPr content: its width over the columns it spans, the
    span, its place in a vertical merge ("restart", "continue"), centred
    vertically. Shared by every table the generators write."""
    properties = f'<w:tcW w:w="{sum(widths[column:column + span])}" w:type="dxa"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        properties += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        properties += "<w:vMerge/>"
    return properties + '<w:vAlign w:val="center"/>'


def _cell_xml(cell: GridCell, widths: list[int], column: int, footnotes: Footnotes, merge: str | None,
              keep: bool) -> str:
    span = min(cell.colspan, len(widths) - column)
    properties = cell_properties(widths, column, span, merge)
    lines = [""] if merge == "continue" else cell.text.split("\n")
    # Word keeps a row with the next one when every paragraph of it keeps with the next.
    paragraphs = "".join(paragraph_xml(cell.style.style_id, inline_xml(parse(line), footnotes) if line else "",
                                       keep_next=keep) for line in lines)
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraphs}</w:tc>"
