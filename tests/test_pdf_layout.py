"""Pages as a records officer sees them: PDFs made by real LibreOffice, read
back with their text and positions (pdfplumber), over every example and
plans built to stress the layout."""

from __future__ import annotations

import copy

import pytest

from generators.measure import text_width
from nd30.vietnamese import POINT_LETTERS
from tests.docx_reading import visible_lines
from tests.pdf_pages import BODY_LINE, LEFT_MARGIN, RIGHT_MARGIN, Page
from tests.plans import EXAMPLE_NAMES, example, plan, render

pytestmark = pytest.mark.libreoffice

MAX_EARLY_LINES = 5
LINE_WIDTH_PT = 165 * 72 / 25.4
SENTENCE = ("Các cơ quan, đơn vị theo chức năng, nhiệm vụ được giao chủ động phối hợp triển khai thực hiện "
            "có hiệu quả các nội dung của Kế hoạch, báo cáo kết quả định kỳ về Ủy ban nhân dân xã.")


def text_of_lines(lines: float) -> str:
    """Body text about ``lines`` lines long (14 pt, 1 cm first-line indent)."""
    words, text = SENTENCE.split(), ""
    index = 0
    while text_width(text, 14) + 28 < (lines - 0.5) * LINE_WIDTH_PT:
        text += (" " if text else "") + words[index % len(words)]
        index += 1
    return text


# --- what every page must show --------------------------------------------------------------


def signature_page(pages: list[Page], data: dict) -> Page:
    """The page holding "Nơi nhận:", after checking that the authority lines
    and the signer's name are on it too, with two body lines above."""
    holding = [page for page in pages if page.find("Nơi nhận:")]
    assert len(holding) == 1, [page.number for page in holding]
    page = holding[0]
    for text in ("TM. ỦY BAN NHÂN DÂN" if data["signatory"].get("collective") else "", data["signatory"]["name"]):
        assert page.find(text), f"{text!r} not on page {page.number}"
    top = page.find("Nơi nhận:").top
    above = [line for line in page.body_lines if line.bottom <= top and line.size >= 13]
    if page.number == 1:
        return page  # under the header block, on a one-page plan
    assert len(above) >= 2, f"page {page.number}: {len(above)} body line(s) above the signature block"
    return page


def assert_no_page_ends_early(pages: list[Page], data: dict) -> None:
    """Running text fills its pages: at most five lines left empty, except on
    the last page, before an appendix (a new section), and before the
    signature page when the signature block could not fit (it never splits)."""
    signature = signature_page(pages, data)
    for page, following in zip(pages, pages[1:]):
        if page.number >= signature.number or following.find("Phụ lục") and following.lines[0].text.startswith("Phụ lục"):
            continue
        gap = page.free_space_at_bottom()
        if following is signature:
            kept = next(line for line in following.body_lines if line.size >= 13)
            block = following.find(data["signatory"]["name"]).bottom - kept.top
            assert gap < block, f"page {page.number} ends {gap:.0f} pt early, the signature block is {block:.0f} pt"
            continue
        assert gap <= MAX_EARLY_LINES * BODY_LINE + 8, f"page {page.number} ends {gap:.0f} pt early"


def assert_page_numbers(pages: list[Page]) -> None:
    """None on the first page of each section, centred at the top after it,
    counting from 1 in each section (the body, each appendix)."""
    expected = 0
    for page in pages:
        first_of_section = page.number == 1 or page.lines[0].text.startswith("Phụ lục")
        expected = 1 if first_of_section else expected + 1
        numbers = page.header_lines
        if first_of_section:
            assert not numbers, f"page {page.number} shows {numbers[0].text!r}"
            continue
        assert [line.text for line in numbers] == [str(expected)], page.number
        middle = (numbers[0].x0 + numbers[0].x1) / 2
        text_middle = LEFT_MARGIN + (page.width - LEFT_MARGIN - RIGHT_MARGIN) / 2
        assert abs(middle - text_middle) < 3, f"page {page.number}: number at {middle:.0f}, text centre {text_middle:.0f}"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_lays_out_as_signed(pdf_of, name):
    data = example(name)
    (pages,) = pdf_of([data])
    signature_page(pages, data)
    assert_no_page_ends_early(pages, data)
    assert_page_numbers(pages)
    text = "\n".join(page.text for page in pages)
    assert "./." in text
    assert data["place"] + "," in pages[0].find(data["place"] + ",").text


def test_minimal_plan_ends_its_text_with_the_decree_mark(pdf_of):
    data = example("minimal")
    assert not data.get("closing")
    (pages,) = pdf_of([data])
    last_body = [line for line in pages[-1].lines if line.bottom < pages[-1].find("Nơi nhận:").top][-1]
    assert last_body.text.endswith("xã./.")


# --- the signature block at every position of a page -------------------------------------------


