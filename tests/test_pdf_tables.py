"""Tables as a reader sees them on the printed page (real LibreOffice,
read back with pdfplumber): a 200-task matrix in a landscape appendix that
repeats its header on every page, splits no row, numbers groups and tasks
right and keeps the page numbers right; a table between two paragraphs of
the body; merged cells across and down."""

from __future__ import annotations

import re

import pytest

from tests.pdf_pages import Page
from tests.plans import plan

pytestmark = pytest.mark.libreoffice

GROUPS = ("Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy", "Cải cách chế độ công vụ",
          "Cải cách tài chính công", "Xây dựng chính quyền số", "Tuyên truyền cải cách hành chính",
          "Kiểm tra cải cách hành chính")
TASKS_PER_GROUP = 25
LONG = ("rà soát, sửa đổi, bổ sung các quy định về phân cấp, ủy quyền trong quản lý nhà nước; kiến nghị "
        "bãi bỏ những quy định không còn phù hợp với mô hình chính quyền địa phương hai cấp")


def task(number: int) -> dict:
    # Words that mark where the task's cell starts and ends: both must stand on one page.
    content = f"Bắt{number:03d} nhiệm vụ {LONG} " * (3 if number % 10 == 0 else 1) + f"Hết{number:03d}"
    return {"content": content, "product": "Báo cáo kết quả; dự thảo văn bản", "deadline": f"Quý {1 + number % 4}/2026",
            "lead": ["Sở Tư pháp"], "support": ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"],
            "follow_up": "Văn phòng UBND tỉnh"}


def matrix_plan() -> dict:
    groups = [{"title": title, "tasks": [task(g * TASKS_PER_GROUP + i) for i in range(TASKS_PER_GROUP)]}
              for g, title in enumerate(GROUPS)]
    matrix = {"type": "task_matrix", "columns": ["content", "product", "deadline", "lead", "support", "follow_up"],
              "groups": groups}
    return plan(appendices=[{"title": "Phân công thực hiện nhiệm vụ", "content": [matrix]}])


def appendix_pages(pages: list[Page]) -> list[Page]:
    first = next(page.number for page in pages if page.lines and page.lines[0].text.startswith("Phụ lục"))
    return pages[first - 1:]


def number_column(page: Page, header_left: float, header_right: float) -> list[str]:
    """The STT column's cells, top to bottom, below the header row."""
    header = page.find("STT")
    return [line.text for line in page.body_lines
            if line.top > header.bottom and line.x0 >= header_left - 2 and line.x1 <= header_right + 2]


