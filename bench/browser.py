"""``python -m bench.browser [--keys N] [--example NAME] [--no-scenario]``: the
form in Debian's Chromium on the largest example — keystroke to paint, adding
/ removing a paragraph and moving it between levels, and first load — then
typing in a 200-task matrix (the task list editor of an appendix) and adding
/ removing one of its tasks, printed as p50/p95; then the scripted clerk
scenario (bench/clerk.py: last year's .doc to this year's plan, Word and PDF)
with its count of actions, against the real LibreOffice pool."""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from app import create_app
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, LiveServer
from tests.browser.form_page import open_example
from tests.test_pdf_tables import matrix_plan

from . import clerk
from .stats import markdown_table, ms, p50, p95

# Time from the keydown event to the first frame after it: the callback of
# the animation frame that follows, then a task (the frame has been painted).
PROBE = """() => {
  window.__paint = [];
  for (const type of ['keydown', 'click']) {
    document.addEventListener(type, (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__paint.push(performance.now() - start), 0));
    }, true);
  }
}"""


def measure(page, keys: list[str], count: int) -> list[float]:
    page.evaluate("window.__paint = []")
    for index in range(count):
        # One key at a time, as a clerk types: the latency of each keystroke, not a queue of them.
        page.keyboard.press(keys[index % len(keys)])
        page.wait_for_function("(n) => window.__paint.length >= n", arg=index + 1, polling=5)
    return [value / 1000 for value in page.evaluate("window.__paint")]


def measure_clicks(page, count: int) -> list[float]:
    """Add a recipient, then remove it (the form redraws its structured parts each time)."""
    page.evaluate("window.__paint = []")
    for index in range(count):
        page.get_by_role("button", name="Thêm nơi nhận").click()
        page.wait_for_function("(n) => window.__paint.length >= n", arg=2 * index + 1, polling=5)
        page.locator("#sec-recipients [data-action=remove]").last.click()
        page.wait_for_function("(n) => window.__paint.length >= n", arg=2 * index + 2, polling=5)
    return [value / 1000 for value in page.evaluate("window.__paint")]


def measure_matrix(page, keys: int) -> tuple[int, list[float], list[float]]:
    """Typing in the middle of a 200-task matrix (8 groups of 25), then adding
    and removing a task of its group (the whole list is drawn again)."""
    plan = matrix_plan()
    tasks = sum(len(group["tasks"]) for group in plan["appendices"][0]["content"][0]["groups"])
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "ma-tran-200.json"
        source.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        page.set_input_files("#file-input", str(source))
        page.wait_for_selector("#notice:has-text('ma-tran-200.json')")
    page.wait_for_selector(".task-grid")
    cell = page.get_by_label("Nhiệm vụ, nhiệm vụ 13 nhóm IV", exact=True)
    cell.click()
    page.keyboard.press("End")
    typed = measure(page, list("giam ngheo ben vung "), keys)
    page.evaluate("window.__paint = []")
    for index in range(keys // 8):
        page.get_by_role("button", name=re.compile("Thêm nhiệm vụ nhóm IV$")).click()
        page.wait_for_function("(n) => window.__paint.length >= n", arg=2 * index + 1, polling=5)
        page.get_by_role("button", name="Xóa nhiệm vụ 26 nhóm IV", exact=True).click()
        page.wait_for_function("(n) => window.__paint.length >= n", arg=2 * index + 2, polling=5)
    added = [value / 1000 for value in page.evaluate("window.__paint")]
    return tasks, typed, added


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.browser", description=__doc__)
    parser.add_argument("--keys", type=int, default=200, help="keystrokes per measure (default 200)")
    parser.add_argument("--example", default="dai-lanh-2024", help="example to load (default: the largest)")
    parser.add_argument("--no-scenario", action="store_true", help="skip the clerk scenario (it needs LibreOffice)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with LiveServer(create_app({"TESTING": True, "PDF_BACKEND": "none"})) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport=VIEWPORT).new_page()
        page.goto(server.url)
        page.wait_for_selector("body[data-ready=true]")
        open_example(page, args.example)
        paragraphs = page.locator(".pm-body > *").count()

        loads = []
        for _ in range(5):
            page.reload()
            page.wait_for_selector("body[data-ready=true]")
            loads.append(page.evaluate("performance.getEntriesByName('form-ready')[0].startTime") / 1000)
        rows.append(("first load (navigation → editable, draft from IndexedDB)", len(loads), ms(p50(loads)), ms(p95(loads))))

        page.evaluate(PROBE)
        middle = page.locator(".pm-body > *").nth(paragraphs // 2)
        middle.click()
        page.keyboard.press("End")
        typed = measure(page, list("giam ngheo ben vung "), args.keys)
        rows.append(("keystroke → paint (typing in a paragraph)", len(typed), ms(p50(typed)), ms(p95(typed))))
        added = measure(page, ["Enter", "Backspace"], args.keys)
        rows.append(("add / remove a paragraph (Enter, Backspace)", len(added), ms(p50(added)), ms(p95(added))))
        page.keyboard.press("Enter")
        page.keyboard.type("- x")
        moved = measure(page, ["Tab", "Shift+Tab"], args.keys)
        rows.append(("move a paragraph between levels (Tab, Shift+Tab)", len(moved), ms(p50(moved)), ms(p95(moved))))
        rows_added = measure_clicks(page, args.keys // 4)
        rows.append(("add / remove a recipient row (Thêm nơi nhận, Xóa)", len(rows_added), ms(p50(rows_added)), ms(p95(rows_added))))
        tasks, typed, added = measure_matrix(page, args.keys)
        rows.append((f"keystroke → paint in a {tasks}-task matrix (a task's content)", len(typed), ms(p50(typed)), ms(p95(typed))))
        rows.append((f"add / remove a task of the {tasks}-task matrix", len(added), ms(p50(added)), ms(p95(added))))
        browser.close()
    print(f"Form in Chromium, example {args.example} ({paragraphs} paragraphs in the body editor)\n")
    print(markdown_table(("measure", "samples", "p50", "p95"), rows))
    if not args.no_scenario:
        print_scenario(scenario())
    return 0


def scenario() -> dict:
    from playwright.sync_api import sync_playwright

    app = create_app({"TESTING": True, "PDF_BACKEND": "pool", "PDF_POOL_SIZE": 1})
    converter = app.extensions["converter"]
    if not converter.wait_ready(180):
        raise SystemExit(f"the LibreOffice pool did not start: {converter.status()}")
    with LiveServer(app) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="vi-VN").new_page()
        result = clerk.run(page, server)
        browser.close()
    return result


def print_scenario(result: dict) -> None:
    print(f"\nClerk scenario: {clerk.DESCRIPTION}\n")
    for number, action in enumerate(result["actions"], 1):
        print(f"{number:3}. {action}")
    print(f"\n{len(result['actions'])} actions, {result['duration']:.1f} s in the form "
          f"(after {result['setup']:.1f} s making the .doc); agency removed: {result['old_agency_gone']}; "
          f"PDF: {result['pdf_ok']}; paragraphs of the Word file still saying 2024: {len(result['old_year_in_docx'])}")


if __name__ == "__main__":
    sys.exit(main())
