"""The body editor (ProseMirror): typed with the keyboard like a Word file,
pasted from Word, drafts that are never lost, limits that never cut text."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from .conftest import ROOT
from .form_page import (body_editor, body_paragraphs, current_block, download_json, field, open_example, open_form,
                        upload)

pytestmark = pytest.mark.browser

EDITOR_MODULE = "/static/form/editor/editor.js"


def flat_document(page, body) -> list[dict]:
    """The editor's own reading of a body: the paragraphs a clerk types."""
    return page.evaluate(f"async (body) => (await import('{EDITOR_MODULE}')).bodyToDoc(body).content", body)


def reach(page, node: dict) -> None:
    """Turn the empty paragraph at the caret into `node`'s kind with the
    keyboard only: Enter on an empty list item, Tab / Shift+Tab, and typed labels."""
    attrs = node.get("attrs", {})
    want = node["type"]
    for _ in range(12):
        now = current_block(page)
        if want == "heading" and now["type"] == "heading" and now["level"] == attrs["level"]:
            return
        if want != "heading" and now["type"] == want and now["attached"] == bool(attrs.get("attached")):
            return
        if now["type"] in ("point", "bullet", "subbullet") and not (want == "subbullet" and now["type"] == "bullet"):
            if want == "bullet" and now["type"] == "subbullet":
                page.keyboard.press("Shift+Tab")
            elif want == now["type"]:
                page.keyboard.press("Shift+Tab" if now["attached"] else "Tab")
            else:
                page.keyboard.press("Enter")  # an empty list item ends the list, as in Word
        elif want == "heading":
            if now["type"] == "paragraph" or now["level"] > attrs["level"]:
                page.keyboard.press("Shift+Tab")
            else:
                page.keyboard.press("Tab")
        elif now["type"] == "heading":
            page.keyboard.press("Tab")
        elif want == "paragraph":
            page.keyboard.press("Tab" if attrs.get("attached") else "Shift+Tab")
        elif want == "point":
            page.keyboard.type("a) ")
        elif want == "bullet":
            if now["attached"] != bool(attrs.get("attached")):
                page.keyboard.press("Tab" if attrs.get("attached") else "Shift+Tab")
            else:
                page.keyboard.type("- ")
        elif want == "subbullet":
            page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {node} from {current_block(page)}")


def type_inline(page, content: list[dict]) -> None:
    """Text with Ctrl+B / Ctrl+I around bold and italic runs, footnotes by the ¹ button."""
    for piece in content:
        if piece["type"] == "footnote":
            page.get_by_role("button", name="Chèn chú thích cuối trang").click()
            page.get_by_label("Nội dung chú thích").fill(piece["attrs"]["text"])
            page.get_by_role("button", name="Đồng ý").click()
            continue
        marks = [mark["type"] for mark in piece.get("marks", [])]
        toggles = (["Control+b"] if "strong" in marks else []) + (["Control+i"] if "em" in marks else [])
        for key in toggles:
            page.keyboard.press(key)
        page.keyboard.insert_text(piece["text"])
        for key in toggles:
            page.keyboard.press(key)


def set_part(page, node: dict) -> None:
    attrs = node["attrs"]
    if current_block(page)["kind"] != attrs["kind"]:
        page.get_by_label("Phần của kế hoạch").select_option(attrs["kind"])
    for flag, label in (("lead", "Chủ trì"), ("request", "Đề nghị (cơ quan ngoài)"), ("run_in", "Liền đoạn đầu")):
        box = page.get_by_label(label, exact=True)
        if attrs.get(flag) and box.is_visible() and not box.is_checked():
            box.check()
    body_editor(page).focus()