def test_two_hundred_task_matrix_prints_as_offices_expect(pdf_of):
    (pages,) = pdf_of([matrix_plan()])
    appendix = appendix_pages(pages)
    assert len(appendix) >= 10 and all(page.landscape for page in appendix)
    assert not any(page.landscape for page in pages[: len(pages) - len(appendix)])
    words = {page.number: page.text for page in appendix}
    # The header row on every page of the matrix.
    for page in appendix:
        for header in ("STT", "Nhiệm vụ", "Sản phẩm", "Phối hợp thực", "Theo dõi"):
            assert page.find(header), f"page {page.number} lacks the header {header!r}"
    # No row split: each task's first and last words on the same page.
    for number in range(len(GROUPS) * TASKS_PER_GROUP):
        start = [n for n, text in words.items() if f"Bắt{number:03d}" in text]
        end = [n for n, text in words.items() if f"Hết{number:03d}" in text]
        assert start and start == end, f"task {number} starts on {start}, ends on {end}"
    # Groups numbered I, II …; tasks 1, 2 … again in each group.
    header = appendix[0].find("STT")
    labels = [label for page in appendix for label in number_column(page, header.x0, header.x1)]
    expected = []
    for index, _ in enumerate(GROUPS):
        expected += [["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][index]] + [str(n) for n in range(1, TASKS_PER_GROUP + 1)]
    assert labels == expected
    # A group row never ends a page: it keeps with its first task.
    for page in appendix:
        last_label = number_column(page, header.x0, header.x1)[-1]
        assert not re.fullmatch(r"[IVX]+", last_label), f"page {page.number} ends with the group row {last_label}"
    # Page numbers: the body counts from 1 (none on page 1), the appendix again from 1 (none on its first page).
    for index, page in enumerate(appendix):
        shown = [line.text for line in page.header_lines]
        assert shown == ([] if index == 0 else [str(index + 1)]), (page.number, shown)
    for page in pages[1: len(pages) - len(appendix)]:
        assert [line.text for line in page.header_lines] == [str(page.number)]


def test_text_table_stands_between_two_body_paragraphs(pdf_of):
    table = {"type": "table", "number_column": "TT",
             "columns": [{"header": "Nội dung", "width": 5}, {"header": "Trách nhiệm thực hiện", "width": 3},
                         {"header": "Thời gian\n(Năm 2026)", "width": 2, "align": "center"}],
             "rows": [{"cells": ["Hội nghị quán triệt", "Phòng Nội vụ", "Quý I"]},
                      {"cells": ["Kiểm tra tại các xã", "Văn phòng", "Quý III"]}]}
    body = [{"type": "section", "heading": "Nội dung", "content": [
        {"type": "paragraph", "text": "Đoạn trước bảng."}, table, {"type": "paragraph", "text": "Đoạn sau bảng."}]}]
    (pages,) = pdf_of([plan(body=body, closing=None)])
    page = pages[0]
    before, after = page.find("Đoạn trước bảng."), page.find("Đoạn sau bảng")
    cells = [page.find(text) for text in ("Trách nhiệm thực", "(Năm 2026)", "Hội nghị quán triệt", "Kiểm tra tại các xã")]
    assert before and after and all(cells)
    assert before.bottom < min(cell.top for cell in cells) and max(cell.bottom for cell in cells) < after.top
    # The STT column numbers the rows; the third column is centred under its header.
    assert page.find("Hội nghị quán triệt").top == pytest.approx(page.find("Quý I").top, abs=2)
    header, cell = page.find("(Năm 2026)"), page.find("Quý III")
    assert (header.x0 + header.x1) / 2 == pytest.approx((cell.x0 + cell.x1) / 2, abs=3)


def test_merged_cells_span_their_rows_and_columns(pdf_of):
    table = {"type": "table",
             "columns": [{"header": "Việc", "width": 4}, {"header": "Đơn vị", "width": 3}, {"header": "Thời hạn", "width": 2}],
             "rows": [{"cells": ["Việc một", {"text": "Gộp dọc", "rowspan": 2}, "Tháng 1"]},
                      {"cells": ["Việc hai", "Tháng 2"]},
                      {"cells": ["Việc ba", {"text": "Gộp ngang qua hai cột", "colspan": 2}]}]}
    (pages,) = pdf_of([plan(body=[{"type": "section", "heading": "Bảng", "content": [table]}])])
    page = pages[0]
    one, two, down = page.find("Việc một"), page.find("Việc hai"), page.find("Gộp dọc")
    assert one.top < down.top < two.top  # centred over both rows it covers
    across, unit, deadline = page.find("Gộp ngang qua hai cột"), page.find("Đơn vị"), page.find("Thời hạn")
    assert across.x0 < deadline.x0 and across.x1 > unit.x1  # one cell across "Đơn vị" and "Thời hạn"
    assert page.text.count("Gộp dọc") == 1


def test_group_rows_keep_with_their_first_task(pdf_of):
    """Groups of two tasks put group rows at every height of a page: none
    ends a page (without keep-with-next, several of these pages did)."""
    def grouped(first: int) -> dict:
        groups = [{"title": "Nhóm đầu", "tasks": [task(1)] * first}]
        groups += [{"title": f"Nhóm {index}", "tasks": [task(1), task(2)]} for index in range(12)]
        matrix = {"type": "task_matrix", "columns": ["content", "product", "deadline", "lead", "support"], "groups": groups}
        return plan(appendices=[{"title": "Phân công", "content": [matrix]}])

    for pages in pdf_of([grouped(first) for first in (1, 2, 3)]):
        for page in appendix_pages(pages):
            header = page.find("STT")
            labels = number_column(page, header.x0, header.x1)
            assert labels and not re.fullmatch(r"[IVX]+", labels[-1]), f"page {page.number} ends with a group row"
