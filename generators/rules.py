"""The short solid lines under the issuer and under the summary.

Decree 30 wants them 1/3 to 1/2 as long as the text above. They are empty
paragraphs with a bottom border (style "ND30 Gạch dưới ..."), so a clerk can
still select and move them; their length comes from left/right indents that
depend on the text, hence computed here per document.
"""

from __future__ import annotations

from docx.shared import Pt

from . import styles as S

SHARE_OF_TEXT = 0.4
# Average advance width of Times New Roman, in ems (measured on Vietnamese text).
EM_CAPITALS_BOLD = 0.70
EM_SENTENCE_BOLD = 0.50


def text_width(lines: list[str], size_pt: float, em: float) -> float:
    return max((len(line) for line in lines), default=0) * size_pt * em


def center_rule(paragraph, available_pt: float, rule_pt: float) -> None:
    rule_pt = max(Pt(24).pt, min(rule_pt, available_pt))
    side = Pt((available_pt - rule_pt) / 2)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side


def _paragraphs_with_style(container, style: S.Style):
    # Compare style ids in the XML: resolving p.style walks all styles each time.
    return [p for p in container.paragraphs if p._p.style == style.style_id]


def _style_size(document, style: S.Style, default: float) -> float:
    size = document.styles[style.name].font.size
    return size.pt if size else default


def draw_rules(document, issuer_lines: list[str], summary: str) -> None:
    header_table = document.tables[0]
    issuer_cell = header_table.cell(0, 0)
    cell_width = issuer_cell.width.pt if issuer_cell.width else Pt(180).pt
    issuer_size = _style_size(document, S.ISSUER, 13)
    for paragraph in _paragraphs_with_style(issuer_cell, S.ISSUER_RULE):
        wanted = text_width(issuer_lines, issuer_size, EM_CAPITALS_BOLD) * SHARE_OF_TEXT
        center_rule(paragraph, cell_width, wanted)
    section = document.sections[0]
    body_width = (section.page_width - section.left_margin - section.right_margin) / 12700
    summary_size = _style_size(document, S.SUMMARY, 14)
    summary_width = min(body_width, text_width([summary], summary_size, EM_SENTENCE_BOLD))
    for paragraph in _paragraphs_with_style(document, S.SUMMARY_RULE):
        center_rule(paragraph, body_width, summary_width * SHARE_OF_TEXT)
