"""Build ``templates_docx/ke-hoach.docx`` from scratch.

The committed template is the source of truth: clerks and developers edit it
in Word (styles, margins, sizes) and every output follows. This script only
documents, reproducibly, how the first version was made; running it again
overwrites any change made in Word. Run: ``.venv/bin/python -m tools.build_template``.

Layout follows Decree 30/2020/NĐ-CP, Appendix I (see ../shared/nd30.md):
A4 portrait, margins 20/20/30/15 mm, Times New Roman, size set A in the header
(national title 13, motto 14, place/date 14), body 14 pt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

from generators import styles as S

OUTPUT = Path(__file__).resolve().parent.parent / "templates_docx" / "ke-hoach.docx"
FONT = "Times New Roman"
KEEP_STYLES = {"Normal", "Default Paragraph Font", "Normal Table", "No List", "Table Grid"}

# Word rejects a document whose elements are out of the schema's order: each
# element added by hand goes before the first of the siblings that follow it.
AFTER_BORDERS = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
AFTER_OUTLINE_LEVEL = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
AFTER_TABLE_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
AFTER_FOOTNOTE_PROPERTIES = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator",
)

HEADER_LEFT_CM = 6.5
HEADER_RIGHT_CM = 10.0
SIGN_LEFT_CM = 5.3
SIGN_RIGHT_CM = 11.2
FIRST_LINE_INDENT = Cm(1)


def build(path: Path = OUTPUT) -> None:
    document = Document()
    _clean_package(document)
    _set_defaults(document)
    _prune_styles(document)
    _add_styles(document)
    _add_numbering(document)
    _add_footnotes_part(document)
    _set_page(document)
    _add_page_number_header(document)
    _write_body(document)
    document.core_properties.title = "Kế hoạch (mẫu theo Nghị định 30/2020/NĐ-CP)"
    document.core_properties.author = "nd30-plans"
    document.core_properties.comments = (
        "Mẫu docxtpl: sửa kiểu (Styles) và lề trang tại đây, mọi văn bản sinh ra sẽ theo."
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)


# --- package and defaults -------------------------------------------------


def _clean_package(document) -> None:
    """Drop python-docx's thumbnail and effects copy of the styles: they
    would show a stranger's preview and duplicate the style definitions."""
    main = document.part
    for rel_id, rel in list(main.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            main.drop_rel(rel_id)
    package_rels = main.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rel_id)


def _set_defaults(document) -> None:
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr_default):
        rpr_default.remove(child)
    rpr_default.append(parse_xml(_fonts_xml()))
    rpr_default.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="28"/>'))
    rpr_default.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="28"/>'))
    rpr_default.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'))
    ppr_default = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr_default):
        ppr_default.remove(child)
    ppr_default.append(parse_xml(f'<w:spacing {nsdecls("w")} w:after="0" w:line="240" w:lineRule="auto"/>'))
    # Settings: Vietnamese proofing, no theme font mapping surprises.
    settings = document.settings.element
    for theme_lang in settings.findall(qn("w:themeFontLang")):
        settings.remove(theme_lang)


def _fonts_xml() -> str:
    return (
        f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" '
        f'w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    )


def _prune_styles(document) -> None:
    """Keep only the styles a clerk needs to see; strip theme fonts from them."""
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name")).get(qn("w:val"))
        if name not in KEEP_STYLES and name.lower() not in {n.lower() for n in KEEP_STYLES}:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for fonts in styles.iter(qn("w:rFonts")):
        for attribute in list(fonts.attrib):
            if "Theme" in attribute or "theme" in attribute:
                del fonts.attrib[attribute]
        for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(script), FONT)


# --- styles -------------------------------------------------------------------

CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY


@dataclass(frozen=True)
class Format:
    style: S.Style
    size: float
    bold: bool = False
    italic: bool = False
    alignment: WD_ALIGN_PARAGRAPH = JUSTIFY
    indent: bool = False
    before: float = 0
    after: float = 0
    line: float = 1.0
    keep_with_next: bool = False
    outline_level: int | None = None


BODY_SPACING = dict(indent=True, before=0, after=6, line=1.15)

