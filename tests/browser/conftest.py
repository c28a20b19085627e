"""Browser tests of the clerks' form: the app served from a background
thread, driven through Debian's Chromium with Playwright (sync API).

Never downloads a browser: CHROMIUM_PATH (default /usr/bin/chromium) is
launched directly. Screenshots go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (requirements-dev.txt)")

from werkzeug.serving import make_server  # noqa: E402

from app import create_app  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1366, "height": 768}
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


class LiveServer:
    """A werkzeug server on 127.0.0.1 with an OS-chosen port, in a thread."""

    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(10)
        self.app.extensions["converter"].close()


@pytest.fixture(scope="session")
def live_server():
    """The app with PDF conversion switched off (PDF requests answer 503)."""
    with LiveServer(create_app({"TESTING": True, "PDF_BACKEND": "none"})) as server:
        yield server


@pytest.fixture(scope="session")
def pdf_server():
    """The app with the real LibreOffice pool (one instance)."""
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: PDF preview cannot be rendered")
    app = create_app({"TESTING": True, "PDF_BACKEND": "pool", "PDF_POOL_SIZE": 1})
    converter = app.extensions["converter"]
    if hasattr(converter, "wait_ready") and not converter.wait_ready(120):
        converter.close()
        pytest.fail(f"the LibreOffice pool did not start: {converter.status()}")
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt install chromium, or set CHROMIUM_PATH)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# What a test may expect the browser to log as an error: the answer of a
# request the test provoked on purpose (an invalid plan's 422, the 503 of a
# PDF asked with conversion switched off). Anything else — a CSP violation,
# an uncaught error, a failed request — fails the test.
EXPECTED_STATUS = re.compile(r"^Failed to load resource: the server responded with a status of (\d{3})")


class ConsoleWatch:
    """Every console error and uncaught exception of the pages of a context."""

    def __init__(self):
        self.errors: list[str] = []
        self.expected_statuses = {422}  # an invalid plan is an answer, not a fault

    def attach(self, page) -> None:
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)

    def unexpected(self) -> list[str]:
        return [text for text in self.errors
                if not ((match := EXPECTED_STATUS.match(text)) and int(match.group(1)) in self.expected_statuses)]


@pytest.fixture
def console():
    return ConsoleWatch()


@pytest.fixture
def context(browser, console):
    """A fresh profile per test: empty localStorage, downloads allowed; no
    page of it may log an error to the console (see ConsoleWatch)."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="vi-VN")
    context.set_default_timeout(15000)
    context.on("page", console.attach)
    yield context
    context.close()
    assert not console.unexpected(), f"errors in the browser console: {console.unexpected()}"


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
