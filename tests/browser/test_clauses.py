"""A decision's articles and clauses in the body editor (issue #20, point 5
follow-up): a paragraph after an article's clauses stays the article's,
Enter and Tab work on clauses as on a numbered list in Word, and the editor
numbers each list of clauses from 1 as the Word file prints it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .form_page import (
    body_editor, body_paragraphs, download, download_json, fill_core, new_document, open_example, open_form,
    styled_paragraphs,
)

pytestmark = pytest.mark.browser

EXAMPLE = "phe-duyet-ho-ngheo-tam-duong-2024"
ORIGINAL = json.loads((Path(__file__).resolve().parents[2] / "examples" / "quyet_dinh" / f"{EXAMPLE}.json")
                      .read_text(encoding="utf-8"))


def paragraph(page, text: str):
    """The body's paragraph holding `text`."""
    return body_editor(page).locator(":scope > *", has_text=text)


def caret_at_end(page, text: str) -> None:
    paragraph(page, text).click()
    page.keyboard.press("End")


def caret_at_start(page, text: str) -> None:
    paragraph(page, text).click()
    page.keyboard.press("Home")


def new_decision(page, server, opening: str, first_clause: str) -> None:
    """A new decision whose "Điều 1." opens with a paragraph and a first
    clause typed as a clerk does ("1. " at the start of a paragraph)."""
    open_form(page, server)
    new_document(page, "Quyết định")
    fill_core(page, "Về việc phê duyệt danh sách hộ nghèo năm 2025")
    page.get_by_label("Thẩm quyền ban hành").fill("Chủ tịch Ủy ban nhân dân huyện Tam Đường")
    body_editor(page).locator(":scope > *").last.click()
    page.keyboard.type(opening)
    page.keyboard.press("Enter")
    page.keyboard.type(f"1. {first_clause}")


def clauses_printed(data: bytes) -> list[str]:
    """The clauses of the Word file, label and text, in order."""
    return [text for style, text in styled_paragraphs(data) if style == "ND30 Khoản"]


def test_paragraph_after_clauses_stays_the_articles(page, live_server):
    open_form(page, live_server)
    open_example(page, EXAMPLE, kind="quyet_dinh")
    after = ORIGINAL["body"][0]["content"][-1]["text"]
    # Saved without an edit, the decision comes back exactly as it came.
    assert download_json(page)["body"] == ORIGINAL["body"]
    # The paragraph after the clauses is drawn as the article's text (no
    # clause's rule beside it), the points of clause 2. as that clause's.
    expect(paragraph(page, after)).to_have_attribute("data-in", "article")
    expect(paragraph(page, "Hộ nghèo thiếu hụt về thu nhập")).to_have_attribute("data-in", "clause")

    caret_at_end(page, "Quyết định này có hiệu lực kể từ ngày ký.")
    page.keyboard.type(" Bản sao gửi các xã.")
    # Tab puts it into the last clause; Shift+Tab takes it out again (Word's indents).
    caret_at_start(page, after)
    page.keyboard.press("Tab")
    expect(paragraph(page, after)).to_have_attribute("data-in", "clause")
    page.keyboard.press("Shift+Tab")
    expect(paragraph(page, after)).to_have_attribute("data-in", "article")

    saved = download_json(page)
    expected = json.loads(json.dumps(ORIGINAL["body"]))
    expected[2]["content"][0]["text"] += " Bản sao gửi các xã."
    assert saved["body"] == expected
    assert saved["body"][0]["content"][-1] == {"type": "paragraph", "text": after}

    data = download(page, "Tải bản Word (DOCX)")
    printed = [text for _, text in styled_paragraphs(data)]
    last_clause = printed.index("3. Hộ cận nghèo: 1.087 hộ, chiếm tỷ lệ 7,85%.")
    assert printed[last_clause + 1] == after


