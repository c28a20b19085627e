"""The produced .docx, opened as a user would: text and Decree 30 formatting."""

from __future__ import annotations

import datetime
import difflib
import io
import re
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from generators import render_docx
from generators.kinds.ke_hoach import PlanDocument
from nd30 import styles as S
from schemas import load_plan
from tests.docx_reading import footnote_texts, iter_paragraphs, visible_lines
from tests.formatting import alignment, all_runs, size_pt
from tests.plans import EXAMPLE_NAMES, SEEDS, example, plan, render

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CENTER = WD_ALIGN_PARAGRAPH.CENTER


def by_style(document, style: S.Style):
    return [p for p in iter_paragraphs(document) if p.style is not None and p.style.style_id == style.style_id]


def words(text: str) -> list[str]:
    """Fold case, whitespace and markdown markers, as the seeds were extracted."""
    return re.sub(r"[*#]", " ", text).lower().split()


# --- text ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_text_is_reproduced(name):
    document = render(example(name))
    produced = words("\n".join(visible_lines(document) + footnote_texts(document)))
    seed = words(next(SEEDS_DIR.glob(f"{SEEDS[name]}_*.txt")).read_text(encoding="utf-8"))
    matcher = difflib.SequenceMatcher(None, seed, produced, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    recall, precision = matched / len(seed), matched / len(produced)
    assert recall >= 0.97, f"recall {recall:.3f}"
    assert precision >= 0.95, f"precision {precision:.3f}"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_renders_and_reopens(name):
    lines = visible_lines(render(example(name)))
    assert "KẾ HOẠCH" in lines
    assert any(line.startswith("Số:") for line in lines)


def test_rendering_twice_gives_the_same_text():
    first, second = (visible_lines(render(example("dai-lanh-2024"))) for _ in range(2))
    assert first == second


def test_numbers_and_labels_come_from_structure():
    lines = visible_lines(render(plan()))
    for expected in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích: Giảm nghèo bền vững.",
        "2. Yêu cầu",
        "- Đúng đối tượng",
        "+ Công khai",
        "II. NỘI DUNG",
        "1.1. Dự án 2",
        "1.1.1. Tiểu dự án 1",
        "a) Mục tiêu: Hỗ trợ sinh kế",
        "b) Đối tượng",
        "1.2. Dự án 3",
        "a) Mục tiêu thứ hai",  # each list of points restarts at a)
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Công chức Văn hóa - Xã hội (cơ quan chủ trì): Chủ trì tham mưu",
        "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã",
    ):
        assert expected in lines


def test_decree_punctuation_is_applied():
    lines = visible_lines(render(plan()))
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;" in lines
    assert "Căn cứ Quyết định số 3709/QĐ-UBND ngày 22/12/2023 của UBND huyện Vạn Ninh." in lines
    assert "Trên đây là Kế hoạch giảm nghèo năm 2024 của xã./." in lines
    assert "- UBND huyện Vạn Ninh (b/c);" in lines
    assert "- Lưu: VT, VH-XH." in lines


def test_blank_number_and_date_for_the_records_office():
    lines = visible_lines(render(plan(date={"year": 2024})))
    assert "Số:      /KH-UBND" in lines
    assert "Đại Lãnh, ngày    tháng    năm 2024" in lines


@pytest.mark.parametrize(
    ("number", "date", "symbol", "place_date"),
    [
        (5, {"year": 2021, "month": 3, "day": 5}, "05/KH-UBND", "ngày 05 tháng 3 năm 2021"),
        (15, {"year": 2021, "month": 1, "day": 25}, "15/KH-UBND", "ngày 25 tháng 01 năm 2021"),
        (123, {"year": 2021, "month": 2, "day": 9}, "123/KH-UBND", "ngày 09 tháng 02 năm 2021"),
        (7, {"year": 2021, "month": 11}, "07/KH-UBND", "ngày    tháng 11 năm 2021"),
    ],
)
def test_leading_zeros(number, date, symbol, place_date):
    lines = visible_lines(render(plan(number=number, date=date)))
    assert f"Số: {symbol}" in lines
    assert f"Đại Lãnh, {place_date}" in lines


def test_symbol_follows_type_and_can_be_overridden():
    assert "Số: 02/BC-UBND" in visible_lines(render(plan(number=2, document_type="Báo cáo")))
    assert "Số: 02/KH-UBND-VX" in visible_lines(render(plan(number=2, symbol="KH-UBND-VX")))


