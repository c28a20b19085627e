"""Tables and task assignments in the form (issue #15): the grid editor, the
task list editor and Excel, driven in Chromium against the real server;
what they make is checked in the plan, by /validate, and in the Word and
Excel files the service gives back."""

from __future__ import annotations

import io
import json
import re

import pdfplumber
import pytest
from playwright.sync_api import expect

from .form_page import docx_runs, download, download_json, field, open_example, open_form, upload
from .test_form import UNNAMED_CONTROLS
from .tables_page import (
    REFORM_PLAN,
    block,
    merged_down,
    paste,
    reform_plan,
    sheet_rows,
    task_workbook,
    tool,
    word_tables,
)

pytestmark = pytest.mark.browser


def caret_at_end_of_body(page) -> None:
    page.locator(".pm-body > p").last.click()
    page.keyboard.press("Control+End")


def valid(server, plan: dict) -> None:
    answer = server.app.test_client().post("/validate", json=plan)
    assert answer.status_code == 200, answer.get_json()


# --- the grid editor --------------------------------------------------------------------


def test_a_table_with_a_merged_cell_and_a_group_row_validates_and_prints(page, live_server, artifacts):
    open_form(page, live_server)
    open_example(page, "minimal")
    caret_at_end_of_body(page)
    page.get_by_role("button", name="Chèn bảng", exact=True).click()
    table = block(page)
    expect(table.get_by_label("Tên bảng (in đậm, giữa, trên bảng)", exact=True)).to_be_focused()
    page.keyboard.type("Lịch ra quân")
    for column, header in enumerate(["Thôn", "Thời gian", "Phụ trách"], 1):
        table.get_by_label(f"Tiêu đề cột {column}", exact=True).fill(header)
    for (row, column), text in {(1, 1): "Thôn 1", (1, 2): "Chủ nhật tuần 1", (1, 3): "Trưởng thôn",
                                (2, 1): "Thôn 2", (2, 2): "Chủ nhật tuần 2"}.items():
        table.get_by_label(f"Dòng {row}, cột {column}", exact=True).fill(text)
    table.get_by_label("Dòng 1, cột 2", exact=True).press("End")
    page.keyboard.press("Enter")  # a new line in the cell
    page.keyboard.type("(từ 7 giờ)")
    table.get_by_label("Dòng 1, cột 3", exact=True).press("Control+a")
    page.keyboard.press("Control+b")  # bold, as in every text field of the form

    table.get_by_label("Dòng 1, cột 3", exact=True).focus()
    tool(table, "Gộp ô đang chọn với ô bên dưới").click()
    expect(table.get_by_label("Dòng 1, cột 3", exact=True)).to_have_attribute("rows", "1")
    assert table.locator("td[rowspan='2'] textarea").input_value() == "**Trưởng thôn**"
    table.get_by_label("Dòng 1, cột 1", exact=True).focus()
    tool(table, "Chèn dòng nhóm (I, II …) phía trên dòng đang chọn").click()
    expect(table.get_by_label("Dòng nhóm I", exact=True)).to_be_focused()
    page.keyboard.type("Các thôn phía Bắc")
    expect(table.locator("td.num")).to_have_text(["I", "1", "2"])

    plan = download_json(page)
    written = plan["body"][0]["content"][1]
    assert written == {
        "type": "table", "number_column": "TT",
        "columns": [{"header": "Thôn"}, {"header": "Thời gian"}, {"header": "Phụ trách"}],
        "rows": [{"group": "Các thôn phía Bắc"},
                 {"cells": ["Thôn 1", "Chủ nhật tuần 1\n(từ 7 giờ)", {"text": "**Trưởng thôn**", "rowspan": 2}]},
                 {"cells": ["Thôn 2", "Chủ nhật tuần 2"]}],
        "title": "Lịch ra quân",
    }
    valid(live_server, plan)
    expect(page.locator("#error-summary")).to_be_hidden()

    document = download(page, "Tải bản Word (DOCX)")
    printed = next(rows for rows in word_tables(document) if rows and rows[0][:2] == ["TT", "Thôn"])
    assert printed == [["TT", "Thôn", "Thời gian", "Phụ trách"], ["I", "Các thôn phía Bắc"],
                       ["1", "Thôn 1", "Chủ nhật tuần 1\n(từ 7 giờ)", "Trưởng thôn"], ["2", "Thôn 2", "Chủ nhật tuần 2"]]
    assert "Trưởng thôn" in merged_down(document)
    assert ("Trưởng thôn", True) in docx_runs(document)
    page.screenshot(path=str(artifacts / "form-table-grid.png"))