@pytest.mark.parametrize("name", ["minimal", "tam-duong-2021"])
def test_retyping_an_example_with_the_keyboard_gives_the_same_plan(page, live_server, name):
    example = json.loads((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8"))
    open_form(page, live_server)
    open_example(page, name)
    editor = body_editor(page)
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    expect(editor.locator("> *")).to_have_count(1)

    nodes = flat_document(page, example["body"])
    for index, node in enumerate(nodes):
        if index:
            page.keyboard.press("End")
            page.keyboard.press("Enter")
        reach(page, node)
        type_inline(page, node.get("content", []))
        if node["type"] == "heading":
            set_part(page, node)
    # Nothing but the keyboard made the structure: the numbers show as printed.
    labels = [label for label, _ in body_paragraphs(page)]
    assert labels[0] == "I."
    typed = download_json(page)
    (ROOT / "tests" / "artifacts").mkdir(exist_ok=True)
    (ROOT / "tests" / "artifacts" / f"retyped-{name}.json").write_text(json.dumps(typed, ensure_ascii=False, indent=1), "utf-8")
    assert typed == example


def test_numbers_and_letters_show_as_printed(page, live_server):
    open_form(page, live_server)
    editor = body_editor(page)
    editor.click()
    page.keyboard.press("Shift+Tab")
    page.keyboard.insert_text("Mục đích")
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.keyboard.insert_text("Con")
    page.keyboard.press("Enter")
    for letter in range(7):
        if letter == 0:
            page.keyboard.type("a) ")
        page.keyboard.insert_text(f"điểm {letter}")
        page.keyboard.press("Enter")
    page.keyboard.type("- ")
    page.keyboard.insert_text("gạch")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.insert_text("cộng")
    labels = [label for label, _ in body_paragraphs(page)]
    assert labels == ["I.", "1.", "a)", "b)", "c)", "d)", "đ)", "e)", "g)", "-", "+"]
    page.keyboard.press("Control+z")
    assert body_paragraphs(page)[-1][1] == ""


# --- paste from Word -----------------------------------------------------------------------

# What Word 2016 puts on the clipboard (text/html) for a numbered passage: a
# heading typed "1.", points and bullets drawn by Word's list numbering
# (mso-list with the label in an "Ignore" span), one bold run.
WORD_CLIPBOARD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!--
p.MsoListParagraph {margin-left:36.0pt; mso-add-space:auto;}
@list l0:level1 {mso-level-number-format:alpha-lower; mso-level-text:"%1\\)";}
@list l1:level1 {mso-level-number-format:bullet; mso-level-text:-;}
--></style></head><body lang=VI>
<!--StartFragment-->
<p class=MsoNormal><b><span lang=VI>1. Tuyên truyền, vận động</span></b></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=VI><span style='mso-list:Ignore'>a)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI>Tổ chức hội nghị <b>quán triệt</b> kế hoạch;</span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=VI><span style='mso-list:Ignore'>b)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI>Phát thanh trên loa truyền thanh xã.</span></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=VI><span style='mso-list:Ignore'>-<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI>Treo băng rôn tại trụ sở.</span></p>
<!--EndFragment-->
</body></html>"""
WORD_CLIPBOARD_TEXT = ("1. Tuyên truyền, vận động\r\na)\tTổ chức hội nghị quán triệt kế hoạch;\r\n"
                       "b)\tPhát thanh trên loa truyền thanh xã.\r\n-\tTreo băng rôn tại trụ sở.\r\n")

PASTE = """([html, text]) => {
  const data = new DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', text);
  document.querySelector('.pm-body').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}"""


def start_section(page) -> None:
    body_editor(page).click()
    page.keyboard.press("Shift+Tab")
    page.keyboard.insert_text("Nhiệm vụ")
    page.keyboard.press("Enter")


def test_word_paste_goes_through_the_recognizer_and_keeps_levels(page, live_server):
    """The form's side of the paste: the clipboard is sent as it came, the
    blocks the server returns land under the caret's heading."""
    sent = []

    def recognizer(route):
        sent.append(route.request.post_data_json)
        route.fulfill(json={"warnings": [], "blocks": [
            {"type": "section", "heading": "Tuyên truyền, vận động", "content": [
                {"type": "points", "items": [{"text": "Tổ chức hội nghị **quán triệt** kế hoạch;"},
                                             {"text": "Phát thanh trên loa truyền thanh xã."}]},
                {"type": "bullets", "items": [{"text": "Treo băng rôn tại trụ sở."}]}]}]})

    page.route("**/import/clipboard", recognizer)
    open_form(page, live_server)
    start_section(page)
    page.evaluate(PASTE, [WORD_CLIPBOARD_HTML, WORD_CLIPBOARD_TEXT])
    page.wait_for_selector(".pm-body > .pm-bullet")
    assert sent == [{"html": WORD_CLIPBOARD_HTML, "text": WORD_CLIPBOARD_TEXT}]
    assert body_paragraphs(page) == [
        ("I.", "Nhiệm vụ"), ("1.", "Tuyên truyền, vận động"), ("a)", "Tổ chức hội nghị quán triệt kế hoạch;"),
        ("b)", "Phát thanh trên loa truyền thanh xã."), ("-", "Treo băng rôn tại trụ sở.")]
    assert page.locator(".pm-body strong").inner_text() == "quán triệt"


