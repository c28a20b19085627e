"""The scripted clerk scenario of ``python -m bench.browser``: last year's
plan (a .doc) becomes this year's plan — two figures and one task changed,
one agency removed, the signer changed, Word and PDF downloaded — in the
form, in Chromium, counting every action a clerk makes (a click, a tap of a
key, a value typed into a field, a file chosen)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.browser.conftest import ROOT
from tests.browser.form_page import docx_paragraphs

SOURCE = "dai-lanh-2024"
DESCRIPTION = ("last year's plan (.doc) → this year's plan, two figures and one task changed, "
               "one agency removed, signer changed, Word and PDF downloaded")


class Clerk:
    """The page, with every action counted."""

    def __init__(self, page):
        self.page = page
        self.actions: list[str] = []

    def act(self, what: str) -> None:
        self.actions.append(what)

    def click(self, locator, what: str, **options) -> None:
        locator.click(**options)
        self.act(f"click {what}")

    def key(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.act(f"key {key}")

    def type(self, text: str) -> None:
        self.page.keyboard.insert_text(text)
        self.act(f"type “{text}”")

    def fill(self, locator, text: str, what: str) -> None:
        locator.click()
        locator.fill(text)
        self.act(f"click {what}")
        self.act(f"type “{text}”")

    def download(self, name: str) -> bytes:
        with self.page.expect_download(timeout=180000) as info:
            self.click(self.page.get_by_role("button", name=name, exact=True), name)
        return Path(info.value.path()).read_bytes()


def last_years_doc(app, folder: Path) -> Path:
    """The example rendered by the service and saved as a Word 97 .doc by LibreOffice."""
    docx = folder / f"{SOURCE}.docx"
    plan = json.loads((ROOT / "examples" / f"{SOURCE}.json").read_text(encoding="utf-8"))
    docx.write_bytes(app.test_client().post("/render?format=docx", json=plan).data)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "doc",
                    "--outdir", str(folder), str(docx)], check=True, timeout=300, capture_output=True)
    return folder / f"{SOURCE}.doc"


def run(page, server) -> dict:
    """The scenario on a fresh page; its actions, duration and checks."""
    page.goto(server.url)
    page.wait_for_selector("body[data-ready=true]")
    clerk = Clerk(page)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        doc = last_years_doc(server.app, Path(folder))
        setup = time.perf_counter() - started
        started = time.perf_counter()
        with page.expect_file_chooser() as chooser:
            clerk.click(page.get_by_role("button", name="Mở tệp Word (.docx, .doc)…"), "Mở tệp Word")
        chooser.value.set_files(str(doc))
        clerk.act("choose the .doc")
        page.wait_for_selector(f"#notice:has-text('{doc.name}')", timeout=180000)

    clerk.click(page.get_by_role("button", name="Kế hoạch năm sau"), "Kế hoạch năm sau")
    page.wait_for_selector("#year-review:not([hidden])")

    cells = page.locator("#sec-appendices input[data-path*='.values.']")
    clerk.fill(cells.nth(0), "3.050", "a figure of the table")
    clerk.fill(cells.nth(1), "9", "another figure")

    task = page.locator(".pm-body > *", has_text="Tăng cường cơ sở vật chất").first
    clerk.click(task, "a task", click_count=3)
    clerk.type("Nâng cấp đài truyền thanh xã, lắp đặt thêm cụm loa tại các thôn.")

    agency = page.locator(".pm-body > *", has_text="Ban nhân dân các thôn").first
    following = page.locator(".pm-body > *", has_text="UBMTTQVN và các đoàn thể xã").first
    clerk.click(agency, "the agency's heading, at its start", position={"x": 1, "y": 4})
    clerk.click(following, "the next agency, at its start", position={"x": 1, "y": 4}, modifiers=["Shift"])
    clerk.key("Delete")

    clerk.fill(page.get_by_label("Họ và tên người ký"), "Trần Thị Bình", "the signer's name")
    word = clerk.download("Tải bản Word (DOCX)")
    pdf = clerk.download("Tải PDF")
    duration = time.perf_counter() - started

    headings = page.locator(".pm-body > *").all_inner_texts()
    return {
        "actions": clerk.actions,
        "setup": setup,
        "duration": duration,
        "docx_bytes": len(word),
        "pdf_ok": pdf.startswith(b"%PDF"),
        "old_agency_gone": not any("Ban nhân dân các thôn" in text for text in headings),
        "old_year_in_docx": [text for text in docx_paragraphs(word) if "2024" in text],
    }
