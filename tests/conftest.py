import pytest

from app import create_app
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