def test_word_paste_against_the_real_recognizer(page, live_server):
    open_form(page, live_server)
    status = page.evaluate("fetch('/import/clipboard', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                           " body: JSON.stringify({text: 'a', html: null})}).then((r) => r.status)")
    if status == 404:
        pytest.skip("POST /import/clipboard is not on this branch yet (importer helper)")
    start_section(page)
    page.evaluate(PASTE, [WORD_CLIPBOARD_HTML, WORD_CLIPBOARD_TEXT])
    page.wait_for_selector(".pm-body > .pm-bullet")
    labels = [label for label, _ in body_paragraphs(page)]
    assert labels == ["I.", "1.", "a)", "b)", "-"]
    body = download_json(page)["body"]
    points = body[0]["content"][0]["content"][0]
    assert points["items"][0]["text"] == "Tổ chức hội nghị **quán triệt** kế hoạch;"


def test_one_line_paste_stays_local(page, live_server):
    calls = []
    page.route("**/import/clipboard", lambda route: (calls.append(1), route.abort()))
    open_form(page, live_server)
    body_editor(page).click()
    page.evaluate(PASTE, ["<b>đậm</b> thường", "đậm thường"])
    expect(page.locator(".pm-body strong")).to_have_text("đậm")
    assert calls == []


# --- drafts ----------------------------------------------------------------------------------


def test_opening_an_example_or_a_file_never_loses_the_draft(page, live_server, tmp_path):
    open_form(page, live_server)
    page.get_by_label("Trích yếu nội dung").press_sequentially("Bản của tôi")
    page.wait_for_selector("#save-status:has-text('Đã tự động lưu')")
    open_example(page, "minimal")
    source = tmp_path / "ke-hoach.json"
    source.write_text((ROOT / "examples" / "tu-mo-rong-2022.json").read_text(encoding="utf-8"), encoding="utf-8")
    upload(page, source)
    page.get_by_role("button", name="Các bản nháp…").click()
    drafts = page.locator("#drafts-list .draft-name")
    expect(drafts).to_have_count(3)
    assert any("Bản của tôi" in name for name in drafts.all_inner_texts())
    page.get_by_role("button", name="Mở bản nháp Bản của tôi").click()
    expect(field(page, "summary")).to_have_value("Bản của tôi")

    # A copy for next year: year + 1, no number, no day or month; delete with undo.
    page.get_by_role("button", name="Các bản nháp…").click()
    item = page.locator("#drafts-list .draft", has_text="Ra quân")
    item.get_by_role("button", name="Dùng cho năm sau", exact=False).click()
    expect(field(page, "date.year")).to_have_value("2026")
    plan = download_json(page)
    assert "number" not in plan and plan["date"] == {"year": 2026}
    page.get_by_role("button", name="Các bản nháp…").click()
    page.get_by_role("button", name="Xoá bản nháp Bản của tôi").click()
    expect(page.locator("#drafts-list .draft-name", has_text="Bản của tôi")).to_have_count(0)
    page.locator("#drafts-message").get_by_role("button", name="Hoàn tác").click()
    expect(page.locator("#drafts-list .draft-name", has_text="Bản của tôi")).to_have_count(1)


