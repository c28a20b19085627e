import pytest

from app import create_app


@pytest.fixture(scope="package")
def pdf_app():
    """The service with its own pool of two real LibreOffice instances, shared
    by the publishing tests."""
    app = create_app({"TESTING": True, "PDF_BACKEND": "pool", "PDF_POOL_SIZE": 2, "PDF_TIMEOUT": 60,
                      "PDF_RECYCLE_AFTER": 0})
    converter = app.extensions["converter"]
    assert converter.wait_ready(timeout=90, count=2), converter.status()
    yield app
    converter.close()


@pytest.fixture
def pdf_client(pdf_app):
    return pdf_app.test_client()
