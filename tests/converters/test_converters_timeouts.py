"""A one-instance pool with a short timeout: hung conversions and a full queue.

LibreOffice is made to hang by stopping its process with SIGSTOP. Only the
conversions meant to hang get the short timeout: a sound one on a busy machine
may well take longer.
"""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest
from converter_checks import (
    assert_sample_pdf,
    is_running,
    pool_recovered,
    running_pool,
    soffice_of,
    wait_for,
)

from converters import ConversionTimeout, ConversionUnavailable

TIMEOUT = 3.0
SOUND_TIMEOUT = 60.0


@pytest.fixture(scope="module")
def pool():
    # No health probe: it would find the stopped LibreOffice before the requests do.
    with running_pool(
        size=1, timeout=SOUND_TIMEOUT, queue_limit=1, queue_wait=60, health_interval=3600
    ) as pool:
        yield pool


@pytest.fixture
def hung_pool(pool):
    """The pool with its only LibreOffice stopped; yields that instance's status."""
    assert pool.wait_ready(90, count=1), pool.status()
    instance = pool.status()["instances"][0]
    soffice = soffice_of(instance["pid"])
    os.kill(soffice, signal.SIGSTOP)
    yield pool, instance
    if is_running(soffice):  # the pool failed to kill it: let it go on
        os.kill(soffice, signal.SIGCONT)


def test_hung_conversion_is_cut_at_the_timeout_and_its_instance_replaced(hung_pool, sample_docx):
    pool, instance = hung_pool
    started = time.monotonic()
    with pytest.raises(ConversionTimeout) as raised:
        pool.convert(sample_docx, timeout=TIMEOUT)
    elapsed = time.monotonic() - started

    assert raised.value.seconds == TIMEOUT
    assert "giây" in str(raised.value)
    assert elapsed < 5 * TIMEOUT  # the timeout, then the kill of the instance
    assert wait_for(lambda: not is_running(instance["soffice_pid"]), 10)
    assert wait_for(lambda: pool_recovered(pool, {instance["pid"]}), 60), pool.status()
    assert_sample_pdf(pool.convert(sample_docx))


def test_full_queue_rejects_at_once_and_queued_request_is_served_later(hung_pool, sample_docx):
    pool, _ = hung_pool
    outcomes = {}

    def convert(name, timeout=None):
        try:
            outcomes[name] = pool.convert(sample_docx, timeout=timeout)
        except Exception as exc:
            outcomes[name] = exc

    converting = threading.Thread(target=convert, args=("converting", TIMEOUT))
    converting.start()
    assert wait_for(lambda: pool.status()["busy"] == 1, 10)
    queued = threading.Thread(target=convert, args=("queued",))
    queued.start()
    assert wait_for(lambda: pool.status()["queue"] == 1, 10)

    started = time.monotonic()
    with pytest.raises(ConversionUnavailable) as raised:
        pool.convert(sample_docx)
    assert time.monotonic() - started < 5  # no wait in the queue (which would be 60 s)
    assert raised.value.retry_after > 0
    assert "bận" in str(raised.value)

    converting.join(60)
    queued.join(120)
    assert isinstance(outcomes["converting"], ConversionTimeout)
    # It waited for the replacement instance, then got its PDF.
    assert_sample_pdf(outcomes["queued"])
