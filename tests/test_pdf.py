"""PDF through the service, with real LibreOffice (the app's own unoserver pool)."""

from __future__ import annotations

import io
import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

import docx
import pytest
from pypdf import PdfReader

from app import create_app
from tests.converters.converter_checks import (
    embedded_fonts,
    pdf_text,
    soffice_of,
    wait_for,
)
from tests.docx_reading import visible_lines
from tests.plans import EXAMPLE_NAMES, example, plan, render

pytestmark = pytest.mark.libreoffice

FONTS = ("LiberationSerif", "TimesNewRoman")


@pytest.fixture(scope="module")
def pdf_app():
    app = create_app({"TESTING": True, "PDF_BACKEND": "pool", "PDF_TIMEOUT": 60})
    converter = app.extensions["converter"]
    assert converter.wait_ready(timeout=90, count=converter.status()["size"]), converter.status()
    yield app
    converter.close()


@pytest.fixture
def pdf_client(pdf_app):
    return pdf_app.test_client()


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_renders_to_pdf(pdf_client, name):
    data = example(name)
    response = pdf_client.post("/render?format=pdf", json=data)
    assert response.status_code == 200, response.get_json()
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].endswith(".pdf")
    text = folded(pdf_text(response.data))
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH",
                   data["signatory"]["name"], data["place"]):
        assert phrase in text
    assert folded(data["summary"])[:40] in text
    fonts = embedded_fonts(response.data)
    assert fonts and all(any(expected in font for expected in FONTS) for font in fonts), fonts
    words = sum(len(line.split()) for line in visible_lines(render(data)))
    pages = len(PdfReader(io.BytesIO(response.data)).pages)
    # A 14 pt page holds roughly 300 to 550 words; appendices add their own pages.
    assert words / 550 <= pages <= words / 250 + 1 + len(data.get("appendices", [])), (words, pages)


def test_page_numbers_start_on_page_two(pdf_client):
    response = pdf_client.post("/render", json=example("tam-duong-2021"), headers={"Accept": "application/pdf"})
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages]
    assert len(pages) > 2
    assert pages[1].split()[0] == "2" and pages[2].split()[0] == "3"
    assert pages[0].split()[0] != "1"


def test_sixteen_concurrent_pdf_requests_all_succeed(pdf_app):
    def request(_):
        return pdf_app.test_client().post("/render?format=pdf", json=plan()).status_code

    with ThreadPoolExecutor(max_workers=16) as executor:
        statuses = list(executor.map(request, range(16)))
    assert statuses == [200] * 16


def test_killing_soffice_during_requests(pdf_app):
    """Requests in flight at the kill may fail (retried, or 503/502); none
    hangs; after a short recovery every request succeeds and the pool is full."""
    converter = pdf_app.extensions["converter"]
    victim = converter.status()["instances"][0]
    statuses: list[int] = []
    stop = threading.Event()

    def keep_requesting():
        client = pdf_app.test_client()
        while not stop.is_set():
            statuses.append(client.post("/render?format=pdf", json=plan()).status_code)

    workers = [threading.Thread(target=keep_requesting) for _ in range(3)]
    for worker in workers:
        worker.start()
    try:
        assert wait_for(lambda: len(statuses) >= 3, 60)
        os.kill(soffice_of(victim["pid"]), signal.SIGKILL)
        recovered = wait_for(
            lambda: converter.status()["ready"] == converter.status()["size"]
            and victim["pid"] not in {i["pid"] for i in converter.status()["instances"]},
            90,
        )
    finally:
        stop.set()
        for worker in workers:
            worker.join(150)
    assert not any(worker.is_alive() for worker in workers), "a request hung"
    assert recovered, converter.status()
    assert set(statuses) <= {200, 502, 503}
    after = [pdf_app.test_client().post("/render?format=pdf", json=plan()).status_code for _ in range(4)]
    assert after == [200] * 4
    # An instance may also be recycling (PDF_RECYCLE_AFTER) at this moment: wait, bounded.
    def pool_full():
        health = pdf_app.test_client().get("/healthz").get_json()["converter"]
        return health["ready"] == health["size"]

    assert wait_for(pool_full, 60), converter.status()
