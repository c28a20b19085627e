"""Fixtures of the robustness suite: one app per module (Hypothesis runs
many examples through the same app; function-scoped fixtures would be
rebuilt for none of them)."""

from __future__ import annotations

import pytest

from app import create_app


@pytest.fixture(scope="module")
def docx_app():
    app = create_app({"TESTING": True, "PDF_BACKEND": "none"})
    yield app
    app.extensions["converter"].close()


@pytest.fixture(scope="module")
def docx_client(docx_app):
    return docx_app.test_client()
