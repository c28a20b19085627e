"""Every kind's pages as a records officer sees them: PDFs made by real
LibreOffice, read back with positions and fonts (pdfplumber) — "V/v" under
the number in the left column, "Kính gửi:" and its addressees, "QUYẾT
ĐỊNH:" centred and bold, "Điều N." bold, the plan a decision issues on a
page of its own under "(Ban hành kèm theo …)", the report's rates."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import pdfplumber
import pytest

from converters import UnoserverPool
from generators import issued_document, render_docx
from generators.measure import text_width
from schemas import load_plan
from tests.pdf_pages import LEFT_MARGIN, RIGHT_MARGIN, Line, Page, read_pages
from tests.test_pdf_layout import assert_no_page_ends_early, assert_page_numbers, signature_page

from .documents import (
    DECISION,
    DECISION_ISSUING_A_PLAN,
    INVITATION,
    KIND_EXAMPLES,
    LETTER,
    REPORT,
    SUBMISSION,
    changed,
    kind_example,
)

pytestmark = pytest.mark.libreoffice

# The header's left column: 3685 twips from the left margin (the template's grid).
HEADER_SPLIT = LEFT_MARGIN + 3685 / 20
SEPARATE = "quyet_dinh (separate file)"
ISSUED = "quyet_dinh (the plan, its own file)"
ONE_ADDRESSEE = "cong_van (one addressee)"


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    """Every kind's example and a few variants, converted once by a pool of
    two LibreOffice instances."""
    documents = {name: render_docx(load_plan(kind_example(name))) for name in KIND_EXAMPLES}
    separate = load_plan(changed(DECISION_ISSUING_A_PLAN, attachment_file="separate"))
    documents[SEPARATE] = render_docx(separate)
    documents[ISSUED] = render_docx(issued_document(separate))
    documents[ONE_ADDRESSEE] = render_docx(load_plan(changed(LETTER, addressees=["Ủy ban nhân dân các xã, thị trấn"])))
    pool = UnoserverPool(2, timeout=60, recycle_after=0)
    pool.start()
    assert pool.wait_ready(timeout=90, count=2), pool.status()
    try:
        with ThreadPoolExecutor(max_workers=2) as executor:
            return dict(zip(documents, executor.map(pool.convert, documents.values())))
    finally:
        pool.close()


def pages_of(pdfs, name: str) -> list[Page]:
    return read_pages(pdfs[name])


def fonts_of(pdf: bytes, page: Page, line: Line) -> list[tuple[str, str]]:
    """(word, font name) of each word of ``line`` on ``page``, left to right."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[page.number - 1].extract_words(extra_attrs=["fontname"])
    inside = [w for w in words if w["top"] >= line.top - 1 and w["bottom"] <= line.bottom + 1
              and w["x0"] >= line.x0 - 1 and w["x1"] <= line.x1 + 1]
    return [(w["text"], w["fontname"]) for w in sorted(inside, key=lambda w: w["x0"])]


def bold(font: str) -> bool:
    return "Bold" in font


def italic(font: str) -> bool:
    return "Italic" in font


def centre(line: Line) -> float:
    return (line.x0 + line.x1) / 2


def text_centre(page: Page) -> float:
    return LEFT_MARGIN + (page.width - LEFT_MARGIN - RIGHT_MARGIN) / 2


def exactly(page: Page, text: str) -> Line:
    return next(line for line in page.lines if line.text == text)


# --- every kind --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(KIND_EXAMPLES))
def test_every_kind_lays_out_as_signed(pdfs, name):
    data = kind_example(name)
    pages = pages_of(pdfs, name)
    signature_page(pages, data)
    assert_no_page_ends_early(pages, data)
    if not data.get("attachment"):
        assert_page_numbers(pages)
    with pdfplumber.open(io.BytesIO(pdfs[name])) as document:
        fonts = {char["fontname"].split("+")[-1] for page in document.pages for char in page.chars}
    assert fonts and all(font.startswith(("LiberationSerif", "TimesNewRoman")) for font in fonts), fonts
    first = pages[0]
    number = first.find("Số:")
    place = first.find(data["place"] + ", ngày")
    assert number.x1 < HEADER_SPLIT < place.x0 and abs(number.top - place.top) < 2  # one row, two columns


