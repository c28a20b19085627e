"""The body editor behaves as a clerk used to Word expects: typed labels set
the level and are never printed twice, Tab demotes, paste keeps the levels
it claims relative to where it lands, default headings are editable text."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .form_page import (
    body_editor,
    body_paragraphs,
    current_block,
    download_json,
    open_form,
    open_rendered_word,
)
from .test_editor import PASTE

pytestmark = pytest.mark.browser


def test_typed_labels_set_every_level_and_are_consumed(page, live_server):
    open_form(page, live_server)
    body_editor(page).click()
    for label, text in (("I. ", "MỤC ĐÍCH, YÊU CẦU"), ("1. ", "Mục đích"), ("1.1. ", "Chung"), ("1.1.1. ", "Riêng")):
        page.keyboard.type(label)
        page.keyboard.insert_text(text)
        page.keyboard.press("Enter")
    page.keyboard.type("a) ")
    page.keyboard.insert_text("điểm")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # a new, empty point goes one level down: a bullet of the point
    assert current_block(page) == {"type": "bullet", "level": 0, "attached": True, "kind": None}
    page.keyboard.insert_text("gạch")
    page.keyboard.press("Enter")
    page.keyboard.type("+ ")
    page.keyboard.insert_text("cộng")
    assert body_paragraphs(page) == [("I.", "MỤC ĐÍCH, YÊU CẦU"), ("1.", "Mục đích"), ("1.1.", "Chung"),
                                     ("1.1.1.", "Riêng"), ("a)", "điểm"), ("-", "gạch"), ("+", "cộng")]


def test_a_label_typed_before_choosing_the_kind_is_not_printed_twice(page, live_server):
    open_form(page, live_server)
    body_editor(page).click()
    page.keyboard.insert_text("I. MỤC ĐÍCH, YÊU CẦU")
    page.get_by_label("Kiểu đoạn").select_option("heading:1")
    assert body_paragraphs(page) == [("I.", "MỤC ĐÍCH, YÊU CẦU")]
    assert download_json(page)["body"][0]["heading"] == "MỤC ĐÍCH, YÊU CẦU"


def recognized(blocks):
    def answer(route):
        route.fulfill(json={"warnings": [], "blocks": blocks})
    return answer


def test_paste_after_an_agency_lands_beside_it(page, live_server):
    """Depth 2: "4. Sở Tài chính" pasted after agency 3 is agency 4, not 3.1."""
    page.route("**/import/clipboard", recognized([
        {"type": "section", "heading": "Sở Tài chính", "content": [{"type": "bullets", "items": [{"text": "Bố trí kinh phí."}]}]},
        {"type": "section", "heading": "Sở Y tế", "content": [{"type": "paragraph", "text": "Chỉ đạo các cơ sở."}]}]))
    open_form(page, live_server)
    body_editor(page).click()
    page.keyboard.type("I. ")
    page.keyboard.insert_text("Tổ chức thực hiện")
    page.get_by_label("Phần của kế hoạch").select_option("assignments")
    for name in ("Phòng A", "Phòng B", "Phòng C"):
        page.keyboard.press("End")
        page.keyboard.press("Enter")
        page.keyboard.type("1. ")
        page.keyboard.insert_text(name)
        page.keyboard.press("Enter")
        page.keyboard.insert_text(f"Nhiệm vụ của {name}.")
    page.keyboard.press("Enter")
    page.evaluate(PASTE, ["<p>4. Sở Tài chính</p><p>- Bố trí kinh phí.</p><p>5. Sở Y tế</p><p>Chỉ đạo các cơ sở.</p>",
                          "4. Sở Tài chính\r\n- Bố trí kinh phí.\r\n5. Sở Y tế\r\nChỉ đạo các cơ sở.\r\n"])
    expect(page.locator(".pm-body > *", has_text="Sở Y tế")).to_have_count(1)
    labels = [label for label, text in body_paragraphs(page) if text.startswith(("Sở", "Phòng"))]
    assert labels == ["1.", "2.", "3.", "4.", "5."]
    agencies = download_json(page)["body"][0]["agencies"]
    assert [agency["name"] for agency in agencies] == ["Phòng A", "Phòng B", "Phòng C", "Sở Tài chính", "Sở Y tế"]


def test_paste_of_a_roman_heading_lands_at_the_top(page, live_server):
    """Depth 1: "II. Kinh phí" pasted under section I's text is section II."""
    page.route("**/import/clipboard", recognized([
        {"type": "section", "heading": "Kinh phí", "content": [{"type": "paragraph", "text": "Ngân sách xã."}]}]))
    open_form(page, live_server)
    body_editor(page).click()
    page.keyboard.type("I. ")
    page.keyboard.insert_text("Nhiệm vụ")
    page.keyboard.press("Enter")
    page.keyboard.insert_text("Rà soát.")
    page.keyboard.press("Enter")
    page.evaluate(PASTE, ["<p>II. Kinh phí</p><p>Ngân sách xã.</p>", "II. Kinh phí\r\nNgân sách xã.\r\n"])
    expect(page.locator(".pm-body > *", has_text="Kinh phí")).to_have_count(1)
    assert [pair for pair in body_paragraphs(page) if pair[1]] == [
        ("I.", "Nhiệm vụ"), ("", "Rà soát."), ("II.", "Kinh phí"), ("", "Ngân sách xã.")]


def test_an_imported_default_heading_is_edited_like_any_text(page, live_server, tmp_path):
    """A Word file whose first part prints its default heading ("MỤC ĐÍCH, YÊU CẦU"):
    the recognizer stores no heading; the editor shows it as text to edit."""
    open_rendered_word(page, live_server, "tam-duong-2021", tmp_path)
    heading = page.locator(".pm-body > .pm-h").first
    expect(heading).to_have_text("Mục đích, yêu cầu")
    heading.click()
    page.keyboard.press("End")
    page.keyboard.insert_text(" CHUNG")
    expect(heading).to_have_text("Mục đích, yêu cầu CHUNG")
    body = download_json(page)["body"]
    assert body[0]["type"] == "purposes_requirements" and body[0]["heading"] == "Mục đích, yêu cầu CHUNG"