def test_a_tab_separated_range_pasted_into_the_grid_becomes_rows(page, live_server):
    open_form(page, live_server)
    open_example(page, "minimal")
    caret_at_end_of_body(page)
    page.get_by_role("button", name="Chèn bảng", exact=True).click()
    table = block(page)
    # Excel's clipboard: tabs between cells, a quoted cell holding a line break, a trailing newline.
    paste(table.get_by_label("Dòng 1, cột 2", exact=True), 'Thôn 1\tQuý I\r\nThôn 2\t"Quý II\nQuý III"\r\nThôn 3\tQuý IV\r\n')
    expect(page.locator("#notice")).to_contain_text("Đã dán 3 dòng × 2 cột")
    expect(table.get_by_label("Dòng 3, cột 3", exact=True)).to_have_value("Quý IV")
    rows = download_json(page)["body"][0]["content"][1]["rows"]
    assert rows == [{"cells": ["", "Thôn 1", "Quý I"]}, {"cells": ["", "Thôn 2", "Quý II\nQuý III"]},
                    {"cells": ["", "Thôn 3", "Quý IV"]}]


def test_a_range_pasted_into_the_text_becomes_a_table_there(page, live_server):
    open_form(page, live_server)
    open_example(page, "minimal")
    caret_at_end_of_body(page)
    page.keyboard.press("Enter")
    paste(page.locator(".pm-body"), "Thôn\tNgày ra quân\nThôn 1\tChủ nhật\nThôn 2\tThứ bảy\n")
    expect(block(page)).to_be_visible()
    expect(page.locator("#notice")).to_contain_text("Đã nhập bảng (2 dòng, 2 cột)")
    written = download_json(page)["body"][0]["content"][1]
    assert written["type"] == "table"
    assert [column["header"] for column in written["columns"]] == ["Thôn", "Ngày ra quân"]
    assert [row["cells"] for row in written["rows"]] == [["Thôn 1", "Chủ nhật"], ["Thôn 2", "Thứ bảy"]]


def test_a_deleted_row_comes_back_with_undo_and_the_table_with_the_history(page, live_server):
    open_form(page, live_server)
    upload(page, REFORM_PLAN)
    original = reform_plan()
    table = block(page)
    table.get_by_label("Dòng 5, cột 1", exact=True).focus()  # "Kiểm tra công tác cải cách hành chính …"
    tool(table, "Xóa dòng đang chọn").click()
    expect(page.locator("#notice")).to_contain_text("Đã xóa dòng 5 của bảng.")
    expect(table.locator("tbody tr")).to_have_count(5)
    page.locator("#notice").get_by_role("button", name="Hoàn tác").click()
    expect(table.get_by_label("Dòng 5, cột 1", exact=True)).to_have_value("Kiểm tra công tác cải cách hành chính tại 10 sở, ngành và 20 xã, phường, đặc khu")
    assert download_json(page) == original

    # The whole table, selected in the text and deleted, then restored from "Đã xóa…".
    table.locator(".blk-head .blk-kind").click()
    page.keyboard.press("Delete")
    expect(page.locator(".pm-body .pm-block")).to_have_count(0)
    expect(page.locator("#notice")).to_contain_text("Đã xóa bảng (Nội dung, Trách nhiệm thực hiện, Thời gian (Năm 2026)) trong nội dung.")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    page.get_by_role("button", name="Đã xóa (1)…").click()
    page.locator("#history-list").get_by_role("button", name="Khôi phục").click()
    page.locator("#history-dialog").get_by_role("button", name="Đóng").click()
    expect(page.locator(".pm-body .pm-block")).to_have_count(1)
    assert download_json(page) == original


