"""The place and date on one line, however long the place's name.

The template's right column (10 cm, as in the decree's "Mẫu 1.4") holds
"Tam Đường, ngày 05 tháng 3 năm 2021" at 14 pt italic, but not "Thành phố
Buôn Ma Thuột, ngày 28 tháng 12 năm 2024". For such a place the second row
of the header table gets a wider right cell, taken from the number's cell
beside it (which only holds "Số: 05/KH-UBND"): the table's grid gains a
column, the first row spans it on the left and the second on the right.
Measured, so a short place leaves the template's geometry untouched.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from . import styles as S
from .measure import text_width
from .rules import style_size

TWIPS_PER_PT = 20
# The template's cell margins (Word's default, 0.19 cm each side), and a
# little more for rounding.
CELL_MARGINS_PT = 2 * 108 / TWIPS_PER_PT
SLACK_PT = 4


def fit_place_date(document) -> None:
    table = document.tables[0]
    (number_cell, place_cell) = table.rows[1].cells
    grid = table._tbl.tblGrid
    columns = [int(col.get(qn("w:w"))) for col in grid.findall(qn("w:gridCol"))]
    if len(columns) != 2:
        return  # a template whose header has another shape: leave it as drawn
    margins = CELL_MARGINS_PT
    place_text = place_cell.paragraphs[0].text
    needed = text_width(place_text, style_size(document, S.PLACE_DATE, 14), italic=True) + margins + SLACK_PT
    available = columns[1] / TWIPS_PER_PT
    if needed <= available:
        return
    number_text = number_cell.paragraphs[0].text
    number_needed = text_width(number_text, style_size(document, S.NUMBER_SYMBOL, 13)) + margins + SLACK_PT
    right = min(needed, sum(columns) / TWIPS_PER_PT - number_needed)
    left_twips = sum(columns) - round(right * TWIPS_PER_PT)
    if left_twips >= columns[0]:
        return
    split = [left_twips, columns[0] - left_twips, columns[1]]
    grid.append(parse_xml(f'<w:gridCol {nsdecls("w")}/>'))
    for col, width in zip(grid.findall(qn("w:gridCol")), split):
        col.set(qn("w:w"), str(width))
    first_row, second_row = table._tbl.tr_lst[:2]
    _set_cell(first_row.tc_lst[0], columns[0], span=2)
    _set_cell(second_row.tc_lst[0], split[0])
    _set_cell(second_row.tc_lst[1], split[1] + split[2], span=2)


def _set_cell(tc, width_twips: int, span: int = 1) -> None:
    tc_pr = tc.get_or_add_tcPr()
    tc_pr.get_or_add_tcW().set(qn("w:w"), str(width_twips))
    tc_pr.get_or_add_tcW().set(qn("w:type"), "dxa")
    if span > 1:
        tc.grid_span = span
