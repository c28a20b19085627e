"""The family of documents in the form (issue #20, point 5): a new document
of each kind with its own fields, a Word file of a kind other than a plan
opened as that kind, a plan's companions as linked drafts, and the plans
saved before kinds existed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from generators import render_docx
from schemas import load_plan

from .form_page import (
    body_editor, body_paragraphs, download, download_json, fill_core, new_document, open_example, open_form,
    styled_paragraphs,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def type_in_text(page, text: str, at: int = -1) -> None:
    """Type at the end of the body's paragraph number `at`."""
    paragraph = body_editor(page).locator(":scope > *").nth(at)
    paragraph.click()
    page.keyboard.press("End")
    page.keyboard.type(text)


def texts(data: bytes) -> list[str]:
    return [text for _, text in styled_paragraphs(data)]


def word_of_saved(page) -> dict:
    """The document as the form saves it (the same JSON /render receives)."""
    return download_json(page)


def test_new_document_asks_the_kind_plan_first(page, live_server):
    open_form(page, live_server)
    page.get_by_role("button", name="Văn bản mới…").click()
    dialog = page.locator("#new-dialog")
    expect(dialog).to_be_visible()
    names = dialog.locator(".kind-choice-name").all_inner_texts()
    assert names == ["Kế hoạch", "Quyết định", "Tờ trình", "Báo cáo", "Thông báo", "Giấy mời", "Công văn"]
    expect(dialog.locator(".kind-choice").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#notice")).to_contain_text("Đã bắt đầu kế hoạch mới")
    expect(page.get_by_label("Loại văn bản")).to_have_value("Kế hoạch")
    assert word_of_saved(page).get("kind") is None  # a plan is sent as plans always were


def test_decision_articles_and_clauses(page, live_server):
    open_form(page, live_server)
    new_document(page, "Quyết định")
    expect(page.locator(".kind-name")).to_have_text("Quyết định")
    expect(page.locator("#sec-body-title")).to_have_text("Các điều")
    assert body_paragraphs(page)[0][0] == "Điều 1."
    fill_core(page, "Về việc phê duyệt danh sách hộ nghèo năm 2025")
    page.get_by_label("Thẩm quyền ban hành").fill("Chủ tịch Ủy ban nhân dân huyện Tam Đường")
    page.get_by_role("button", name="Thêm căn cứ").click()
    page.locator("#f-legal_bases-0").fill("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015")
    type_in_text(page, "Phê duyệt danh sách hộ nghèo như sau:")
    page.keyboard.press("Enter")
    page.keyboard.type("1. Hộ nghèo: 120 hộ.")  # a typed "1. " makes a clause
    page.keyboard.press("Enter")  # the next clause, as Enter on a numbered item in Word
    page.keyboard.press("Shift+Tab")  # one level up: the next article, without a title
    page.keyboard.press("Enter")
    page.keyboard.type("Quyết định này có hiệu lực kể từ ngày ký.")
    assert [label for label, _ in body_paragraphs(page)] == ["Điều 1.", "", "1.", "Điều 2.", ""]
    saved = word_of_saved(page)
    assert saved["kind"] == "quyet_dinh"
    assert saved["body"][0] == {"type": "article", "content": [
        {"type": "paragraph", "text": "Phê duyệt danh sách hộ nghèo như sau:"},
        {"type": "clauses", "items": [{"text": "Hộ nghèo: 120 hộ.", "content": []}]}]}
    assert saved["body"][1] == {"type": "article", "content": [
        {"type": "paragraph", "text": "Quyết định này có hiệu lực kể từ ngày ký."}]}

    data = download(page, "Tải bản Word (DOCX)")
    paragraphs = styled_paragraphs(data)
    assert ("ND30 Điều", "Phê duyệt danh sách hộ nghèo như sau:") in paragraphs
    assert ("ND30 Khoản", "1.\tHộ nghèo: 120 hộ.") in paragraphs or any(
        style == "ND30 Khoản" and "Hộ nghèo: 120 hộ." in text for style, text in paragraphs)
    assert "QUYẾT ĐỊNH:" in texts(data)
    assert "QUYẾT ĐỊNH" in texts(data)  # the type line
    assert "KẾ HOẠCH" not in texts(data)


def test_letter_has_no_type_line_and_its_summary_after_vv(page, live_server):
    open_form(page, live_server)
    new_document(page, "Công văn")
    expect(page.locator(".kind-name")).to_contain_text("không in dòng tên loại")
    expect(page.locator(".appbar-title h1")).to_have_text("Soạn Công văn")  # the page names what is edited
    expect(page).to_have_title("Soạn Công văn theo Nghị định 30/2020/NĐ-CP")
    fill_core(page, "đôn đốc báo cáo kết quả giảm nghèo 6 tháng đầu năm 2025")
    expect(page.locator("#f-summary-hint")).to_contain_text("V/v")
    page.locator("#f-addressees-0").fill("Ủy ban nhân dân các xã, thị trấn")
    page.get_by_label("Đơn vị soạn thảo").fill("LĐTBXH")
    type_in_text(page, "Đề nghị các xã gửi báo cáo trước ngày 10 tháng 6 năm 2025.")
    data = download(page, "Tải bản Word (DOCX)")
    paragraphs = styled_paragraphs(data)
    summary = [text for style, text in paragraphs if style == "ND30 Trích yếu công văn"]
    assert summary and summary[0].startswith("V/v") and "đôn đốc báo cáo" in summary[0]
    assert any("UBND-LĐTBXH" in text for text in texts(data))
    assert not any(text.strip() in ("KẾ HOẠCH", "CÔNG VĂN") for text in texts(data))
    assert any("Kính gửi" in text and "Ủy ban nhân dân các xã" in text for text in texts(data)) or \
        "Ủy ban nhân dân các xã, thị trấn" in " ".join(texts(data))


@pytest.mark.parametrize(("label", "type_line", "addressed"), [
    ("Tờ trình", "TỜ TRÌNH", True),
    ("Báo cáo", "BÁO CÁO", False),
    ("Thông báo", "THÔNG BÁO", False),
])
def test_text_kinds_print_their_type_line(page, live_server, label, type_line, addressed):
    open_form(page, live_server)
    new_document(page, label)
    fill_core(page, "Kết quả thực hiện công tác giảm nghèo năm 2025")
    if addressed:
        page.locator("#f-addressees-0").fill("Ủy ban nhân dân huyện Tam Đường")
    type_in_text(page, "Nội dung chính của văn bản.")
    data = download(page, "Tải bản Word (DOCX)")
    assert type_line in texts(data)
    assert "KẾ HOẠCH" not in texts(data)
    assert "Nội dung chính của văn bản./." in texts(data)  # the last paragraph ends the text
    if addressed:
        assert "Ủy ban nhân dân huyện Tam Đường" in " ".join(texts(data))


def test_invitation_time_place_and_invitees(page, live_server):
    open_form(page, live_server)
    new_document(page, "Giấy mời")
    expect(page.locator("#sec-body-title")).to_have_text("Lưu ý")
    expect(page.locator("#sec-bases")).to_have_count(0)  # an invitation has no legal bases
    expect(page.locator("#outline a[href='#sec-bases']")).to_be_hidden()
    expect(page.locator("#outline a[href='#sec-kind']")).to_be_visible()
    fill_core(page, "Dự Hội nghị triển khai Kế hoạch giảm nghèo năm 2025")
    page.locator("#f-invitees-0").fill("Chủ tịch Ủy ban nhân dân các xã, thị trấn")
    page.get_by_label("Tới dự").fill("Hội nghị triển khai Kế hoạch giảm nghèo năm 2025")
    for key, value in {"day": "21", "month": "2", "year": "2025", "hour": "8", "minute": "30"}.items():
        page.locator(f"#f-time-{key}").fill(value)
    page.get_by_label("Địa điểm").fill("Hội trường Ủy ban nhân dân huyện")
    page.get_by_label("Mang theo").fill("Số liệu giảm nghèo của địa phương")
    data = download(page, "Tải bản Word (DOCX)")
    joined = "\n".join(texts(data))
    assert "GIẤY MỜI" in texts(data)
    assert "Hội trường Ủy ban nhân dân huyện" in joined
    assert "8 giờ 30" in joined and "21" in joined
    assert "Số liệu giảm nghèo của địa phương" in joined


def test_invalid_kind_field_is_shown_at_its_field(page, live_server):
    open_form(page, live_server)
    new_document(page, "Giấy mời")
    fill_core(page, "Dự họp")
    page.locator("#f-invitees-0").fill("Các xã, thị trấn")
    page.get_by_label("Tới dự").fill("Cuộc họp giao ban")
    page.get_by_label("Địa điểm").fill("Phòng họp số 2")
    for key, value in {"day": "21", "month": "2", "year": "2025", "hour": "25"}.items():
        page.locator(f"#f-time-{key}").fill(value)
    page.get_by_role("button", name="Tải bản Word (DOCX)").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#f-time-hour")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#error-summary-title")).to_have_text("Giấy mời còn 1 lỗi cần sửa trước khi tạo văn bản")


def test_decision_preview_pdf(page, pdf_server):
    open_form(page, pdf_server)
    open_example(page, "phe-duyet-ho-ngheo-tam-duong-2024", kind="quyet_dinh")
    expect(page.locator(".kind-name")).to_have_text("Quyết định")
    data = download(page, "Tải PDF")
    assert data.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    assert "QUYẾT ĐỊNH:" in text and "Điều 1." in text and "Điều 3." in text


def test_word_letter_opens_as_a_letter(page, live_server, tmp_path):
    letter = json.loads((ROOT / "examples/cong_van/don-doc-bao-cao-giam-ngheo-2025.json").read_text(encoding="utf-8"))
    word = tmp_path / "cong-van.docx"
    word.write_bytes(render_docx(load_plan(letter)))
    open_form(page, live_server)
    page.set_input_files("#word-input", str(word))
    expect(page.locator("#notice")).to_contain_text("(công văn) thành bản nháp mới")
    expect(page.locator(".kind-name")).to_contain_text("Công văn")
    expect(page.locator("#f-addressees-0")).to_have_value(letter["addressees"][0])
    assert page.get_by_label("Trích yếu nội dung").input_value() == letter["summary"]
    saved = word_of_saved(page)
    assert saved["kind"] == "cong_van"
    assert saved["addressees"] == letter["addressees"]


def test_companions_open_as_linked_drafts_and_switching_keeps_edits(page, live_server):
    open_form(page, live_server)
    open_example(page, "tam-duong-2021")
    page.get_by_role("textbox", name="Chức vụ người ký", exact=True).fill("Phó Chủ tịch (sửa trong kế hoạch)")
    page.get_by_role("button", name="Soạn văn bản kèm theo…").click()
    dialog = page.locator("#companion-dialog")
    expect(dialog.locator("label")).to_contain_text(["Tờ trình đề nghị ban hành kế hoạch"])
    page.get_by_label("Tờ trình đề nghị ban hành kế hoạch").check()
    page.get_by_role("button", name="Soạn", exact=True).click()
    expect(dialog.locator("#companion-message")).to_contain_text("cơ quan trình")  # a Tờ trình needs who proposes
    page.get_by_label("Cơ quan trình", exact=True).fill("Phòng Lao động - Thương binh và Xã hội")
    page.get_by_label("Viết tắt (cơ quan trình)").fill("LĐTBXH")
    page.get_by_label("Người ký tờ trình: chức vụ").fill("Trưởng phòng")
    page.get_by_label("Người ký tờ trình: họ và tên").fill("Lò Văn Minh")
    page.get_by_role("button", name="Soạn", exact=True).click()
    expect(page.locator("#notice")).to_contain_text("gắn với kế hoạch")
    expect(page.locator(".kind-name")).to_have_text("Tờ trình")
    page.locator("#f-addressees-0").fill("Ủy ban nhân dân huyện Tam Đường (sửa trong tờ trình)")

    page.get_by_role("button", name="Các bản nháp…").click()
    drafts = page.locator("#drafts-list .draft")
    linked = page.locator("#drafts-list .draft-linked")
    expect(linked).to_have_count(1)
    expect(linked).to_contain_text("Tờ trình kèm theo")
    plan_row = drafts.filter(has_text="Kế hoạch: Thực hiện Chương trình mục tiêu quốc gia Giảm nghèo")
    expect(plan_row).to_have_count(1)
    # the linked draft comes right after its plan
    order = drafts.evaluate_all("(rows) => rows.map((row) => row.classList.contains('draft-linked'))")
    assert order[order.index(True) - 1] is False
    plan_row.get_by_role("button", name="Mở").click()
    expect(page.get_by_label("Loại văn bản")).to_have_value("Kế hoạch")
    expect(page.get_by_role("textbox", name="Chức vụ người ký", exact=True)).to_have_value("Phó Chủ tịch (sửa trong kế hoạch)")

    page.get_by_role("button", name="Các bản nháp…").click()
    linked.get_by_role("button", name="Mở").click()
    expect(page.locator(".kind-name")).to_have_text("Tờ trình")
    expect(page.locator("#f-addressees-0")).to_have_value("Ủy ban nhân dân huyện Tam Đường (sửa trong tờ trình)")

    page.get_by_role("button", name="Các bản nháp…").click()
    plan_row.get_by_role("button", name="Mở").click()
    page.get_by_role("button", name="Soạn văn bản kèm theo…").click()
    page.get_by_label("Quyết định ban hành kế hoạch (kế hoạch kèm theo)").check()
    page.get_by_role("button", name="Soạn", exact=True).click()
    expect(page.locator(".kind-name")).to_have_text("Quyết định")
    expect(page.locator("#sec-kind")).to_contain_text("Văn bản ban hành kèm theo")
    assert body_paragraphs(page)[0][0] == "Điều 1."
    data = download(page, "Tải bản Word (DOCX)")
    assert any("Ban hành kèm theo Quyết định" in text for text in texts(data))
    page.get_by_role("button", name="Các bản nháp…").click()
    expect(linked).to_have_count(2)


def test_old_plan_draft_without_kind_opens_as_a_plan(page, live_server):
    """A draft saved by an earlier version (no kind, no parent) opens as a plan."""
    plan = json.loads((ROOT / "examples/minimal.json").read_text(encoding="utf-8"))
    open_form(page, live_server)
    page.evaluate("""(plan) => new Promise((resolve, reject) => {
      const request = indexedDB.open("ke-hoach-nd30", 1);
      request.onsuccess = () => {
        const tx = request.result.transaction("drafts", "readwrite");
        tx.objectStore("drafts").put({ id: "old-draft", name: plan.summary, updatedAt: "2099-01-01T00:00:00.000Z", plan, deleted: [] });
        tx.oncomplete = () => { request.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      request.onerror = () => reject(request.error);
    })""", plan)
    page.evaluate("localStorage.setItem('ke-hoach-nd30:drafts:last', 'old-draft'); sessionStorage.clear()")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    expect(page.get_by_label("Trích yếu nội dung")).to_have_value(plan["summary"])
    expect(page.get_by_label("Loại văn bản")).to_have_value("Kế hoạch")
    assert body_paragraphs(page)[0][0] == "I."
    page.get_by_role("button", name="Các bản nháp…").click()
    expect(page.locator("#drafts-list .draft", has_text=plan["summary"])).to_contain_text("Kế hoạch: ")
    expect(page.locator("#drafts-dialog")).to_be_visible()  # the list is filled before the dialog opens
    page.keyboard.press("Escape")
    expect(page.locator("#drafts-dialog")).to_be_hidden()
    assert download_json(page) == plan