def test_a_table_moves_like_a_paragraph_and_leaves_its_point(page, live_server):
    open_form(page, live_server)
    upload(page, REFORM_PLAN)
    table = block(page)
    table.locator(".blk-head .blk-kind").click()  # selected as a whole
    page.keyboard.press("Alt+Shift+ArrowDown")  # below point b), under it now
    page.keyboard.press("Alt+Shift+ArrowDown")  # below point c)
    page.keyboard.press("Shift+Tab")  # out of the point: a block of the section
    body = download_json(page)["body"][2]["content"]
    assert [block["type"] for block in body] == ["points", "table", "paragraph"]
    assert [len(item.get("content", [])) for item in body[0]["items"]] == [0, 0, 0]
    assert body[1] == reform_plan()["body"][2]["content"][0]["items"][0]["content"][0]
    table.locator(".blk-head .blk-kind").click()
    page.keyboard.press("Tab")  # under point c) again, still selected
    expect(table).to_have_class("pm-block ProseMirror-selectednode")
    page.keyboard.press("Tab")  # it cannot go deeper: Tab goes into it
    expect(table.get_by_label("Tên bảng (in đậm, giữa, trên bảng)", exact=True)).to_be_focused()
    assert len(download_json(page)["body"][2]["content"][0]["items"][2]["content"]) == 1
    table.get_by_role("button", name="Lên – chuyển bảng lên trên đoạn trước").click()
    expect(page.locator(".pm-block").first.get_by_role("button", name="Lên – chuyển bảng lên trên đoạn trước")).to_be_focused()


# --- the task list editor ---------------------------------------------------------------


def add_agency(field, name: str) -> None:
    field.fill(name)
    field.press("Enter")


def test_a_task_matrix_with_two_groups_downloads_as_word_and_excel(page, live_server, artifacts):
    open_form(page, live_server)
    open_example(page, "minimal")
    page.get_by_role("button", name="Thêm phụ lục phân công nhiệm vụ").click()
    matrix = block(page)
    matrix.get_by_label("Tên nhóm I", exact=True).fill("Tuyên truyền")
    matrix.get_by_label("Nhiệm vụ, nhiệm vụ 1 nhóm I", exact=True).fill("In tờ rơi về phân loại rác tại nguồn")
    matrix.get_by_label("Sản phẩm, nhiệm vụ 1 nhóm I", exact=True).fill("2.000 tờ rơi")
    matrix.get_by_label("Thời gian hoàn thành, nhiệm vụ 1 nhóm I", exact=True).fill("Quý I/2025")
    add_agency(matrix.get_by_label("Thêm cơ quan – Chủ trì thực hiện, nhiệm vụ 1 nhóm I", exact=True), "Công chức Văn hóa - Xã hội")
    lead_two = matrix.get_by_label("Thêm cơ quan – Phối hợp thực hiện, nhiệm vụ 1 nhóm I", exact=True)
    add_agency(lead_two, "Các thôn")
    add_agency(lead_two, "Đoàn Thanh niên xã")
    matrix.get_by_role("button", name="Thêm nhóm nhiệm vụ").click()
    expect(matrix.get_by_label("Tên nhóm II", exact=True)).to_be_focused()
    page.keyboard.type("Ra quân")
    matrix.get_by_label("Nhiệm vụ, nhiệm vụ 1 nhóm II", exact=True).fill("Tổng vệ sinh đường làng, ngõ xóm")
    add_agency(matrix.get_by_label("Thêm cơ quan – Chủ trì thực hiện, nhiệm vụ 1 nhóm II", exact=True), "Trưởng các thôn")
    matrix.get_by_role("button", name="Thêm nhiệm vụ nhóm II").click()
    page.keyboard.type("Thu gom rác thải nhựa")
    expect(matrix.locator("td.num")).to_have_text(["I", "1", "II", "1", "2"])

    plan = download_json(page)
    assert plan["appendices"][0]["content"] == [{"type": "task_matrix", "groups": [
        {"title": "Tuyên truyền", "tasks": [{"content": "In tờ rơi về phân loại rác tại nguồn", "product": "2.000 tờ rơi",
                                             "deadline": "Quý I/2025", "lead": ["Công chức Văn hóa - Xã hội"],
                                             "support": ["Các thôn", "Đoàn Thanh niên xã"]}]},
        {"title": "Ra quân", "tasks": [{"content": "Tổng vệ sinh đường làng, ngõ xóm", "lead": ["Trưởng các thôn"]},
                                       {"content": "Thu gom rác thải nhựa"}]},
    ]}]
    valid(live_server, plan)

    printed = next(rows for rows in word_tables(download(page, "Tải bản Word (DOCX)")) if rows and rows[0][0] == "STT")
    assert printed[:3] == [
        ["STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện", "Phối hợp thực hiện"],
        ["I", "Tuyên truyền"],
        ["1", "In tờ rơi về phân loại rác tại nguồn", "2.000 tờ rơi", "Quý I/2025", "Công chức Văn hóa - Xã hội",
         "Các thôn\nĐoàn Thanh niên xã"],
    ]
    assert [row[:2] for row in printed[3:]] == [["II", "Ra quân"], ["1", "Tổng vệ sinh đường làng, ngõ xóm"], ["2", "Thu gom rác thải nhựa"]]

    sheet = sheet_rows(download(page, "Tải Excel (.xlsx)"))
    text = "\n".join("|".join(row) for row in sheet)
    for expected in ("Tuyên truyền", "Ra quân", "In tờ rơi về phân loại rác tại nguồn", "Các thôn; Đoàn Thanh niên xã",
                     "Thu gom rác thải nhựa", "Trưởng các thôn"):
        assert expected in text
    page.locator("#sec-appendices").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "form-task-matrix.png"))