def test_signature_block_never_splits_wherever_it_falls(pdf_of):
    """A paragraph before the end grows line by line, so the signature block
    starts at every line of a page: after a closing of two lines (and, more
    sparsely, of three and four), of one line (the paragraph above it keeps
    with it too), and with no closing (the body's last paragraph keeps with
    it)."""
    filler = [{"type": "paragraph", "text": text_of_lines(8)} for _ in range(4)]

    def body(*paragraph_lines: int) -> list[dict]:
        grown = filler + [{"type": "paragraph", "text": text_of_lines(lines)} for lines in paragraph_lines]
        return [{"type": "section", "heading": "Nội dung", "content": grown}]

    plans = [plan(body=body(lines), closing=text_of_lines(2)) for lines in range(1, 44)]
    plans += [plan(body=body(lines), closing=text_of_lines(closing)) for closing in (3, 4) for lines in range(1, 44, 7)]
    plans += [plan(body=body(lines, 2), closing=text_of_lines(1)) for lines in range(1, 44, 6)]
    plans += [plan(body=body(lines, 2), closing=None) for lines in range(1, 44, 6)]
    positions = set()
    for data, pages in zip(plans, pdf_of(plans)):
        page = signature_page(pages, data)
        positions.add(round(page.find("Nơi nhận:").top / BODY_LINE))
        assert_no_page_ends_early(pages, data)
    assert len(positions) >= 25, sorted(positions)  # the block fell all over the page


# --- chains of numbered paragraphs flow like running text ------------------------------------


def test_numbered_paragraphs_do_not_leave_pages_empty(pdf_of):
    agencies = [{"name": f"Phòng chuyên môn số {index}", "run_in": True,
                 "duties": [{"type": "paragraph", "text": text_of_lines(3 + index % 3)}]} for index in range(20)]
    targets = [{"text": text_of_lines(2 + index % 4)} for index in range(20)]
    plans = [
        plan(body=[{"type": "assignments", "agencies": agencies}]),
        plan(body=[{"type": "targets", "specific": {"items": targets}}]),
    ]
    for data, pages in zip(plans, pdf_of(plans)):
        assert len(pages) >= 3
        assert_no_page_ends_early(pages, data)


# --- Vietnamese point letters -----------------------------------------------------------------


def test_twenty_three_points_read_a_to_y_in_pdf_and_docx(pdf_of):
    items = [{"text": f"Nội dung điểm thứ {index + 1}"} for index in range(23)]
    data = plan(body=[{"type": "section", "heading": "Các điểm", "content": [{"type": "points", "items": items}]}])
    expected = [f"{letter}) Nội dung điểm thứ {index + 1}" for index, letter in enumerate(POINT_LETTERS)]
    assert POINT_LETTERS == "abcdđeghiklmnopqrstuvxy"
    assert [line for line in visible_lines(render(data)) if line.startswith(tuple(POINT_LETTERS))][:23] == expected
    (pages,) = pdf_of([data])
    lines = [line.text for page in pages for line in page.lines if "Nội dung điểm thứ" in line.text]
    assert lines == expected


# --- the place and date on one line ------------------------------------------------------------


LONG_PLACES = [
    ("Thành phố Hồ Chí Minh", {"year": 2024, "month": 12, "day": 28}),
    ("Thành phố Buôn Ma Thuột", {"year": 2024, "month": 12, "day": 28}),
    ("Thành phố Buôn Ma Thuột", {"year": 2024}),
    ("Thị xã Phú Mỹ", {"year": 2024}),
    ("Thành phố Lai Châu", {"year": 2024, "month": 1}),
    ("Bà Rịa - Vũng Tàu", {"year": 2024, "month": 11, "day": 30}),
]


def test_place_and_date_stay_on_one_line(pdf_of):
    plans = [plan(place=place, date=date) for place, date in LONG_PLACES]
    for (place, date), pages in zip(LONG_PLACES, pdf_of(plans)):
        line = pages[0].find(place + ",")
        assert line is not None and line.text.endswith(f"năm {date['year']}"), (place, line)
        assert line.x0 > 200  # still in the right-hand column, under the motto


# --- the summary's last line -------------------------------------------------------------------


def test_summary_never_ends_with_one_or_two_words(pdf_of):
    from tests.test_document import summary_leaving

    texts = [summary_leaving(1), summary_leaving(2)]
    for text, pages in zip(texts, pdf_of([plan(summary=text) for text in texts])):
        title = pages[0].find("KẾ HOẠCH")
        lines = [line for line in pages[0].lines if line.top > title.top and line.size == 14][:3]
        summary_lines = [line.text for line in lines if line.text in text or text.endswith(line.text)]
        assert " ".join(summary_lines) == text
        assert len(summary_lines) == 2 and len(summary_lines[-1].split()) >= 3, summary_lines


# --- recipients --------------------------------------------------------------------------------


def test_wrapped_recipients_start_under_their_text(pdf_of):
    data = plan(recipients=[{"name": "Các cơ quan, ban, ngành, đoàn thể có liên quan của huyện", "note": "thực hiện"}])
    (pages,) = pdf_of([data])
    page = next(page for page in pages if page.find("Nơi nhận:"))
    first = page.find("- Các cơ quan")
    following = [line for line in page.lines if line.top > first.top and line.x1 < 250][0]
    dash = min(line.x0 for line in page.lines if line.text.startswith("- "))
    assert following.x0 > dash + 3, (first, following)


# --- page numbers in appendices ------------------------------------------------------------------


def test_each_appendix_restarts_its_page_numbers(pdf_of):
    rows = [{"label": f"Thôn {index + 1}", "values": {"households": 100 + index}} for index in range(60)]
    appendix = {"title": "Số hộ dân cư các thôn", "table": {"label_header": "Thôn", "columns": [
        {"key": "households", "header": "Số hộ"}], "rows": rows}}
    data = plan(appendices=[appendix, copy.deepcopy(appendix)])
    (pages,) = pdf_of([data])
    assert sum(page.lines[0].text.startswith("Phụ lục") for page in pages) == 2
    assert len(pages) >= 5
    assert_page_numbers(pages)