# --- Công văn ---------------------------------------------------------------------------------


def test_letter_summary_sits_under_the_number_in_the_left_column(pdfs):
    page = pages_of(pdfs, LETTER)[0]
    number = page.find("Số: 512/UBND-LĐTBXH")
    label = exactly(page, "Kính gửi:")
    summary = [line for line in page.lines if number.bottom < line.top < label.top and line.x1 < HEADER_SPLIT]
    assert summary[0].text.startswith("V/v đôn đốc báo cáo")
    assert " ".join(line.text for line in summary).endswith("6 tháng đầu năm 2025")
    for line in summary:  # centred under the number, 12 pt, upright
        assert abs(centre(line) - centre(number)) < 8, line
        assert round(line.size) == 12
        assert not any(bold(font) or italic(font) for _, font in fonts_of(pdfs[LETTER], page, line))
    assert 4 < summary[0].top - number.bottom < 14  # 6 pt below the number
    assert not page.find("CÔNG VĂN")


def test_several_addressees_stand_one_a_line_their_dashes_under_the_colon(pdfs):
    page = pages_of(pdfs, LETTER)[0]
    label = exactly(page, "Kính gửi:")
    colon = label.x1 - text_width(":", 14)
    items = [line for line in page.lines if line.top > label.top and line.text.startswith("- ")][:2]
    assert [item.text.split()[1] for item in items] == ["Các", "Ủy"]
    assert abs(items[0].x0 - items[1].x0) < 1 and colon - 2 < items[0].x0 < label.x1 + 2
    wrapped = next(line for line in page.lines if items[0].top < line.top < items[1].top)
    assert wrapped.x0 > items[0].x0 + 3  # a long addressee wraps under its text, not under the dash
    assert items[-1].text.endswith("thị trấn.")
    body = page.find("Thực hiện Kế hoạch số 215/KH-UBND")
    assert body.top > items[-1].bottom


@pytest.mark.parametrize(("name", "text"), [
    (ONE_ADDRESSEE, "Kính gửi: Ủy ban nhân dân các xã, thị trấn"),
    (SUBMISSION, "Kính gửi: Ủy ban nhân dân huyện Tam Đường")])
def test_one_addressee_stands_on_the_line_of_kinh_gui_centred(pdfs, name, text):
    page = pages_of(pdfs, name)[0]
    line = exactly(page, text)
    assert abs(centre(line) - text_centre(page)) < 3
    assert not any(bold(font) or italic(font) for _, font in fonts_of(pdfs[name], page, line))


# --- Quyết định -----------------------------------------------------------------------------------


def test_decides_is_centred_and_bold_and_articles_have_bold_labels(pdfs):
    pdf = pdfs[DECISION]
    pages = pages_of(pdfs, DECISION)
    first = pages[0]
    authority = exactly(first, "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG")
    decides = exactly(first, "QUYẾT ĐỊNH:")
    for line in (authority, decides):
        assert abs(centre(line) - text_centre(first)) < 3
        assert all(bold(font) for _, font in fonts_of(pdf, first, line))
    summary_end = first.find("bàn huyện Tam Đường")
    basis = first.find("Căn cứ Luật Tổ chức")
    proposal = first.find("Theo đề nghị của")
    assert summary_end.bottom < authority.top < basis.top < proposal.top < decides.top
    article = first.find("Điều 1.")
    assert article.top > decides.bottom and article.text.startswith("Điều 1. Phê duyệt")
    words = fonts_of(pdf, first, article)
    assert [word for word, font in words[:2]] == ["Điều", "1."] and all(bold(font) for _, font in words[:2])
    assert not any(bold(font) for _, font in words[2:])  # the article's text is upright, not bold
    titled = next((page, line) for page in pages for line in page.lines if line.text == "Điều 2. Tổ chức thực hiện")
    assert all(bold(font) for _, font in fonts_of(pdf, *titled))
    clause = first.find("1. Tổng số hộ dân cư")
    assert not any(bold(font) for _, font in fonts_of(pdf, first, clause))
    signature = signature_page(pages, kind_example(DECISION))
    assert signature.find("- Như Điều 3;")