def test_agency_fields_offer_the_agencies_the_plan_names(page, live_server):
    open_form(page, live_server)
    upload(page, REFORM_PLAN)
    matrix = block(page, 1)
    field = matrix.get_by_label("Thêm cơ quan – Chủ trì thực hiện, nhiệm vụ 1 nhóm I", exact=True)
    field.focus()
    offered = page.eval_on_selector_all("#agency-suggestions option", "(options) => options.map((o) => o.value)")
    for name in ("Sở Nội vụ",  # an agency of "Tổ chức thực hiện"
                 "Bộ Nội vụ",  # a recipient
                 "Trung tâm Phục vụ hành chính công tỉnh", "UBND các xã, phường, đặc khu"):  # other tasks
        assert name in offered, name
    assert "Sở Tư pháp" not in offered  # already the lead agency of this task
    assert not any(name.startswith("Như ") for name in offered)
    assert field.get_attribute("list") == "agency-suggestions"
    # Several per task: a suggestion taken as it is offered, then one more.
    add_agency(field, "Trung tâm Phục vụ hành chính công tỉnh")
    add_agency(field, "Sở Nội vụ; ")
    task = download_json(page)["appendices"][0]["content"][0]["groups"][0]["tasks"][0]
    assert task["lead"] == ["Sở Tư pháp", "Trung tâm Phục vụ hành chính công tỉnh", "Sở Nội vụ"]


