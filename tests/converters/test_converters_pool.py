"""A local pool of default size: conversion, status, concurrency, crash recovery."""

from __future__ import annotations

import json
import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from converter_checks import (
    assert_sample_pdf,
    pool_recovered,
    running_pool,
    soffice_of,
    wait_for,
)

from converters import ConversionError, Converter


@pytest.fixture(scope="module")
def pool():
    with running_pool() as pool:
        assert pool.wait_ready(90, count=pool.size), pool.status()
        yield pool


@pytest.fixture
def full_pool(pool):
    """The module's pool, with every instance ready (a previous test may have broken one)."""
    assert pool.wait_ready(90, count=pool.size), pool.status()
    return pool


def test_converts_docx_to_pdf_with_vietnamese_text_and_embedded_font(full_pool, sample_docx):
    assert_sample_pdf(full_pool.convert(sample_docx))


def test_status_describes_every_instance(full_pool, sample_docx):
    full_pool.convert(sample_docx)
    status = full_pool.status()

    assert isinstance(full_pool, Converter)
    assert json.loads(json.dumps(status)) == status
    assert status["backend"] == "pool"
    assert status["available"] is True
    assert status["size"] == os.cpu_count() == len(status["instances"])
    assert status["ready"] == status["size"]
    assert status["queue"] == 0
    assert status["queue_limit"] >= 8 * status["size"]
    ports = set()
    for instance in status["instances"]:
        assert instance["state"] in ("ready", "busy")  # busy: a health probe is running
        assert isinstance(instance["pid"], int)
        assert isinstance(instance["soffice_pid"], int)
        ports.update((instance["port"], instance["uno_port"]))
    assert len(ports) == 2 * status["size"]
    assert sum(instance["conversions"] for instance in status["instances"]) >= 1


def test_sixteen_concurrent_conversions_all_succeed(full_pool, sample_docx):
    with ThreadPoolExecutor(max_workers=16) as executor:
        pdfs = list(executor.map(lambda _: full_pool.convert(sample_docx), range(16)))

    assert len(pdfs) == 16
    for pdf in pdfs:
        assert_sample_pdf(pdf)
    assert full_pool.status()["queue"] == 0


def test_killed_soffice_is_replaced_while_requests_keep_coming(full_pool, sample_docx):
    victim = full_pool.status()["instances"][0]
    results: list[bytes | ConversionError] = []
    stop = threading.Event()

    def keep_converting():
        while not stop.is_set():
            try:
                results.append(full_pool.convert(sample_docx))
            except ConversionError as exc:
                results.append(exc)

    workers = [threading.Thread(target=keep_converting) for _ in range(3)]
    for worker in workers:
        worker.start()
    try:
        assert wait_for(lambda: len(results) >= 3, 30)
        os.kill(soffice_of(victim["pid"]), signal.SIGKILL)
        recovered = wait_for(lambda: pool_recovered(full_pool, {victim["pid"]}), 60)
    finally:
        stop.set()
        for worker in workers:
            worker.join(120)

    assert recovered, full_pool.status()
    assert not any(worker.is_alive() for worker in workers)
    replacement = full_pool.status()["instances"][0]
    assert replacement["restarts"] > victim["restarts"]
    assert_sample_pdf(full_pool.convert(sample_docx))
    # Most requests went through on the surviving instance or on the retry.
    assert sum(isinstance(result, bytes) for result in results) > len(results) // 2