FORMATS = (
    Format(S.DRAFT_MARK, 13, bold=True, alignment=CENTER, after=6),
    Format(S.PARENT_BODY, 13, alignment=CENTER),
    Format(S.ISSUER, 13, bold=True, alignment=CENTER),
    Format(S.ISSUER_RULE, 6, alignment=CENTER, after=6),
    Format(S.NUMBER_SYMBOL, 13, alignment=CENTER),
    Format(S.NATIONAL_TITLE, 13, bold=True, alignment=CENTER),
    Format(S.MOTTO, 14, bold=True, alignment=CENTER, after=6),
    Format(S.PLACE_DATE, 14, italic=True, alignment=CENTER),
    Format(S.DOCUMENT_TYPE, 14, bold=True, alignment=CENTER, before=18, keep_with_next=True),
    Format(S.SUMMARY, 14, bold=True, alignment=CENTER, keep_with_next=True),
    Format(S.SUMMARY_RULE, 6, alignment=CENTER, after=12),
    Format(S.LEGAL_BASIS, 14, italic=True, **BODY_SPACING),
    Format(S.BODY, 14, **BODY_SPACING),
    Format(S.HEADING_I, 14, bold=True, keep_with_next=True, outline_level=0, **BODY_SPACING),
    Format(S.HEADING_1, 14, bold=True, keep_with_next=True, outline_level=1, **BODY_SPACING),
    Format(S.HEADING_1_1, 14, bold=True, keep_with_next=True, outline_level=2, **BODY_SPACING),
    Format(S.HEADING_1_1_1, 14, bold=True, italic=True, keep_with_next=True, outline_level=3, **BODY_SPACING),
    Format(S.POINT, 14, **BODY_SPACING),
    Format(S.BULLET, 14, **BODY_SPACING),
    Format(S.SUB_BULLET, 14, **BODY_SPACING),
    Format(S.CLOSING, 14, **BODY_SPACING),
    Format(S.RECIPIENTS_TITLE, 12, bold=True, italic=True, alignment=LEFT, before=6),
    Format(S.RECIPIENT, 11, alignment=LEFT),
    Format(S.AUTHORITY, 14, bold=True, alignment=CENTER, before=6, keep_with_next=True),
    Format(S.SIGNER, 14, bold=True, alignment=CENTER, before=72),
    Format(S.PAGE_NUMBER, 14, alignment=CENTER),
    Format(S.APPENDIX_LABEL, 14, bold=True, alignment=CENTER),
    Format(S.APPENDIX_TITLE, 14, bold=True, alignment=CENTER, keep_with_next=True),
    Format(S.APPENDIX_ATTACHED, 14, italic=True, alignment=CENTER, after=12),
    Format(S.TABLE_HEADER, 10.5, bold=True, alignment=CENTER),
    Format(S.TABLE_TEXT, 11, alignment=LEFT),
    Format(S.TABLE_NUMBER, 11, alignment=WD_ALIGN_PARAGRAPH.RIGHT),
    Format(S.TABLE_NOTE, 12, italic=True, alignment=WD_ALIGN_PARAGRAPH.RIGHT),
)


def _paragraph_style(document, spec: Format):
    style = document.styles.add_style(spec.style.name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), spec.style.style_id)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(script), FONT)
    style.font.size = Pt(spec.size)
    style.font.bold = spec.bold
    style.font.italic = spec.italic
    paragraph = style.paragraph_format
    paragraph.alignment = spec.alignment
    paragraph.space_before = Pt(spec.before)
    paragraph.space_after = Pt(spec.after)
    paragraph.line_spacing = spec.line
    paragraph.keep_with_next = spec.keep_with_next
    paragraph.widow_control = True
    if spec.indent:
        paragraph.first_line_indent = FIRST_LINE_INDENT
    if spec.outline_level is not None:
        style.element.get_or_add_pPr().insert_element_before(
            parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{spec.outline_level}"/>'), *AFTER_OUTLINE_LEVEL
        )
    return style


def _add_styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    for spec in FORMATS:
        _paragraph_style(document, spec)
    _add_footnote_styles(document)
    _add_border(document.styles[S.DRAFT_MARK.name], sides=("top", "left", "bottom", "right"))
    for style in (S.ISSUER_RULE, S.SUMMARY_RULE):
        _add_border(document.styles[style.name], sides=("bottom",))


def _add_border(style, sides) -> None:
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="6" w:space="1" w:color="000000"/>' for side in sides
    )
    style.element.get_or_add_pPr().insert_element_before(
        parse_xml(f'<w:pBdr {nsdecls("w")}>{borders}</w:pBdr>'), *AFTER_BORDERS
    )


