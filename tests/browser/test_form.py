"""The clerks' form at /, driven in Chromium like a clerk would use it."""

from __future__ import annotations

import copy
import json
import random
import re

import pytest
from playwright.sync_api import expect

from converters import messages
from nd30.table_math import computed_table
from nd30.vietnamese import figure
from schemas import load_plan

from .conftest import EXAMPLES, ROOT
from .form_page import (
    dismiss_notice,
    docx_paragraphs,
    docx_runs,
    download,
    download_json,
    field,
    new_document,
    open_example,
    open_form,
    upload,
)

pytestmark = pytest.mark.browser


def key_order(value):
    """Every object's keys in order, recursively (JSON equality ignores order)."""
    if isinstance(value, dict):
        return [(key, key_order(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [key_order(item) for item in value]
    return None


# --- building a plan from scratch --------------------------------------------------------


def test_plan_typed_from_scratch_downloads_as_docx(page, live_server):
    open_form(page, live_server)
    page.get_by_label("Cơ quan cấp trên trực tiếp").press_sequentially("UBND huyện Tân Phú")
    page.get_by_label("Tên cơ quan ban hành").press_sequentially("Ủy ban nhân dân xã Tân Lập")
    page.get_by_label("Tên viết tắt của cơ quan").press_sequentially("UBND")
    page.get_by_label("Địa danh").press_sequentially("Tân Lập")
    year = page.get_by_role("textbox", name="Năm", exact=True)
    year.press("Control+a")
    year.press_sequentially("2025")
    page.get_by_role("textbox", name="Tháng", exact=True).press_sequentially("3")
    page.get_by_label("Trích yếu nội dung").press_sequentially("Tổ chức Ngày hội đọc sách năm 2025 trên địa bàn xã")

    # New items take the focus: the clerk just keeps typing.
    page.get_by_role("button", name="Thêm căn cứ").click()
    page.keyboard.type("Căn cứ Luật Thư viện ngày 21 tháng 11 năm 2019")

    editor = page.locator(".pm-body")
    editor.click()
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("Mục đích, yêu cầu của Ngày hội")
    page.keyboard.press("Enter")
    page.keyboard.type("Thời gian: ")
    page.keyboard.press("Control+b")
    page.keyboard.type("tháng 4 năm 2025")
    page.keyboard.press("Control+b")
    page.keyboard.type(", khơi dậy niềm đam mê đọc sách trong Nhân dân.")
    page.keyboard.press("Enter")
    page.keyboard.type("- Trưng bày sách, báo tại nhà văn hóa các thôn;")
    page.keyboard.press("Enter")
    page.keyboard.type("Thi kể chuyện theo sách cho thiếu nhi.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an empty bullet ends the list
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.get_by_label("Phần của kế hoạch").select_option("assignments")
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")  # a heading beside "Tổ chức thực hiện"
    page.keyboard.press("Tab")  # one level down: an agency of it
    page.keyboard.type("Công chức Văn hóa - Xã hội xã")
    page.get_by_label("Chủ trì", exact=True).check()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("Chủ trì tổ chức Ngày hội, báo cáo kết quả về Ủy ban nhân dân xã.")

    page.get_by_role("button", name="Thêm nơi nhận").click()
    page.keyboard.type("Như trên")
    page.keyboard.press("Tab")
    page.keyboard.type("t/h")
    page.get_by_label("Thẩm quyền ký").select_option("TM")
    page.get_by_label("Tập thể lãnh đạo (dòng TM.)").press_sequentially("Ủy ban nhân dân")
    page.get_by_label("Chức vụ người ký").press_sequentially("Chủ tịch")
    page.get_by_label("Họ và tên người ký").press_sequentially("Nguyễn Văn An")

    plan = download_json(page)
    assert [block["type"] for block in plan["body"]] == ["section", "assignments"]
    assert plan["body"][0]["content"][0]["text"] == (
        "Thời gian: **tháng 4 năm 2025**, khơi dậy niềm đam mê đọc sách trong Nhân dân."
    )
    assert plan["signatory"] == {"collective": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "Nguyễn Văn An"}

    document = download(page, "Tải bản Word (DOCX)")
    # The summary's last words are tied with no-break spaces (no one-word last line).
    text = "\n".join(docx_paragraphs(document)).replace("\xa0", " ")
    for typed in (
        "UBND HUYỆN TÂN PHÚ",
        "XÃ TÂN LẬP",
        "Tổ chức Ngày hội đọc sách năm 2025 trên địa bàn xã",
        "Căn cứ Luật Thư viện ngày 21 tháng 11 năm 2019",
        "MỤC ĐÍCH, YÊU CẦU CỦA NGÀY HỘI",
        "Thời gian: tháng 4 năm 2025, khơi dậy niềm đam mê đọc sách trong Nhân dân.",
        "Trưng bày sách, báo tại nhà văn hóa các thôn;",
        "Thi kể chuyện theo sách cho thiếu nhi.",
        "Công chức Văn hóa - Xã hội xã (cơ quan chủ trì)",
        "Chủ trì tổ chức Ngày hội, báo cáo kết quả về Ủy ban nhân dân xã.",
        "Như trên",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Văn An",
    ):
        assert typed in text, f"{typed!r} is missing from the DOCX"
    assert text.index("MỤC ĐÍCH, YÊU CẦU") < text.index("Công chức Văn hóa")
    assert ("tháng 4 năm 2025", True) in docx_runs(document)


# --- round trip: upload, download ----------------------------------------------------------

ODD_PLAN = {
    "signatory": {"name": "Lê Văn B", "title": "Chủ tịch", "x_seal": {"color": "red"}},
    "schema_version": 1,
    "x_workflow": {"reviewers": ["A", "B"], "round": 2, "ratio": 0.25},
    "issuer": {"abbreviation": "UBND", "name": "Ủy ban nhân dân xã C", "parent": None},
    "number": "12a",
    "place": "C",
    "date": {"year": 2025, "month": None},
    "summary": "Kế hoạch có trường lạ, giá trị sai và khối không rõ loại",
    "lead_in": None,
    "body": [
        {"type": "mystery", "text": "không rõ loại", "x": [1, {"y": None}]},
        {"content": [{"text": "Đoạn văn", "type": "paragraph", "x_comment": "giữ nguyên"}], "type": "section",
         "heading": "Mục có khóa lạ", "run_in": False, "x_hidden": True},
        "not a block",
        {"type": "targets", "specific": {"items": [{"text": "Giảm hộ nghèo", "value": 0.07, "unit": "%"}],
                                          "style": "bullets"}, "general": None},
    ],
    "appendices": [{"title": "Bảng", "table": {"columns": [{"key": "a", "header": "A"},
                                                          {"key": "r", "header": "R", "kind": "rate", "of": ["a", "b"]}],
                                               "rows": [{"label": "X", "values": {"a": "3,5", "zz": 1}}],
                                               "total": {"values": {"a": 99}}}}],
    "recipients": [],
}


@pytest.mark.parametrize("source", [*EXAMPLES, "odd"], ids=lambda source: getattr(source, "stem", source))
def test_uploaded_plan_downloads_unchanged(page, live_server, source, tmp_path):
    if source == "odd":
        source = tmp_path / "la.json"
        source.write_text(json.dumps(ODD_PLAN, ensure_ascii=False, indent=1), encoding="utf-8")
    original = json.loads(source.read_text(encoding="utf-8"))
    open_form(page, live_server)
    upload(page, source)
    summary = field(page, "summary")
    assert summary.input_value() == original["summary"]

    # Touch the form without changing the plan: type and undo, collapse everything.
    summary.press("End")
    summary.press_sequentially(" x")
    summary.press("Backspace")
    summary.press("Backspace")

    downloaded = download_json(page)
    assert downloaded == original
    assert key_order(downloaded) == key_order(original)


# --- validation errors --------------------------------------------------------------------


def test_server_errors_appear_next_to_their_fields(page, live_server, artifacts):
    open_form(page, live_server)
    open_example(page, "minimal")
    name = page.get_by_label("Họ và tên người ký")
    name.press("Control+a")
    name.press("Delete")
    year = page.get_by_role("textbox", name="Năm", exact=True)
    year.press("Control+a")
    year.press_sequentially("20x5")

    page.get_by_role("button", name="Tải bản Word (DOCX)").click()
    summary = page.locator("#error-summary")
    summary.wait_for(state="visible")
    expect(summary).to_contain_text("2 lỗi")

    def message_next_to(locator) -> str:
        assert locator.get_attribute("aria-invalid") == "true"
        described = locator.get_attribute("aria-describedby").split()
        return locator.evaluate(
            "(el, ids) => { const box = el.closest('.field'); const error = box.querySelector('.field-error');"
            " return ids.includes(error.id) ? error.textContent : 'not described'; }",
            described,
        )

    assert "Không được để trống." in message_next_to(name)
    assert "Dữ liệu phải là số nguyên." in message_next_to(year)
    dismiss_notice(page)
    page.screenshot(path=str(artifacts / "form-validation-errors.png"))

    # Nothing typed is lost, and the summary takes the clerk to the field.
    assert year.input_value() == "20x5"
    assert field(page, "summary").input_value() == "Ra quân tổng vệ sinh môi trường trên địa bàn xã năm 2025"
    summary.get_by_role("link", name="Họ và tên người ký").click()
    assert page.evaluate("document.activeElement.id") == "f-signatory-name"
    page.keyboard.type("Nguyễn Văn Hùng")
    assert name.get_attribute("aria-invalid") is None
    expect(summary).to_contain_text("1 lỗi")


# --- autosave -------------------------------------------------------------------------------


def test_draft_survives_reload_and_closed_tab(context, page, live_server):
    open_form(page, live_server)
    page.get_by_label("Tên cơ quan ban hành").press_sequentially("Ủy ban nhân dân xã Hòa Bình")
    page.get_by_label("Trích yếu nội dung").press_sequentially("Phòng, chống thiên tai năm 2025")
    page.get_by_role("button", name="Thêm căn cứ").click()
    page.keyboard.type("Căn cứ Luật Phòng, chống thiên tai")
    page.reload()  # at once: the pending autosave is flushed when the page goes away
    page.wait_for_selector("body[data-ready=true]")
    assert page.get_by_label("Tên cơ quan ban hành").input_value() == "Ủy ban nhân dân xã Hòa Bình"
    assert field(page, "legal_bases.0").input_value() == "Căn cứ Luật Phòng, chống thiên tai"
    assert "Đã mở bản nháp" in page.locator("#save-status").inner_text()

    page.get_by_label("Trích yếu nội dung").press_sequentially(" trên địa bàn xã")
    page.wait_for_selector("#save-status:has-text('Đã tự động lưu')")
    page.close()
    again = context.new_page()
    open_form(again, live_server)
    assert again.get_by_label("Trích yếu nội dung").input_value() == "Phòng, chống thiên tai năm 2025 trên địa bàn xã"

    new_document(again)  # a new draft: the old one stays in the list
    expect(again.get_by_label("Tên cơ quan ban hành")).to_have_value("")
    expect(again.get_by_label("Tên cơ quan ban hành")).to_be_focused()
    again.reload()
    again.wait_for_selector("body[data-ready=true]")
    expect(again.get_by_label("Trích yếu nội dung")).to_have_value("")
    expect(again.get_by_label("Tên cơ quan ban hành")).to_have_value("")


# --- appendix table ---------------------------------------------------------------------------


def expected_cells(plan: dict) -> dict[str, str]:
    """Every computed cell of the first appendix, as the document prints it."""
    table = load_plan(plan)["appendices"][0]["table"]
    rows, total = computed_table(table)
    cells = {}
    for column in table["columns"]:
        decimals = column["decimals"] if column["kind"] == "rate" else None
        for index, row in enumerate(rows):
            if column["kind"] != "input":
                cells[f"appendices.0.table.rows.{index}.values.{column['key']}"] = figure(row[column["key"]], decimals)
        cells[f"appendices.0.table.total.values.{column['key']}"] = figure(total[column["key"]], decimals)
    return cells


def shown_cells(page) -> dict[str, str]:
    return page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('output[data-path^=\"appendices.0.table\"]')]"
        ".map((el) => [el.dataset.path, el.textContent]))"
    )


def test_table_rates_and_totals_follow_the_server_rules(page, live_server, artifacts):
    plan = json.loads((ROOT / "examples" / "dai-lanh-2024.json").read_text(encoding="utf-8"))
    open_form(page, live_server)
    open_example(page, "dai-lanh-2024")
    assert shown_cells(page) == expected_cells(plan)

    cell = field(page, "appendices.0.table.rows.1.values.poor_start")
    cell.scroll_into_view_if_needed()
    cell.press("Control+a")
    cell.press_sequentially("17")
    cell.press("Enter")  # moves down to the same column
    assert page.evaluate("document.activeElement.dataset.path") == "appendices.0.table.rows.2.values.poor_start"
    households = field(page, "appendices.0.table.rows.0.values.households")
    households.press("Control+a")
    households.press_sequentially("1.360")  # Vietnamese thousands separator

    changed = copy.deepcopy(plan)
    changed["appendices"][0]["table"]["rows"][1]["values"]["poor_start"] = 17
    changed["appendices"][0]["table"]["rows"][0]["values"]["households"] = 1360
    assert shown_cells(page) == expected_cells(changed)
    assert shown_cells(page)["appendices.0.table.total.values.households"] == "4.022"
    assert shown_cells(page)["appendices.0.table.rows.1.values.poor_start_rate"] == "3,99"
    assert download_json(page) == changed
    page.locator("#sec-appendices .grid-scroll").scroll_into_view_if_needed()
    dismiss_notice(page)
    page.screenshot(path=str(artifacts / "form-appendix-table.png"))


# --- accessibility ------------------------------------------------------------------------------

UNNAMED_CONTROLS = """() => {
  const problems = [];
  for (const el of document.querySelectorAll('input, select, textarea')) {
    const named = (el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!named) problems.push(el.outerHTML.slice(0, 160));
  }
  for (const el of document.querySelectorAll('button')) {
    if (!(el.getAttribute('aria-label') || el.textContent.trim())) problems.push(el.outerHTML.slice(0, 160));
  }
  for (const el of document.querySelectorAll('[tabindex]')) {
    if (Number(el.getAttribute('tabindex')) > 0) problems.push('positive tabindex: ' + el.outerHTML.slice(0, 160));
  }
  for (const el of document.querySelectorAll('[onclick], [role=button]:not(button)')) problems.push('fake button: ' + el.outerHTML.slice(0, 160));
  return problems;
}"""


@pytest.mark.parametrize("name", ["dai-lanh-2024", "tu-mo-rong-2022"])
def test_every_control_is_labelled_and_a_real_control(page, live_server, name):
    open_form(page, live_server)
    open_example(page, name)
    page.get_by_role("button", name=re.compile("Thêm phụ lục$")).click()
    page.locator("#sec-appendices details.columns-editor").first.evaluate("(el) => { el.open = true; }")
    assert page.evaluate(UNNAMED_CONTROLS) == []
    # Keyboard only: the first Tab stop skips the toolbar, the next one is the first field.
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bỏ qua thanh công cụ, tới biểu mẫu"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Lên thanh thao tác (lưu, tải bản Word)"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-issuer-parent"


def random_tables(count: int, seed: int = 30) -> list[dict]:
    """Tables with every kind of column and awkward figures (ties, zeros, decimals)."""
    rng = random.Random(seed)
    tables = []
    for _ in range(count):
        columns = [{"key": "a", "kind": "input"}, {"key": "b", "kind": "input"}]
        for index in range(rng.randint(1, 5)):
            kind = rng.choice(["rate", "difference", "sum", "input"])
            earlier = [column["key"] for column in columns]
            column = {"key": f"k{index}", "kind": kind, "decimals": rng.randint(0, 4)}
            if kind in ("rate", "difference"):
                column["of"] = rng.sample(earlier, 2)
            elif kind == "sum":
                column["of"] = rng.sample(earlier, rng.randint(2, len(earlier)))
            else:
                column["of"] = []
            columns.append(column)
        inputs = [column["key"] for column in columns if column["kind"] == "input"]

        def value():
            return rng.choice([0, 1, 3, 7, 125, 3022, 0.5, 0.125, 2.675, 1e-05, 12345.6789, None])

        rows = [{"values": {key: value() for key in inputs if rng.random() > 0.1}} for _ in range(rng.randint(0, 5))]
        tables.append({"columns": columns, "rows": rows, "show_total": True})
    return tables


def test_table_math_matches_the_server_digit_for_digit(page, live_server):
    open_form(page, live_server)
    tables = random_tables(300)
    expected = []
    for table in tables:
        rows, total = computed_table(table)
        def shown(values):
            return {
                column["key"]: figure(values[column["key"]], column["decimals"] if column["kind"] == "rate" else None)
                for column in table["columns"]
            }
        expected.append({"rows": [shown(row) for row in rows], "total": shown(total)})
    computed = page.evaluate(
        """async (tables) => {
          const math = await import('/static/form/form.js');
          const { formatNumber } = math;
          return tables.map((table) => {
            const { rows, total } = math.computedTable(table);
            const shown = (values) => Object.fromEntries(table.columns.map((column) => [column.key,
              formatNumber(values[column.key], column.kind === 'rate' ? column.decimals : undefined)]));
            return { rows: rows.map(shown), total: shown(total) };
          });
        }""",
        tables,
    )
    for table, mine, theirs in zip(tables, computed, expected):
        assert mine == theirs, table


# --- screenshots and PDF ------------------------------------------------------------------------


def test_screenshot_of_a_seed_example(page, live_server, artifacts):
    open_form(page, live_server)
    open_example(page, "tam-duong-2021")
    dismiss_notice(page)
    page.screenshot(path=str(artifacts / "form-seed-example.png"))
    page.evaluate("document.getElementById('sec-body').scrollIntoView()")
    page.screenshot(path=str(artifacts / "form-seed-example-body.png"))
    assert page.locator(".pm-body > *").count() > 10


def test_pdf_unavailable_is_explained(page, live_server, console):
    console.expected_statuses.add(503)  # conversion is switched off on this server
    open_form(page, live_server)
    open_example(page, "minimal")
    expect(page.locator("#preview")).to_be_hidden()
    page.get_by_role("button", name="Xem trước PDF").click()
    expect(page.locator("#preview")).to_be_visible()
    message = page.locator("#preview-message.preview-error")
    message.wait_for()
    assert messages.PDF_DISABLED in message.inner_text()
    assert "DOCX" in message.inner_text()
    page.get_by_role("button", name="Tải PDF").click()
    expect(page.locator("#notice")).to_contain_text(messages.PDF_DISABLED)


@pytest.mark.libreoffice
def test_pdf_preview(page, pdf_server, artifacts):
    open_form(page, pdf_server)
    open_example(page, "tam-duong-2021")
    with page.expect_response("**/render?format=pdf", timeout=90000) as response:
        page.get_by_role("button", name="Xem trước PDF").click()
    assert response.value.status == 200
    assert response.value.headers["content-type"] == "application/pdf"
    assert int(response.value.headers["content-length"]) > 10000
    frame = page.locator("#preview-frame iframe")
    frame.wait_for()
    assert frame.get_attribute("src").startswith("blob:")
    expect(page.locator("#preview-message")).to_contain_text("Bản xem trước lúc")
    dismiss_notice(page)
    page.wait_for_timeout(2500)  # let Chromium's PDF viewer draw the first page
    page.screenshot(path=str(artifacts / "pdf-preview.png"))