TRICKY = [
    "Ký tự <b>đặc biệt</b> & \"ngoặc kép\" 'đơn' > < &amp;",
    "Mẫu Jinja {{ plan.number }} và {% if x %}không{% endif %} {# chú thích #}",
    "Biểu tượng 🇻🇳 ✅ 👍🏽 và chữ kết hợp e\u0301",
    "Từ rất dài " + "Đ" * 3000,
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_comes_out_literally(text):
    body = [{"type": "section", "heading": "Phần thử", "content": [{"type": "paragraph", "text": text}]}]
    document = render(plan(body=body, summary=text[:500]))
    expected = load_plan(plan(body=body))["body"][0]["content"][0]["text"]  # NFC-normalised
    assert any(expected in line for line in visible_lines(document))


def test_inline_markup_becomes_real_runs():
    document = render(plan())
    purpose = next(p for p in by_style(document, S.NUMBERED_1) if p.text.startswith("Mục đích"))
    runs = {run.text: run for run in purpose.runs}
    assert runs["bền vững"].bold is True
    assert runs["Giảm nghèo "].bold is False  # run-in text is not bold inside a bold heading


def test_footnotes_are_word_footnotes():
    document = render(plan())
    assert footnote_texts(document) == ["Theo Quyết định số 537/QĐ-UBND."]
    references = document.element.body.findall(".//" + qn("w:footnoteReference"))
    assert len(references) == 1


# --- formatting ------------------------------------------------------------------


def test_header_block_formatting():
    document = render(plan(issuer={"parent": "UBND huyện Vạn Ninh", "name": "Ủy ban nhân dân xã Đại Lãnh", "abbreviation": "UBND"}))
    header = document.tables[0]
    left = [p for p in header.cell(0, 0).paragraphs if p.text]
    assert [p.text for p in left] == ["UBND HUYỆN VẠN NINH", "ỦY BAN NHÂN DÂN", "XÃ ĐẠI LÃNH"]
    assert all_runs(left[0], "bold") == {False}
    assert all(all_runs(p, "bold") == {True} for p in left[1:])
    assert all(12 <= size_pt(p) <= 13 and alignment(p) == CENTER for p in left)
    rule = by_style(document, S.ISSUER_RULE)[0]
    assert rule._p.pPr.find(qn("w:ind")) is not None  # a short centred line, not the cell width
    national, motto = [p for p in header.cell(0, 1).paragraphs if p.text]
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and all_runs(national, "bold") == {True}
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and all_runs(motto, "bold") == {True}
    assert all_runs(motto, "underline") == {True}
    assert size_pt(national) == 13 and size_pt(motto) == 14
    number = header.cell(1, 0).paragraphs[0]
    place_date = header.cell(1, 1).paragraphs[0]
    assert number.text.startswith("Số:") and all_runs(number, "bold") == {False} and size_pt(number) == 13
    assert all_runs(place_date, "italic") == {True} and size_pt(place_date) == 14
    grid = [col.w for col in header._tbl.tblGrid.gridCol_lst]
    assert 0.35 < grid[0] / sum(grid) < 0.45


def test_title_and_summary_formatting():
    document = render(plan())
    title = by_style(document, S.DOCUMENT_TYPE)[0]
    summary = by_style(document, S.SUMMARY)[0]
    assert title.text == "KẾ HOẠCH"
    for paragraph in (title, summary):
        assert alignment(paragraph) == CENTER
        assert all_runs(paragraph, "bold") == {True}
        assert 13 <= size_pt(paragraph) <= 14
    assert by_style(document, S.SUMMARY_RULE)


def test_body_formatting():
    document = render(plan())
    body = by_style(document, S.BODY)[0]
    assert alignment(body) == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert 13 <= size_pt(body) <= 14
    style = document.styles[S.BODY.name]
    assert style.paragraph_format.first_line_indent.cm == pytest.approx(1, abs=0.3)
    assert style.paragraph_format.space_after.pt >= 6
    assert all(p.text == p.text.upper() for p in by_style(document, S.HEADING_I))
    assert all(all_runs(p, "italic") == {True} for p in by_style(document, S.LEGAL_BASIS))


def test_recipients_and_signatory_formatting():
    document = render(plan())
    signature = document.tables[-1]
    title = signature.cell(0, 0).paragraphs[0]
    assert title.text == "Nơi nhận:"
    assert all_runs(title, "bold") == {True} and all_runs(title, "italic") == {True} and size_pt(title) == 12
    items = by_style(document, S.RECIPIENT)
    assert [p.text for p in items] == ["UBND huyện Vạn Ninh (b/c);", "Các thôn;", "Lưu: VT, VH-XH."]
    assert all(size_pt(p) == 11 and all_runs(p, "bold") == {False} for p in items)
    authority = [p.text for p in by_style(document, S.AUTHORITY)]
    assert authority == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    for paragraph in by_style(document, S.AUTHORITY) + by_style(document, S.SIGNER):
        assert all_runs(paragraph, "bold") == {True} and alignment(paragraph) == CENTER
        assert 13 <= size_pt(paragraph) <= 14
    assert by_style(document, S.SIGNER)[0].text == "Nguyễn Văn An"


@pytest.mark.parametrize(
    ("signatory", "lines"),
    [
        ({"collective": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "A"}, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        ({"authority": "TL", "principal_title": "Chủ tịch", "title": "Chánh Văn phòng", "name": "A"},
         ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
        ({"authority": "TUQ", "principal_title": "Chủ tịch", "title": "Trưởng phòng", "name": "A"},
         ["TUQ. CHỦ TỊCH", "TRƯỞNG PHÒNG"]),
        ({"authority": "Q", "title": "Chủ tịch", "name": "A"}, ["Q. CHỦ TỊCH"]),
    ],
)
def test_signing_authorities(signatory, lines):
    assert [p.text for p in by_style(render(plan(signatory=signatory)), S.AUTHORITY)] == lines


def test_page_setup_and_page_numbers():
    document = render(plan())
    section = document.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.5)
    assert section.page_height.mm == pytest.approx(297, abs=0.5)
    def within(length, low, high):  # Word stores twips: allow their rounding
        return low - 0.1 <= length.mm <= high + 0.1

    assert within(section.top_margin, 20, 25) and within(section.bottom_margin, 20, 25)
    assert within(section.left_margin, 30, 35) and within(section.right_margin, 15, 20)
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_times_new_roman_everywhere():
    document = render(example("dai-lanh-2024"))
    styles_xml = document.styles.element
    assert not [k for f in styles_xml.iter(qn("w:rFonts")) for k in f.attrib if "Theme" in k]
    fonts = {v for f in styles_xml.iter(qn("w:rFonts")) for v in f.attrib.values()}
    assert fonts == {"Times New Roman"}
    body_fonts = {v for f in document.element.body.iter(qn("w:rFonts")) for v in f.attrib.values()}
    assert body_fonts <= {"Times New Roman"}
    numbering = document.part.numbering_part.element
    assert {v for f in numbering.iter(qn("w:rFonts")) for v in f.attrib.values()} == {"Times New Roman"}


def test_control_characters_are_rejected_not_rendered():
    from schemas import PlanInvalid

    with pytest.raises(PlanInvalid) as invalid:
        load_plan(plan(summary="Kế hoạch\x07 năm 2024"))
    assert invalid.value.errors[0]["path"] == "summary"
    assert invalid.value.errors[0]["code"] == "control_character"


# --- appendices -----------------------------------------------------------------------


def test_appendix_table_is_computed_and_formatted():
    document = render(example("dai-lanh-2024"))
    table = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    codes = next(row for row in rows if row[0] == "A")
    assert codes[:4] == ["A", "B", "1", "2"] and "4=3/1" in codes
    total = rows[-1]
    assert total[1] == "Tổng cộng"
    assert total[2:4] == ["3.022", "11.898"]
    assert "0,36" in total  # 11 / 3022 poor households at the start of the year
    section = document.sections[-1]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


def test_contradicting_figures_are_reported():
    from schemas import PlanInvalid

    data = example("dai-lanh-2024")
    table = data["appendices"][0]["table"]
    rate = next(c for c in table["columns"] if c.get("kind") == "rate")
    table["rows"][0]["values"][rate["key"]] = 99.5
    with pytest.raises(PlanInvalid) as invalid:
        load_plan(data)
    assert [e["code"] for e in invalid.value.errors] == ["value_contradicts"]
    assert invalid.value.errors[0]["path"].startswith("appendices.0.table.rows.0.values.")


# --- the template drives the output ---------------------------------------------------


def test_editing_the_template_in_word_changes_the_output(tmp_path):
    """A clerk sets the body to 13 pt and the left margin to 35 mm in Word."""
    template = docx.Document(str(PlanDocument().template_path))
    template.styles[S.BODY.name].font.size = docx.shared.Pt(13)
    template.sections[0].left_margin = Mm(35)
    edited = tmp_path / "ke-hoach.docx"
    template.save(str(edited))
    output = docx.Document(io.BytesIO(PlanDocument(edited).render(load_plan(plan()))))
    assert output.styles[S.BODY.name].font.size.pt == 13
    assert output.sections[0].left_margin.mm == pytest.approx(35, abs=0.1)


def test_render_docx_is_a_valid_zip_package():
    data = render_docx(load_plan(plan()))
    assert data[:2] == b"PK"


def test_draft_mark_is_optional_and_framed():
    assert not by_style(render(plan()), S.DRAFT_MARK)
    marks = by_style(render(plan(draft_mark="Dự thảo lần 2")), S.DRAFT_MARK)
    assert [p.text for p in marks] == ["DỰ THẢO LẦN 2"]
    borders = marks[0].style.element.pPr.find(qn("w:pBdr"))
    assert borders is not None and len(borders) == 4


# --- pages as signed: what the layout rests on in the .docx --------------------------------------


def keeps_with_next(paragraph) -> bool:
    """Direct keepNext, else the style chain's."""
    direct = paragraph._p.pPr.find(qn("w:keepNext")) if paragraph._p.pPr is not None else None
    if direct is not None:
        return direct.get(qn("w:val")) in (None, "1", "true")
    style = paragraph.style
    while style is not None:
        element = style.element.pPr.find(qn("w:keepNext")) if style.element.pPr is not None else None
        if element is not None:
            return element.get(qn("w:val")) in (None, "1", "true")
        style = style.base_style
    return False


def body_paragraphs(document):
    """Paragraphs of the main story before the signature table, in order."""
    signature = next(t for t in document.tables if t.cell(0, 0).paragraphs[0].text == "Nơi nhận:")
    before = list(signature._tbl.itersiblings(preceding=True))[::-1]
    return [Paragraph(element, document) for element in before if element.tag == qn("w:p")]


def test_only_real_headings_keep_with_next():
    agencies = [{"name": "Phòng Y tế", "run_in": True, "duties": [{"type": "paragraph", "text": "Chủ trì."}]},
                {"name": "Phòng Giáo dục", "duties": [{"type": "bullets", "items": [{"text": "Phối hợp"}]}]}]
    targets = {"items": [{"text": "Giảm tỷ lệ hộ nghèo", "value": 0.2, "unit": "%/năm"}]}
    body = [{"type": "assignments", "agencies": agencies}, {"type": "targets", "specific": targets},
            {"type": "section", "content": [{"type": "paragraph", "text": "Mục không có đề mục."}]}]
    document = render(plan(body=body, closing="Trên đây là Kế hoạch của xã, đề nghị các cơ quan, đơn vị liên quan "
                                              "nghiêm túc triển khai thực hiện, báo cáo kết quả về Ủy ban nhân dân xã "
                                              "trước ngày 15 tháng 12 năm 2024 để tổng hợp."))
    running = [p for p in body_paragraphs(document) if p.text.startswith(("Phòng Y tế", "Giảm tỷ lệ", "Mục không"))]
    assert len(running) == 3
    assert all(not keeps_with_next(p) for p in running)
    assert all(p.style.name.startswith("ND30 Đoạn đánh số") for p in running)
    headings = [p for p in body_paragraphs(document) if p.text in ("TỔ CHỨC THỰC HIỆN", "Phòng Giáo dục", "Mục tiêu cụ thể")]
    assert len(headings) == 3 and all(keeps_with_next(p) for p in headings)
    assert all(p.style.name.startswith("ND30 Đề mục") for p in headings)
    # numbered as headings are: the same Word list level
    lines = visible_lines(document)
    assert "1. Phòng Y tế: Chủ trì." in lines and "1.1. Giảm tỷ lệ hộ nghèo 0,2%/năm" in lines


def test_signature_row_never_splits_and_keeps_with_the_text_above():
    document = render(plan())
    row = document.tables[-1].rows[0]
    assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    paragraphs = body_paragraphs(document)
    assert paragraphs[-1].style.style_id == S.CLOSING.style_id and keeps_with_next(paragraphs[-1])
    # a one-line closing: the paragraph above it keeps with it too
    assert keeps_with_next(paragraphs[-2])
    assert not keeps_with_next(paragraphs[-3]) or paragraphs[-3].style.style_id in {s.style_id for s in S.HEADINGS}


def test_decree_mark_ends_the_body_without_a_closing():
    document = render(example("minimal"))
    paragraphs = body_paragraphs(document)
    assert paragraphs[-1].text.endswith("xã./.")
    assert keeps_with_next(paragraphs[-1])
    assert sum(p.text.count("./.") for p in iter_paragraphs(document)) == 1


def test_points_carry_vietnamese_letters():
    items = [{"text": f"Điểm {index}"} for index in range(25)]
    lines = visible_lines(render(plan(body=[{"type": "section", "heading": "Điểm", "content": [
        {"type": "points", "items": items}]}])))
    labels = [line.split()[0] for line in lines if line.split()[-1].isdigit() and line.startswith(tuple("abcdđeghiklmnopqrstuvxy"))]
    assert labels == [f"{letter})" for letter in "abcdđeghiklmnopqrstuvxy"] + ["aa)", "bb)"]


def test_units_follow_vietnamese_spacing():
    items = [{"text": "Tỷ lệ", "value": 0.2, "unit": "%/năm"}, {"text": "Giảm", "value": 3.2, "unit": "%"},
             {"text": "Giải quyết việc làm", "value": 1100, "unit": "lao động"}]
    lines = visible_lines(render(plan(body=[{"type": "targets", "specific": {"style": "bullets", "items": items}}])))
    assert {"- Tỷ lệ 0,2%/năm", "- Giảm 3,2%", "- Giải quyết việc làm 1.100 lao động"} <= set(lines)


def test_request_is_not_asked_twice():
    agencies = [{"name": "Đề nghị Ngân hàng Chính sách xã hội huyện", "request": True, "duties": []}]
    lines = visible_lines(render(plan(body=[{"type": "assignments", "agencies": agencies}])))
    assert "1. Đề nghị Ngân hàng Chính sách xã hội huyện" in lines


def test_archive_line_typed_as_a_recipient_is_refused():
    from schemas import PlanInvalid

    with pytest.raises(PlanInvalid) as invalid:
        load_plan(plan(recipients=[{"name": "UBND huyện"}, {"name": "Lưu: VT, PLĐ"}]))
    (error,) = invalid.value.errors
    assert error["path"] == "recipients.1.name" and error["code"] == "archive_in_recipients"
    assert "archive" in error["message"]


def summary_leaving(last_words: int) -> str:
    """A summary that, filled line by line, would leave ``last_words`` words
    on its last line."""
    from generators.header_fit import wrapped_lines

    words = ("Triển khai thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững và an sinh xã hội "
             "trên địa bàn xã Đại Lãnh huyện Vạn Ninh tỉnh Khánh Hòa năm 2024").split()
    for count in range(4, len(words) + 1):
        lines = wrapped_lines(words[:count], 165 * 72 / 25.4 - 4, 14)
        if len(lines) > 1 and lines[-1] == last_words:
            return " ".join(words[:count])
    raise AssertionError("no such summary")


def test_summary_breaks_where_the_author_breaks_it():
    summary = "Thực hiện Chương trình mục tiêu quốc gia\nGiảm nghèo bền vững huyện Tam Đường năm 2021"
    paragraph = by_style(render(plan(summary=summary)), S.SUMMARY)[0]
    assert len(paragraph._p.findall(".//" + qn("w:br"))) == 1
    assert paragraph.text == summary  # python-docx reads the break as a newline
    short = by_style(render(plan(summary="Triển khai công tác giảm nghèo năm 2024")), S.SUMMARY)[0]
    assert not short._p.findall(".//" + qn("w:br"))
    for last_words in (1, 2):
        text = summary_leaving(last_words)
        balanced = by_style(render(plan(summary=text)), S.SUMMARY)[0]
        # a break before the third word from the end; the text itself is unchanged
        assert balanced.text == text.rsplit(" ", 3)[0] + " \n" + " ".join(text.split(" ")[-3:])
    from schemas import PlanInvalid

    with pytest.raises(PlanInvalid):
        load_plan(plan(summary="Dòng một\n\nDòng ba"))


def test_named_parts_take_sub_sections_after_them():
    body = [{"type": "targets", "heading": "Mục tiêu, chỉ tiêu cụ thể",
             "specific": {"content": [{"type": "paragraph", "text": "Giảm nghèo bền vững."}]},
             "sections": [{"type": "section", "heading": "Các chỉ tiêu chủ yếu cần đạt được trong năm 2024",
                           "content": [{"type": "bullets", "items": [{"text": "Giảm 2% hộ nghèo"}]}]}]},
            {"type": "purposes_requirements", "sections": [{"type": "section", "heading": "Nguyên tắc"}]}]
    lines = visible_lines(render(plan(body=body)))
    index = lines.index("I. MỤC TIÊU, CHỈ TIÊU CỤ THỂ")
    assert lines[index + 1:index + 5] == ["1. Mục tiêu cụ thể", "Giảm nghèo bền vững.",
                                          "2. Các chỉ tiêu chủ yếu cần đạt được trong năm 2024", "- Giảm 2% hộ nghèo"]
    assert "1. Nguyên tắc" in lines  # empty default parts do not print
    deep = [{"type": "targets", "sections": [{"type": "section", "heading": "a", "content": [
        {"type": "section", "heading": "b", "content": [{"type": "section", "heading": "c", "content": [
            {"type": "section", "heading": "d"}]}]}]}]}]
    from schemas import PlanInvalid

    with pytest.raises(PlanInvalid) as invalid:
        load_plan(plan(body=deep))
    assert invalid.value.errors[0]["code"] == "too_deep"
    assert invalid.value.errors[0]["path"].startswith("body.0.sections.0.content.0.content.0.content.0")


def test_empty_default_parts_do_not_print():
    body = [{"type": "purposes_requirements", "purposes": {"content": [{"type": "paragraph", "text": "Giảm nghèo."}]},
             "requirements": {"content": []}},
            {"type": "budget"},
            {"type": "targets", "general": {"heading": "Mục tiêu chung của xã"}}]
    lines = visible_lines(render(plan(body=body)))
    assert "1. Mục đích" in lines and not any("Yêu cầu" in line for line in lines)
    assert not any("KINH PHÍ" in line for line in lines)
    assert "1. Mục tiêu chung của xã" in lines  # a heading the author chose still prints


def test_every_example_still_validates_and_renders_its_text():
    for name in EXAMPLE_NAMES:
        lines = visible_lines(render(example(name)))
        assert lines[-1].startswith(example(name)["signatory"]["name"]) or example(name)["signatory"]["name"] in lines


def test_decree_mark_follows_a_final_footnote():
    body = [{"type": "section", "heading": "Nội dung", "content": [
        {"type": "paragraph", "text": "Thực hiện theo quy định^[Quyết định số 537/QĐ-UBND.]"}]}]
    last = body_paragraphs(render(plan(body=body, closing=None)))[-1]
    assert last.text == "Thực hiện theo quy định./."
    assert last._p.findall(qn("w:r"))[-2].find(qn("w:footnoteReference")) is not None


@pytest.mark.parametrize(("place", "widened"), [("Đại Lãnh", False), ("Thành phố Buôn Ma Thuột", True),
                                                ("Thành phố Hồ Chí Minh", True)])
def test_long_places_widen_the_date_cell_only(place, widened):
    header = render(plan(place=place, date={"year": 2024, "month": 12, "day": 28})).tables[0]
    grid = [round(col.w / 635) for col in header._tbl.tblGrid.gridCol_lst]  # EMU → twips, as tcW
    assert (len(grid) == 3) is widened
    number, date = header.rows[1]._tr.tc_lst
    assert date.tcPr.tcW.w == sum(grid[1:]) if widened else date.tcPr.tcW.w == grid[-1]
    assert number.tcPr.tcW.w + date.tcPr.tcW.w == sum(grid)
    assert header.rows[0]._tr.tc_lst[1].tcPr.tcW.w == grid[-1]  # the motto's column is unchanged


def test_file_properties_are_the_documents_own():
    """Word's File → Info shows the plan, not the template's notes."""
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    plan_json = example("tam-duong-2021")
    properties = render(plan_json).core_properties
    assert properties.title == plan_json["summary"].replace("\n", " ")
    assert properties.author == plan_json["issuer"]["name"]
    assert properties.category == "Kế hoạch"
    assert "/KH-UBND" in properties.keywords
    assert properties.comments == "" and "mẫu" not in (properties.title + properties.subject).casefold()
    assert properties.created == properties.modified and properties.created >= before