def test_old_local_storage_draft_moves_into_the_drafts(context, live_server):
    old = {"savedAt": "2025-01-02T03:04:05Z", "plan": json.loads((ROOT / "examples" / "minimal.json").read_text("utf-8"))}
    context.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
                            f" localStorage.setItem('ke-hoach-nd30:draft', {json.dumps(json.dumps(old))}); }}")
    page = context.new_page()
    open_form(page, live_server)
    expect(field(page, "summary")).to_have_value(old["plan"]["summary"])
    assert page.evaluate("localStorage.getItem('ke-hoach-nd30:draft')") is None
    assert download_json(page) == old["plan"]


def test_second_tab_is_told_and_never_overwrites(context, live_server):
    first = context.new_page()
    open_form(first, live_server)
    first.get_by_label("Trích yếu nội dung").press_sequentially("Bản ở thẻ thứ nhất")
    first.wait_for_selector("#save-status:has-text('Đã tự động lưu')")
    second = context.new_page()
    open_form(second, live_server)
    expect(second.locator("#tab-banner")).to_contain_text("đang mở ở một thẻ khác")
    second.get_by_label("Trích yếu nội dung").press_sequentially(" – sửa ở thẻ hai")
    second.wait_for_selector("#save-status:has-text('thẻ khác')")
    first.reload()
    first.wait_for_selector("body[data-ready=true]")
    expect(field(first, "summary")).to_have_value("Bản ở thẻ thứ nhất")
    # The second tab keeps its work in a copy of its own.
    second.get_by_role("button", name="Sửa tiếp trong một bản sao").click()
    expect(second.locator("#tab-banner")).to_be_hidden()
    second.get_by_label("Trích yếu nội dung").press_sequentially("!")
    second.wait_for_selector("#save-status:has-text('Đã tự động lưu')")
    expect(field(second, "summary")).to_have_value("Bản ở thẻ thứ nhất – sửa ở thẻ hai!")


# --- nothing changed silently ------------------------------------------------------------------


def test_a_limit_reached_shows_a_message_and_keeps_every_character(page, live_server):
    open_form(page, live_server)
    summary = field(page, "summary")
    summary.fill("x" * 480)
    summary.press("End")
    summary.press_sequentially("y" * 30)
    expect(page.locator("#f-summary-count")).to_contain_text("quá giới hạn 500")
    assert summary.input_value() == "x" * 480 + "y" * 30
    errors = page.locator("#error-summary")
    expect(errors).to_contain_text("Trích yếu")

    editor = body_editor(page)
    editor.click()
    page.keyboard.insert_text("đ" * 5990)
    expect(page.locator(".pm-counter")).to_contain_text("5.990 / 6.000")
    page.keyboard.insert_text("0123456789ab")
    expect(page.locator(".pm-limit-error")).to_contain_text("quá giới hạn 6.000")
    plan_text = page.evaluate("document.querySelector('.pm-body > p').textContent")
    assert plan_text == "đ" * 5990 + "0123456789ab"
    expect(page.locator(".pm-body .pm-error")).to_contain_text("6000", timeout=15000)


def test_server_errors_show_under_the_paragraph_and_link_from_the_summary(page, live_server):
    open_form(page, live_server)
    open_example(page, "minimal")
    editor = body_editor(page)
    paragraph = editor.locator("> .pm-p").first  # the last paragraph of this plan
    paragraph.click(position={"x": 2, "y": 2})
    page.keyboard.press("Home")
    page.keyboard.press("Shift+Control+End")
    page.keyboard.press("Delete")
    message = editor.locator(".pm-error")
    expect(message).to_contain_text("Không được để trống")
    page.locator("#error-summary").get_by_role("link", name="Nội dung kế hoạch").click()
    page.keyboard.insert_text("Đã viết lại.")
    expect(message).to_have_count(0)
