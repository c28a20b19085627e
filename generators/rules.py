"""The short solid lines under the issuer and under the summary.

Decree 30 wants them 1/3 to 1/2 as long as the text above. They are empty
paragraphs with a bottom border (style "ND30 Gạch dưới ..."), so a clerk can
still select and move them; their length comes from left/right indents that
depend on the text, hence computed here per document.
"""

from __future__ import annotations

from docx.shared import Pt

from nd30 import styles as S

from .measure import text_width

SHARE_OF_TEXT = 0.4


def widest(lines: list[str], size_pt: float) -> float:
    """The widest of bold ``lines``, in points."""
    return max((text_width(line, size_pt, bold=True) for line in lines), default=0)


def center_rule(paragraph, available_pt: float, rule_pt: float) -> None:
    rule_pt = max(Pt(24).pt, min(rule_pt, available_pt))
    side = Pt((available_pt - rule_pt) / 2)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side


def _paragraphs_with_style(container, style: S.Style):
    # Compare style ids in the XML: resolving p.style walks all styles each time.
    return [p for p in container.paragraphs if p._p.style == style.style_id]


def style_size(document, style: S.Style, default: float) -> float:
    size = document.styles[style.name].font.size
    return size.pt if size else default


def draw_rules(document, issuer_lines: list[str], summary: str) -> None:
    header_table = document.tables[0]
    issuer_cell = header_table.cell(0, 0)
    cell_width = issuer_cell.width.pt if issuer_cell.width else Pt(180).pt
    issuer_size = style_size(document, S.ISSUER, 13)
    for paragraph in _paragraphs_with_style(issuer_cell, S.ISSUER_RULE):
        wanted = widest(issuer_lines, issuer_size) * SHARE_OF_TEXT
        center_rule(paragraph, cell_width, wanted)
    section = document.sections[0]
    body_width = (section.page_width - section.left_margin - section.right_margin) / 12700
    summary_size = style_size(document, S.SUMMARY, 14)
    summary_width = min(body_width, widest(summary.split("\n"), summary_size))
    for paragraph in _paragraphs_with_style(document, S.SUMMARY_RULE):
        center_rule(paragraph, body_width, summary_width * SHARE_OF_TEXT)