def test_enter_and_tab_on_clauses_as_on_a_numbered_list(page, live_server):
    new_decision(page, live_server, "Phê duyệt danh sách hộ nghèo như sau:", "Hộ nghèo: 120 hộ.")
    page.keyboard.press("Enter")  # the next clause at once
    expect(body_editor(page).locator(":scope > *").last).to_have_attribute("data-label", "2.")
    expect(body_editor(page).locator(":scope > *").last).to_have_attribute("data-kind", "clause")
    page.keyboard.type("Hộ cận nghèo: 80 hộ.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # on the empty clause "3.": the list ends, a paragraph of the article
    page.keyboard.type("Danh sách chi tiết kèm theo.")
    assert body_paragraphs(page) == [
        ("Điều 1.", ""), ("", "Phê duyệt danh sách hộ nghèo như sau:"), ("1.", "Hộ nghèo: 120 hộ."),
        ("2.", "Hộ cận nghèo: 80 hộ."), ("", "Danh sách chi tiết kèm theo.")]
    expect(paragraph(page, "Danh sách chi tiết")).to_have_attribute("data-in", "article")

    # Shift+Tab and Tab relabel at once: clause "2." ↔ "Điều 2." ↔ back.
    caret_at_start(page, "Hộ cận nghèo")
    page.keyboard.press("Shift+Tab")
    heading = paragraph(page, "Hộ cận nghèo")
    expect(heading).to_have_attribute("data-label", "Điều 2.")
    expect(heading).to_have_attribute("data-kind", "article")
    page.keyboard.press("Tab")
    expect(heading).to_have_attribute("data-label", "2.")
    expect(heading).to_have_attribute("data-kind", "clause")
    page.keyboard.press("Tab")  # no heading stands under a clause: a paragraph of clause 1.
    expect(paragraph(page, "Hộ cận nghèo")).to_have_attribute("data-in", "clause")
    expect(paragraph(page, "Hộ cận nghèo")).to_have_attribute("data-label", "")
    page.keyboard.press("Shift+Tab")  # under the last clause: out of the list, the article's
    expect(paragraph(page, "Hộ cận nghèo")).to_have_attribute("data-in", "article")
    page.keyboard.press("Shift+Tab")  # a paragraph of the article: the next article
    expect(paragraph(page, "Hộ cận nghèo")).to_have_attribute("data-label", "Điều 2.")
    page.keyboard.press("Tab")
    expect(paragraph(page, "Hộ cận nghèo")).to_have_attribute("data-label", "2.")

    body = download_json(page)["body"]
    assert body == [{"type": "article", "content": [
        {"type": "paragraph", "text": "Phê duyệt danh sách hộ nghèo như sau:"},
        {"type": "clauses", "items": [{"text": "Hộ nghèo: 120 hộ.", "content": []},
                                      {"text": "Hộ cận nghèo: 80 hộ.", "content": []}]},
        {"type": "paragraph", "text": "Danh sách chi tiết kèm theo."}]}]
    data = download(page, "Tải bản Word (DOCX)")
    assert clauses_printed(data) == ["1. Hộ nghèo: 120 hộ.", "2. Hộ cận nghèo: 80 hộ."]
    printed = [text for _, text in styled_paragraphs(data)]
    # The article's paragraph after the clauses ends the text: "./." is added when printed.
    assert printed[printed.index("2. Hộ cận nghèo: 80 hộ.") + 1] == "Danh sách chi tiết kèm theo./."


def test_each_list_of_clauses_is_numbered_from_one_as_printed(page, live_server):
    new_decision(page, live_server, "Giao nhiệm vụ như sau:", "Phòng Lao động rà soát.")
    page.keyboard.press("Enter")
    page.keyboard.type("Phòng Tài chính bảo đảm kinh phí.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Ngoài ra, giao thêm:")
    page.keyboard.press("Enter")
    page.keyboard.type("1. Các xã công khai danh sách.")  # a second list, after the article's paragraph
    labels = [label for label, _ in body_paragraphs(page)]
    assert labels == ["Điều 1.", "", "1.", "2.", "", "1."]
    data = download(page, "Tải bản Word (DOCX)")
    assert clauses_printed(data) == ["1. Phòng Lao động rà soát.", "2. Phòng Tài chính bảo đảm kinh phí.",
                                     "1. Các xã công khai danh sách./."]
    # The editor numbers the clauses as the Word file prints them.
    shown = body_editor(page).locator(':scope > [data-kind="clause"]')
    assert [label for label in shown.evaluate_all("(nodes) => nodes.map((node) => node.dataset.label)")] == \
        [text.split(" ", 1)[0] for text in clauses_printed(data)]
