"""serve.py's default thread count leaves threads for other requests when PDFs queue."""

from __future__ import annotations

from serve import MIN_THREADS, threads_for


def test_threads_outnumber_the_pdf_requests_the_converter_admits():
    status = {"queue_limit": 16, "size": 2}  # a pool of 2: 2 converting, 16 waiting
    assert threads_for(status) > status["queue_limit"] + status["size"]


def test_threads_without_pdf_conversion():
    assert threads_for({"backend": "none", "queue_limit": 0, "size": 0}) == MIN_THREADS