def _add_footnote_styles(document) -> None:
    text = document.styles.add_style(S.FOOTNOTE_TEXT.name, WD_STYLE_TYPE.PARAGRAPH)
    text.element.set(qn("w:styleId"), "FootnoteText")
    text.base_style = document.styles["Normal"]
    text.font.size = Pt(11)
    text.font.name = FONT
    text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    reference = document.styles.add_style(S.FOOTNOTE_REFERENCE.name, WD_STYLE_TYPE.CHARACTER)
    reference.element.set(qn("w:styleId"), "FootnoteReference")
    reference.font.superscript = True
    reference.font.name = FONT


# --- numbering ------------------------------------------------------------------


def _level(ilvl: int, fmt: str, text: str, *, style_id: str | None, bold: bool, italic: bool = False,
           indent_left: int = 0, first_line: int = 567) -> str:
    style = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    run = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    run += "<w:i/><w:iCs/>" if italic else '<w:i w:val="0"/><w:iCs w:val="0"/>'
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{style}'
        f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent_left}" w:firstLine="{first_line}"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>{run}</w:rPr></w:lvl>'
    )


def _abstract(abstract_id: int, name: str, levels: list[str]) -> str:
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/><w:name w:val="{name}"/>{"".join(levels)}</w:abstractNum>'
    )


def _add_numbering(document) -> None:
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    headings = [
        _level(0, "upperRoman", "%1.", style_id=S.HEADING_I.style_id, bold=True),
        _level(1, "decimal", "%2.", style_id=S.HEADING_1.style_id, bold=True),
        _level(2, "decimal", "%2.%3.", style_id=S.HEADING_1_1.style_id, bold=True),
        _level(3, "decimal", "%2.%3.%4.", style_id=S.HEADING_1_1_1.style_id, bold=True, italic=True),
    ]
    points = [_level(0, "lowerLetter", "%1)", style_id=S.POINT.style_id, bold=False)]
    bullets = [
        _level(0, "bullet", "-", style_id=S.BULLET.style_id, bold=False),
        _level(1, "bullet", "+", style_id=S.SUB_BULLET.style_id, bold=False),
    ]
    recipients = [_level(0, "bullet", "-", style_id=S.RECIPIENT.style_id, bold=False, first_line=0)]
    definitions = [
        (S.NUM_HEADINGS, "ND30 Đề mục", headings),
        (S.NUM_POINTS, "ND30 Điểm a), b)", points),
        (S.NUM_BULLETS, "ND30 Gạch đầu dòng", bullets),
        (S.NUM_RECIPIENTS, "ND30 Nơi nhận", recipients),
    ]
    for num_id, name, levels in definitions:
        numbering.append(parse_xml(_abstract(num_id, name, levels)))
    for num_id, _, _ in definitions:
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    for spec, num_id, level in (
        (S.HEADING_I, S.NUM_HEADINGS, 0),
        (S.HEADING_1, S.NUM_HEADINGS, 1),
        (S.HEADING_1_1, S.NUM_HEADINGS, 2),
        (S.HEADING_1_1_1, S.NUM_HEADINGS, 3),
        (S.POINT, S.NUM_POINTS, 0),
        (S.BULLET, S.NUM_BULLETS, 0),
        (S.SUB_BULLET, S.NUM_BULLETS, 1),
        (S.RECIPIENT, S.NUM_RECIPIENTS, 0),
    ):
        num_pr = document.styles[spec.name].element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = num_id


# --- footnotes ------------------------------------------------------------------


def _add_footnotes_part(document) -> None:
    xml = (
        f'<w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '</w:footnotes>'
    )
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    settings = document.settings.element
    settings.insert_element_before(
        parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'),
        *AFTER_FOOTNOTE_PROPERTIES,
    )


# --- page -------------------------------------------------------------------------


def _set_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True


def _add_page_number_header(document) -> None:
    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    paragraph.style = document.styles[S.PAGE_NUMBER.name]
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>2</w:t></w:r></w:fldSimple>'
    ))


# --- body -----------------------------------------------------------------------


def _borderless(table) -> None:
    borders = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table._tbl.tblPr.insert_element_before(
        parse_xml(f'<w:tblBorders {nsdecls("w")}>{borders}</w:tblBorders>'), *AFTER_TABLE_BORDERS
    )


