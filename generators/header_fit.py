"""Header text fitted to its lines: the place and date on one line however
long the place's name, and a summary whose last line is never one or two
words.

The template's right column (10 cm, as in the decree's "Mẫu 1.4") holds
"Tam Đường, ngày 05 tháng 3 năm 2021" at 14 pt italic, but not "Thành phố
Buôn Ma Thuột, ngày 28 tháng 12 năm 2024". For such a place the second row
of the header table gets a wider right cell, taken from the number's cell
beside it (which only holds "Số: 05/KH-UBND"): the table's grid gains a
column, the first row spans it on the left and the second on the right.
Measured, so a short place leaves the template's geometry untouched.

A summary the author did not break is laid out as LibreOffice and Word do
(each line filled with as many words as fit); when that leaves one or two
words on the last line, a line break goes before the third word from the
end. The break's space stays at the end of the line above, so the text is
unchanged for search and copy.
"""

from __future__ import annotations

import copy

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from nd30 import styles as S

from .measure import text_width
from .rules import style_size

TWIPS_PER_PT = 20
# The template's cell margins (Word's default, 0.19 cm each side), and a
# little more for rounding.
CELL_MARGINS_PT = 2 * 108 / TWIPS_PER_PT
SLACK_PT = 4
LAST_LINE_WORDS = 3


def fit_header(document) -> None:
    fit_place_date(document)
    balance_summary(document)


def fit_place_date(document) -> None:
    table = document.tables[0]
    if len(table.rows) < 2:
        return  # a header without number and date: the document a decision issues
    (number_cell, place_cell) = table.rows[1].cells
    grid = table._tbl.tblGrid
    columns = [int(col.get(qn("w:w"))) for col in grid.findall(qn("w:gridCol"))]
    if len(columns) != 2:
        return  # a template whose header has another shape: leave it as drawn
    place_text = place_cell.paragraphs[0].text
    needed = text_width(place_text, style_size(document, S.PLACE_DATE, 14), italic=True) + CELL_MARGINS_PT + SLACK_PT
    available = columns[1] / TWIPS_PER_PT
    if needed <= available:
        return
    number_text = number_cell.paragraphs[0].text
    number_needed = text_width(number_text, style_size(document, S.NUMBER_SYMBOL, 13)) + CELL_MARGINS_PT + SLACK_PT
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


def wrapped_lines(words: list[str], width_pt: float, size_pt: float) -> list[int]:
    """How many words each line takes when lines are filled greedily (bold)."""
    space = text_width(" ", size_pt, bold=True)
    counts, used = [], None
    for word in words:
        advance = text_width(word, size_pt, bold=True)
        if used is not None and used + space + advance <= width_pt:
            used += space + advance
            counts[-1] += 1
        else:
            counts.append(1)
            used = advance
    return counts


def balance_summary(document) -> None:
    # The summary is near the top: stop there rather than list every paragraph.
    paragraphs = document.element.body.iterchildren(qn("w:p"))
    paragraph = next((p for p in paragraphs if p.style == S.SUMMARY.style_id), None)
    if paragraph is None or paragraph.find(f".//{qn('w:br')}") is not None:
        return  # the author broke it
    texts = paragraph.findall(f"{qn('w:r')}/{qn('w:t')}")
    text = "".join(t.text or "" for t in texts)
    words = text.split(" ")
    section = document.sections[0]
    width = (section.page_width - section.left_margin - section.right_margin) / 12700 - SLACK_PT
    lines = wrapped_lines(words, width, style_size(document, S.SUMMARY, 14))
    if len(lines) < 2 or lines[-1] >= LAST_LINE_WORDS or len(words) <= LAST_LINE_WORDS:
        return
    _break_before(texts, len(" ".join(words[:-LAST_LINE_WORDS])) + 1)


def _break_before(texts, offset: int) -> None:
    """A line break at character ``offset`` of the runs' text: the run that
    holds it is split in two, the second part starting with the break."""
    for t in texts:
        length = len(t.text or "")
        if offset <= length:
            run = t.getparent()
            second = copy.deepcopy(run)
            run.addnext(second)
            second_t = second.find(qn("w:t"))
            t.text, second_t.text = t.text[:offset], t.text[offset:]
            second_t.addprevious(parse_xml(f'<w:br {nsdecls("w")}/>'))
            return
        offset -= length
