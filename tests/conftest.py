from concurrent.futures import ThreadPoolExecutor

import pytest

from app import create_app
from converters import UnoserverPool
from generators import render_docx
from schemas import load_plan
from tests.pdf_pages import Page, read_pages
from tests.plans import example


@pytest.fixture
def app():
    app = create_app({"TESTING": True, "PDF_BACKEND": "none"})
    yield app
    app.extensions["converter"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def minimal() -> dict:
    return example("minimal")


@pytest.fixture(scope="module")
def pdf_of():
    """plans -> their PDF pages, converted through a pool of two instances
    (one pool per test module: the converter tests count LibreOffice processes)."""
    pool = UnoserverPool(2, timeout=60, recycle_after=0)
    pool.start()
    assert pool.wait_ready(timeout=90, count=2), pool.status()

    def convert(plans: list[dict]) -> list[list[Page]]:
        documents = [render_docx(load_plan(p)) for p in plans]
        with ThreadPoolExecutor(max_workers=2) as executor:
            return [read_pages(pdf) for pdf in executor.map(pool.convert, documents)]

    yield convert
    pool.close()


@pytest.fixture(scope="module")
def pdf_client():
    """A test client of the app converting to PDF through its own pool of
    real LibreOffice instances (every instance ready before the first test)."""
    app = create_app({"TESTING": True, "PDF_BACKEND": "pool", "PDF_TIMEOUT": 60})
    converter = app.extensions["converter"]
    assert converter.wait_ready(timeout=90, count=converter.status()["size"]), converter.status()
    yield app.test_client()
    converter.close()
