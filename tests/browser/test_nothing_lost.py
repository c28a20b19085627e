"""A clerk's day: deletions come back long after and after a reload, next
year's plan carries no old year, find and replace, the editor's toolbar in a
long body, the phone menu, no stale panels or errors on a new plan."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from .conftest import ROOT
from .form_page import (
    body_editor,
    body_paragraphs,
    download_json,
    field,
    new_document,
    open_example,
    open_form,
    open_rendered_word,
)

pytestmark = pytest.mark.browser


def texts(value, key=None):
    """Every text a clerk reads in a plan (column keys are identifiers, not text)."""
    if isinstance(value, str):
        return [] if key in ("key", "of") else [value]
    items = value.items() if isinstance(value, dict) else ((key, item) for item in value) if isinstance(value, list) else ()
    return [text for name, item in items for text in texts(item, name)]


def reload(page) -> None:
    page.reload()
    page.wait_for_selector("body[data-ready=true]")


def test_deletions_come_back_after_a_minute_and_after_a_reload(page, live_server):
    page.clock.install()
    open_form(page, live_server)
    open_example(page, "dai-lanh-2024")
    recipients = download_json(page)["recipients"]
    page.get_by_role("button", name="Xóa nơi nhận 1").click()
    page.get_by_role("button", name="Xóa phụ lục 1").click()
    page.clock.fast_forward("01:05")  # long after the message with "Hoàn tác" is gone
    expect(page.locator("#notice")).to_be_hidden()
    page.locator("#sec-recipients h2").click()  # outside any text field
    page.keyboard.press("Control+z")
    expect(field(page, "appendices.0")).to_have_count(1)
    page.keyboard.press("Control+z")
    expect(field(page, "recipients.0.name")).to_have_value(recipients[0]["name"])

    # A section of the body, then a reload: the history is kept with the draft.
    page.get_by_role("button", name="Xóa nơi nhận 2").click()
    heading = page.locator(".pm-body > .pm-h", has_text="Tổ chức thực hiện")
    heading.click()
    page.keyboard.press("Home")
    page.keyboard.press("Shift+Control+End")
    page.keyboard.press("Delete")
    page.keyboard.press("Backspace")  # the emptied heading too: the part is gone
    expect(page.locator(".pm-body > .pm-h").last).not_to_contain_text("Tổ chức")
    page.clock.fast_forward("00:02")  # the draft's autosave
    page.wait_for_selector("#save-status:has-text('Đã tự động lưu')")
    reload(page)
    page.get_by_role("button", name=re.compile("^Đã xóa \\(2\\)")).click()
    history = page.locator("#history-list")
    expect(history).to_contain_text("Tổ chức thực hiện")
    history.get_by_role("button", name=re.compile("Khôi phục: Đã xóa mục")).click()
    page.keyboard.press("Escape")
    expect(page.locator(".pm-body > .pm-h", has_text="Tổ chức thực hiện")).to_have_count(1)
    page.locator("#sec-recipients h2").click()
    page.keyboard.press("Control+z")
    assert download_json(page)["recipients"] == recipients


def test_deleted_draft_comes_back_from_the_bin(page, live_server):
    open_form(page, live_server)
    open_example(page, "minimal")
    open_example(page, "tam-duong-2021")
    page.get_by_role("button", name="Các bản nháp…").click()
    minimal = json.loads((ROOT / "examples" / "minimal.json").read_text(encoding="utf-8"))["summary"]
    page.get_by_role("button", name=f"Xóa bản nháp {minimal}").click()
    expect(page.locator("#drafts-bin")).to_contain_text(minimal)
    page.keyboard.press("Escape")
    reload(page)
    page.get_by_role("button", name="Các bản nháp…").click()
    page.get_by_role("button", name=f"Khôi phục bản nháp {minimal}").click()
    expect(page.locator("#drafts-list .draft-name", has_text=minimal)).to_have_count(1)


def test_two_drafts_of_the_same_name_are_told_apart(page, live_server):
    open_form(page, live_server)
    open_example(page, "minimal")
    open_example(page, "minimal")
    page.get_by_role("button", name="Các bản nháp…").click()
    summary = json.loads((ROOT / "examples" / "minimal.json").read_text(encoding="utf-8"))["summary"]
    for copy in ("(bản 1)", "(bản 2)"):
        expect(page.locator("#drafts-list .draft-name", has_text=f"{summary} {copy}")).to_have_count(1)


def test_next_years_plan_from_an_imported_plan_leaves_no_old_year(page, live_server, tmp_path):
    open_rendered_word(page, live_server, "dai-lanh-2024", tmp_path)
    page.get_by_role("button", name="Kế hoạch năm sau").click()
    review = page.locator("#year-review")
    expect(review).to_contain_text("Kế hoạch năm 2025")
    expect(review).to_contain_text("Số liệu nên cập nhật")
    expect(page.locator("#import-report")).to_be_hidden()
    changed = review.locator("li a")
    assert changed.count() > 3
    next_year = download_json(page)
    assert [text for text in texts(next_year) if "2024" in text] == []
    assert next_year["date"] == {"year": 2025} and "number" not in next_year
    changed.first.click()  # a link of the review goes to the field
    assert page.evaluate("document.activeElement.dataset.path || document.activeElement.className")


def test_find_and_replace_one_by_one_or_all(page, live_server):
    open_form(page, live_server)
    open_example(page, "tam-duong-2021")
    page.get_by_role("button", name="Tìm và thay…").click()
    page.get_by_label("Tìm", exact=True).fill("Tam Đường")
    page.get_by_label("Thay bằng").fill("Tân Uyên")
    page.get_by_role("button", name="Tìm", exact=True).click()
    matches = page.locator("#find-list > li")
    count = matches.count()
    assert count >= 3
    expect(matches.first.locator("ins")).to_have_text("Tân Uyên")  # the preview shows what it becomes
    matches.first.get_by_role("button", name=re.compile("^Thay chỗ")).click()
    expect(matches).to_have_count(count - 1)
    page.get_by_role("button", name="Thay tất cả").click()
    expect(page.locator("#find-message")).to_contain_text(f"Đã thay {count - 1} chỗ")
    page.keyboard.press("Escape")
    plan = json.dumps(download_json(page), ensure_ascii=False)
    assert "Tam Đường" not in plan and plan.count("Tân Uyên") >= count


def test_the_editor_toolbar_stays_visible_in_a_long_body(page, live_server):
    open_form(page, live_server)
    open_example(page, "dai-lanh-2024")
    page.locator(".pm-body > *").last.click()
    page.keyboard.press("End")
    toolbar = page.locator(".body-toolbar").bounding_box()
    actions = page.locator("#toolbar").bounding_box()
    assert toolbar["y"] >= actions["y"] + actions["height"] - 1  # under the page's action bar, not hidden by it
    assert toolbar["y"] < 768 and toolbar["height"] > 30
    page.get_by_label("Kiểu đoạn").select_option("point")  # reachable without scrolling to the top
    assert body_paragraphs(page)[-1][0].endswith(")")


def test_the_phone_menu_closes_on_a_tap_outside(browser, live_server, console):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True)
    context.on("page", console.attach)
    page = context.new_page()
    open_form(page, live_server)
    page.get_by_role("button", name="Thao tác ▾").tap()
    expect(page.locator("#toolbar")).to_be_visible()
    page.locator("#sec-general h2").tap()
    expect(page.locator("#toolbar")).to_be_hidden()
    context.close()


def test_a_new_plan_starts_clean(page, live_server, tmp_path):
    plan = json.loads((ROOT / "examples" / "minimal.json").read_text(encoding="utf-8"))
    page.route("**/import", lambda route: route.fulfill(json={"plan": plan, "warnings": [], "fixes": [
        {"code": "end", "message": "Thêm “./.” vào cuối đoạn kết", "paragraph": 9, "excerpt": None, "path": "closing"}]}))
    open_form(page, live_server)
    word = tmp_path / "cu.docx"
    word.write_bytes(b"PK")
    page.set_input_files("#word-input", str(word))
    report = page.locator("#import-report")
    expect(report).to_contain_text("Đã sửa cho đúng thể thức")
    assert "null" not in report.inner_text()
    new_document(page)
    expect(report).to_be_hidden()
    body_editor(page).click()
    page.wait_for_load_state("networkidle")  # a validation on load would have answered by now
    expect(page.locator("#error-summary")).to_be_hidden()
    expect(page.locator(".field-error")).to_have_count(0)
    page.get_by_label("Đoạn kết").fill("Trên đây là **Kế hoạch**")
    expect(page.locator("#f-closing-markup")).to_be_visible()
    expect(page.locator("#sec-closing")).to_contain_text("./.")