def test_a_deleted_task_comes_back_with_ctrl_z(page, live_server):
    open_form(page, live_server)
    upload(page, REFORM_PLAN)
    original = reform_plan()
    matrix = block(page, 1)
    remove = matrix.get_by_role("button", name="Xóa nhiệm vụ 2 nhóm II", exact=True)
    remove.click()
    expect(page.locator("#notice")).to_contain_text("Đã xóa nhiệm vụ 2 nhóm II của bảng phân công.")
    assert len(download_json(page)["appendices"][0]["content"][0]["groups"][1]["tasks"]) == 1
    matrix.get_by_role("button", name="Xóa nhiệm vụ 1 nhóm II", exact=True).focus()  # outside any text field
    page.keyboard.press("Control+z")
    expect(matrix.get_by_label("Nhiệm vụ, nhiệm vụ 2 nhóm II", exact=True)).to_have_value(
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; tái sử dụng dữ liệu đã số hóa")
    assert download_json(page) == original


def test_tasks_move_across_groups_and_columns_are_chosen_and_renamed(page, live_server):
    open_form(page, live_server)
    upload(page, REFORM_PLAN)
    matrix = block(page, 1)
    matrix.get_by_role("button", name="Xuống – chuyển nhiệm vụ 2 nhóm I xuống", exact=True).click()
    expect(matrix.get_by_role("button", name="Xuống – chuyển nhiệm vụ 1 nhóm II xuống", exact=True)).to_be_focused()
    matrix.get_by_text("Các cột in (6)").click()
    matrix.get_by_label("In cột “Kinh phí”", exact=True).check()
    matrix.get_by_label("Tiêu đề in của cột “Chủ trì thực hiện”", exact=True).fill("Cơ quan chủ trì")
    matrix.get_by_label("Tiêu đề in của cột “Chủ trì thực hiện”", exact=True).press("Tab")
    matrix.get_by_role("button", name="Sang trái – cột “Cơ quan chủ trì”").click()
    written = download_json(page)["appendices"][0]["content"][0]
    assert written["columns"] == ["content", "product", "lead", "deadline", "support", "follow_up", "budget"]
    assert written["headers"][2] == "Cơ quan chủ trì"
    assert written["headers"][6] == "Kinh phí"
    assert written["groups"][1]["tasks"][0]["content"].startswith("Theo dõi tình hình thi hành pháp luật")
    assert len(written["groups"][0]["tasks"]) == 1
    expect(matrix.locator("thead th")).to_contain_text(["STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì"])


# --- Excel --------------------------------------------------------------------------------


def test_an_imported_sheet_becomes_a_task_list_where_the_caret_is(page, live_server, tmp_path):
    sheet = tmp_path / "phan-cong.xlsx"
    task_workbook(sheet)
    open_form(page, live_server)
    open_example(page, "minimal")
    caret_at_end_of_body(page)
    page.get_by_role("button", name="Nhập từ Excel…").first.click()
    page.set_input_files("#sheet-input", str(sheet))
    expect(page.locator("#notice")).to_contain_text("Đã nhập bảng phân công nhiệm vụ (3 nhiệm vụ) từ tệp “phan-cong.xlsx”")
    matrix = block(page)
    expect(matrix.get_by_label("Tên nhóm II", exact=True)).to_have_value("Ra quân")
    plan = download_json(page)
    written = plan["body"][0]["content"][1]
    assert written["type"] == "task_matrix"
    assert [group["title"] for group in written["groups"]] == ["Tuyên truyền", "Ra quân"]
    assert written["groups"][0]["tasks"][0]["lead"] == ["Công chức Văn hóa - Xã hội"]
    assert written["groups"][1]["tasks"][0]["deadline"] == "Chủ nhật cuối tháng"
    valid(live_server, plan)


def test_the_table_editors_are_labelled_and_work_from_the_keyboard(page, live_server):
    open_form(page, live_server)
    upload(page, REFORM_PLAN)
    assert page.evaluate(UNNAMED_CONTROLS) == []
    # From the text: the paragraph above the table, ↓ selects the table, Tab goes into it.
    page.locator(".pm-body > .pm-point").first.click()
    page.keyboard.press("End")
    page.keyboard.press("ArrowDown")
    expect(block(page)).to_have_class("pm-block ProseMirror-selectednode")
    page.keyboard.press("Tab")
    table = block(page)
    expect(table.get_by_label("Tên bảng (in đậm, giữa, trên bảng)", exact=True)).to_be_focused()
    table.get_by_label("Dòng 5, cột 1", exact=True).focus()
    page.keyboard.press("Alt+F10")  # the table's toolbar, for the cell chosen
    expect(tool(table, "Chèn dòng phía trên dòng đang chọn")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "+ Dòng dưới"
    expect(table.get_by_label("Dòng 6, cột 1", exact=True)).to_be_focused()
    expect(table.get_by_label("Dòng 6, cột 1", exact=True)).to_have_value("")
    page.keyboard.press("Alt+Shift+ArrowUp")  # the new row moves above row 5
    expect(table.get_by_label("Dòng 5, cột 1", exact=True)).to_be_focused()
    expect(table.get_by_label("Dòng 6, cột 1", exact=True)).to_have_value(
        "Kiểm tra công tác cải cách hành chính tại 10 sở, ngành và 20 xã, phường, đặc khu")
    # A row merged down with the next cannot move: the clerk is told why, nothing changes.
    table.get_by_label("Dòng 2, cột 1", exact=True).focus()
    page.keyboard.press("Alt+Shift+ArrowDown")
    expect(page.locator("#notice")).to_contain_text("ô gộp dọc")
    page.keyboard.press("Escape")  # back to the text, the table selected as a whole
    expect(table).to_have_class("pm-block ProseMirror-selectednode")


def test_the_servers_messages_stand_at_the_cell_they_name(page, live_server, tmp_path, console):
    plan = reform_plan()
    rows = plan["body"][2]["content"][0]["items"][0]["content"][0]["rows"]
    rows[4]["cells"] = rows[4]["cells"][:2]  # a row one cell short
    source = tmp_path / "thieu-o.json"
    source.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    open_form(page, live_server)
    upload(page, source)
    table = block(page)
    short_row = table.locator("tr[data-inner='rows.4']")
    expect(short_row.locator(".field-error")).to_contain_text("Dòng này có 2 ô")

    matrix = block(page, 1)
    content = matrix.get_by_label("Nhiệm vụ, nhiệm vụ 1 nhóm III", exact=True)
    content.fill("")
    message = matrix.locator("td.has-error .field-error")
    expect(message).to_have_text("Không được để trống.")
    expect(content).to_have_attribute("aria-invalid", "true")
    assert message.get_attribute("id") in content.get_attribute("aria-describedby").split()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Phụ lục › Nội dung phụ lục: Không được để trống.")
    summary.get_by_role("link", name="Phụ lục › Nội dung phụ lục: Không được để trống.").click()
    expect(content).to_be_focused()
    page.keyboard.type("Đánh giá chỉ số cải cách hành chính")
    expect(content).not_to_have_attribute("aria-invalid", "true")


# --- preview ------------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_the_preview_shows_the_landscape_appendix_as_it_prints(page, pdf_server):
    """The PDF the preview shows (Chromium's viewer draws each page at its own
    size) has the body's pages upright and the task matrix's pages landscape."""
    open_form(page, pdf_server)
    upload(page, REFORM_PLAN)
    shown = []

    def keep(route):  # the answer passes to the page unchanged; the test keeps a copy
        answer = route.fetch(timeout=90000)
        shown.append(answer.body())
        route.fulfill(response=answer)

    page.route("**/render?format=pdf", keep)
    page.get_by_role("button", name="Xem trước PDF").click()
    expect(page.locator("#preview-message")).to_contain_text("Bản xem trước lúc", timeout=90000)
    expect(page.locator("#preview-frame iframe")).to_have_attribute("src", re.compile(r"^blob:.*#navpanes=0&view=FitH$"))
    with pdfplumber.open(io.BytesIO(shown[0])) as pdf:
        pages = [(page.width > page.height, page.extract_text() or "") for page in pdf.pages]
    appendix = next(index for index, (_, text) in enumerate(pages) if "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ" in text)
    assert appendix > 0
    assert [wide for wide, _ in pages[:appendix]] == [False] * appendix  # the body, upright
    assert all(wide for wide, _ in pages[appendix:])  # the task matrix, landscape
    assert "Cải cách thủ tục hành chính" in "".join(text for _, text in pages[appendix:])


WORD_TABLE = """<html><body><table border=1>
<tr><td><b>STT</b></td><td><b>Đơn vị được kiểm tra</b></td><td><b>Thời gian kiểm tra</b></td></tr>
<tr><td>I</td><td colspan=2><b>Cơ quan chuyên môn cấp tỉnh</b></td></tr>
<tr><td>1</td><td>Sở Tư pháp</td><td rowspan=2>Tháng 5/2025</td></tr>
<tr><td>2</td><td>Sở Nội vụ</td></tr>
</table></body></html>"""


def test_a_range_pasted_into_nhap_tu_excel_becomes_a_table_of_the_appendix(page, live_server):
    open_form(page, live_server)
    open_example(page, "minimal")
    page.get_by_role("button", name=re.compile("Thêm phụ lục$")).click()
    field(page, "appendices.0.title").fill("Lịch kiểm tra")
    page.get_by_role("button", name="Bỏ bảng số liệu của phụ lục 1").click()  # this appendix has no figures
    appendix = page.locator("#sec-appendices .appendix-content")
    appendix.get_by_role("button", name="Nhập từ Excel…").click()
    dialog = page.locator("#sheet-dialog")
    expect(dialog).to_be_visible()
    paste(dialog.get_by_label("Hoặc dán vùng ô vào đây (Ctrl+V)"), "STT\tĐơn vị được kiểm tra\tThời gian kiểm tra", WORD_TABLE)
    expect(dialog).to_be_hidden()
    expect(page.locator("#notice")).to_contain_text("Đã nhập bảng (3 dòng, 2 cột) từ vùng ô đã dán")
    table = appendix.locator(".pm-block")
    expect(table.locator("td.num")).to_have_text(["I", "1", "2"])
    expect(table.locator("td[rowspan='2'] textarea")).to_have_value("Tháng 5/2025")
    plan = download_json(page)
    written = plan["appendices"][0]["content"]
    assert [block["type"] for block in written] == ["table"]
    assert written[0]["rows"][0] == {"group": "Cơ quan chuyên môn cấp tỉnh"}
    valid(live_server, plan)


ODD_BLOCKS = [
    {"type": "table"},  # no columns at all
    {"type": "table", "x_source": {"sheet": 2}, "columns": [{"header": "A", "x": 1}, {"header": "B", "width": "rộng"}],
     "rows": [{"cells": ["1", {"text": "2", "align": "center", "x_color": "red"}, "thừa"]}, {"cells": ["chỉ một"]},
              {"group": None, "cells": None}, {"group": "Nhóm", "cells": ["cả hai"]}]},
    {"type": "task_matrix", "columns": ["content", "lead", "khong_co"], "headers": ["Việc"],
     "groups": [{"title": "Nhóm", "tasks": None, "x": True}, {"title": None, "tasks": [{"content": "Việc", "lead": "Sở A", "x_id": 7}]}]},
]


def test_odd_blocks_are_shown_and_come_back_unchanged(page, live_server, tmp_path):
    plan = {"schema_version": 1, "summary": "Bảng lạ", "body": [{"type": "section", "heading": "Bảng", "content": ODD_BLOCKS}]}
    source = tmp_path / "bang-la.json"
    source.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    open_form(page, live_server)
    upload(page, source)
    expect(page.locator(".pm-block")).to_have_count(3)
    assert download_json(page) == plan
    # Typing in one cell changes that cell only.
    block(page, 1).get_by_label("Dòng 2, cột 1", exact=True).fill("một ô")
    changed = json.loads(json.dumps(plan))
    changed["body"][0]["content"][1]["rows"][1]["cells"][0] = "một ô"
    assert download_json(page) == changed
    # An agency typed as a plain text is shown as one; adding another makes the list.
    matrix = block(page, 2)
    expect(matrix.locator(".chip-text")).to_have_text(["Sở A"])
    add_agency(matrix.get_by_label("Thêm cơ quan – Chủ trì thực hiện, nhiệm vụ 1 nhóm II", exact=True), "Sở B")
    assert download_json(page)["body"][0]["content"][2]["groups"][1]["tasks"][0]["lead"] == ["Sở A", "Sở B"]


PAGE_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_tables_scroll_inside_their_box_on_a_phone(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    open_form(page, live_server)
    upload(page, REFORM_PLAN)
    expect(page.locator(".task-grid")).to_be_visible()
    expect(page.locator(".tgrid:not(.task-grid)").first).to_be_visible()
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    # A table and the task matrix are wider than the phone: each scrolls inside its own box,
    # which stays on the screen (the cells' hidden labels too).
    assert page.evaluate("""() => [...document.querySelectorAll('.grid-scroll')].map((box) =>
      box.scrollWidth > box.clientWidth && box.getBoundingClientRect().right <= innerWidth)""") == [True, True]
    # The columns chosen for print: each column's line fits the phone.
    columns = page.locator("details.task-columns").first
    columns.locator("summary").click()
    expect(columns.locator(".task-column").first).to_be_visible()
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    context.close()
