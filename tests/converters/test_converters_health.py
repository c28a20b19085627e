"""A LibreOffice that hangs (SIGSTOP) keeps live processes, so only a real conversion
tells: the health probe finds it, takes it out and replaces it, and a retry never lands on it.
"""

from __future__ import annotations

import io
import os
import signal
import zipfile

import pytest
from converter_checks import (
    assert_sample_pdf,
    instance_dir,
    is_running,
    left_in_tmp,
    pool_recovered,
    running_pool,
    soffice_of,
    wait_for,
)

from converters import ConversionFailed, ConversionTimeout

PROBE_DEADLINE = 3.0
def _broken_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"not xml")
    return buffer.getvalue()


# A DOCX by its signature that LibreOffice cannot load: a fault on a healthy instance.
BROKEN_DOCX = _broken_docx()


def out_of_service(pool, victim: dict) -> bool:
    """The victim is no longer an instance of the pool (taken out, successor on its way)."""
    return all(instance["pid"] != victim["pid"] for instance in pool.status()["instances"])


@pytest.fixture
def stopped():
    """Stop a soffice for the test; let it go on if the pool failed to kill it."""
    pids = []

    def stop(pid: int) -> None:
        os.kill(pid, signal.SIGSTOP)
        pids.append(pid)

    yield stop
    for pid in pids:
        if is_running(pid):
            os.kill(pid, signal.SIGCONT)


def test_stopped_soffice_is_found_by_the_health_probe_and_replaced(sample_docx, stopped):
    with running_pool(size=2, health_interval=1.0, health_timeout=PROBE_DEADLINE) as pool:
        assert pool.wait_ready(90, count=2), pool.status()
        victim = pool.status()["instances"][0]
        hung = soffice_of(victim["pid"])
        stopped(hung)

        assert wait_for(lambda: out_of_service(pool, victim), 60), pool.status()
        # Meanwhile a request goes to the other instance.
        assert_sample_pdf(pool.convert(sample_docx))
        assert "health probe" in pool.status()["instances"][0]["last_error"]
        assert wait_for(lambda: not is_running(hung), 10)
        assert wait_for(lambda: pool_recovered(pool, {victim["pid"]}), 60), pool.status()
        assert not left_in_tmp(instance_dir(pool, victim))


def test_retry_is_never_sent_to_a_hung_instance(sample_docx, stopped):
    # No periodic probe: the hung instance stays "ready" until the retry's probe finds it.
    with running_pool(size=2, health_interval=3600, health_timeout=PROBE_DEADLINE) as pool:
        assert pool.wait_ready(90, count=2), pool.status()
        # Idle instances are chosen least used first: three conversions go 0, 1, 0,
        # so the next one starts on instance 1 and its retry would go to instance 0.
        for _ in range(3):
            pool.convert(sample_docx)
        instances = pool.status()["instances"]
        assert [instance["conversions"] for instance in instances] == [2, 1]
        hung = soffice_of(instances[0]["pid"])
        stopped(hung)

        with pytest.raises(ConversionFailed) as raised:
            pool.convert(BROKEN_DOCX, timeout=60)

        # The document failed twice on instance 1; instance 0 was probed, found hung,
        # taken out, and never given the document (that would have been a timeout).
        assert not isinstance(raised.value, ConversionTimeout)
        assert "Could not load" in raised.value.detail
        assert "health probe" in pool.status()["instances"][0]["last_error"]
        assert wait_for(lambda: not is_running(hung), 10)
        assert wait_for(lambda: pool_recovered(pool, {instances[0]["pid"]}), 60), pool.status()