def _two_column_table(document, rows: int, left_cm: float, right_cm: float):
    table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    # LibreOffice reads the grid, Word the cells: set both.
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, (left_cm, right_cm)):
        grid_col.w = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, (left_cm, right_cm)):
            cell.width = Cm(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


def _cell_paragraphs(cell, items: list[tuple[str, str]]) -> None:
    """Fill a cell with (style name, text) paragraphs."""
    first = cell.paragraphs[0]
    for index, (style, text) in enumerate(items):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.style = style
        if text:
            paragraph.add_run(text)


def _write_body(document) -> None:
    body = document.element.body
    for paragraph in list(body.findall(qn("w:p"))):
        body.remove(paragraph)

    document.add_paragraph("{%p if draft_mark %}")
    document.add_paragraph("{{ draft_mark }}", style=S.DRAFT_MARK.name)
    document.add_paragraph("{%p endif %}")

    header = _two_column_table(document, 2, HEADER_LEFT_CM, HEADER_RIGHT_CM)
    _cell_paragraphs(header.cell(0, 0), [
        (S.PARENT_BODY.name, "{%p if issuer_parent %}"),
        (S.PARENT_BODY.name, "{{ issuer_parent }}"),
        (S.PARENT_BODY.name, "{%p endif %}"),
        (S.ISSUER.name, "{%p for line in issuer_lines %}"),
        (S.ISSUER.name, "{{ line }}"),
        (S.ISSUER.name, "{%p endfor %}"),
        (S.ISSUER_RULE.name, ""),
    ])
    _cell_paragraphs(header.cell(0, 1), [
        (S.NATIONAL_TITLE.name, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (S.MOTTO.name, ""),
    ])
    motto = header.cell(0, 1).paragraphs[1].add_run("Độc lập - Tự do - Hạnh phúc")
    motto.underline = True
    _cell_paragraphs(header.cell(1, 0), [(S.NUMBER_SYMBOL.name, "Số: {{ number_symbol }}")])
    _cell_paragraphs(header.cell(1, 1), [(S.PLACE_DATE.name, "{{ place_date }}")])

    document.add_paragraph("{{ document_type_upper }}", style=S.DOCUMENT_TYPE.name)
    document.add_paragraph("{{r summary }}", style=S.SUMMARY.name)
    document.add_paragraph("", style=S.SUMMARY_RULE.name)
    document.add_paragraph("{%p for basis in legal_bases %}", style=S.LEGAL_BASIS.name)
    document.add_paragraph("{{r basis }}", style=S.LEGAL_BASIS.name)
    document.add_paragraph("{%p endfor %}", style=S.LEGAL_BASIS.name)
    document.add_paragraph("{%p if lead_in %}", style=S.BODY.name)
    document.add_paragraph("{{r lead_in }}", style=S.BODY.name)
    document.add_paragraph("{%p endif %}", style=S.BODY.name)
    document.add_paragraph("{{p body }}", style=S.BODY.name)
    document.add_paragraph("{%p if closing %}", style=S.BODY.name)
    document.add_paragraph("{{r closing }}", style=S.CLOSING.name)
    document.add_paragraph("{%p endif %}", style=S.BODY.name)

    signature = _two_column_table(document, 1, SIGN_LEFT_CM, SIGN_RIGHT_CM)
    _cell_paragraphs(signature.cell(0, 0), [
        (S.RECIPIENTS_TITLE.name, "Nơi nhận:"),
        (S.RECIPIENT.name, "{%p for recipient in recipients %}"),
        (S.RECIPIENT.name, "{{r recipient }}"),
        (S.RECIPIENT.name, "{%p endfor %}"),
        (S.RECIPIENT.name, "{{ archive_line }}"),
    ])
    _cell_paragraphs(signature.cell(0, 1), [
        (S.AUTHORITY.name, "{%p for line in authority_lines %}"),
        (S.AUTHORITY.name, "{{ line }}"),
        (S.AUTHORITY.name, "{%p endfor %}"),
        (S.SIGNER.name, "{{ signer_name }}"),
    ])
    # Word needs a paragraph after a table that ends the document.
    document.add_paragraph("", style=S.BODY.name).paragraph_format.space_after = Pt(0)


if __name__ == "__main__":
    build()
    print(f"wrote {OUTPUT}")
