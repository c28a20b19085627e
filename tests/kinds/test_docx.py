"""Every kind's .docx opened as a user would: the Decree 30 formatting the
plans already pass (header, type line, summary, signature, Times New Roman,
sizes, capitals), each template defining the styles its kind writes, and
each kind's own layout — decisions and their articles, the plan a decision
issues (one file or two), addressees, "V/v", invitations."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from generators import issued_document, render_docx
from generators.naming import download_name
from nd30 import styles as S
from schemas import load_plan
from tests.docx_reading import footnote_texts, iter_paragraphs, visible_lines
from tests.formatting import alignment, all_runs, size_pt

from .documents import (
    DECISION,
    DECISION_ISSUING_A_PLAN,
    INVITATION,
    KIND_EXAMPLES,
    LETTER,
    NOTICE,
    REPORT,
    SUBMISSION,
    changed,
    kind_example,
    render,
)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
TYPE_LINES = {"quyet_dinh": "QUYẾT ĐỊNH", "to_trinh": "TỜ TRÌNH", "bao_cao": "BÁO CÁO", "thong_bao": "THÔNG BÁO",
              "giay_moi": "GIẤY MỜI"}


def by_style(document, style: S.Style):
    return [p for p in iter_paragraphs(document) if p.style is not None and p.style.style_id == style.style_id]


def styled(paragraph, bold: bool | None = None, italic: bool | None = None, sizes=(13, 14), center=True) -> bool:
    return ((bold is None or all_runs(paragraph, "bold") == {bold})
            and (italic is None or all_runs(paragraph, "italic") == {italic})
            and sizes[0] <= size_pt(paragraph) <= sizes[-1]
            and (not center or alignment(paragraph) == CENTER))


# --- what every kind shares ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(KIND_EXAMPLES))
def test_every_kind_has_the_decree_header_signature_and_fonts(name):
    data = kind_example(name)
    document = render(data)
    header = document.tables[0]
    issuer = [p for p in header.cell(0, 0).paragraphs if p.text and p.style.style_id == S.ISSUER.style_id]
    assert issuer and all(p.text == p.text.upper() and styled(p, bold=True, sizes=(12, 13)) for p in issuer)
    national, motto = [p for p in header.cell(0, 1).paragraphs if p.text]
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and styled(national, bold=True, sizes=(12, 13))
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and all_runs(motto, "underline") == {True}
    number = header.cell(1, 0).paragraphs[0]
    assert number.text.startswith("Số: ") and styled(number, bold=False, sizes=(13, 13))
    assert styled(header.cell(1, 1).paragraphs[0], italic=True)
    kind = data["kind"]
    titles = by_style(document, S.DOCUMENT_TYPE)
    if kind in TYPE_LINES:
        assert titles[0].text == TYPE_LINES[kind] and styled(titles[0], bold=True)
        assert styled(by_style(document, S.SUMMARY)[0], bold=True)
    else:
        assert titles == []  # a công văn has no type line
    signature = next(table for table in document.tables if table.cell(0, 0).paragraphs[0].text == "Nơi nhận:")
    title = signature.cell(0, 0).paragraphs[0]
    assert title.text == "Nơi nhận:" and styled(title, bold=True, italic=True, sizes=(12, 12), center=False)
    recipients = [p for p in signature.cell(0, 0).paragraphs[1:] if p.text]
    assert recipients[-1].text.startswith("Lưu: VT") and all(size_pt(p) == 11 for p in recipients)
    authority = [p for p in signature.cell(0, 1).paragraphs if p.style.style_id == S.AUTHORITY.style_id and p.text]
    assert all(p.text == p.text.upper() and styled(p, bold=True) for p in authority)
    assert by_style(document, S.SIGNER)[0].text == data["signatory"]["name"]
    styles_xml = document.styles.element
    fonts = {v for f in styles_xml.iter(qn("w:rFonts")) for v in f.attrib.values()}
    fonts |= {v for f in document.element.body.iter(qn("w:rFonts")) for v in f.attrib.values()}
    fonts |= {v for f in document.part.numbering_part.element.iter(qn("w:rFonts")) for v in f.attrib.values()}
    assert fonts == {"Times New Roman"}
    assert not [k for f in styles_xml.iter(qn("w:rFonts")) for k in f.attrib if "Theme" in k]
    assert "./." in "\n".join(visible_lines(document))


@pytest.mark.parametrize("name", sorted(KIND_EXAMPLES))
def test_each_template_defines_every_style_and_list_its_kind_writes(name):
    document = render(kind_example(name))
    defined = {style.get(qn("w:styleId")) for style in document.styles.element.iter(qn("w:style"))}
    used = {element.get(qn("w:val")) for element in document.element.body.iter(qn("w:pStyle"), qn("w:rStyle"))}
    assert used <= defined, used - defined
    numbering = document.part.numbering_part.element
    lists = {num.get(qn("w:numId")) for num in numbering.iter(qn("w:num"))}
    assert {numid.get(qn("w:val")) for numid in document.element.body.iter(qn("w:numId"))} <= lists


@pytest.mark.parametrize(("name", "file_name"), [
    (DECISION, "QĐ-1245-UBND-2024.docx"), (SUBMISSION, "TTr-18-LĐTBXH-2025.docx"), (REPORT, "BC-356-UBND-2024.docx"),
    (NOTICE, "TB-42-UBND-2025.docx"), (INVITATION, "GM-27-UBND-2025.docx"), (LETTER, "CV-512-UBND-LĐTBXH-2025.docx")])
def test_files_are_named_by_kind_number_and_year(name, file_name):
    assert download_name(load_plan(kind_example(name)), "docx") == file_name


def test_properties_name_the_kind():
    properties = render(kind_example(LETTER)).core_properties
    assert properties.category == "Công văn" and properties.keywords == "Công văn số 512/UBND-LĐTBXH"


# --- Quyết định -----------------------------------------------------------------------------


def test_decision_authority_bases_and_decides():
    document = render(kind_example(DECISION))
    lines = visible_lines(document)
    authority = by_style(document, S.ENACTING_AUTHORITY)
    assert [p.text for p in authority] == ["CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG"] and styled(authority[0], bold=True)
    bases = [p.text for p in by_style(document, S.LEGAL_BASIS)]
    assert all(basis.endswith(";") for basis in bases[:-1])
    assert bases[-1] == ("Theo đề nghị của Trưởng phòng Lao động - Thương binh và Xã hội huyện tại Tờ trình số "
                         "215/TTr-LĐTBXH ngày 16 tháng 12 năm 2024.")
    decides = by_style(document, S.DECIDES)
    assert [p.text for p in decides] == ["QUYẾT ĐỊNH:"] and styled(decides[0], bold=True)
    order = [lines.index(text) for text in ("QUYẾT ĐỊNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG", bases[0], bases[-1],
                                            "QUYẾT ĐỊNH:")]
    assert order == sorted(order)
    recipients = [p.text for p in by_style(document, S.RECIPIENT)]
    assert recipients[0] == "Như Điều 3;"
    assert [p.text for p in by_style(render(changed(DECISION, executing_article=2)), S.RECIPIENT)][0] == "Như Điều 2;"


def test_articles_are_numbered_by_word_with_bold_labels_and_typed_clauses():
    document = render(kind_example(DECISION))
    lines = visible_lines(document)
    assert [line.split(".")[0] for line in lines if line.startswith("Điều ")] == ["Điều 1", "Điều 2", "Điều 3"]
    assert "Điều 2. Tổ chức thực hiện" in lines
    assert "Điều 3. Quyết định này có hiệu lực kể từ ngày ký." in lines
    numbering = document.part.numbering_part.element
    level = next(lvl for num in numbering.iter(qn("w:abstractNum")) if num.get(qn("w:abstractNumId")) == str(S.NUM_ARTICLES)
                 for lvl in num.iter(qn("w:lvl")))
    assert level.find(qn("w:lvlText")).get(qn("w:val")) == "Điều %1." and level.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
    run_in = by_style(document, S.ARTICLE)
    assert len(run_in) == 2 and all(all_runs(p, "bold") == {False} for p in run_in)  # the text is not bold, the label is
    titled = by_style(document, S.ARTICLE_HEADING)
    assert [p.text for p in titled] == ["Tổ chức thực hiện"] and all_runs(titled[0], "bold") == {True}
    assert document.styles[S.ARTICLE_HEADING.name].paragraph_format.keep_with_next
    clauses = [p.text for p in by_style(document, S.CLAUSE)]
    assert [text[:3] for text in clauses] == ["1. ", "2. ", "3. ", "1. ", "2. "]  # each list restarts at 1
    assert "a) Hộ nghèo thiếu hụt về thu nhập: 1.204 hộ;" in lines  # points under a clause


def test_an_article_opening_with_clauses_prints_its_label_alone():
    article = {"type": "article", "content": [{"type": "clauses", "items": [{"text": "Khoản một."}]}]}
    document = render(changed(DECISION, body=[article]))
    lines = visible_lines(document)
    assert lines[lines.index("QUYẾT ĐỊNH:") + 1:][:2] == ["Điều 1.", "1. Khoản một./."]


def test_a_decision_issuing_a_plan_carries_it_in_a_section_of_its_own():
    data = kind_example(DECISION_ISSUING_A_PLAN)
    document = render(data)
    lines = visible_lines(document)
    first_signer = lines.index("Vũ Xuân Thịnh")
    decision, attached = lines[:first_signer + 1], lines[first_signer + 1:]
    assert "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo " \
           "bền vững huyện Tam Đường năm 2025." in decision
    issued_with = ("(Ban hành kèm theo Quyết định số 215/QĐ-UBND ngày 14 tháng 02 năm 2025 của Chủ tịch "
                   "Ủy ban nhân dân huyện Tam Đường)")
    assert attached[:7] == ["ỦY BAN NHÂN DÂN", "HUYỆN TAM ĐƯỜNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                            "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH", data["attachment"]["summary"], issued_with]
    assert not any(line.startswith(("Số:", "Tam Đường, ngày")) for line in attached)  # no number or date of its own
    assert attached[7] == "I. MỤC ĐÍCH, YÊU CẦU"
    line = by_style(document, S.ISSUED_WITH)[0]
    assert styled(line, bold=False, italic=True)
    # The plan's own signature block: the decision's signatory, no recipients.
    attached_table = document.tables[-2]
    assert [p.text for p in attached_table.cell(0, 0).paragraphs if p.text] == []
    assert [p.text for p in attached_table.cell(0, 1).paragraphs if p.text] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Xuân Thịnh"]
    assert "(Kèm theo Kế hoạch ban hành kèm theo " + issued_with[len("(Ban hành kèm theo "):] in lines
    # Decision, plan, appendix: each section numbers its pages from 1, none on its first page.
    assert len(document.sections) == 3
    for section in document.sections[1:]:
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1" and section.different_first_page_header_footer


def test_footnotes_number_on_from_the_decision_into_the_plan():
    data = kind_example(DECISION_ISSUING_A_PLAN)
    data["legal_bases"][1] += "^[Chú thích của quyết định.]"
    data["attachment"]["body"][0]["purposes"]["content"][0]["text"] += "^[Chú thích của kế hoạch.]"
    document = render(data)
    assert footnote_texts(document) == ["Chú thích của quyết định.", "Chú thích của kế hoạch."]
    references = [int(ref.get(qn("w:id"))) for ref in document.element.body.iter(qn("w:footnoteReference"))]
    assert references == [1, 2]


def test_a_decision_and_the_plan_it_issues_as_two_files():
    data = changed(DECISION_ISSUING_A_PLAN, attachment_file="separate")
    decision = load_plan(data)
    alone = visible_lines(render(data))
    assert "KẾ HOẠCH" not in alone and alone[-1] == "Vũ Xuân Thịnh" and len(render(data).sections) == 1
    issued = issued_document(decision)
    document = docx.Document(io.BytesIO(render_docx(issued)))
    lines = visible_lines(document)
    assert lines[4:6] == ["KẾ HOẠCH", data["attachment"]["summary"]]
    assert lines[6].startswith("(Ban hành kèm theo Quyết định số 215/QĐ-UBND ngày 14 tháng 02 năm 2025")
    assert not any(line.startswith("Số:") for line in lines) and "Nơi nhận:" not in lines
    assert any(line.startswith("(Kèm theo Kế hoạch ban hành kèm theo Quyết định số 215/QĐ-UBND") for line in lines)
    assert len(document.tables[0].rows) == 1
    assert document.core_properties.category == "Kế hoạch"
    assert download_name(issued, "docx") == "QĐ-215-UBND-2025-kem-theo.docx"


# --- addressees, Công văn, Giấy mời ---------------------------------------------------------------


def test_several_addressees_one_a_line_and_as_above():
    document = render(kind_example(LETTER))
    assert [p.text for p in by_style(document, S.ADDRESSEES_TITLE)] == ["Kính gửi:"]
    items = by_style(document, S.ADDRESSEES_ITEM)
    assert [p.text for p in items] == [
        "Các cơ quan, đơn vị thành viên Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện;",
        "Ủy ban nhân dân các xã, thị trấn."]
    assert all(size_pt(p) == 14 and all_runs(p, "bold") == {False} for p in items)
    lines = visible_lines(document)
    assert lines[lines.index("Kính gửi:") + 1].startswith("- Các cơ quan")  # Word's dash, like the recipients'
    assert [p.text for p in by_style(document, S.RECIPIENT)][0] == "Như trên;"


def test_one_addressee_on_the_line_of_kinh_gui():
    document = render(kind_example(SUBMISSION))
    line = by_style(document, S.ADDRESSEE)
    assert [p.text for p in line] == ["Kính gửi: Ủy ban nhân dân huyện Tam Đường"] and styled(line[0], bold=False)
    assert by_style(document, S.ADDRESSEES_ITEM) == []


def test_a_report_to_no_one_has_no_kinh_gui_nor_as_above():
    document = render(changed(REPORT, addressees=[]))
    assert "Kính gửi" not in "\n".join(visible_lines(document))
    assert [p.text for p in by_style(document, S.RECIPIENT)][0] == "TT. Huyện ủy (b/c);"


def test_letter_summary_follows_vv_under_the_number():
    document = render(kind_example(LETTER))
    cell = document.tables[0].cell(1, 0)
    number, summary = [p for p in cell.paragraphs if p.text]
    assert number.text == "Số: 512/UBND-LĐTBXH"
    assert summary.text == ("V/v đôn đốc báo cáo kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững "
                            "6 tháng đầu năm 2025")
    assert summary.style.style_id == S.LETTER_SUMMARY.style_id and styled(summary, bold=False, italic=False, sizes=(12, 13))
    assert document.styles[S.LETTER_SUMMARY.name].paragraph_format.space_before.pt == 6
    assert by_style(document, S.SUMMARY) == []


def test_invitation_lines():
    lines = visible_lines(render(kind_example(INVITATION)))
    start = lines.index("Ủy ban nhân dân huyện Tam Đường trân trọng kính mời:")
    assert lines[start + 1].startswith("- Đại diện lãnh đạo") and lines[start + 3].endswith("xã, thị trấn.")
    expected = [
        "Tới dự Hội nghị triển khai Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững huyện "
        "Tam Đường năm 2025.",
        "Chủ trì: Đồng chí Vũ Xuân Thịnh, Phó Chủ tịch Ủy ban nhân dân huyện.",
        "Thời gian: Từ 08 giờ 00 phút đến 11 giờ 30 phút, thứ Sáu, ngày 21 tháng 02 năm 2025.",
        "Địa điểm: Hội trường Ủy ban nhân dân huyện Tam Đường.",
        "Đề nghị đại biểu mang theo Kế hoạch số 215/KH-UBND và số liệu giảm nghèo của địa phương, đơn vị.",
    ]
    assert lines[start + 4:start + 9] == expected
    assert lines[start + 9].endswith("phục vụ Hội nghị./.")
    assert lines[lines.index("Nơi nhận:") + 1] == "- Như trên;"


def test_one_invitee_stands_on_the_line_of_the_invitation():
    data = changed(INVITATION, invitees=["Ông Lò Văn Minh, Trưởng phòng Lao động - Thương binh và Xã hội"],
                   inviter="Chủ tịch Ủy ban nhân dân huyện", chair=None, bring=None, notes=[],
                   time={"year": 2025, "month": 3, "day": 2, "hour": 14, "minute": 30})
    lines = visible_lines(render(data))
    start = lines.index("Chủ tịch Ủy ban nhân dân huyện trân trọng kính mời: Ông Lò Văn Minh, Trưởng phòng Lao động - "
                        "Thương binh và Xã hội")
    assert lines[start + 2] == "Thời gian: 14 giờ 30 phút, Chủ nhật, ngày 02 tháng 3 năm 2025."
    assert lines[start + 3] == "Địa điểm: Hội trường Ủy ban nhân dân huyện Tam Đường./."