def test_the_plan_a_decision_issues_starts_its_own_page_under_its_header(pdfs):
    pages = pages_of(pdfs, DECISION_ISSUING_A_PLAN)
    decision_end = next(page for page in pages if page.find("Nơi nhận:"))
    issued = next(page for page in pages if page.find("(Ban hành kèm theo Quyết định số 215/QĐ-UBND"))
    assert issued.number == decision_end.number + 1
    assert issued.body_lines[0].text.startswith("ỦY BAN NHÂN DÂN")
    assert not issued.find("Số:") and not issued.find("Tam Đường, ngày")  # no number or date of its own
    assert not issued.header_lines  # nor a page number on its first page
    title = exactly(issued, "KẾ HOẠCH")
    issued_with = [line for line in issued.lines if line.top > title.top and line.size >= 13
                   and abs(centre(line) - text_centre(issued)) < 3 and
                   all(italic(font) for _, font in fonts_of(pdfs[DECISION_ISSUING_A_PLAN], issued, line))]
    assert " ".join(line.text for line in issued_with) == (
        "(Ban hành kèm theo Quyết định số 215/QĐ-UBND ngày 14 tháng 02 năm 2025 của Chủ tịch Ủy ban nhân dân huyện "
        "Tam Đường)")
    summary = issued.find("Thực hiện Chương trình mục tiêu quốc gia")
    assert title.top < summary.top < issued_with[0].top < issued.find("I. MỤC ĐÍCH, YÊU CẦU").top
    following = pages[issued.number]
    assert [line.text for line in following.header_lines] == ["2"]  # its pages numbered from 1
    signer = [page.number for page in pages if page.find("Vũ Xuân Thịnh")]
    assert signer[0] == decision_end.number and signer[1] > issued.number  # the plan's own signature block
    appendix = pages[-1]
    assert appendix.lines[0].text == "Phụ lục" and appendix.find("(Kèm theo Kế hoạch ban hành kèm theo Quyết định số")


def test_the_plan_a_decision_issues_as_a_file_of_its_own(pdfs):
    decision = pages_of(pdfs, SEPARATE)
    assert not any(page.find("KẾ HOẠCH") for page in decision)
    issued = pages_of(pdfs, ISSUED)
    first = issued[0]
    assert first.find("(Ban hành kèm theo Quyết định số 215/QĐ-UBND") and not first.find("Số:")
    assert first.lines[0].text.startswith("ỦY BAN NHÂN DÂN")
    assert_page_numbers(issued)
    assert issued[-1].lines[0].text == "Phụ lục"


# --- Giấy mời, Báo cáo -------------------------------------------------------------------------------


def test_invitation_reads_time_place_and_ends_the_text(pdfs):
    pages = pages_of(pdfs, INVITATION)
    page = signature_page(pages, kind_example(INVITATION))
    text = " ".join(line.text for line in page.lines)
    assert "Thời gian: Từ 08 giờ 00 phút đến 11 giờ 30 phút, thứ Sáu, ngày 21 tháng 02 năm 2025." in text
    assert "Địa điểm: Hội trường Ủy ban nhân dân huyện Tam Đường." in text
    last = [line for line in page.lines if line.bottom < page.find("Nơi nhận:").top][-1]
    assert last.text.endswith("Hội nghị./.")


def test_report_rates_are_printed_in_its_appendix(pdfs):
    pages = pages_of(pdfs, REPORT)
    appendix = pages[-1]
    assert appendix.lines[0].text == "Phụ lục"
    rows = {}
    for line in appendix.lines:  # a table row: the cells on one baseline, left to right
        if line.text.split()[0] in ("1", "2", "3") and "(" in line.text:
            cells = sorted((other for other in appendix.lines if abs(other.bottom - line.bottom) < 2), key=lambda o: o.x0)
            rows[line.text.split()[0]] = [cell.text for cell in cells][-3:]
    assert rows == {"1": ["400", "443", "110,8"], "2": ["600", "571", "95,2"], "3": ["120", "120", "100,0"]}
